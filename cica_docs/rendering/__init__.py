"""The PDF pipeline shared by every document kind.

- `markup.render_markdown`: the body Markdown subset, safe for the preview and the PDF.
- `fetcher.SafeURLFetcher`: the only way WeasyPrint may load a resource.
- `pdf.render_pdf`, `pdf.render_package`, `pdf.page_count`: HTML -> deterministic PDF/A-3b.
- `note.NoteCopy`, `note.render_note`: the note verbale print layout.
"""
