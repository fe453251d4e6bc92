"""Browser harness: pytest-playwright driving Debian's Chromium (never a downloaded browser)."""

import os
import re
import shutil

import pytest
from django.conf import settings as django_settings
from django.core.servers.basehttp import WSGIServer
from django.test.testcases import LiveServerThread


class SerialWSGIServer(WSGIServer):
    """The live server, one request at a time. With SQLite the test database is in memory and
    the live server shares the test's one connection; served by several threads at once
    (the threaded default), a request could read through another's open transaction (seen:
    a note's addressee "does not exist" while a preview was being served). Not threaded,
    Django closes each connection after its response, so nothing waits on keep-alive."""

    def __init__(self, *args, connections_override=None, **kwargs):
        super().__init__(*args, **kwargs)


if django_settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    LiveServerThread.server_class = SerialWSGIServer

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        pytest.fail("Browser tests need Debian's chromium: apt-get install chromium")
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_ARGS}


@pytest.fixture
def browser_context_args(browser_context_args):
    # Reduced motion: Bootstrap then opens a collapsed form without its height animation.
    return {**browser_context_args, "locale": "en-GB", "viewport": {"width": 1280, "height": 900},
            "reduced_motion": "reduce"}


@pytest.fixture(autouse=True)
def _e2e_database(reference_data, live_server, settings):
    """Browser tests run against live_server, with real transactions. The live server is
    threaded, and forking a threaded process can deadlock: render PDFs in-process here."""
    settings.PDF_RENDER_ISOLATION = "inline"


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """When a browser test fails, add where the browser was and what it showed to the
    report: CI keeps only the log."""
    report = yield
    page = getattr(item, "funcargs", {}).get("page")
    if report.when == "call" and report.failed and page is not None:
        try:
            forms = page.evaluate("""() => [...document.forms].map(f =>
                `${f.id || f.action} [${f.className}] ` + [...f.querySelectorAll('button')]
                .map(b => `${b.textContent.trim()}${b.disabled ? ' (disabled)' : ''}`).join(', '))
                .join('\\n')""")
            shown = (f"{page.url}\n{page.locator('body').inner_text(timeout=2000)[:3000]}\n"
                     f"forms:\n{forms}")
        except Exception as error:  # the page may be gone; the failure itself is what matters
            shown = f"the page could not be read: {error}"
        report.sections.append(("the browser at the failure", shown))
        report.sections.append(("the server's threads at the failure", _thread_stacks()))
    return report


def _thread_stacks() -> str:
    """Every thread's stack in this process (the live server's too): where a request that
    never answered is waiting."""
    import faulthandler
    import tempfile

    with tempfile.TemporaryFile("w+") as out:
        faulthandler.dump_traceback(out, all_threads=True)
        out.seek(0)
        return out.read()[-12000:]


def browser_tests_wanted() -> bool:
    """The browser journeys test pages, not the database: CI runs them once, on PostgreSQL
    (the production database), and skips them on SQLite. CICA_BROWSER_TESTS=1 runs them on
    any database (a developer with SQLite only), =0 skips them everywhere."""
    wanted = os.environ.get("CICA_BROWSER_TESTS", "")
    if wanted in ("0", "1"):
        return wanted == "1"
    return django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.sqlite3"


def pytest_collection_modifyitems(items):
    skip = None if browser_tests_wanted() else pytest.mark.skip(
        reason="browser journeys run on PostgreSQL (CICA_BROWSER_TESTS=1 runs them here)"
    )
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
            if skip:
                item.add_marker(skip)


STAFF_LANDING = "/en/my-work/"


def second_factor_of(username):
    """The authenticator of a user whose role requires two-factor sign-in (a real device in
    the database, made if needed, as if they had set it up before), else None."""
    from cica_docs.accounts.models import User
    from cica_docs.accounts.two_factor import requires_two_factor
    from tests.conftest import two_factor_device

    user = User.objects.get(username=username)
    return two_factor_device(user) if requires_two_factor(user) else None


def enter_code(page, device):
    """The second step, after the password: the code the person's phone shows now, in
    whatever language the page is."""
    from playwright.sync_api import expect

    from tests.conftest import totp_code

    form = page.locator("form[action$='/accounts/two-factor/']")
    expect(form).to_be_visible()
    form.locator("#id_code").fill(totp_code(device))
    form.locator("button[type=submit]").click()
    page.wait_for_load_state("networkidle")


