"""Promise 6: rendering touches nothing outside the app — proved with the real renderer.

An audit hook (inherited by the forked render process) writes every file open and socket
event to a pipe, and a loopback TCP listener checks that nobody knocked.
"""

import contextlib
import io
import os
import socket
import sys
import sysconfig
import tempfile

import pytest
from django.conf import settings
from pypdf import PdfReader

from cica_docs.rendering.fetcher import SafeURLFetcher
from cica_docs.rendering.pdf import render_pdf

from .conftest import pdftotext, render_reference
from .reference import ISSUED, note_copy

_AUDIT = {"fd": None}


def _hook(event, args, _audit=_AUDIT):
    # `_audit` is bound here: the hook outlives this module's globals at interpreter exit.
    fd = _audit["fd"]
    if fd is None:
        return
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        os.write(fd, f"open {os.fsdecode(args[0])}\n".encode())
    elif event.startswith("socket.") or event.startswith("urllib."):
        os.write(fd, f"{event} {args!r}\n".encode()[:500])


sys.addaudithook(_hook)


@contextlib.contextmanager
def watch():
    """Records opens and socket use (here and in the forked renderer) while a listener on
    127.0.0.1 waits for a connection that must never come."""
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed below, after reading
    listener = socket.create_server(("127.0.0.1", 0))
    listener.setblocking(False)
    events = {"port": listener.getsockname()[1]}
    _AUDIT["fd"] = log.fileno()
    try:
        yield events
    finally:
        _AUDIT["fd"] = None
    try:
        listener.accept()[0].close()
        events["connected"] = True
    except BlockingIOError:
        events["connected"] = False
    listener.close()
    log.seek(0)
    events["lines"] = log.read().decode().splitlines()
    log.close()


def hostile_body(port):
    return (
        f'<link rel="attachment" href="file:///etc/hostname">\n\n'
        f'<img src="http://127.0.0.1:{port}/x">\n\n'
        f"![x](file:///etc/passwd) ![meta](http://169.254.169.254/latest/meta-data/)\n\n"
        f"[there](http://127.0.0.1:{port}/y)"
    )


def hostile_html(port):
    return (
        '<html><head><link rel="attachment" href="file:///etc/hostname">'
        f'<link rel="stylesheet" href="http://127.0.0.1:{port}/s.css"></head><body>'
        f'<img src="http://127.0.0.1:{port}/x"><img src="file:///etc/passwd">'
        '<img src="http://169.254.169.254/latest/meta-data/">'
        '<a rel="attachment" href="file:///etc/hostname">x</a>'
        f'<p style="background: url(http://127.0.0.1:{port}/bg)">text</p></body></html>'
    )


ALLOWED_ROOTS = tuple(
    os.path.realpath(root)
    for root in (
        settings.BASE_DIR,  # bundled fonts and the print stylesheet
        sysconfig.get_paths()["purelib"],  # WeasyPrint's own files (sRGB profile, UA CSS)
        sysconfig.get_paths()["stdlib"],
        tempfile.gettempdir(),  # WeasyPrint's copy of the fonts for fontconfig
        "/dev/null",
    )
)


def assert_nothing_outside_touched(events):
    assert events["connected"] is False
    assert [line for line in events["lines"] if not line.startswith("open ")] == []
    opened = [line.removeprefix("open ") for line in events["lines"]]
    assert opened  # the hook did see the renderer read its fonts
    assert [p for p in opened if not os.path.realpath(p).startswith(ALLOWED_ROOTS)] == []
    assert not any(p.startswith("/etc") for p in opened)


def assert_no_attachment(data):
    reader = PdfReader(io.BytesIO(data))
    assert reader.attachments == {}
    assert "/Names" not in reader.trailer["/Root"]
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            assert annotation.get_object()["/Subtype"] != "/FileAttachment"


def test_a_hostile_note_body_renders_without_reading_files_or_opening_sockets():
    with watch() as events:
        result = render_reference([note_copy("en", body=hostile_body(events["port"]))])
    assert_nothing_outside_touched(events)
    assert_no_attachment(result.data)
    text = pdftotext(result.data)
    assert "/etc/passwd" not in text and "169.254" not in text  # URLs never printed
    # Raw HTML is shown as text, not obeyed (its quotes printed curly, as any typed quote).
    assert "<link rel=“attachment”" in text


def test_raw_html_with_file_and_network_urls_renders_without_touching_either():
    with watch() as events:
        data = render_pdf(html=hostile_html(events["port"]), title="t", author="a",
                          language="en", created=ISSUED)
    assert_nothing_outside_touched(events)
    assert_no_attachment(data)
    assert "text" in pdftotext(data)


@pytest.mark.parametrize("url", [
    "file:///etc/hostname", "file:///etc/passwd", "http://127.0.0.1:9/x",
    "http://169.254.169.254/", "data:text/plain,hello",
])
def test_the_fetcher_called_directly_refuses_the_hostile_urls(url):
    with pytest.raises(ValueError):
        SafeURLFetcher()(url)
