"""A URL fetcher for WeasyPrint that can only read the app's own resources.

WeasyPrint's default fetcher reads any `file:` URL (a `<link rel="attachment">` embeds the
file in the PDF) and opens sockets to any host (169.254.169.254, 127.0.0.1). This one never
opens a socket and never opens a path it did not resolve itself:

- `https://cica-docs.invalid/static/<fonts|css|img>/…` -> the staticfiles finders;
- `https://cica-docs.invalid/media/letterhead/…` -> Django's default storage (S3 later);
- `data:image/png|jpeg|svg+xml` URLs, decoded here.

Every document is rendered with base URL `ORIGIN/`, so templates write plain root-relative
paths (`/static/fonts/…`). `.invalid` is reserved (RFC 2606): even a bug elsewhere could not
turn such a URL into a real connection.
"""

import base64
import logging
import posixpath
import re
import ssl
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger("cica_docs.security")

ORIGIN = "https://cica-docs.invalid"
BASE_URL = f"{ORIGIN}/"
STATIC_PREFIX = "/static/"
MEDIA_PREFIX = "/media/"
LETTERHEAD_DIR = "letterhead/"
STATIC_DIRS = ("fonts/", "css/", "img/")
MAX_RESOURCE_BYTES = 8 * 1024 * 1024

CONTENT_TYPES = {
    ".ttf": "font/ttf",
    ".otf": "font/otf",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".css": "text/css",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".svg": "image/svg+xml",
}
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".svg")
DATA_IMAGE_TYPES = frozenset({"image/png", "image/jpeg", "image/svg+xml"})
# Letters, digits and a few separators: no `..`, no backslash, no control characters.
_SAFE_PATH = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._/-]*$")


_UNUSED_TLS = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)


class RefusedURL(ValueError):
    """The URL is not one of the app's own resources; nothing was opened."""


def static_url(path: str) -> str:
    """URL of a static file (relative to STATICFILES) as the renderer sees it."""
    return f"{ORIGIN}{STATIC_PREFIX}{path}"


def letterhead_url(storage_name: str) -> str:
    """URL of an uploaded letterhead/emblem image (a default-storage name)."""
    _check_relative_path(storage_name, (LETTERHEAD_DIR,), IMAGE_SUFFIXES)
    return f"{ORIGIN}{MEDIA_PREFIX}{storage_name}"


def _check_relative_path(path: str, allowed_dirs, allowed_suffixes) -> str:
    if not _SAFE_PATH.match(path) or ".." in path.split("/") or "//" in path:
        raise RefusedURL(f"unsafe path {path!r}")
    if posixpath.normpath(path) != path:
        raise RefusedURL(f"unsafe path {path!r}")
    if not path.startswith(allowed_dirs):
        raise RefusedURL(f"path {path!r} is outside {', '.join(allowed_dirs)}")
    if not path.lower().endswith(allowed_suffixes):
        raise RefusedURL(f"file type of {path!r} is not allowed")
    return path


class SafeURLFetcher(URLFetcher):
    """Serves static fonts/CSS/images, letterhead images and image data URLs; refuses
    everything else by raising `RefusedURL` before any file or socket is opened.

    A refusal is an ordinary exception: WeasyPrint then skips the resource (an image is not
    drawn, an attachment not embedded) and the render goes on. `refused` keeps the URLs.
    """

    def __init__(self):
        # No protocol is allowed for the inherited urllib machinery, which is never used.
        # Its HTTPS handler still wants a TLS context: an empty one, because the default
        # loads the system's certificate store (measured: 19 ms per render, for nothing).
        super().__init__(
            allowed_protocols=frozenset(), allow_redirects=False, ssl_context=_UNUSED_TLS
        )
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        try:
            return self._fetch(url)
        except RefusedURL as refusal:
            self.refused.append(url[:200])
            logger.warning("render.url_refused url=%r reason=%s", url[:200], refusal)
            raise

    def _fetch(self, url: str) -> URLFetcherResponse:
        if url[:5].lower() == "data:":
            return self._data(url)
        try:
            parts = urlsplit(url)
        except ValueError:
            raise RefusedURL("malformed URL") from None
        if f"{parts.scheme}://{parts.netloc}".lower() != ORIGIN or parts.query:
            raise RefusedURL("only the app's own resources are served")
        path = unquote(parts.path)
        if path.startswith(STATIC_PREFIX):
            return self._static(url, path.removeprefix(STATIC_PREFIX))
        if path.startswith(MEDIA_PREFIX):
            return self._media(url, path.removeprefix(MEDIA_PREFIX))
        raise RefusedURL("only /static/ and /media/letterhead/ are served")

    def _static(self, url: str, relative: str) -> URLFetcherResponse:
        _check_relative_path(relative, STATIC_DIRS, tuple(CONTENT_TYPES))
        found = finders.find(relative)
        if not found:
            raise RefusedURL(f"no static file {relative!r}")
        with open(found, "rb") as handle:
            body = handle.read(MAX_RESOURCE_BYTES + 1)
        return self._response(url, body, relative)

    def _media(self, url: str, name: str) -> URLFetcherResponse:
        _check_relative_path(name, (LETTERHEAD_DIR,), IMAGE_SUFFIXES)
        if not default_storage.exists(name):
            raise RefusedURL(f"no letterhead image {name!r}")
        with default_storage.open(name, "rb") as handle:
            body = handle.read(MAX_RESOURCE_BYTES + 1)
        return self._response(url, body, name)

    def _data(self, url: str) -> URLFetcherResponse:
        header, comma, payload = url[5:].partition(",")
        if not comma:
            raise RefusedURL("malformed data URL")
        params = [p.strip().lower() for p in header.split(";")]
        if params[0] not in DATA_IMAGE_TYPES:
            raise RefusedURL(f"data URL of type {params[0]!r} is not an image we accept")
        if len(payload) > MAX_RESOURCE_BYTES * 4 // 3 + 4:
            raise RefusedURL("data URL too large")
        try:
            if "base64" in params[1:]:
                body = base64.b64decode(unquote(payload), validate=False)
            else:
                body = unquote_to_bytes(payload)
        except ValueError:
            raise RefusedURL("undecodable data URL") from None
        return URLFetcherResponse(
            url, body, {"Content-Type": params[0]}, status=200
        )

    @staticmethod
    def _response(url: str, body: bytes, name: str) -> URLFetcherResponse:
        if len(body) > MAX_RESOURCE_BYTES:
            raise RefusedURL(f"{name!r} is larger than {MAX_RESOURCE_BYTES} bytes")
        suffix = posixpath.splitext(name)[1].lower()
        return URLFetcherResponse(url, body, {"Content-Type": CONTENT_TYPES[suffix]})
