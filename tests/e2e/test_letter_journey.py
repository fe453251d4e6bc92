"""A signed letter from first draft to its issued PDF, in the browser: typed with only its
addressee and body in three columns, the usual formulas fill in the rest."""

from playwright.sync_api import expect

from cica_docs.accounts import roles
from letters import demo
from letters.models import Letter
from tests.conftest import make_user
from tests.e2e.conftest import act, issue, log_in, wait_for_preview
from tests.rendering.conftest import pdftotext


def test_a_letter_is_drafted_reviewed_approved_and_issued_in_the_browser(page, live_server):
    make_user("drafter", roles.DRAFTER)
    make_user("reviewer", roles.REVIEWER)
    make_user("registrar", roles.REGISTRAR)

    log_in(page, live_server, "drafter")
    page.get_by_role("link", name="New Letter").click()
    for lang in ("en", "ru", "kk"):
        column = page.locator(f"section.language-column[lang={lang}]")
        column.get_by_label("Subject").fill(demo.TITLE[lang])
        column.get_by_label("Addressee").fill(demo.ADDRESSEE[lang])
        column.get_by_label("Body").fill(demo.BODY[lang])
    page.get_by_label("Registry series").select_option(label="CICA/SG")
    page.get_by_label("Salutation").select_option(label="Dear Mr. Minister,")
    # The live preview prints the chosen salutation and the usual close and signatory.
    wait_for_preview(page, "en", "Dear Mr. Minister,")
    wait_for_preview(page, "ru", "Уважаемый господин Министр!")
    wait_for_preview(page, "en", "Please accept, Excellency, the assurances")
    wait_for_preview(page, "kk", "Бас хатшы")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved as revision 1.")).to_be_visible()
    act(page, "Submit for review", "submit")

    log_in(page, live_server, "reviewer")
    page.get_by_role("link", name=demo.TITLE["en"]).click()
    act(page, "Approve", "approve")

    log_in(page, live_server, "registrar")
    page.get_by_role("link", name="Approved").click()
    page.get_by_role("link", name=demo.TITLE["en"]).click()
    issue(page, issued_on="2026-10-23", reason="Signed on 23 October, registered today.")
    expect(page.get_by_text("Issued as № CICA/SG/1.")).to_be_visible()
    letter = Letter.objects.get()
    assert (letter.state, letter.symbol) == ("issued", "CICA/SG/1")

    pdf = page.request.get(f"{live_server.url}/en/work/{letter.pk}/pdf/ru/")
    text = pdftotext(pdf.body())
    assert "№ CICA/SG/1" in text and "город Астана, 23 октября 2026 года" in text
    assert "Уважаемый господин Министр!" in text and "Кайрат Сарыбай" in text
