"""Documents of any kind as PDFs: one language, or the package with its enclosures.

The kind supplies `print_parts(document, *, enclosure_pages=())` (one print part per
language it is issued in); this module composes packages and counts enclosure pages from
the real rendering, so the enclosure line is never typed by hand.
"""

import copy
import hashlib
from dataclasses import dataclass, replace

from django.core.cache import cache
from django.utils.translation import gettext, override

from cica_docs.documents.enclosures import enclosed_items
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.models import EnclosedFile
from cica_docs.languages import language_codes
from cica_docs.rendering.marks import DRAFT_MARKS
from cica_docs.rendering.pdf import (
    Part,
    PdfFile,
    RenderedPdf,
    RenderError,
    render_files,
    render_package,
)
from cica_docs.rendering.stored import StoredFileRefused, stored_bytes


def author_in(language: str) -> str:
    """The Secretariat, as a copy in `language` names its author."""
    with override(language):
        return gettext("CICA Secretariat")


@dataclass(frozen=True)
class Rendered:
    variant: str
    pdf: RenderedPdf


def parts_of(document, *, enclosure_pages=()) -> list[Part]:
    return get_kind(document.kind).print_parts(document, enclosure_pages=tuple(enclosure_pages))


def _meta(document, language, created, *, package=False):
    """The metadata of a copy in `language`, each field in that language; a package's are
    its first language's, and it lists every language it holds."""
    subject = getattr(document, f"title_{language}", "") or document.title
    number = f"№ {document.symbol}" if document.symbol else ""
    languages = [lang for lang in language_codes() if lang in document.languages]
    return {
        "title": " — ".join(part for part in (number, subject) if part) or str(document),
        "author": author_in(language),
        "language": language,
        "languages": tuple(languages) if package else (language,),
        "keywords": tuple(k for k in (document.symbol, *_revisers(document)) if k),
        "created": created,
    }


def _revisers(document) -> list[str]:
    """The revisers the issued document was signed off by, as keywords ("Reviser EN:
    Aigerim Reviser"), for the PDFs' metadata (the Info dictionary and the XMP packet)."""
    from cica_docs.workbench.gate import issued_revisers

    issued = getattr(document, "issued", None) if document.pk else None
    if issued is None or issued.pk is None:
        return []
    return [f"Reviser {lang.upper()}: {name}"
            for lang, name in issued_revisers([issued.pk]).get(issued.pk, [])]


def enclosure_page_count(enclosed, parts=None) -> int:
    """Pages of one enclosure in all its languages, as the enclosure line states them. An
    uploaded PDF's were read at upload; an issued enclosure's stored package is exactly its
    parts, already counted; anything else is counted by rendering it."""
    if isinstance(enclosed, EnclosedFile):
        return enclosed.pages
    stored = enclosed.rendered.filter(variant="package").first()
    if stored is not None:
        return stored.pages
    parts = parts_of(enclosed) if parts is None else parts
    return render_package(parts, **_meta(enclosed, enclosed.languages[0], None,
                                         package=True)).total_pages


def enclosure_parts(document, items=None) -> tuple[list[Part], list[int]]:
    """Every enclosure's parts, and each enclosure's page count (all its languages). An
    uploaded PDF is one part, its pages as they are. `items`: what to enclose (an issued
    document's frozen enclosures, `documents.frozen`); default the document's own."""
    parts, pages = [], []
    for enclosed in enclosed_items(document) if items is None else items:
        if isinstance(enclosed, EnclosedFile):
            try:  # never merge bytes other than those uploaded (and checked) into a package
                data = stored_bytes(enclosed)
            except StoredFileRefused:
                raise RenderError(f"the stored file of enclosure “{enclosed.title}” is "
                                  "missing or does not match its SHA-256") from None
            parts.append(Part(enclosed.title, pdf=data))
            pages.append(enclosure_page_count(enclosed))
            continue
        own = parts_of(enclosed)
        pages.append(enclosure_page_count(enclosed, own))
        parts += own
    return parts, pages


