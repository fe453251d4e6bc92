"""HTML -> PDF/A-3b through WeasyPrint: safe, limited in size and time, deterministic.

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

import contextlib
import contextvars
import copy
import ctypes
import gc
import hashlib
import io
import multiprocessing
import os
import re
import signal
import threading
from dataclasses import dataclass, field
from datetime import datetime
from html import escape
from xml.etree import ElementTree

import pydyf
from django.conf import settings
from pypdf import PdfReader, PdfWriter, Transformation
from weasyprint import CSS, HTML
from weasyprint.document import Document
from weasyprint.pdf import fonts as weasyprint_fonts
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import FatalURLFetchingError

from cica_docs.typography import hyphenation

from .fetcher import BASE_URL, SafeURLFetcher, static_url

PDF_VARIANT = "pdf/a-3b"
STYLESHEET = "css/pdf.css"
GENERATOR = "CICA Docs"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"


class RenderError(Exception):
    """The document could not be rendered; the message says why (no partial output)."""


class RenderTooLarge(RenderError):
    pass


class RenderTimeout(RenderError):
    pass


class RenderCrashed(RenderError):
    """The render process stopped without an answer (killed, out of memory…)."""


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


def _w3c(moment: datetime | None) -> str | None:
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.strftime("%Y-%m-%dT%H:%M:%S")
    offset = moment.strftime("%z")
    return moment.strftime("%Y-%m-%dT%H:%M:%S") + f"{offset[:3]}:{offset[3:]}"


class _PackageDocument(Document):
    """A WeasyPrint document whose outline is one bookmark per part (with the part's own
    heading bookmarks nested under it), whatever the parts' HTML says."""

    outline = ()

    def make_bookmark_tree(self, scale=1, transform_pages=False):
        tree = []
        for label, first_page, children in self.outline:
            page = self.pages[first_page]
            y = page.height * scale if transform_pages else 0
            tree.append((label, (first_page, 0, y), children, "open"))
        return tree


def _shift(tree, offset):
    return [
        (label, (page + offset, x, y), _shift(children, offset), state)
        for label, (page, x, y), children, state in tree
    ]


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
_INLINE = threading.Lock()


def _house_style():
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


def _lay_out(parts, files):
    """Runs in the render process: lay out each HTML part once, then write each file of
    `files` (the metadata of one PDF and the indexes of its parts) from those pages — a
    package and its language copies share one layout."""
    fetcher = SafeURLFetcher()
    css, font_config = _house_style()
    documents = {}
    for index in sorted({index for meta in files for index in meta["parts"]}):
        part = parts[index]
        if not part.pdf:
            # Laid out as PDF/A (its output intent); a file with uploaded PDFs among its
            # parts drops the intent when it is written (`_write`).
            documents[index] = HTML(string=part.html, base_url=BASE_URL,
                                    url_fetcher=fetcher).render(
                font_config=font_config, stylesheets=[css], pdf_variant=PDF_VARIANT)
    return [_write(parts, documents, meta, fetcher, font_config) for meta in files]


