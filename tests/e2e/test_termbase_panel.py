"""The editor's termbase panel in the browser: the cursor in a Russian paragraph lists the
terms found there, in any inflected form, with their equivalents; the preview warns when the
Kazakh paragraph lacks one."""

from playwright.sync_api import expect

from cica_docs.accounts import roles
from tests.conftest import make_user
from tests.e2e.conftest import log_in


def test_the_panel_shows_the_terms_of_the_paragraph_being_edited(page, live_server, tmp_path):
    make_user("drafter", roles.DRAFTER)
    log_in(page, live_server, "drafter")
    page.goto(f"{live_server.url}/en/work/new/note/")
    ru_body = page.locator("section.language-column[lang=ru]").get_by_label("Body")
    ru_body.fill("Повестка дня.\n\nВопрос будет рассмотрен на заседании Комитета старших "
                 "должностных лиц СВМДА.")
    ru_body.press("End")
    panel = page.locator("#terms-panel")
    expect(panel).to_contain_text("Комитет старших должностных лиц")
    expect(panel).to_contain_text("Аға лауазымды тұлғалар комитеті")
    expect(panel).to_contain_text("Senior Officials Committee")
    page.screenshot(path=str(tmp_path / "terms-panel.png"), full_page=True)

    # The cursor back in the first paragraph: no term there.
    ru_body.press("Control+Home")
    expect(panel).to_contain_text("No termbase term in this paragraph.")

    page.locator("section.language-column[lang=kk]").get_by_label("Body").fill(
        "Күн тәртібі.\n\nМәселе отырыста қаралады.")
    page.locator("section.language-column[lang=en]").get_by_label("Body").fill(
        "The agenda.\n\nThe issue will be considered at the meeting of the CICA Senior "
        "Officials Committee.")
    expect(page.locator("#preview")).to_contain_text(
        "the EN text has “Senior Officials Committee”, but “Аға лауазымды тұлғалар комитеті” "
        "is not found here", timeout=15000)
