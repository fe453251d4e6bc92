"""Sealing issued files: a PAdES signature (baseline B-B; B-T where a timestamp
authority is configured) appended as an incremental update, so the bytes the renderer
wrote stay the first bytes of the sealed file, unchanged."""

import asyncio
import io
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC

from cryptography.hazmat.primitives import serialization
from django.conf import settings
from django.utils.crypto import salted_hmac

from .keys import SealKey, SealUnavailable, current_key
from .models import Seal, SealCertificate

FIELD = "CICA-Seal"


def token_for(document_id: int, variant: str) -> str:
    """The verification token of one file: unguessable without the server's secret, and
    known before the file is rendered (the same for every attempt)."""
    digest = salted_hmac("cica_docs.seal.token", f"{document_id}:{variant}",
                         algorithm="sha256").hexdigest()
    return digest[:32]


def outside_event_loop(function, *args, **kwargs):
    """Call one of pyHanko's synchronous functions, which start an event loop of their own
    (asyncio.run): in a thread of its own where this thread already runs a loop (an ASGI
    server; Playwright's sync API in the browser tests)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return function(*args, **kwargs)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(function, *args, **kwargs).result()


def seal_pdf(data: bytes, key: SealKey | None = None) -> bytes:
    """`data` with the Secretariat's seal; unchanged where no seal is configured."""
    key = key or current_key()
    if key is None:
        return data
    from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
    from pyhanko.sign import fields
    from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata, PdfSigner

    timestamper = None
    if settings.SEAL_TSA_URL:
        from pyhanko.sign.timestamps import HTTPTimeStamper

        timestamper = HTTPTimeStamper(settings.SEAL_TSA_URL)
    metadata = PdfSignatureMetadata(
        field_name=FIELD, subfilter=fields.SigSeedSubFilter.PADES, md_algorithm="sha256",
        location="Astana", reason="Issued by the CICA Secretariat",
    )
    out = io.BytesIO()
    try:
        writer = IncrementalPdfFileWriter(io.BytesIO(data), strict=False)
        signer = PdfSigner(metadata, signer=key.signer, timestamper=timestamper)
        outside_event_loop(signer.sign_pdf, writer, output=out)
    except Exception as error:  # pyHanko's errors have no common base worth naming
        raise SealUnavailable(f"the file could not be sealed: {error}") from error
    return out.getvalue()


def certificate_row(key: SealKey) -> SealCertificate:
    certificate = key.certificate
    row, _created = SealCertificate.objects.get_or_create(
        fingerprint=key.fingerprint,
        defaults={
            "subject": certificate.subject.rfc4514_string()[:500],
            "issuer": certificate.issuer.rfc4514_string()[:500],
            "serial": format(certificate.serial_number, "x")[:100],
            "not_before": certificate.not_valid_before_utc.astimezone(UTC),
            "not_after": certificate.not_valid_after_utc.astimezone(UTC),
            "pem": certificate.public_bytes(serialization.Encoding.PEM).decode(),
        },
    )
    return row


def record(rendered_file, key: SealKey | None) -> Seal | None:
    """The seal row of a file just stored (in the storing transaction)."""
    if key is None:
        return None
    return Seal.objects.create(
        rendered_file=rendered_file, sha256=rendered_file.sha256,
        token=token_for(rendered_file.document_id, rendered_file.variant),
        certificate=certificate_row(key),
    )
