"""Every kind's print page is styled by stylesheet files only: the platform's
(static/css/pdf.css) and the kind's own, linked from its print template. The on-screen
preview shows that page in a frame under the site's CSP (`style-src 'self'`), which drops
an inline <style> or style attribute: the preview would read otherwise than the PDF."""

import re

import pytest

from cica_docs.documents.kinds import kinds
from cica_docs.documents.models import Document, Series
from cica_docs.rendering.fetcher import ORIGIN, SafeURLFetcher
from cica_docs.rendering.screen import screen_html
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db
_LINK = re.compile(r'<link rel="stylesheet" href="([^"]+)">')


@pytest.mark.parametrize("kind", kinds(), ids=lambda kind: kind.key)
def test_a_kinds_print_page_is_styled_by_stylesheets_the_renderer_and_the_preview_load(
    kind, drafter,
):
    Series.objects.create(code="STYLE/T", name="Styles", next_number=1)
    series = {"series": "STYLE/T"} if kind.requires_series else {}
    response = token_client(drafter).post(f"/api/v1/{kind.api_path}/",
                                          {**kind.example(), **series}, format="json")
    assert response.status_code == 201, response.json()
    document = Document.objects.get(pk=response.json()["id"]).specific
    parts = kind.print_parts(document)
    assert parts
    for part in parts:
        assert "<style" not in part.html and " style=" not in part.html
        sheets = _LINK.findall(part.html)
        assert sheets, "the kind links its own print stylesheet"
        for url in sheets:
            assert url.startswith(f"{ORIGIN}/static/css/")
            fetched = SafeURLFetcher().fetch(url)
            assert fetched.headers["Content-Type"].startswith("text/css")
            assert f".{kind.key}" in fetched.read().decode()
        shown = screen_html(part.html)
        assert ORIGIN not in shown
        for url in sheets:
            assert f'href="/static/{url.removeprefix(f"{ORIGIN}/static/")}"' in shown