def _write(parts, documents, meta, fetcher, font_config):
    """One PDF of `meta["parts"]`, from their laid-out `documents`: the pages joined, the
    outline, the metadata and the language of each page; the uploaded PDFs' pages put in."""
    chosen = [(parts[index], documents.get(index)) for index in meta["parts"]]
    max_pages = meta["max_pages"]
    # A package with uploaded PDFs cannot promise PDF/A: their fonts and colours are
    # whatever their authors made. Its own language copies still are PDF/A.
    variant = None if any(part.pdf for part, _ in chosen) else PDF_VARIANT
    rendered, outline, pages, counts, page_languages = [], [], [], [], []
    total = 0
    for part, document in chosen:
        if part.pdf:
            count = page_count(part.pdf)
            children = []
        else:
            count = len(document.pages)
            children = _shift(document.make_bookmark_tree(0.75, transform_pages=True), total)
            rendered.append(document)
            pages.extend(document.pages)
            page_languages += [document.metadata.lang] * count
        if total + count > max_pages:
            raise RenderTooLarge(f"more than {max_pages} pages")
        outline.append((part.label, total, children))
        counts.append(count)
        total += count
    if not rendered:
        raise RenderError("a package needs at least one part rendered from HTML")

    first = rendered[0]
    # The first part's metadata, copied: the part's own stays as laid out for the next file.
    metadata = copy.copy(first.metadata)
    combined = _PackageDocument(
        pages, metadata, fetcher, font_config, first.color_profiles,
        first.output_intent if variant else None,
    )
    combined.outline = outline if meta["bookmarks"] and variant else []
    metadata.title = meta["title"]
    metadata.authors = [meta["author"]] if meta["author"] else []
    metadata.description = meta["subject"] or None
    metadata.keywords = list(meta["keywords"])
    metadata.lang = meta["language"]
    metadata.generator = GENERATOR
    metadata.created = metadata.modified = meta["created"]
    metadata.custom = {}
    # Nothing is ever embedded: an attachment is a file channel out of the server, and
    # WeasyPrint stamps attachments with the current time (not deterministic).
    metadata.attachments = []
    _declare_languages(metadata, meta["languages"])
    languages_of_pages = _language_of_each_page(page_languages)

    def finish(document, pdf):
        languages_of_pages(document, pdf)
        if variant is None:  # XMP all the same, without a PDF/A identification
            metadata.include_in_pdf(pdf, "a", None, None, compress=True)

    data = combined.write_pdf(
        pdf_variant=variant, pdf_identifier=meta["identifier"], pdf_tags=True,
        finisher=finish,
    )
    if variant is None:
        stamp = _draft_stamp(meta["draft_mark"], fetcher) if meta["draft_mark"] else None
        data = _insert_pdf_parts(data, [part for part, _ in chosen], counts,
                                 outline if meta["bookmarks"] else [], stamp)
    return data, tuple(counts)


def _declare_languages(metadata, languages) -> None:
    """Make WeasyPrint's XMP packet of `metadata` list `languages` (dc:language, a bag of
    BCP 47 tags): WeasyPrint writes only the catalogue's /Lang, one tag."""
    generate = metadata.generate_rdf_metadata

    def with_languages(variant, version, conformance):
        # WeasyPrint's own packet, never outside input.
        rdf = ElementTree.fromstring(generate(variant, version, conformance))  # noqa: S314
        description = ElementTree.SubElement(rdf, f"{{{RDF}}}Description")
        description.set(f"{{{RDF}}}about", "")
        bag = ElementTree.SubElement(
            ElementTree.SubElement(description, f"{{{DC}}}language"), f"{{{RDF}}}Bag")
        for language in languages:
            ElementTree.SubElement(bag, f"{{{RDF}}}li").text = language
        return ElementTree.tostring(rdf, encoding="utf-8")

    metadata.generate_rdf_metadata = with_languages


def _draft_stamp(mark, fetcher):
    """One A4 page with nothing but the draft mark, half transparent: laid over each page
    of an uploaded PDF in a draft's preview, so that no page of a draft looks final."""
    css, font_config = _house_style()
    html = (f'<html lang="en"><body><div class="draft-mark stamp">{escape(mark)}</div>'
            "</body></html>")
    document = HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(
        font_config=font_config, stylesheets=[css]
    )
    return PdfReader(io.BytesIO(document.write_pdf())).pages[0]


def _language_of_each_page(page_languages):
    """A WeasyPrint finisher for the tagged PDF: each top-level structure element says the
    language of the copy its page belongs to, so that a screen reader reads the Russian
    copy of a package with a Russian voice (the catalogue holds only the package's first
    language). WeasyPrint gives every element the page it stands on (`Pg`)."""

    def finish(_document, pdf):
        page_index = {str(ref): i for i, ref in enumerate(pdf.page_references)}
        objects = [o for o in pdf.objects if isinstance(o, pydyf.Dictionary)]
        roots = {str(o.reference) for o in objects if o.get("S") == "/Document"}
        for element in objects:
            if element.get("Type") != "/StructElem" or str(element.get("P")) not in roots:
                continue
            page = page_index.get(str(element.get("Pg")))
            if page is not None and page < len(page_languages) and page_languages[page]:
                element["Lang"] = pydyf.String(page_languages[page])

    return finish


