"""Transitional: composing a document's PDFs moved to `cica_docs.issuing.packages`.

circulation/serving.py (changed in a branch of its own at the time of the move) still
imports `render_one` from here; remove this module once it imports the new place.
"""

from cica_docs.issuing.packages import render_one

__all__ = ["render_one"]
