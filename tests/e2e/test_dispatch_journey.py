import hashlib
import re
from pathlib import Path

from playwright.sync_api import expect

from cica_docs.accounts import roles
from cica_docs.circulation.models import Receipt
from cica_docs.documents import services
from cica_docs.issuing.models import RenderedFile
from tests.conftest import PASSWORD, make_user
from tests.factories import approved_note

from .conftest import enter_code, second_factor_of


def log_in(page, live_server, username, next_path=""):
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/en/accounts/login/?next={next_path}")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    device = second_factor_of(username)
    page.get_by_role("button", name="Log in", exact=True).click()
    if device is not None:
        enter_code(page, device)


def confirm_password(page):
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your password")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()


def test_a_note_is_dispatched_to_a_list_received_by_e_mail_downloaded_and_seen_as_received(
    page, live_server, smtp_server, settings, tmp_path
):
    settings.SITE_URL = live_server.url
    make_user("admin.user", roles.ADMIN)
    registrar = make_user("registrar", roles.REGISTRAR, first_name="Nurlan", last_name="Abenov")
    make_user("delegate.kz", roles.DELEGATE, state_code="KAZ", preferred_language="ru",
              first_name="Yerlan", last_name="Dzhaksybekov")
    make_user("delegate.in", roles.DELEGATE, state_code="IND")
    note = approved_note(make_user("drafter", roles.DRAFTER), make_user("reviewer",
                                                                          roles.REVIEWER))
    services.document_issue(document=note, by=registrar)  # renders once committed
    assert RenderedFile.objects.filter(document=note).count() == 4

    # The admin puts Kazakhstan and China on a new list.
    log_in(page, live_server, "admin.user")
    page.get_by_role("link", name="Circulation lists").first.click()
    page.get_by_role("link", name="New circulation list").click()
    confirm_password(page)
    page.get_by_label("Name (English)").fill("Security cluster")
    page.get_by_label("Name (Russian)").fill("Кластер безопасности")
    page.get_by_label("Name (Kazakh)").fill("Қауіпсіздік кластері")
    for state in ["Kazakhstan", "China"]:
        page.get_by_label(state, exact=True).check()
    page.get_by_role("button", name="Save the list").click()
    expect(page.get_by_text("The list “Security cluster” was created.")).to_be_visible()

    # The registrar dispatches the issued note to it, confirming the password first.
    log_in(page, live_server, "registrar")
    page.goto(f"{live_server.url}/en/work/{note.pk}/")
    page.get_by_role("link", name="Dispatch", exact=True).click()
    confirm_password(page)
    page.get_by_label("Circulation list").select_option(label="Security cluster")
    expect(page.get_by_text("Will receive it: 2 member states")).to_be_visible()
    page.get_by_role("button", name="Dispatch to 2 member states").click()
    expect(page.get_by_text("Dispatched to 2 member states")).to_be_visible()
    dispatch_url = page.url
    expect(page.locator("tr[data-state=KAZ]")).to_contain_text("Notice delivered")

    # The delegate of Kazakhstan receives the notice in Russian, with a link to the portal.
    [message] = [m for m in smtp_server.messages if m["To"] == "delegate.kz@example.org"]
    assert "NCT/CT/275" in message["Subject"]
    link = re.search(r"http://\S+/portal/documents/\d+/", message.get_content()).group(0)
    assert link == f"{live_server.url}/ru/portal/documents/{note.pk}/"

    # ... logs in through the link and downloads the Russian PDF.
    log_in(page, live_server, "delegate.kz", next_path=link.removeprefix(live_server.url))
    expect(page.get_by_role("heading", level=1)).to_have_text("Вербальная нота № NCT/CT/275")
    with page.expect_download() as download_info:
        page.locator(f"a[href$='/portal/documents/{note.pk}/pdf/ru/']").click()
    download = download_info.value
    assert download.suggested_filename == "NCT-CT-275_ru.pdf"
    saved = Path(tmp_path / download.suggested_filename)
    download.save_as(saved)
    stored = RenderedFile.objects.get(document=note, variant="ru")
    assert hashlib.sha256(saved.read_bytes()).hexdigest() == stored.sha256
    assert Receipt.objects.filter(user__username="delegate.kz", variant="ru").count() == 1

    # The registrar's matrix shows the download.
    log_in(page, live_server, "registrar")
    page.goto(dispatch_url)
    expect(page.locator("tr[data-state=KAZ]")).to_contain_text("Downloaded")
    expect(page.locator("tr[data-state=KAZ]")).to_contain_text("Yerlan Dzhaksybekov")
    expect(page.locator("tr[data-state=CHN]")).to_contain_text("Not yet")

    # The delegate of India, not on the list, finds nothing at any of the document's URLs.
    log_in(page, live_server, "delegate.in")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inbox")
    expect(page.get_by_text("No documents have been circulated to your state yet")).to_be_visible()
    base = f"{live_server.url}/en/portal/documents/{note.pk}/"
    for url in [base, base + "pdf/ru/", base + "pdf/en/", base + "pdf/kk/", base + "pdf/package/",
                base + "preview/ru/"]:
        response = page.request.get(url)
        assert response.status == 404, url
        assert not response.body().startswith(b"%PDF")
    page.goto(base)
    expect(page.get_by_role("heading", level=1)).to_have_text("Page not found")
    assert Receipt.objects.count() == 1
