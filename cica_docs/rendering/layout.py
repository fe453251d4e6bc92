"""Runs in the render process: HTML parts laid out by WeasyPrint, once each, and written
as one or more PDF files (their pages joined, the outline, metadata, tags)."""

import copy

from weasyprint import HTML
from weasyprint.document import Document

from .errors import RenderError, RenderTooLarge
from .fetcher import BASE_URL, SafeURLFetcher
from .house import house_style
from .merging import insert_pdf_parts, page_count
from .stamping import draft_stamp
from .tagging import GENERATOR, declare_languages, language_of_each_page

PDF_VARIANT = "pdf/a-3b"


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


def lay_out(parts, files):
    """Runs in the render process: lay out each HTML part once, then write each file of
    `files` (the metadata of one PDF and the indexes of its parts) from those pages — a
    package and its language copies share one layout."""
    fetcher = SafeURLFetcher()
    css, font_config = house_style()
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
    # The first part's metadata and colour profiles, copied: writing changes them (WeasyPrint
    # adds its sRGB profile for PDF/A), and the part's own stay as laid out for the next file.
    metadata = copy.copy(first.metadata)
    combined = _PackageDocument(
        pages, metadata, fetcher, font_config, dict(first.color_profiles),
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
    declare_languages(metadata, meta["languages"])
    languages_of_pages = language_of_each_page(page_languages)

    def finish(document, pdf):
        languages_of_pages(document, pdf)
        if variant is None:  # XMP all the same, without a PDF/A identification
            metadata.include_in_pdf(pdf, "a", None, None, compress=True)

    data = combined.write_pdf(
        pdf_variant=variant, pdf_identifier=meta["identifier"], pdf_tags=True,
        finisher=finish,
    )
    if variant is None:
        stamp = draft_stamp(meta["draft_mark"], fetcher) if meta["draft_mark"] else None
        data = insert_pdf_parts(data, [part for part, _ in chosen], counts,
                                 outline if meta["bookmarks"] else [], stamp)
    return data, tuple(counts)
