import base64

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage

from cica_docs.rendering.fetcher import RefusedURL, SafeURLFetcher, letterhead_url, static_url

PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c00000000049454e44ae426082"
)

REFUSED = [
    "file:///etc/hostname",
    "file:///etc/passwd",
    "http://127.0.0.1:9/x",
    "http://169.254.169.254/latest/meta-data/",
    "https://example.org/static/fonts/PTSerif-Regular.ttf",
    "ftp://127.0.0.1/x",
    "data:text/html,<script>alert(1)</script>",
    "data:application/pdf;base64,JVBERi0=",
    static_url("fonts/../../cica_docs/settings.py"),
    static_url("fonts/%2e%2e/%2e%2e/cica_docs/settings.py"),
    static_url("vendor/bootstrap/bootstrap.min.css"),
    "https://cica-docs.invalid/media/other/secret.png",
    "https://cica-docs.invalid/media/letterhead/../../etc/passwd.png",
    "https://cica-docs.invalid/static/fonts/PTSerif-Regular.ttf?x=1",
]


@pytest.mark.parametrize("url", REFUSED)
def test_the_fetcher_refuses_anything_but_the_apps_own_resources(url):
    fetcher = SafeURLFetcher()
    with pytest.raises(RefusedURL):
        fetcher(url)
    assert fetcher.refused == [url[:200]]


def test_the_fetcher_serves_the_bundled_fonts_and_print_stylesheet():
    fetcher = SafeURLFetcher()
    font = fetcher(static_url("fonts/PTSerif-Regular.ttf"))
    assert font.read(4) == b"\x00\x01\x00\x00"
    css = fetcher(static_url("css/pdf.css"))
    assert css.content_type == "text/css" and b"@font-face" in css.read()


def test_the_fetcher_serves_image_data_urls():
    response = SafeURLFetcher()("data:image/png;base64,iVBORw0KGgo=")
    assert response.content_type == "image/png" and response.read() == b"\x89PNG\r\n\x1a\n"


def test_the_fetcher_serves_an_uploaded_letterhead_image_from_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save("letterhead/emblem.png", ContentFile(PNG))
    response = SafeURLFetcher()(letterhead_url(name))
    assert response.read() == PNG and response.content_type == "image/png"


def test_a_letterhead_url_cannot_point_outside_the_letterhead_folder():
    with pytest.raises(RefusedURL):
        letterhead_url("../settings.py")
    with pytest.raises(RefusedURL):
        letterhead_url("drafts/secret.png")


def test_a_print_page_on_screen_links_the_print_stylesheet_and_inlines_the_emblem(
    settings, tmp_path
):
    """The browser cannot reach the renderer's origin: the preview's copy of a print page
    names the site's static files and carries the uploaded emblem itself (the CSP allows
    data: images); a URL the renderer refuses is dropped, as the renderer drops it."""
    from cica_docs.rendering.screen import screen_html

    settings.MEDIA_ROOT = tmp_path
    name = default_storage.save("letterhead/emblem.png", ContentFile(PNG))
    page = screen_html(
        '<html lang="kk"><head><meta charset="utf-8"></head><body>'
        f'<img src="{letterhead_url(name)}"><img src="{letterhead_url("letterhead/gone.png")}">'
        f'<p style="background: url({static_url("img/x.png")})">Мәтін</p></body></html>'
    )
    assert '<link rel="stylesheet" href="/static/css/pdf.css">' in page
    assert '<link rel="stylesheet" href="/static/css/print-screen.css">' in page
    assert f'src="data:image/png;base64,{base64.b64encode(PNG).decode()}"' in page
    assert 'src=""' in page and "url(/static/img/x.png)" in page
    assert "cica-docs.invalid" not in page and "<p" in page and "Мәтін" in page
