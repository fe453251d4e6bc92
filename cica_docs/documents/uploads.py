"""Uploaded PDF files to enclose: the one service that accepts them.

`enclosed_file_create` reads the upload, refuses what may not be circulated with a message
saying why (`UploadRefused`), and stores an acceptable file once, rewritten without its
actions: the rewrite (never the file as it arrived) is what is stored, hashed, merged and
downloaded, and the same upload again gives the record already there. The facts and the
rewrite come from `rendering.inspect.inspect_pdf`.
"""

import hashlib
import logging

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from cica_docs.audit.log import record
from cica_docs.rendering.inspect import inspect_pdf
from cica_docs.rendering.pdf import RenderError
from cica_docs.storage import STORAGE_ERRORS

from .models import EnclosedFile
from .services import require_drafter

logger = logging.getLogger(__name__)


class UploadRefused(Exception):
    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


def problem_message(code: str, *, pages: int = 0) -> str:
    messages = {
        "not_pdf": _("The file is not a PDF."),
        "not_pdf_start": _("The file does not begin with a PDF header: something else comes "
                           "first, and other programs may open it as another kind of file. "
                           "Save it again as PDF and upload the new copy."),
        "unreadable": _("The PDF is damaged and cannot be read; save it again and upload "
                        "the new copy."),
        "encrypted": _("The PDF is encrypted or protected by a password; save a copy "
                       "without protection and upload that."),
        "no_pages": _("The PDF has no pages."),
        "too_many_pages": _("The PDF has %(pages)s pages; at most %(limit)s can be enclosed.")
        % {"pages": pages, "limit": settings.PDF_MAX_PAGES},
        "active_content": _("The PDF contains scripts, actions or embedded files, which are "
                            "never circulated. Print it to a new PDF and upload that."),
    }
    return messages[code]


def enclosed_file_create(*, upload, title: str, by) -> tuple[EnclosedFile, bool]:
    """Store `upload` (a Django UploadedFile) as an enclosable PDF. Returns the record and
    whether it is new; raises `UploadRefused` with the reason, `NotPermitted` for a role
    that does not draft."""
    require_drafter(by)
    title = " ".join(title.split())
    if not title:
        raise UploadRefused(_("Give the file a title."))
    if upload.size > settings.ENCLOSURE_MAX_BYTES:
        raise UploadRefused(
            _("The file is %(size)s; the largest PDF that can be enclosed is %(limit)s.")
            % {"size": filesizeformat(upload.size),
               "limit": filesizeformat(settings.ENCLOSURE_MAX_BYTES)}
        )
    try:
        facts = inspect_pdf(b"".join(upload.chunks()))
    except RenderError:
        raise UploadRefused(problem_message("unreadable")) from None
    if facts.problem:
        raise UploadRefused(problem_message(facts.problem, pages=facts.pages))
    # What is kept is the rewrite without actions (the same upload gives the same bytes).
    data = facts.data
    digest = hashlib.sha256(data).hexdigest()
    existing = EnclosedFile.objects.filter(sha256=digest).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            enclosed = EnclosedFile(
                title=title[:300],
                original_name=(upload.name or "")[:255],
                sha256=digest,
                size=len(data),
                pages=facts.pages,
                pages_not_a4=facts.pages_not_a4,
                fonts_not_embedded=list(facts.fonts_not_embedded),
                uploaded_by=by,
            )
            enclosed.file.save(f"{digest}.pdf", ContentFile(data), save=False)
            enclosed.save()
            record(action="enclosed_file.upload", actor=by, target=enclosed,
                   sha256=digest, pages=facts.pages, size_uploaded=upload.size,
                   removed=list(facts.removed))
    except IntegrityError:  # the same bytes, uploaded by someone else a moment ago
        return EnclosedFile.objects.get(sha256=digest), False
    except STORAGE_ERRORS:  # nothing saved: the transaction is rolled back
        logger.exception("an uploaded enclosure could not be stored")
        raise UploadRefused(_("The file could not be stored just now: nothing was saved. "
                              "Please try again in a few minutes.")) from None
    return enclosed, True
