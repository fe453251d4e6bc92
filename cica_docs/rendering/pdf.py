"""HTML -> PDF/A-3b through WeasyPrint: safe, limited in size and time, deterministic.

The engine's entry points (`render_package`, `render_files`, `render_pdf`) and its parts, by
concern: `layout` (HTML laid out once, files written from the pages), `merging` (uploaded
PDFs among the pages, the outline), `stamping` (the draft mark over uploaded pages),
`tagging` (metadata, each page's language), `isolation` (the forked, time-limited child),
`house` (the stylesheet and fonts, parsed once), `errors`. It knows nothing of documents:
it turns `Part`s into PDFs.

Time limit: WeasyPrint's layout runs in C (Pango) and pure Python without any cancellation
point, so a timer thread cannot stop it and SIGALRM only works in the main thread. Each
render therefore runs in a forked child process that inherits the already-configured
Django and WeasyPrint (fork costs a few milliseconds, no re-import); the parent waits on a
pipe and kills the child when the limit passes. A crash or memory blow-up in the child
becomes a `RenderError` in the caller instead of taking the web or task worker down.
The child never outlives its parent: on Linux it asks the kernel to kill it when the
parent dies (PR_SET_PDEATHSIG), so a worker killed mid-render leaves no orphan behind.
Where fork is unavailable, set PDF_RENDER_ISOLATION = "inline" (no time limit).

The limit scales with the work (`render_limit`): PDF_RENDER_TIMEOUT seconds, plus
PDF_RENDER_TIMEOUT_PER_KB for each KB of HTML and PDF_RENDER_TIMEOUT_PER_PAGE for each
page of an uploaded PDF part. Whoever waits on a render can follow it (`reporting`): each
render announces its child's pid and its limit before it starts.

Determinism: the same parts and metadata give the same bytes. Dates come only from
`created`, the file identifier is a hash of the inputs, attachments are dropped, and
WeasyPrint's own font subset names are hashes of the font description.
"""

import hashlib
import os
from dataclasses import dataclass, field
from datetime import datetime

from django.conf import settings
from weasyprint.urls import FatalURLFetchingError

from .errors import RenderCrashed, RenderError, RenderTimeout, RenderTooLarge
from .fetcher import BASE_URL
from .house import INLINE, STYLESHEET, house_style
from .isolation import isolated, report_start, reporting
from .layout import PDF_VARIANT, lay_out
from .merging import page_count
from .tagging import w3c

__all__ = [
    "BASE_URL", "PDF_VARIANT", "STYLESHEET", "Part", "PdfFile", "RenderCrashed", "RenderError",
    "RenderTimeout", "RenderTooLarge", "RenderedPdf", "house_style", "isolated", "page_count",
    "render_files", "render_limit", "render_package", "render_pdf", "reporting",
]


@dataclass(frozen=True)
class Part:
    """One part of a PDF: a language copy of a note, an enclosure in one language…

    `html` is a complete HTML document (from a `templates/pdf/` template); `label` is its
    bookmark in the PDF outline. A part that is already a PDF (an uploaded enclosure) has
    `pdf` instead: its pages go into the package as they are.
    """

    label: str
    html: str = ""
    pdf: bytes = field(default=b"", repr=False)


@dataclass(frozen=True)
class RenderedPdf:
    data: bytes
    page_counts: tuple[int, ...]  # one per part, in order
    labels: tuple[str, ...] = field(default=())

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.data).hexdigest()

    @property
    def total_pages(self) -> int:
        return sum(self.page_counts)




def _limit(name: str, default):
    return getattr(settings, name, default)


def _guarded(parts, files):
    try:
        return lay_out(parts, files)
    except RenderError:
        raise
    # FatalURLFetchingError derives from BaseException in WeasyPrint 70.
    except (Exception, FatalURLFetchingError) as error:
        raise RenderError(f"{type(error).__name__}: {error}") from error


def render_limit(parts) -> float:
    """Seconds a render of `parts` may take: a base, and more for each KB of HTML and
    each page of an uploaded PDF (a 100-page paper needs more than a one-page note)."""
    kilobytes = sum(len(part.html.encode("utf-8", "surrogatepass")) for part in parts) / 1024
    pdf_pages = sum(page_count(part.pdf) for part in parts if part.pdf)
    return (_limit("PDF_RENDER_TIMEOUT", 60)
            + kilobytes * _limit("PDF_RENDER_TIMEOUT_PER_KB", 0.25)
            + pdf_pages * _limit("PDF_RENDER_TIMEOUT_PER_PAGE", 0.5))


_warm = {"done": False}


def _warm_up(files):
    """Render a one-line page once in this process so that every forked child inherits
    WeasyPrint's parsed user-agent stylesheets, lazy imports and the font set (measured:
    ~130 ms saved per render)."""
    if not _warm["done"]:
        _warm["done"] = True
        _guarded([Part("", "<html lang=en><p>CICA СВМДА ӘҒҚ <b>b</b> <i>i</i></p>")],
                 [{**files[0], "parts": (0,)}])


