from playwright.sync_api import expect

from cica_docs.accounts import roles
from cica_docs.documents.models import Series
from notes.models import Note
from tests.conftest import make_user
from tests.e2e.conftest import fill_reference_note, issue, log_in, preview_layout, wait_for_preview
from tests.factories import REFERENCE, signed_off


def test_a_note_is_drafted_reviewed_approved_and_issued_in_the_browser(page, live_server):
    make_user("drafter", roles.DRAFTER)
    make_user("reviewer", roles.REVIEWER)
    make_user("registrar", roles.REGISTRAR)
    Series.objects.create(code="NCT/CT", next_number=275)

    # The drafter writes the note in three columns and sees the formulas assembled live.
    log_in(page, live_server, "drafter")
    page.get_by_role("link", name="New Note verbale").click()
    fill_reference_note(page)
    wait_for_preview(page, "en", "presents its compliments to the CICA Member States and "
                     "has the honour to submit")
    wait_for_preview(page, "kk", "өзіне мәртебе санайды.")
    # The frame lays the page out with the print stylesheet and its bundled font (the CSP
    # lets both through): an A4 sheet set in PT Serif.
    assert preview_layout(page, "en") == {"font": True, "width": 794}  # 210 mm
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved as revision 1.")).to_be_visible()

    # A second revision changes a date in English and Russian.
    page.get_by_role("link", name="Edit").click()
    en_body = page.locator("section.language-column[lang=en]").get_by_label("Body")
    en_body.fill(REFERENCE["body"]["en"].replace("14 March", "15 March"))
    ru_body = page.locator("section.language-column[lang=ru]").get_by_label("Body")
    ru_body.fill(REFERENCE["body"]["ru"].replace("14 марта", "15 марта"))
    page.get_by_label("What changed (optional)").fill("SOC moved to 15 March")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved as revision 2.")).to_be_visible()
    page.get_by_role("button", name="Submit for review").click()
    page.get_by_label("I have read the warnings").check()
    page.get_by_role("button", name="Confirm: Submit for review").click()
    expect(page.locator(".badge.fs-6")).to_have_text("Submitted for review")

    # The reviewer compares the revisions and approves.
    log_in(page, live_server, "reviewer")
    page.get_by_role("link", name=REFERENCE["title"]["en"]).click()
    page.get_by_role("link", name="History and differences").click()
    page.get_by_role("button", name="Compare the chosen revisions").click()
    expect(page.locator("section[lang=en] ins.diff-ins").first).to_have_text("15")
    expect(page.locator("section[lang=ru] del.diff-del").first).to_have_text("14")
    page.get_by_role("link", name="Back to the document").click()
    page.get_by_role("button", name="Approve").click()
    page.get_by_label("I have read the warnings").check()
    page.get_by_role("button", name="Confirm: Approve").click()
    expect(page.locator(".badge.fs-6")).to_have_text("Approved")
    # NCT/CT is issued once its revisers have signed off each language, given here as the
    # workbench's service gives it (tests/e2e/test_workbench_journey.py does it in the browser).
    signed_off(Note.objects.get())

    # The registrar issues it: it receives the next number of its series.
    log_in(page, live_server, "registrar")
    page.get_by_role("link", name="Approved").click()
    page.get_by_role("link", name=REFERENCE["title"]["en"]).click()
    issue(page, issued_on="2024-03-06", reason="Signed on 6 March, registered today.")
    expect(page.get_by_text("Issued as № NCT/CT/275.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_have_text("Note verbale № NCT/CT/275")
    note = Note.objects.get()
    assert (note.state, note.number, str(note.issued_on)) == ("issued", 275, "2024-03-06")
