"""The PDF engine shared by every document kind: HTML parts in, PDFs out. It knows nothing
of documents (composing a document's PDFs and storing them is `cica_docs.issuing`).

- `markup.render_markdown`: the body Markdown subset, safe for the preview and the PDF.
- `fetcher.SafeURLFetcher`: the only way WeasyPrint may load a resource.
- `pdf.render_pdf`, `pdf.render_package`, `pdf.render_files`, `pdf.page_count`: HTML ->
  deterministic PDF/A-3b (one layout for several files); `layout`, `merging`, `stamping`,
  `tagging`, `isolation`, `house`, `errors`: its parts, one concern each.
- `inspect`, `sanitise`: an uploaded PDF read and cleaned, in the same kind of child.
- `stored`, `responses`: stored bytes checked against their SHA-256, and served.
- `marks.DRAFT_MARKS`: the word printed across a draft's pages.

Each kind's print layout lives in its own app (its DocumentKind.print_parts).
"""