def preview_page_counts(items) -> list[int | None]:
    """The page counts the print would state for these enclosures, for an on-screen preview
    (None where an enclosure cannot be rendered: the preview says so, the PDF refuses).

    The editor's live preview asks again after every pause in typing, so a count that needs
    a rendering is kept in the cache under the digest of exactly what would be rendered."""
    counts = []
    for enclosed in items:
        stored = not isinstance(enclosed, EnclosedFile) and enclosed.rendered.filter(
            variant="package").exists()
        if isinstance(enclosed, EnclosedFile) or stored:
            counts.append(enclosure_page_count(enclosed))
            continue
        parts = parts_of(enclosed)
        key = "enclosure-pages:" + _digest(parts)
        pages = cache.get(key)
        if pages is None:
            try:
                pages = enclosure_page_count(enclosed, parts)
            except RenderError:
                pages = None
            else:
                cache.set(key, pages, timeout=24 * 60 * 60)
        counts.append(pages)
    return counts


def _digest(parts) -> str:
    digest = hashlib.sha256()
    for part in parts:
        for value in (part.label.encode("utf-8", "surrogatepass"),
                      part.html.encode("utf-8", "surrogatepass"), part.pdf):
            digest.update(hashlib.sha256(value).digest())
    return digest.hexdigest()


def with_closing(part: Part, html: str) -> Part:
    """`part` with `html` as the last thing of its body (a copy's verification line)."""
    head, end, tail = part.html.rpartition("</body>")
    return replace(part, html=f"{head}{html}{end}{tail}") if html and end else part


def render_all(document, *, created=None, enclosures=None, closings=None) -> list[Rendered]:
    """The package and one PDF per language, as circulated, from one layout: each language
    copy is laid out once and written both on its own and in the package. At issue,
    `document` and `enclosures` are what was frozen (`documents.frozen.issued_sources`),
    and `closings` the verification line of each language copy ({language: html},
    seal/line.py)."""
    attached, pages = enclosure_parts(document, enclosures)
    own = parts_of(document, enclosure_pages=pages)
    languages = [lang for lang in language_codes() if lang in document.languages]
    if len(own) != len(languages):
        raise RenderError("the kind printed a part count other than its languages'")
    own = [with_closing(part, (closings or {}).get(lang, ""))
           for lang, part in zip(languages, own, strict=True)]
    parts = own + attached
    files = [PdfFile(tuple(range(len(parts))),
                     **_meta(document, languages[0], created, package=True))]
    files += [PdfFile((index,), **_meta(document, lang, created))
              for index, lang in enumerate(languages)]
    rendered = render_files(parts, files)
    return [Rendered(variant, pdf)
            for variant, pdf in zip(["package", *languages], rendered, strict=True)]


def _draft_mark(document) -> str:
    """Over the uploaded pages of a draft's package: the mark in each of its languages."""
    if document.is_frozen:
        return ""
    languages = [lang for lang in language_codes() if lang in document.languages]
    return " · ".join(DRAFT_MARKS.get(lang, "DRAFT") for lang in languages)


def render_one(document, variant: str, *, created=None) -> RenderedPdf:
    """One variant on demand (a draft's preview): a language, or the package."""
    languages = [lang for lang in language_codes() if lang in document.languages]
    if variant == "package":
        attached, pages = enclosure_parts(document)
        own = parts_of(document, enclosure_pages=pages)
        return render_package(own + attached,
                              **_meta(document, languages[0], created, package=True),
                              draft_mark=_draft_mark(document))
    # A language copy prints only the enclosure lines: each enclosure's page count (stored
    # with its package once issued), not its typeset parts.
    languages.index(variant)  # ValueError: not a language of the document
    pages = [enclosure_page_count(enclosed) for enclosed in enclosed_items(document)]
    (part,) = parts_of(_alone_in(document, variant), enclosure_pages=pages)
    return render_package([part], **_meta(document, variant, created))


def _alone_in(document, language):
    """`document` as if issued in `language` alone, for its kind to print that one copy
    and not typeset the others: a language copy is the same whatever other languages the
    document has (its kind prints one part per language, each from its own fields)."""
    alone = copy.copy(document)
    alone.languages = [language]
    return alone
