"""Transitional: the issue-time render moved to `cica_docs.issuing.services`.

circulation/serving.py (changed in a branch of its own at the time of the move) still
imports `file_name` from here; remove this module once it imports the new place.
"""

from cica_docs.issuing.services import file_name

__all__ = ["file_name"]
