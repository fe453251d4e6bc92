"""Uploaded PDFs (enclosures) put among the rendered pages, and the outline written over
the whole; the page count of an existing PDF."""

import io

from pypdf import PdfReader, PdfWriter

from .errors import RenderError
from .stamping import stamp_page


def insert_pdf_parts(data, parts, counts, outline, stamp=None):
    """Put the pages of the parts that are PDFs at their places among the rendered pages
    (with `stamp` laid over each, centred, in a draft's preview), and write the outline
    (one bookmark per part, headings nested) over the whole."""
    writer = PdfWriter(clone_from=io.BytesIO(data))
    writer.pdf_header = b"%PDF-1.7"
    position = 0
    for part, count in zip(parts, counts, strict=True):
        if part.pdf:
            for page in PdfReader(io.BytesIO(part.pdf)).pages:
                added = writer.insert_page(page, position)
                if stamp is not None:
                    stamp_page(added, stamp)
                position += 1
        else:
            position += count
    for label, first_page, children in outline:
        parent = writer.add_outline_item(label, first_page)
        _add_children(writer, children, parent)
    return _written(writer)


def _add_children(writer, children, parent):
    for label, (page, _x, _y), grandchildren, _state in children:
        item = writer.add_outline_item(label, page, parent=parent)
        _add_children(writer, grandchildren, item)


def _written(writer) -> bytes:
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def page_count(pdf_bytes: bytes) -> int:
    """Pages of an existing PDF (an enclosure uploaded as a file, a stored rendering)."""
    try:
        return len(PdfReader(io.BytesIO(pdf_bytes)).pages)
    except Exception as error:
        raise RenderError(f"not a readable PDF: {error}") from error
