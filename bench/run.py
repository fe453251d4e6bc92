"""`make bench`: how fast the official PDFs are made and served (not a test: figures).

Renders the demo note (one language, all three, the package with its enclosure, the issue's
four files from one layout), a concept paper of 1, 10, 50 and 100 pages (the cost of a
page), reads an issued PDF back through the download view, diffs two revisions of an
8,500-word paper, records peak memory, and — where Debian's chromium is installed — prints
the same styled HTML (the print stylesheet, A4, the same fonts) in Chromium through
Playwright, in a warm browser and in a cold one.

Every figure is CPU time (this process and its children: the forked renderer, the browser)
beside wall time, as the median and the spread (min–max) of N runs after one cold run, and
beside its target (pass/fail; CPU where the target is CPU). Wall time depends on what else
the machine runs; CPU time much less.

    python -m bench.run [--runs N]
"""

import argparse
import io
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path


def _setup():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cica_docs.settings")
    import django

    django.setup()


_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _cpu_seconds() -> float:
    """CPU time of this process, of its children that ended, and of those still running
    (a warm browser), with theirs that ended."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total + sum(_proc_ticks(pid) for pid in _descendants()) / _TICK


def _descendants() -> list[int]:
    parents = {}
    for entry in Path("/proc").glob("[0-9]*"):
        stat = _stat(entry.name)
        if stat:
            parents.setdefault(int(stat[1]), []).append(int(entry.name))
    found, todo = [], [os.getpid()]
    while todo:
        children = parents.get(todo.pop(), [])
        found += children
        todo += children
    return found


def _stat(pid) -> list[str] | None:
    """Fields of /proc/<pid>/stat after the command: state, ppid, … (None when gone)."""
    try:
        text = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return text[text.rindex(")") + 2:].split()


def _proc_ticks(pid) -> int:
    stat = _stat(pid)  # utime, stime, cutime, cstime are fields 14–17 of stat
    return sum(int(value) for value in stat[11:15]) if stat else 0


@dataclass
class Figure:
    wall: list  # ms per run
    cpu: list

    @property
    def cpu_ms(self) -> float:
        return statistics.median(self.cpu)


def _timed(fn, runs, *, paragraphs_set=False) -> Figure:
    """`runs` runs of `fn`. Each starts with no paragraph set yet (the typesetter keeps the
    paragraphs it has set in a process: the worker's first render of a document sets them
    all), unless `paragraphs_set` (a preview again, in the same process)."""
    from cica_docs.typography.justify import forget_set_paragraphs

    figure = Figure([], [])
    for _ in range(runs):
        if not paragraphs_set:
            forget_set_paragraphs()
        wall, cpu = time.perf_counter(), _cpu_seconds()
        fn()
        figure.cpu.append((_cpu_seconds() - cpu) * 1000)
        figure.wall.append((time.perf_counter() - wall) * 1000)
    return figure


RESULTS = []  # (label, verdict) of every figure with a target, for the summary


def _spread(values) -> str:
    return f"{statistics.median(values):8.1f} ({min(values):.0f}–{max(values):.0f})"


def _row(label, cold, warm: Figure, target=None, on="cpu"):
    """One line: cold run, then median (min–max) of wall and CPU, and the target."""
    verdict = ""
    if target is not None:
        value = statistics.median(warm.cpu if on == "cpu" else warm.wall)
        passed = value <= target
        verdict = f"  target ≤ {target} ms {on}: {'pass' if passed else 'FAIL'}"
        RESULTS.append((label, passed))
    print(f"{label:<40} cold {cold.wall[0]:7.0f} | wall {_spread(warm.wall):>20} | "
          f"cpu {_spread(warm.cpu):>20}{verdict}")


def _peak_mb():
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def _chromium_html(html: str, folder: Path) -> Path:
    """The part's HTML as WeasyPrint prints it, for Chromium: the print stylesheet (A4, the
    bundled PT Serif) linked in, and the static files read from disk."""
    from django.conf import settings

    from cica_docs.rendering.fetcher import ORIGIN
    from cica_docs.rendering.pdf import STYLESHEET

    static = Path(settings.BASE_DIR, "static")
    sheet = f'<link rel="stylesheet" href="{Path(static, STYLESHEET).as_uri()}">'
    source = Path(folder, "part.html")
    source.write_text(html.replace(f"{ORIGIN}/static", static.as_uri())
                      .replace("</head>", f"{sheet}</head>", 1), encoding="utf-8")
    return source


def _adopt_orphans():
    """Make this process the reaper of its descendants' orphans (Linux): the processes a
    closing browser leaves behind stay below it, so their CPU time is counted, not lost to
    init. They stay as zombies (counted through /proc) until the benchmark ends."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
    except (OSError, AttributeError):
        print("  (cannot adopt orphaned processes here: a cold browser's CPU may be low)")


