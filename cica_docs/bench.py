"""`make bench`: how fast the official PDFs are made and served (not a test: figures).

Renders the demo note (one language, all three, the package with its enclosure), cold and
warm, reads an issued PDF back through the download view, records peak memory, and — where
Debian's chromium is installed — times its --print-to-pdf of the same HTML for comparison.

    python -m cica_docs.bench [--runs N]
"""

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cica_docs.settings")
    import django

    django.setup()


def _timed(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def _row(label, cold, warm, target=None):
    verdict = ""
    if target is not None:
        verdict = "  ok" if statistics.median(warm) <= target else f"  OVER target {target} ms"
    print(f"{label:<42} cold {cold:8.1f} ms   median {statistics.median(warm):8.1f} ms   "
          f"max {max(warm):8.1f} ms{verdict}")


def _peak_mb():
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def _chromium_ms(html: str, runs: int) -> list[float] | None:
    from django.conf import settings

    from cica_docs.rendering.fetcher import ORIGIN

    chromium = shutil.which("chromium")
    if not chromium:
        return None
    static = Path(settings.BASE_DIR, "static").as_uri()
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp, "note.html")
        source.write_text(html.replace(f"{ORIGIN}/static", static), encoding="utf-8")
        target = Path(tmp, "note.pdf")
        command = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update",
            "--no-first-run", f"--user-data-dir={tmp}/profile",
            f"--print-to-pdf={target}", "--no-pdf-header-footer", source.as_uri(),
        ]
        # The command is built here from fixed arguments and a temporary path.
        return _timed(lambda: subprocess.run(  # noqa: S603
            command, capture_output=True, check=True, timeout=120
        ), runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    _setup()

    from django.test import Client

    from cica_docs.accounts.models import User
    from cica_docs.documents.enclosures import enclosed_documents
    from cica_docs.documents.models import Document
    from cica_docs.rendering.documents import enclosure_parts, parts_of, render_one
    from cica_docs.rendering.pdf import render_package
    from cica_docs.rendering.services import issued_render

    issued = [d.specific for d in Document.objects.filter(state="issued", kind="note")]
    if not issued:
        raise SystemExit("No issued note: run `python manage.py demo` first (make bench does).")
    note = next((d for d in issued if enclosed_documents(d)), issued[0])
    runs = args.runs
    # As after `make run`'s worker: issued enclosures have their stored PDFs (and page counts).
    for enclosed in enclosed_documents(note):
        if enclosed.state == "issued":
            issued_render(document_id=enclosed.pk)
    print(f"CICA Docs rendering benchmark — note {note.symbol}, {runs} runs each, "
          f"{os.cpu_count()} CPUs\n")

    def one():
        return render_one(note, note.languages[0])

    cold = _timed(one, 1)[0]
    _row("note, one language", cold, _timed(one, runs), target=80)

    def three():
        own = parts_of(note, enclosure_pages=())
        return render_package(own, title=note.symbol, author="bench", language="en")

    cold = _timed(three, 1)[0]
    _row("note, all three languages", cold, _timed(three, runs))

    attached, pages = enclosure_parts(note)
    if attached:
        def package():
            return render_one(note, "package")

        cold = _timed(package, 1)[0]
        _row(f"package with a {sum(pages)}-page enclosure", cold, _timed(package, runs),
             target=700)
    else:
        print("package: the demo note has no enclosure yet; skipped")
    _uploaded_pdf_rows(runs)

    issued_render(document_id=note.pk)  # the stored files (idempotent: renders once)
    registrar = User.objects.filter(groups__name="registrar").first()
    if registrar:
        client = Client()
        client.force_login(registrar)
        url = f"/en/work/{note.pk}/pdf/package/"

        def served():
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            b"".join(response.streaming_content)

        cold = _timed(served, 1)[0]
        _row("package served from storage", cold, _timed(served, runs * 3), target=5)

    own_mb, child_mb = _peak_mb()
    verdict = "ok" if max(own_mb, child_mb) <= 150 else "OVER target 150 MB"
    print(f"\npeak memory: this process {own_mb:.0f} MB, largest render process "
          f"{child_mb:.0f} MB ({verdict})")

    html = parts_of(note)[0].html
    chromium = _chromium_ms(html, max(3, runs // 3))
    if chromium is None:
        print("chromium: not installed; no comparison")
    else:
        weasy = _timed(one, max(3, runs // 3))
        ratio = statistics.median(chromium) / statistics.median(weasy)
        print(f"chromium --print-to-pdf, same note HTML: median {statistics.median(chromium):.0f}"
              f" ms (WeasyPrint {statistics.median(weasy):.0f} ms; chromium/WeasyPrint = "
              f"{ratio:.1f}x)")


def _uploaded_pdf_rows(runs):
    """Reading an uploaded PDF (the stored demo package, as if a state had sent it), and a
    draft package that encloses an uploaded PDF (pages merged after the note)."""
    from cica_docs.documents.enclosures import enclosed_items
    from cica_docs.documents.models import Document, EnclosedFile
    from cica_docs.rendering.documents import render_one
    from cica_docs.rendering.inspect import inspect_pdf
    from cica_docs.rendering.models import RenderedFile

    stored = RenderedFile.objects.filter(variant="package").order_by("-pages").first()
    if stored is not None:
        data = stored.file.open("rb").read()
        cold = _timed(lambda: inspect_pdf(data), 1)[0]
        _row(f"reading an uploaded {stored.pages}-page PDF", cold,
             _timed(lambda: inspect_pdf(data), runs))
    drafts = Document.objects.filter(kind="note").exclude(state="issued")
    found = [(d.specific, [i for i in enclosed_items(d) if isinstance(i, EnclosedFile)])
             for d in drafts]
    found = [(note, files) for note, files in found if files]
    if found:
        note, files = found[0]

        def package():
            return render_one(note, "package")

        cold = _timed(package, 1)[0]
        _row(f"package with an uploaded {sum(f.pages for f in files)}-page PDF", cold,
             _timed(package, runs))


if __name__ == "__main__":
    main()
