"""Whether a file is one the Secretariat issued, unchanged, and what became of it since.

A file is matched only by its SHA-256 against the stored, sealed files; a verification
address only by its token. Either way the verdict names nothing but the one file the
visitor holds (or was given the address of): no search, no listing, no other document.
"""

import hashlib
import io
from dataclasses import dataclass, field
from datetime import datetime

from django.utils.translation import gettext_lazy as _

from cica_docs.circulation.models import variant_label
from cica_docs.documents.models import Document, WorkflowEvent

from .keys import trust_roots
from .line import text_digest
from .models import Seal
from .services import outside_event_loop

# Why a file is not valid: a code for programs, a sentence for people.
UNKNOWN = "unknown"
SIGNATURE = "signature"
NOT_PDF = "not_pdf"
REASONS = {
    UNKNOWN: _("This file is not one the CICA Secretariat issued, or it has been changed "
               "since it was issued."),
    SIGNATURE: _("The file's seal does not verify against the Secretariat's certificates."),
    NOT_PDF: _("This file is not a PDF document."),
}


@dataclass
class Verdict:
    valid: bool
    reason: str = ""  # a code of REASONS where not valid
    symbol: str = ""
    title: str = ""
    issued_on: object = None
    variant: str = ""
    languages: list[str] = field(default_factory=list)
    pages: int = 0
    sha256: str = ""
    text_sha256: str = ""  # of the issued text: its first characters are in the printed line
    status: str = ""  # in_force / withdrawn / corrected
    withdrawn_at: datetime | None = None
    corrected_by: list[str] = field(default_factory=list)
    certificate: dict = field(default_factory=dict)
    signature_checked: bool = False

    @property
    def message(self) -> str:
        return str(REASONS.get(self.reason, "")) if not self.valid else ""

    @property
    def variant_label(self) -> str:
        return variant_label(self.variant) if self.variant else ""

    def as_json(self) -> dict:
        return {
            "valid": self.valid,
            "reason": self.reason or None,
            "message": self.message or None,
            **({} if not self.symbol and not self.sha256 else {
                "symbol": self.symbol,
                "title": self.title,
                "issued_on": self.issued_on.isoformat() if self.issued_on else None,
                "file": self.variant,
                "languages": self.languages,
                "pages": self.pages,
                "sha256": self.sha256,
                "text_sha256": self.text_sha256,
                "status": self.status,
                "withdrawn_at": self.withdrawn_at.isoformat() if self.withdrawn_at else None,
                "corrected_by": self.corrected_by,
                "certificate": self.certificate,
                "signature_checked": self.signature_checked,
            }),
        }


def _facts(seal: Seal, verdict: Verdict) -> Verdict:
    rendered = seal.rendered_file
    document: Document = rendered.document
    verdict.symbol = document.symbol
    verdict.title = document.display_title
    verdict.issued_on = document.issued_on
    verdict.variant = rendered.variant
    verdict.languages = (list(document.languages) if rendered.variant == "package"
                         else [rendered.variant])
    verdict.pages = rendered.pages
    verdict.sha256 = rendered.sha256
    verdict.text_sha256 = text_digest(document)
    corrections = [c.symbol or f"#{c.pk}" for c in
                   document.corrections.filter(state__in=Document.FROZEN_STATES)
                   .select_related("series").order_by("pk")]
    if document.state == Document.State.WITHDRAWN:
        verdict.status = "withdrawn"
        event = (WorkflowEvent.objects.filter(document=document, to_state=document.state)
                 .order_by("-at").first())
        verdict.withdrawn_at = event.at if event else None
    elif corrections:
        verdict.status = "corrected"
    else:
        verdict.status = "in_force"
    verdict.corrected_by = corrections
    certificate = seal.certificate
    verdict.certificate = {
        "subject": certificate.subject, "issuer": certificate.issuer,
        "fingerprint": certificate.fingerprint,
        "not_before": certificate.not_before.isoformat(),
        "not_after": certificate.not_after.isoformat(),
        "sealed_at": seal.sealed_at.isoformat(),
    }
    return verdict


def _seals():
    return Seal.objects.select_related(
        "certificate", "rendered_file__document__series"
    )


def signature_valid(data: bytes, seal: Seal) -> bool:
    """pyHanko's validation of the file's last signature: intact, covering the whole file,
    made with the certificate recorded for it, and chaining to a trusted CA at the time it
    was sealed."""
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko.sign.validation.errors import SignatureValidationError
    from pyhanko_certvalidator import ValidationContext

    try:
        signatures = PdfFileReader(io.BytesIO(data), strict=False).embedded_signatures
    except Exception:  # a file that hashes right but cannot be parsed: not ours
        return False
    if not signatures:
        return False
    context = ValidationContext(
        trust_roots=trust_roots(), allow_fetching=False, moment=seal.sealed_at,
    )
    try:
        status = outside_event_loop(validate_pdf_signature, signatures[-1], context)
    except (SignatureValidationError, ValueError):
        return False
    fingerprint = status.signing_cert.sha256.hex()
    return bool(status.bottom_line and fingerprint == seal.certificate.fingerprint
                and status.coverage.name == "ENTIRE_FILE")


def verify_file(data: bytes) -> Verdict:
    if not data.startswith(b"%PDF-"):
        return Verdict(valid=False, reason=NOT_PDF)
    digest = hashlib.sha256(data).hexdigest()
    seal = _seals().filter(sha256=digest).first()
    if seal is None:
        return Verdict(valid=False, reason=UNKNOWN)
    verdict = _facts(seal, Verdict(valid=True))
    verdict.signature_checked = True
    if not signature_valid(data, seal):
        verdict.valid, verdict.reason = False, SIGNATURE
    return verdict


def verify_token(token: str) -> Verdict | None:
    """The facts of the file a verification address names; None for an unknown token."""
    if not token or len(token) > 40:
        return None
    seal = _seals().filter(token=token).first()
    if seal is None:
        return None
    return _facts(seal, Verdict(valid=True))
