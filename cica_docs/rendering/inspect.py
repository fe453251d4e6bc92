"""What an uploaded PDF is, read before it may be enclosed: its pages, and whatever would
make it read differently on a delegate's computer or carry more than pages.

A PDF from outside is untrusted input: it is read in a forked child with the render time
limit (`pdf.isolated`), like a layout. The result is either the facts of an acceptable file
or a `problem` code; `PROBLEMS` in `cica_docs.documents.uploads` turns a code into words.

Refused (`problem`): not a PDF or unreadable, encrypted, no pages, more pages than
PDF_MAX_PAGES, active content (JavaScript, launch actions, embedded files, XFA forms).
Accepted, but reported for the pre-issue checks: fonts that are not embedded (a reader
would substitute its own, and a Cyrillic or Kazakh letter may change or vanish) and pages
that are not A4 (the Secretariat's paper).
"""

import io
from dataclasses import dataclass, field

from django.conf import settings
from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

from .pdf import RenderError, isolated

A4 = (595.28, 841.89)  # points
A4_TOLERANCE = 3  # points, ~1 mm: rounding in the producing software
MAX_OBJECTS = 500_000

# Keys and action types that make a PDF do something rather than show pages.
ACTIVE_KEYS = {"/JS", "/JavaScript", "/EmbeddedFile", "/EmbeddedFiles", "/XFA", "/RichMedia"}
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/RichMediaExecute"}
EMBEDDED_FONT_KEYS = ("/FontFile", "/FontFile2", "/FontFile3")


@dataclass(frozen=True)
class PdfFacts:
    problem: str = ""  # a code from PROBLEMS; empty when the file is acceptable
    pages: int = 0
    pages_not_a4: int = 0
    fonts_not_embedded: tuple[str, ...] = field(default=())


def inspect_pdf(data: bytes) -> PdfFacts:
    """The facts of `data`, read in a child process with the render time limit."""
    max_pages = getattr(settings, "PDF_MAX_PAGES", 1000)
    if getattr(settings, "PDF_RENDER_ISOLATION", "fork") == "fork":
        return isolated(_read, (data, max_pages), timeout=settings.PDF_RENDER_TIMEOUT)
    return _read(data, max_pages)


def _read(data: bytes, max_pages: int) -> PdfFacts:
    if b"%PDF-" not in data[:1024]:
        return PdfFacts("not_pdf")
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            return PdfFacts("encrypted")
        pages = len(reader.pages)
        if pages == 0:
            return PdfFacts("no_pages")
        if pages > max_pages:
            return PdfFacts("too_many_pages", pages=pages)
        if _has_active_content(reader):
            return PdfFacts("active_content", pages=pages)
        return PdfFacts(
            pages=pages,
            pages_not_a4=sum(1 for page in reader.pages if not _is_a4(page)),
            fonts_not_embedded=_fonts_not_embedded(reader),
        )
    except RenderError:
        raise
    except Exception:  # pypdf's errors on a damaged file are of many types
        return PdfFacts("unreadable")


def _is_a4(page) -> bool:
    box = page.mediabox
    size = sorted((abs(float(box.width)), abs(float(box.height))))
    return all(abs(a - b) <= A4_TOLERANCE for a, b in zip(size, A4, strict=True))


def _objects(reader):
    """Every dictionary reachable from the trailer, once each (bounded)."""
    seen: set[tuple[int, int]] = set()
    stack = [reader.trailer]
    count = 0
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen:
                continue
            seen.add(key)
            item = item.get_object()
        count += 1
        if count > MAX_OBJECTS:
            raise RenderError("the PDF has too many objects")
        if isinstance(item, DictionaryObject):
            yield item
            stack.extend(item.values())
        elif isinstance(item, ArrayObject):
            stack.extend(item)


def _has_active_content(reader) -> bool:
    for obj in _objects(reader):
        if ACTIVE_KEYS.intersection(obj.keys()):
            return True
        if obj.get("/S") in ACTIVE_ACTIONS:
            return True
    return False


def _fonts_not_embedded(reader) -> tuple[str, ...]:
    missing = set()
    for obj in _objects(reader):
        if obj.get("/Type") != NameObject("/Font"):
            continue
        subtype = obj.get("/Subtype")
        if subtype in ("/Type0", "/Type3"):
            continue  # Type0: its descendant font is checked; Type3: glyphs are drawings
        descriptor = obj.get("/FontDescriptor")
        descriptor = descriptor.get_object() if descriptor is not None else None
        if descriptor is None or not any(key in descriptor for key in EMBEDDED_FONT_KEYS):
            name = str(obj.get("/BaseFont", "?")).lstrip("/")
            missing.add(name.split("+", 1)[-1])
    return tuple(sorted(missing))
