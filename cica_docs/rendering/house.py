"""The print stylesheet and its bundled fonts, parsed once per process; and one fix to how
WeasyPrint asks cffi for its font subsetting arrays."""

import re
import threading

from weasyprint import CSS
from weasyprint.pdf import fonts as weasyprint_fonts
from weasyprint.text.fonts import FontConfiguration

from cica_docs.typography import hyphenation

from .fetcher import SafeURLFetcher, static_url

STYLESHEET = "css/pdf.css"


class _OpenArrays:
    """WeasyPrint's font subsetting asks cffi for `hb_codepoint_t[<n>]` with a new `n` for
    every font and render, and cffi parses each new declaration with pycparser (~6 ms
    each, ~35 ms of a one-page note). `T[]` with the same items makes the same array and
    is parsed once per process."""

    _SIZED = re.compile(r"(\w+)\[(\d+)\]")

    def __init__(self, ffi):
        self._ffi = ffi

    def __getattr__(self, name):
        return getattr(self._ffi, name)

    def new(self, cdecl, init=None):
        sized = self._SIZED.fullmatch(cdecl) if isinstance(cdecl, str) else None
        if sized and init is not None and len(init) == int(sized[2]):
            cdecl = f"{sized[1]}[]"
        return self._ffi.new(cdecl, init)


if not isinstance(weasyprint_fonts.ffi, _OpenArrays):
    weasyprint_fonts.ffi = _OpenArrays(weasyprint_fonts.ffi)

_house = {}
# In-process renders share the parsed stylesheet and fonts: one at a time (WeasyPrint and
# Pango do not promise thread safety; the web server has threads).
INLINE = threading.Lock()


def house_style():
    """The print stylesheet and its bundled fonts, parsed once per process (and, with
    isolation, once in the parent before any fork, so every child inherits them):
    parsing pdf.css and loading its @font-face rules costs ~15 ms per render otherwise.
    Both are read-only during a render; the fonts are files under static/, fixed for the
    life of the process. The hyphenation dictionaries likewise (50–160 ms each)."""
    if "css" not in _house:  # both are set together, once complete
        hyphenation.preload()
        font_config = FontConfiguration()
        css = CSS(url=static_url(STYLESHEET), url_fetcher=SafeURLFetcher(),
                  font_config=font_config)
        _house.update(font_config=font_config, css=css)
    return _house["css"], _house["font_config"]
