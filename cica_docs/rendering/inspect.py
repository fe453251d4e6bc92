"""What an uploaded PDF is, read before it may be enclosed — and the rewrite of it that is
stored instead: its pages, without anything that acts (`rendering.sanitise`).

A PDF from outside is untrusted input: it is opened (with qpdf, through pikepdf), checked
and rewritten in a forked child with the render time limit (`pdf.isolated`), like a layout.
The result is either a `problem` code, or the facts of an acceptable file with the
sanitised bytes (`data`), which are what is stored, hashed and merged into packages;
`cica_docs.documents.uploads.problem_message` turns a code into words.

Refused (`problem`): anything that does not start with a PDF header (`%PDF-` at the first
byte: a file with something else before it, HTML say, is read as that by other programs),
unreadable, encrypted, no pages, more pages than PDF_MAX_PAGES, active content
(JavaScript, launch actions, form submission, embedded files — in the document or attached
to a page —, XFA forms, rich media): a
file whose scripts or attachments may be part of what it says is refused rather than
silently cut. Removed by the rewrite and named in `removed`: every other action and
additional action (web addresses, links to other files or shares, viewer commands, open
actions), and annotations that play or carry content.
Accepted, but reported for the pre-issue checks: fonts that are not embedded (a reader
would substitute its own, and a Cyrillic or Kazakh letter may change or vanish) and pages
that are not A4 (the Secretariat's paper).
"""

import io
from dataclasses import dataclass, field

import pikepdf
from django.conf import settings
from pikepdf import Array, Dictionary, Name

from .pdf import RenderError, isolated
from .sanitise import sanitise, written

A4 = (595.28, 841.89)  # points
A4_TOLERANCE = 3  # points, ~1 mm: rounding in the producing software
MAX_OBJECTS = 500_000
HEADER = b"%PDF-"

# Keys and action types that make a PDF do something rather than show pages, and whose
# removal could take away part of what the file says: refused, not rewritten.
ACTIVE_KEYS = {"/JS", "/JavaScript", "/EmbeddedFile", "/EmbeddedFiles", "/EF", "/XFA",
               "/RichMedia", "/RichMediaContent"}  # /EF: a file carried inside the PDF
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/ImportData", "/SubmitForm", "/RichMediaExecute"}
EMBEDDED_FONT_KEYS = ("/FontFile", "/FontFile2", "/FontFile3")


@dataclass(frozen=True)
class PdfFacts:
    problem: str = ""  # a code for `problem_message`; empty when the file is acceptable
    pages: int = 0
    pages_not_a4: int = 0
    fonts_not_embedded: tuple[str, ...] = field(default=())
    data: bytes = field(default=b"", repr=False)  # the sanitised file: what is stored
    removed: tuple[str, ...] = field(default=())  # what the rewrite took out


def inspect_pdf(data: bytes) -> PdfFacts:
    """The facts of `data` and its sanitised rewrite, made in a child process with the
    render time limit."""
    max_pages = getattr(settings, "PDF_MAX_PAGES", 1000)
    if getattr(settings, "PDF_RENDER_ISOLATION", "fork") == "fork":
        return isolated(_read, (data, max_pages), timeout=settings.PDF_RENDER_TIMEOUT)
    return _read(data, max_pages)


def _read(data: bytes, max_pages: int) -> PdfFacts:
    if not data.startswith(HEADER):
        # The header further on: a file of another kind that also passes for a PDF.
        return PdfFacts("not_pdf_start" if HEADER in data[:4096] else "not_pdf")
    try:
        pdf = pikepdf.open(io.BytesIO(data))
    except pikepdf.PasswordError:
        return PdfFacts("encrypted")
    except Exception:  # qpdf's errors on a damaged file, and anything it cannot follow
        return PdfFacts("unreadable")
    try:
        with pdf:
            return _facts(pdf, max_pages)
    except RenderError:
        raise
    except Exception:
        return PdfFacts("unreadable")


def _facts(pdf, max_pages) -> PdfFacts:
    if pdf.is_encrypted:
        return PdfFacts("encrypted")
    pages = len(pdf.pages)
    if pages == 0:
        return PdfFacts("no_pages")
    if pages > max_pages:
        return PdfFacts("too_many_pages", pages=pages)
    objects = dictionaries(pdf)
    if any(_is_active(obj) for obj in objects):
        return PdfFacts("active_content", pages=pages)
    removed = sanitise(pdf, objects)
    return PdfFacts(
        pages=pages,
        pages_not_a4=sum(1 for page in pdf.pages if not _is_a4(page)),
        fonts_not_embedded=_fonts_not_embedded(objects),
        data=written(pdf),
        removed=tuple(removed),
    )


def dictionaries(pdf) -> list:
    """Every dictionary (and stream) reachable from the trailer, once each (bounded)."""
    seen: set[tuple[int, int]] = set()
    found = []
    stack = [pdf.trailer]
    count = 0
    while stack:
        item = stack.pop()
        if item.is_indirect:
            key = item.objgen
            if key in seen:
                continue
            seen.add(key)
        count += 1
        if count > MAX_OBJECTS:
            raise RenderError("the PDF has too many objects")
        if isinstance(item, Dictionary | pikepdf.Stream):
            found.append(item)
            stack.extend(value for value in item.values()
                         if isinstance(value, Dictionary | Array | pikepdf.Stream))
        elif isinstance(item, Array):
            stack.extend(value for value in item
                         if isinstance(value, Dictionary | Array | pikepdf.Stream))
    return found


def _is_active(obj) -> bool:
    if not ACTIVE_KEYS.isdisjoint(obj.keys()):
        return True
    kind = obj.get("/S")
    return isinstance(kind, Name) and str(kind) in ACTIVE_ACTIONS


def _is_a4(page) -> bool:
    box = [float(value) for value in page.mediabox]
    size = sorted((abs(box[2] - box[0]), abs(box[3] - box[1])))
    return all(abs(a - b) <= A4_TOLERANCE for a, b in zip(size, A4, strict=True))


def _fonts_not_embedded(objects) -> tuple[str, ...]:
    missing = set()
    for obj in objects:
        if obj.get("/Type") != Name.Font:
            continue
        if obj.get("/Subtype") in (Name.Type0, Name.Type3):
            continue  # Type0: its descendant font is checked; Type3: glyphs are drawings
        descriptor = obj.get("/FontDescriptor")
        if not isinstance(descriptor, Dictionary) or not any(
                key in descriptor for key in EMBEDDED_FONT_KEYS):
            name = str(obj.get("/BaseFont", "/?")).lstrip("/")
            missing.add(name.split("+", 1)[-1])
    return tuple(sorted(missing))
