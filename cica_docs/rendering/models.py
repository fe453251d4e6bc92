"""Transitional: `RenderedFile` and `PACKAGE` moved to `cica_docs.issuing.models`.

circulation/serving.py (changed in a branch of its own at the time of the move) still
imports them from here; remove this module once it imports `cica_docs.issuing.models`.
The rendering app itself has no models (its migrations moved them to the issuing app).
"""

from cica_docs.issuing.models import PACKAGE, RenderedFile

__all__ = ["PACKAGE", "RenderedFile"]
