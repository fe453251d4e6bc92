"""The draft mark laid over an uploaded PDF's pages in a draft's preview."""

import io
from html import escape

from pypdf import PdfReader, Transformation
from weasyprint import HTML

from .fetcher import BASE_URL
from .house import house_style


def draft_stamp(mark, fetcher):
    """One A4 page with nothing but the draft mark, half transparent: laid over each page
    of an uploaded PDF in a draft's preview, so that no page of a draft looks final."""
    css, font_config = house_style()
    html = (f'<html lang="en"><body><div class="draft-mark stamp">{escape(mark)}</div>'
            "</body></html>")
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(
        font_config=font_config, stylesheets=[css]
    )
    return PdfReader(io.BytesIO(document.write_pdf())).pages[0]


def stamp_page(page, stamp) -> None:
    """Lay `stamp` over `page`, centred."""
    box = page.mediabox
    page.merge_transformed_page(stamp, Transformation().translate(
        float(box.left) + (float(box.width) - float(stamp.mediabox.width)) / 2,
        float(box.bottom) + (float(box.height) - float(stamp.mediabox.height)) / 2,
    ))
