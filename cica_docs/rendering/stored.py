"""Stored files (rendered PDFs, uploaded enclosures) read back only if they are still the
bytes that were stored (SECURITY.md 14).

Each `RenderedFile` and `EnclosedFile` keeps the SHA-256 of its bytes. A file changed or
replaced in storage afterwards — by someone with access to the disk or the bucket, or by
a fault — must not reach a delegate as the official document, nor be merged into a new
package. `stored_bytes` reads the whole file, hashes it, and hands back the bytes only if
the digest matches; otherwise it records a security event and raises `StoredFileRefused`,
which every page and the API turn into a refusal (no byte of the file is sent).

Reading before sending (rather than hashing while streaming) is what makes "never the
bytes" hold: a stream would have sent most of a forged file before its digest is known.
Hidden cost: the file is held in memory while it is served (at most ENCLOSURE_MAX_BYTES for
an upload, a few MB for a package); SHA-256 runs at several hundred MB/s here.
"""

import hashlib

from django.utils.translation import gettext_lazy as _

from cica_docs.audit.log import security_event
from cica_docs.storage import STORAGE_ERRORS


class StoredFileRefused(Exception):
    """The stored file is missing or differs from its recorded SHA-256; never served."""

    message = _("This PDF cannot be delivered: the stored file is missing or no longer "
                "matches the fingerprint (SHA-256) recorded when it was made. Nothing was "
                "sent, and the Secretariat's administrators have been alerted.")


def stored_bytes(stored, *, request=None) -> bytes:
    """The bytes of `stored` (anything with a `file` and its `sha256`), checked."""
    try:
        with stored.file.open("rb") as handle:
            data = handle.read()
    except (*STORAGE_ERRORS, ValueError) as error:  # ValueError: a record without a file name
        _refuse(stored, request, reason="missing", error=repr(error))
    found = hashlib.sha256(data).hexdigest()
    if found != stored.sha256:
        _refuse(stored, request, reason="sha256 mismatch", found=found, size=len(data))
    return data


def _refuse(stored, request, **detail):
    security_event(action="stored_file.refused", request=request, target=stored,
                   name=stored.file.name, expected=stored.sha256, **detail)
    raise StoredFileRefused(str(stored.file.name))