@dataclass(frozen=True)
class PdfFile:
    """One PDF to write from a render's parts: the indexes of its parts, in order, and its
    metadata (see `render_package`)."""

    parts: tuple[int, ...]
    title: str
    author: str
    language: str
    subject: str = ""
    keywords: tuple = ()
    created: datetime | None = None
    bookmarks: bool = True
    draft_mark: str = ""
    languages: tuple = ()


def _file_meta(parts, file: PdfFile) -> dict:
    """What the render process needs to write `file`; its identifier is a hash of its
    parts and metadata (the same file, the same bytes)."""
    chosen = [parts[index] for index in file.parts]
    if not chosen:
        raise RenderError("nothing to render")
    max_bytes = _limit("PDF_MAX_HTML_BYTES", 4 * 1024 * 1024)
    size = sum(len(part.html.encode("utf-8", "surrogatepass")) for part in chosen)
    if size > max_bytes:
        raise RenderTooLarge(f"the document is {size} bytes of HTML; the limit is {max_bytes}")
    digest = hashlib.sha256()
    languages = tuple(file.languages) or (file.language,)
    for value in (file.title, file.author, file.language, file.subject, *file.keywords,
                  w3c(file.created) or "", file.draft_mark, *languages):
        digest.update(value.encode("utf-8", "surrogatepass") + b"\0")
    for part in chosen:
        digest.update(part.label.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(part.html.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(hashlib.sha256(part.pdf).digest())
    return {
        "parts": tuple(file.parts),
        "title": file.title,
        "author": file.author,
        "language": file.language,
        "subject": file.subject,
        "keywords": tuple(file.keywords),
        "created": w3c(file.created),
        "bookmarks": file.bookmarks,
        "identifier": digest.hexdigest()[:32].encode(),
        "max_pages": _limit("PDF_MAX_PAGES", 1000),
        "draft_mark": file.draft_mark,
        "languages": languages,
    }


def render_files(parts: list[Part], files: list[PdfFile]) -> list[RenderedPdf]:
    """Several PDFs from one layout of `parts`, in one render process: each HTML part is
    laid out once, whichever files hold it (a package and its language copies). Each file
    is exactly what `render_package` of its parts would write."""
    if not parts or not files:
        raise RenderError("nothing to render")
    metas = [_file_meta(parts, file) for file in files]
    # The time limit covers every file written: the layout once, and each file's writing.
    limit = render_limit([parts[index] for file in files for index in file.parts])
    isolation = _limit("PDF_RENDER_ISOLATION", "fork" if hasattr(os, "fork") else "inline")
    if isolation == "fork":
        with INLINE:  # the warm-up renders here, in this process
            _warm_up(metas)
        written = isolated(_guarded, (parts, metas), timeout=limit)
    else:
        report_start(None, limit)
        # In-process, the parsed stylesheet and fonts are shared: one render at a time
        # (WeasyPrint and Pango do not promise thread safety; the web server has threads).
        with INLINE:
            written = _guarded(parts, metas)
    return [RenderedPdf(data, counts, tuple(parts[index].label for index in file.parts))
            for (data, counts), file in zip(written, files, strict=True)]


def render_package(
    parts: list[Part],
    *,
    title: str,
    author: str,
    language: str,
    subject: str = "",
    keywords=(),
    created: datetime | None = None,
    bookmarks: bool = True,
    draft_mark: str = "",
    languages=(),
) -> RenderedPdf:
    """Render `parts` into one PDF/A-3b, one bookmark per part, and count each part's
    pages. Every part keeps its own page numbering and first-page layout. `draft_mark`
    (a draft's preview) is laid over the pages of parts that are PDFs; the HTML parts carry
    their own. The catalogue's /Lang is `language` (one tag: a copy's language, a
    package's first); the XMP metadata lists `languages` (dc:language, default
    `language`) — a package declares every language it holds. With an uploaded PDF among
    the parts the file is not PDF/A and its metadata does not say it is."""
    if not parts:
        raise RenderError("nothing to render")
    file = PdfFile(tuple(range(len(parts))), title=title, author=author, language=language,
                   subject=subject, keywords=tuple(keywords), created=created,
                   bookmarks=bookmarks, draft_mark=draft_mark, languages=tuple(languages))
    return render_files(parts, [file])[0]


def render_pdf(
    *,
    html: str,
    title: str,
    author: str,
    language: str,
    subject: str = "",
    keywords=(),
    created: datetime | None = None,
) -> bytes:
    """One HTML document -> PDF/A-3b bytes (no outline)."""
    return render_package(
        [Part(title, html)],
        title=title,
        author=author,
        language=language,
        subject=subject,
        keywords=keywords,
        created=created,
        bookmarks=False,
    ).data