def _chromium_rows(html: str, weasy: Figure, runs: int):
    """Chromium printing the same styled HTML: warm (one browser, a new page per print) and
    cold (a browser launched for each print), through Playwright."""
    chromium = shutil.which("chromium")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        chromium = None
    if not chromium:
        print("chromium: not installed (or Playwright missing); no comparison")
        return
    from pypdf import PdfReader

    _adopt_orphans()
    launch = {"executable_path": chromium, "args": ["--no-sandbox", "--disable-gpu"]}
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as playwright:
        url = _chromium_html(html, Path(tmp)).as_uri()
        pages = []

        def print_in(browser):
            page = browser.new_page()
            page.emulate_media(media="print")
            page.goto(url, wait_until="load")
            data = page.pdf(prefer_css_page_size=True, print_background=True)
            page.close()
            pages.append(len(PdfReader(io.BytesIO(data)).pages))

        browser = playwright.chromium.launch(**launch)
        try:
            cold = _timed(lambda: print_in(browser), 1)
            warm = _timed(lambda: print_in(browser), runs)
        finally:
            browser.close()
        _row("chromium, warm browser", cold, warm)

        def cold_print():
            browser = playwright.chromium.launch(**launch)
            try:
                print_in(browser)
            finally:
                browser.close()

        launched = _timed(cold_print, max(3, runs // 3))
        _row("chromium, launched for each print", launched, launched)
    print(f"  same note HTML and stylesheet, A4: chromium {pages[0]} page(s); CPU "
          f"chromium warm / WeasyPrint = {warm.cpu_ms / weasy.cpu_ms:.1f}x, "
          f"launched / WeasyPrint = {launched.cpu_ms / weasy.cpu_ms:.1f}x")


def _pages_rows(runs: int):
    """What a page costs: a concept paper (one language, in memory, not saved) whose body
    is its own paragraphs, cut or repeated to about 1, 10, 50 and 100 pages."""
    from cica_docs.issuing.packages import render_one
    from concepts.models import ConceptPaper

    paper = ConceptPaper.objects.filter(state="issued").first() or ConceptPaper.objects.first()
    if paper is None:
        print("pages: no concept paper in the demo data; skipped")
        return
    from django.conf import settings

    settings.PDF_RENDER_TIMEOUT = 600  # a hundred pages on a loaded machine: measure, not refuse
    lang = paper.languages[0]
    body = getattr(paper, f"body_{lang}")
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    per_page = len(body.split()) / render_one(paper, lang).total_pages  # words on a page
    counts = []
    for target in (1, 10, 50, 100):
        chosen, words = [], 0
        while words < target * per_page:
            chosen.append(paragraphs[len(chosen) % len(paragraphs)])
            words += len(chosen[-1].split())
        setattr(paper, f"body_{lang}", "\n\n".join(chosen))
        result = {}

        def render(result=result):
            result["pdf"] = render_one(paper, lang)

        figure = _timed(render, 1 if target >= 50 else max(2, runs // 3))
        pages = result["pdf"].total_pages
        if pages >= 5:  # words on a page, measured again on a longer text: the next is nearer
            per_page = words / pages
        counts.append((pages, figure.cpu_ms))
        _row(f"concept paper, {pages} pages", figure, figure)
    setattr(paper, f"body_{lang}", body)
    (first_pages, first_ms), (last_pages, last_ms) = counts[0], counts[-1]
    per_page = (last_ms - first_ms) / max(1, last_pages - first_pages)
    passed = per_page <= 25
    RESULTS.append(("render cost per extra page", passed))
    print(f"{'render cost per extra page':<40} {per_page:.1f} ms cpu "
          f"({first_pages}→{last_pages} pages)  target ≤ 25 ms cpu: "
          f"{'pass' if passed else 'FAIL'}")


def _diff_row(runs: int):
    from bench.texts import long_paper_revisions
    from cica_docs.documents.diff import word_diff

    paper = long_paper_revisions(words=8500)
    figure = _timed(lambda: word_diff(paper.old, paper.new), runs + 1)
    _row(f"diff of a {len(paper.old.split())}-word paper", Figure(figure.wall[:1], []),
         Figure(figure.wall[1:], figure.cpu[1:]), target=100)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # each figure as soon as it is measured
    _setup()

    from django.test import Client

    from bench.signin import sign_in
    from cica_docs.accounts.models import User
    from cica_docs.documents.enclosures import enclosed_documents
    from cica_docs.documents.models import Document
    from cica_docs.issuing.packages import enclosure_parts, parts_of, render_all, render_one
    from cica_docs.issuing.services import issued_render
    from cica_docs.rendering.pdf import render_package

    issued = [d.specific for d in Document.objects.filter(state="issued", kind="note")]
    if not issued:
        raise SystemExit("No issued note: run `python manage.py demo` first (make bench does).")
    note = next((d for d in issued if enclosed_documents(d)), issued[0])
    runs = args.runs
    # As after `make run`'s worker: issued enclosures have their stored PDFs (and page counts).
    for enclosed in enclosed_documents(note):
        if enclosed.state == "issued":
            issued_render(document_id=enclosed.pk)
    print(f"CICA Docs benchmark — note {note.symbol}, {runs} runs each after a cold one, "
          f"{os.cpu_count()} CPUs; times in ms, median (min–max)\n")

    def one():
        return render_one(note, note.languages[0])

    cold = _timed(one, 1)
    weasy = _timed(one, runs)
    _row("note, one language", cold, weasy, target=50)

    def three():
        own = parts_of(note, enclosure_pages=())
        return render_package(own, title=note.symbol, author="bench", language="en")

    _row("note, all three languages", _timed(three, 1), _timed(three, runs))

    attached, pages = enclosure_parts(note)
    if attached:
        def package():
            return render_one(note, "package")

        _row(f"package: 3 copies + {sum(pages)}-page enclosure", _timed(package, 1),
             _timed(package, runs), target=350)
        _row("package again, its paragraphs set", _timed(package, 1, paragraphs_set=True),
             _timed(package, runs, paragraphs_set=True))

        def issue():  # what the issue-time render makes: one layout, four files
            return render_all(note)

        _row("issue: the package and each language file", _timed(issue, 1),
             _timed(issue, runs))
    else:
        print("package: the demo note has no enclosure yet; skipped")
    _pages_rows(runs)
    _uploaded_pdf_rows(runs)

    issued_render(document_id=note.pk)  # the stored files (idempotent: renders once)
    registrar = User.objects.filter(groups__name="registrar").first()
    if registrar:
        client = Client(HTTP_HOST="127.0.0.1")  # a host ALLOWED_HOSTS names by default
        sign_in(client, registrar)
        url = f"/en/work/{note.pk}/pdf/package/"

        def served():
            response = client.get(url)
            assert response.status_code == 200, response.status_code
            b"".join(response.streaming_content)

        _row("package served from storage (test client)", _timed(served, 1),
             _timed(served, runs * 3), target=5, on="wall")
    _served_rows(note, runs)
    _diff_row(runs)

    own_mb, child_mb = _peak_mb()
    passed = max(own_mb, child_mb) <= 150
    RESULTS.append(("peak memory", passed))
    print(f"peak memory: this process {own_mb:.0f} MB, largest render process "
          f"{child_mb:.0f} MB  target ≤ 150 MB: {'pass' if passed else 'FAIL'}\n")

    # Last: Playwright's event loop runs in this thread, and no query is made meanwhile.
    _chromium_rows(parts_of(note)[0].html, weasy, max(3, runs // 3))
    failed = [label for label, passed in RESULTS if not passed]
    print(f"\n{len(RESULTS) - len(failed)} of {len(RESULTS)} figures within their targets"
          + (f"; over: {', '.join(failed)}" if failed else ""))


def _uploaded_pdf_rows(runs):
    """Reading an uploaded PDF (the stored demo package, as if a state had sent it), and a
    draft package that encloses an uploaded PDF (pages merged after the note)."""
    from cica_docs.documents.enclosures import enclosed_items
    from cica_docs.documents.models import Document, EnclosedFile
    from cica_docs.issuing.models import RenderedFile
    from cica_docs.issuing.packages import render_one
    from cica_docs.rendering.inspect import inspect_pdf

    stored = RenderedFile.objects.filter(variant="package").order_by("-pages").first()
    if stored is not None:
        data = stored.file.open("rb").read()
        _row(f"reading an uploaded {stored.pages}-page PDF", _timed(lambda: inspect_pdf(data), 1),
             _timed(lambda: inspect_pdf(data), runs))
    drafts = Document.objects.filter(kind="note").exclude(state="issued")
    found = [(d.specific, [i for i in enclosed_items(d) if isinstance(i, EnclosedFile)])
             for d in drafts]
    found = [(note, files) for note, files in found if files]
    if found:
        note, files = found[0]

        def package():
            return render_one(note, "package")

        _row(f"package with an uploaded {sum(f.pages for f in files)}-page PDF",
             _timed(package, 1), _timed(package, runs))


def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _load(port: int, path: str, cookie: str, *, concurrency: int, requests: int,
          size: int, seconds: float = 30.0) -> list[float]:
    """`requests` GETs of `path` in all, from `concurrency` threads each on its own kept-alive
    connection, stopped after `seconds`; the wall time of each (ms). Every answer must be a
    200 of `size` bytes."""
    import http.client
    import threading

    times, lock, errors = [], threading.Lock(), []
    end = time.monotonic() + seconds
    per_thread = max(1, requests // concurrency)

    def client():
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Cookie": cookie, "Host": "127.0.0.1"} if cookie else {"Host": "127.0.0.1"}
        try:
            for _ in range(per_thread):
                if time.monotonic() > end:
                    return
                start = time.perf_counter()
                connection.request("GET", path, headers=headers)
                response = connection.getresponse()
                body = response.read()
                took = (time.perf_counter() - start) * 1000
                if response.status != 200 or len(body) != size:
                    errors.append(f"{path}: {response.status}, {len(body)} bytes")
                    return
                if response.getheader("Connection", "").lower() == "close":
                    connection.close()
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                with lock:
                    times.append(took)
        finally:
            connection.close()

    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if errors:
        raise RuntimeError(errors[0])
    return times


def _served_rows(note, runs: int):
    """An issued PDF served through the production server (gunicorn, sync workers, DEBUG off)
    to a delegate of a state it was dispatched to, against a static file of the same size
    served by the same server (WhiteNoise), at concurrency 1 and 8. The ratio of the medians
    is the figure (target ≤ 2×)."""
    import subprocess

    from django.conf import settings
    from django.test import Client

    from bench.signin import sign_in
    from cica_docs.accounts.models import User
    from cica_docs.circulation.models import Dispatch
    from cica_docs.issuing.models import PACKAGE, RenderedFile

    record = RenderedFile.objects.filter(document_id=note.pk, variant=PACKAGE).first()
    dispatch = Dispatch.objects.filter(document_id=note.pk).first()
    delegate = dispatch and User.objects.filter(
        is_active=True, member_state__in=dispatch.recipients.values("state"),
        groups__name="delegate").first()
    if record is None or delegate is None:
        print("served PDF vs static file: no dispatched note with a delegate; skipped")
        return
    data = record.file.open("rb").read()
    session = Client(HTTP_HOST="127.0.0.1")
    sign_in(session, delegate)
    cookie = f"{settings.SESSION_COOKIE_NAME}={session.cookies[settings.SESSION_COOKIE_NAME].value}"
    pdf_path = f"/en/portal/documents/{note.pk}/pdf/{PACKAGE}/"

    if not Path(settings.STATIC_ROOT, "staticfiles.json").exists():  # as `make run` makes it
        subprocess.run([sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
                       check=True, cwd=settings.BASE_DIR)
    static_name = f"bench/same-size-{len(data)}.pdf"  # the PDF's own bytes, as a static file
    static_file = Path(settings.STATIC_ROOT, static_name)
    static_file.parent.mkdir(parents=True, exist_ok=True)
    static_file.write_bytes(data)
    port = _free_port()
    env = {**os.environ, "DEBUG": "0", "DEMO": "0"}
    server = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
        [str(Path(sys.executable).with_name("gunicorn")), "cica_docs.wsgi:application",
         "--bind", f"127.0.0.1:{port}", "--worker-class", "sync", "--workers", "2",
         "--timeout", "60", "--log-level", "warning"],
        cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL)
    try:
        _wait_listening(port, server)
        static_path = f"{settings.STATIC_URL}{static_name}"
        for path, who in ((pdf_path, cookie), (static_path, "")):  # warm both workers
            _load(port, path, who, concurrency=2, requests=8, size=len(data))
        count = max(60, runs * 20)
        print(f"served through gunicorn (2 sync workers, DEBUG off), {len(data) // 1024} KB, "
              f"{count} requests each; ms per request, median (min–max):")
        for concurrency in (1, 8):
            pdf = _load(port, pdf_path, cookie, concurrency=concurrency, requests=count,
                        size=len(data))
            static = _load(port, static_path, "", concurrency=concurrency, requests=count,
                           size=len(data))
            ratio = statistics.median(pdf) / statistics.median(static)
            passed = ratio <= 2
            RESULTS.append((f"served PDF / static file, concurrency {concurrency}", passed))
            print(f"  concurrency {concurrency}: issued PDF to a delegate {_spread(pdf)} | "
                  f"static file {_spread(static)} | ratio {ratio:.1f}x  target ≤ 2x: "
                  f"{'pass' if passed else 'FAIL'}")
    finally:
        server.terminate()
        server.wait(timeout=30)
        static_file.unlink(missing_ok=True)


def _wait_listening(port: int, server, seconds: float = 60.0):
    import socket

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if server.poll() is not None:
            raise RuntimeError(f"gunicorn ended ({server.returncode})")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.2)
    raise RuntimeError("gunicorn did not start listening")


if __name__ == "__main__":
    main()
