"""The PDF pipeline shared by every document kind.

- `markup.render_markdown`: the body Markdown subset, safe for the preview and the PDF.
- `fetcher.SafeURLFetcher`: the only way WeasyPrint may load a resource.
- `pdf.render_pdf`, `pdf.render_package`, `pdf.page_count`: HTML -> deterministic PDF/A-3b.
- `marks.DRAFT_MARKS`: the word printed across a draft's pages.

Each kind's print layout lives in its own app (its DocumentKind.print_parts).
"""
