"""Documents as issued PDFs: the rendering engine (`cica_docs.rendering`) applied to documents.

- `packages`: a document's print parts (its kind's `print_parts`), its enclosures' parts and
  page counts, composed into the package and the language copies (`render_all`,
  `render_one`).
- `models`: the stored `RenderedFile`s of an issued document and its `Rendering` task.
- `services`, `tasks`, `sweep`: the issue-time render, its retries and its sweep.
- `views`: the staff PDF pages (status, retry, the PDF itself).

`cica_docs.rendering` turns HTML parts into PDFs and knows nothing of documents; this app
is where the two meet.
"""
