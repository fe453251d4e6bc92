"""The verification line of each issued language copy: a small line and a QR code in the
bottom margin of the copy's last page, in its language — the verification address (with
the file's token), the number, the date of issue and the first characters of the SHA-256 of
the issued text. It is a running element of the page's bottom margin box (pdf.css), so it
can never move the text: page counts and enclosure lines stay what they were."""

import segno
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override

from cica_docs.documents import content as content_mod
from cica_docs.languages import format_date, format_date_attributive

from .keys import configured
from .services import token_for

DIGEST_CHARACTERS = 16


def text_digest(document) -> str:
    """The SHA-256 of the issued text, as the line and the verification page show it."""
    return content_mod.content_hash(content_mod.normalised(document.issued.revision.content))


def address(token: str, language: str) -> str:
    with override(language):
        return settings.SITE_URL + reverse("seal:address", args=[token])


def verification_lines(document) -> dict[str, str]:
    """{language: the HTML of its verification line} for an issued document's own copies;
    nothing where no seal is configured (nothing could be verified)."""
    if not configured():
        return {}
    issued = document.issued
    digest = text_digest(document)[:DIGEST_CHARACTERS]
    lines = {}
    for language in document.languages:
        url = address(token_for(document.pk, language), language)
        qr = segno.make(url, error="m", micro=False).svg_data_uri(border=0, scale=1)
        with override(language):
            lines[language] = render_to_string("seal/verification_line.html", {
                "language": language, "url": url, "qr": qr, "symbol": issued.symbol,
                "dated": format_date_attributive(issued.issued_on, language),
                "date": format_date(issued.issued_on, language), "digest": digest,
            })
    return lines