def _insert_pdf_parts(data, parts, counts, outline, stamp=None):
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
                    box = added.mediabox
                    added.merge_transformed_page(stamp, Transformation().translate(
                        float(box.left) + (float(box.width) - float(stamp.mediabox.width)) / 2,
                        float(box.bottom) + (float(box.height) - float(stamp.mediabox.height))
                        / 2,
                    ))
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


def _guarded(parts, files):
    try:
        return _lay_out(parts, files)
    except RenderError:
        raise
    # FatalURLFetchingError derives from BaseException in WeasyPrint 70.
    except (Exception, FatalURLFetchingError) as error:
        raise RenderError(f"{type(error).__name__}: {error}") from error


_PR_SET_PDEATHSIG = 1


def _die_with_parent(parent: int) -> None:
    """In the forked child: be killed when the parent dies (Linux), and stop at once if it
    already has (it may die between the fork and the prctl)."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # not Linux: the parent's kill on timeout remains
        pass
    if os.getppid() != parent:
        os._exit(1)


def _child(connection, function, args, parent=None):
    if parent is not None:
        _die_with_parent(parent)
    try:
        connection.send(("ok", function(*args)))
    except RenderError as error:
        connection.send(("error", type(error).__name__, str(error)))
    except BaseException as error:  # MemoryError, SystemExit…: report, never hang the parent
        connection.send(("error", "RenderError", f"{type(error).__name__}: {error}"))
    finally:
        connection.close()


_ERRORS = {cls.__name__: cls for cls in (RenderError, RenderTooLarge, RenderTimeout,
                                         RenderCrashed)}

_progress = contextvars.ContextVar("render_progress", default=None)


@contextlib.contextmanager
def reporting(callback):
    """Within the block, `callback(pid, limit)` is called as each render starts (`pid` is
    its child's, None when rendering inline; `limit` its time limit in seconds)."""
    token = _progress.set(callback)
    try:
        yield
    finally:
        _progress.reset(token)


def _report(pid, limit) -> None:
    callback = _progress.get()
    if callback is not None:
        callback(pid, limit)


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


def isolated(function, args, *, timeout):
    """`function(*args)` in a forked child that is killed after `timeout` seconds; its
    `RenderError` (or any other failure, as a `RenderError`) is raised here. For work on
    untrusted input that a thread could not stop: layout, reading an uploaded PDF."""
    context = multiprocessing.get_context("fork")
    receiver, sender = context.Pipe(duplex=False)
    process = context.Process(target=_child, args=(sender, function, args, os.getpid()),
                              daemon=True)
    # The child's garbage collector would walk every object it inherited, writing to each
    # (copy-on-write: the whole heap copied, ~30 ms a render); frozen, it walks only its own.
    gc.freeze()
    try:
        process.start()
    finally:
        gc.unfreeze()
    sender.close()
    try:
        _report(process.pid, timeout)
        if not receiver.poll(timeout):
            raise RenderTimeout(f"rendering took longer than {timeout:g} s")
        try:
            message = receiver.recv()
        except EOFError:
            process.join(5)
            raise RenderCrashed(
                f"the renderer stopped (exit code {process.exitcode})") from None
    finally:
        receiver.close()
        if process.is_alive():
            process.kill()
        process.join(5)
    if message[0] == "ok":
        return message[1]
    raise _ERRORS.get(message[1], RenderError)(message[2])


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
                  _w3c(file.created) or "", file.draft_mark, *languages):
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
        "created": _w3c(file.created),
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
        with _INLINE:  # the warm-up renders here, in this process
            _warm_up(metas)
        written = isolated(_guarded, (parts, metas), timeout=limit)
    else:
        _report(None, limit)
        # In-process, the parsed stylesheet and fonts are shared: one render at a time
        # (WeasyPrint and Pango do not promise thread safety; the web server has threads).
        with _INLINE:
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


def page_count(pdf_bytes: bytes) -> int:
    """Pages of an existing PDF (an enclosure uploaded as a file, a stored rendering)."""
    try:
        return len(PdfReader(io.BytesIO(pdf_bytes)).pages)
    except Exception as error:
        raise RenderError(f"not a readable PDF: {error}") from error