def log_in(page, live_server, username, *, landing=STAFF_LANDING, then="/en/work/"):
    """Log in as `username` in a fresh session, after the previous page's requests (PDF
    previews in frames) have finished, so they cannot race the login. Staff land on their
    work queues; the journeys then start from the work list (`then`; None: stay)."""
    from playwright.sync_api import expect

    from tests.conftest import PASSWORD

    device = second_factor_of(username)
    page.wait_for_load_state("networkidle")
    page.goto("about:blank")
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.wait_for_load_state("networkidle")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in", exact=True).click()
    page.wait_for_load_state("networkidle")
    if device is not None:
        enter_code(page, device)
    assert page.url == f"{live_server.url}{landing}", page.locator("main").inner_text()
    expect(page).to_have_url(f"{live_server.url}{landing}")
    if landing == STAFF_LANDING and then:
        page.goto(f"{live_server.url}{then}")
        page.wait_for_load_state("networkidle")


def act(page, action, key):
    """Press a workflow button, acknowledge warnings if there are any, confirm, and wait
    until the server has answered (the next step must not race this one)."""
    from playwright.sync_api import expect

    # In these tests the live server renders PDF previews in its own threads (see
    # _e2e_database); let the page's preview finish so the action is not queued behind it.
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name=action, exact=True).click()
    form = page.locator(f"#action-{key}")
    _wait_until_open(form)
    acknowledge = form.get_by_label("I have read the warnings")
    if acknowledge.count():
        acknowledge.check()
    form.get_by_role("button", name=f"Confirm: {action}").click()
    expect(page.get_by_text("Done: the document is now in the state")).to_be_visible(
        timeout=30_000
    )


def _wait_until_open(form):
    """A collapsed form is usable once Bootstrap has finished opening it: a click during
    the opening can land beside the button as the page shifts (seen under load: no submit)."""
    from playwright.sync_api import expect

    expect(form).to_have_class(re.compile(r"\bshow\b"))
    expect(form).not_to_have_class(re.compile(r"\bcollapsing\b"))


def issue(page, *, issued_on: str, reason: str = ""):
    """As a registrar on an approved document's page: issue it, confirming the password
    (`reason`: why it is dated before today)."""
    from playwright.sync_api import expect

    from tests.conftest import PASSWORD

    page.wait_for_load_state("networkidle")  # as in act()
    page.get_by_role("button", name="Issue", exact=True).click()
    form = page.locator("#action-issue")
    _wait_until_open(form)
    form.get_by_label("Date of issue").fill(issued_on)
    if reason:
        form.get_by_label("Reason for an earlier date").fill(reason)
    acknowledge = form.get_by_label("I have read the warnings")
    if acknowledge.count():
        acknowledge.check()
    form.get_by_role("button", name="Confirm: Issue").click()
    # Issuing asks for the password again; the form travels through the confirmation.
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your password")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("Issued as")).to_be_visible()


def fill_reference_note(page):
    """In the note editor, type the reference note in three columns, series and addressee."""
    from tests.factories import REFERENCE

    for lang in ("en", "ru", "kk"):
        column = page.locator(f"section.language-column[lang={lang}]")
        column.get_by_label("Subject").fill(REFERENCE["title"][lang])
        column.get_by_label("Opening").fill(REFERENCE["opening"][lang])
        column.get_by_label("Body").fill(REFERENCE["body"][lang])
    page.get_by_label("Registry series").select_option(label="NCT/CT")
    page.get_by_label("Addressee").select_option(label="the CICA Member States")



_PREVIEW_READS = """([lang, text]) => {
  const frame = document.querySelector(`#preview iframe[lang="${lang}"]`);
  const body = frame && frame.contentDocument && frame.contentDocument.body;
  if (!body) return false;
  const shown = body.textContent.replace(/[\\u00ad\\u2060]/g, "").replace(/\\s+/g, " ");
  return shown.includes(text);
}"""


def wait_for_preview(page, lang, text, timeout=15_000):
    """Wait until the editor's live preview shows `text` in the print page of `lang` (a
    frame: the preview is the print HTML, with its soft hyphens and no-break spaces)."""
    page.wait_for_function(_PREVIEW_READS, arg=[lang, text], timeout=timeout)


_PREVIEW_LAYOUT = """async (lang) => {
  const doc = document.querySelector(`#preview iframe[lang="${lang}"]`).contentDocument;
  await doc.fonts.ready;
  return {
    font: [...doc.fonts].some((f) => f.family.includes("PT Serif") && f.status === "loaded"),
    width: Math.round(parseFloat(doc.defaultView.getComputedStyle(doc.body).width)),
  };
}"""


def preview_layout(page, lang) -> dict:
    """Whether the print page of `lang` in the preview loaded PT Serif, and its width."""
    return page.evaluate(_PREVIEW_LAYOUT, lang)
