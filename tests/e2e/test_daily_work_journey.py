"""The Secretariat's day in the browser: a submission reaches the reviewer by e-mail (a real
SMTP server on loopback) and in "Awaiting my review"; the return reaches the drafter; the
registrar finds the approved note in "Ready to issue", issues it, and the register shows it."""

import re

from playwright.sync_api import expect

from cica_docs.accounts import roles
from tests.conftest import make_user
from tests.e2e.conftest import act, issue, log_in
from tests.factories import REFERENCE, make_note, signed_off

TITLE = REFERENCE["title"]["en"]


def _queue(page, key):
    return page.locator(f"#queue-{key}")


def test_queues_notifications_and_the_register_in_the_browser(page, live_server, smtp_server):
    drafter = make_user("drafter", roles.DRAFTER)
    make_user("reviewer", roles.REVIEWER)
    make_user("registrar", roles.REGISTRAR)
    note = make_note(drafter)

    # The drafter lands on their queues and submits the draft.
    log_in(page, live_server, "drafter", then=None)
    expect(_queue(page, "mine").get_by_role("link", name=TITLE)).to_be_visible()
    _queue(page, "mine").get_by_role("link", name=TITLE).click()
    act(page, "Submit for review", "submit")
    (mail,) = [m for m in smtp_server.messages if m["To"] == "reviewer@example.org"]
    assert mail["Subject"] == f"CICA Docs: drafter submitted {TITLE} for review."

    # The reviewer sees it counted in the navigation and waiting for them; returns it.
    log_in(page, live_server, "reviewer", then=None)
    expect(page.get_by_role("navigation").get_by_role("link", name="My work")).to_contain_text(
        "1")
    _queue(page, "review").get_by_role("link", name=TITLE).click()
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Return to draft", exact=True).click()
    form = page.locator("#action-return")
    expect(form).to_have_class(re.compile(r"\bshow\b"))
    form.get_by_label("Reason (required)").fill("Please add the date of the SOC meeting.")
    form.get_by_role("button", name="Confirm: Return to draft").click()
    expect(page.get_by_text("Done: the document is now in the state")).to_be_visible()

    # The return reaches the drafter, with the comment, by e-mail and in the app.
    (back,) = [m for m in smtp_server.messages if m["To"] == "drafter@example.org"]
    assert "Please add the date of the SOC meeting." in back.get_content()
    log_in(page, live_server, "drafter", then=None)
    _queue(page, "returned").get_by_role("link", name=TITLE).click()
    act(page, "Submit for review", "submit")
    page.get_by_role("link", name="Notifications").click()
    expect(page.get_by_text("Please add the date of the SOC meeting.")).to_be_visible()

    log_in(page, live_server, "reviewer", then=None)
    _queue(page, "review").get_by_role("link", name=TITLE).click()
    act(page, "Approve", "approve")

    # NCT/CT waits for the revisers' sign-off ("Awaiting sign-off"), given here as the
    # workbench's service gives it (tests/e2e of the workbench drive it in the browser).
    log_in(page, live_server, "registrar", then=None)
    expect(_queue(page, "signoff").get_by_role("link", name=TITLE)).to_be_visible()
    signed_off(note)

    # The registrar finds it ready to issue, issues it; the register shows it.
    log_in(page, live_server, "registrar", then=None)
    _queue(page, "ready").get_by_role("link", name=TITLE).click()
    issue(page, issued_on="2024-03-06", reason="Signed on 6 March, registered today.")
    page.get_by_role("link", name="Register", exact=True).click()
    row = page.get_by_role("row").filter(has_text="NCT/CT/275")
    expect(row).to_contain_text(TITLE)
    expect(row).to_contain_text("not dispatched")
    expect(row).to_contain_text("the CICA Member States")
    note.refresh_from_db()
    assert note.state == "issued"
