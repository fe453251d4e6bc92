"""A delegate's day on the portal, in the browser: the inbox filtered by meeting, one
enclosure downloaded on its own in Russian, and "new since your last visit" gone from the
document once it was opened."""

import hashlib
import re
from pathlib import Path

from playwright.sync_api import expect

from cica_docs.accounts import roles
from cica_docs.circulation import dispatching
from cica_docs.circulation.models import CirculationList, Receipt
from cica_docs.documents import services
from cica_docs.issuing.models import RenderedFile
from cica_docs.meetings.models import DocumentMeeting, Meeting
from tests.conftest import make_user
from tests.e2e.conftest import log_in
from tests.factories import approved_concept, approved_note, pdfs_stored


def test_a_delegate_filters_by_meeting_downloads_an_enclosure_and_sees_what_is_new(
        page, live_server):
    drafter, reviewer = make_user("drafter", roles.DRAFTER), make_user("reviewer", roles.REVIEWER)
    registrar = make_user("registrar", roles.REGISTRAR)
    delegate = make_user("delegate.kz", roles.DELEGATE, state_code="KAZ")
    paper = approved_concept(drafter, reviewer, languages=("en", "ru"))
    for_soc = approved_note(drafter, reviewer, enclosures=[paper.pk])
    other = approved_note(drafter, reviewer, title_en="Annual contributions")
    everyone = CirculationList.objects.get(is_default=True)
    for note in (for_soc, other):
        services.document_issue(document=note, by=registrar, acknowledge_warnings=True)
        pdfs_stored(note)
    pdfs_stored(paper)
    for note in (for_soc, other):
        dispatching.dispatch_create(document=note, circulation_list=everyone, by=registrar)
    soc = Meeting.objects.create(kind="soc", title_en="Senior Officials Committee, December",
                                 title_ru="КСДЛ, декабрь", title_kk="АЛТК, желтоқсан",
                                 starts_on="2026-12-10", ends_on="2026-12-11")
    DocumentMeeting.objects.create(document=for_soc, meeting=soc, tagged_by=registrar)
    for_soc.refresh_from_db()
    other.refresh_from_db()

    log_in(page, live_server, "delegate.kz", landing="/en/portal/")
    rows = page.locator("tbody tr")
    expect(rows).to_have_count(2)
    expect(page.locator(".new-since-visit")).to_have_count(2)  # a first visit: all unopened

    page.get_by_label("Meeting", exact=True).select_option(
        label="Senior Officials Committee, December")
    expect(page.locator("#meeting-heading")).to_contain_text("Senior Officials Committee")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(for_soc.issued.symbol.split("/")[-1])

    rows.first.get_by_role("link").first.click()
    expect(page.get_by_role("heading", name="Enclosures, each on its own")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name=re.compile(r"^Download Russian · Enclosure 1")).click()
    data = Path(download.value.path()).read_bytes()
    assert hashlib.sha256(data).hexdigest() == RenderedFile.objects.get(
        document=paper, variant="ru").sha256
    assert Receipt.objects.filter(user=delegate, variant="enclosure1-ru").count() == 1

    page.get_by_role("link", name="Inbox").first.click()
    page.wait_for_load_state("networkidle")
    expect(rows).to_have_count(2)
    opened = rows.filter(has=page.get_by_role("link", name=re.compile(
        re.escape(for_soc.issued.symbol.split("/")[-1]))))
    expect(opened.locator(".new-since-visit")).to_have_count(0)
    expect(page.locator(".new-since-visit")).to_have_count(1)  # the other, still unopened
    page.get_by_label("Only what is new since my last visit").check()
    page.get_by_role("button", name="Filter").click()
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Annual contributions")
