"""PDF responses: bytes rendered now, or a stored file served only while its bytes match."""

import io

from django.http import FileResponse, HttpResponse

from .stored import stored_bytes


def pdf_response(data_or_file, *, filename: str, inline: bool, etag: str = ""):
    """A PDF to download or show inline. Restricted: `NoStoreMiddleware` tells every cache
    not to keep it."""
    if isinstance(data_or_file, bytes):
        response = HttpResponse(data_or_file, content_type="application/pdf")
        disposition = "inline" if inline else "attachment"
        response["Content-Disposition"] = f'{disposition}; filename="{filename}"'
    else:
        response = FileResponse(
            data_or_file, as_attachment=not inline, filename=filename,
            content_type="application/pdf",
        )
    if etag:
        response["ETag"] = f'"{etag}"'
    return response


def stored_pdf_response(stored, *, request, filename: str, inline: bool):
    """A stored PDF (a `RenderedFile` or an `EnclosedFile`), served only if its bytes still
    match their SHA-256 (`stored.stored_bytes`); else `StoredFileRefused` is raised, which
    `refused_page` and the API turn into a refusal."""
    data = stored_bytes(stored, request=request)
    return pdf_response(io.BytesIO(data), filename=filename, inline=inline, etag=stored.sha256)
