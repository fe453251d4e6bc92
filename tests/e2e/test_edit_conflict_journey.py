"""Two drafters edit the same revision of a note in two browsers: the second is told, sees
what the first changed, and saving from there keeps both people's changes."""

from playwright.sync_api import expect

from cica_docs.accounts import roles
from notes.models import Note
from tests.conftest import make_user
from tests.e2e.conftest import log_in
from tests.factories import REFERENCE, make_note


def _column(page, lang):
    return page.locator(f"section.language-column[lang={lang}]")


def test_an_edit_conflict_merges_instead_of_reverting(browser, live_server):
    aigerim = make_user("aigerim", roles.DRAFTER, first_name="Aigerim", last_name="Sadykova")
    make_user("dmitry", roles.DRAFTER)
    note = make_note(aigerim)
    editor = f"{live_server.url}/en/work/{note.pk}/edit/"
    first, second = (browser.new_context(locale="en-GB", viewport={"width": 1280,
                                                                    "height": 900})
                     for _ in range(2))
    a, b = first.new_page(), second.new_page()
    log_in(a, live_server, "aigerim")
    log_in(b, live_server, "dmitry")
    a.goto(editor)
    b.goto(editor)  # both start from revision 1

    # Aigerim corrects the English and the Kazakh body and saves first.
    _column(a, "en").get_by_label("Body").fill("The meeting is postponed to 15 March 2024.")
    _column(a, "kk").get_by_label("Body").fill("Отырыс 2024 жылғы 15 наурызға ауыстырылды.")
    a.get_by_role("button", name="Save").click()
    expect(a.get_by_text("Saved as revision 2.")).to_be_visible()
    # Her browser leaves (the document page's PDF frame would hold the one-request-at-a-time
    # test server's connection).
    a.wait_for_load_state("networkidle")
    first.close()

    # Dmitry, still on revision 1, changes the Russian body and the English body.
    _column(b, "ru").get_by_label("Body").fill("Заседание переносится на 15 марта 2024 года.")
    _column(b, "en").get_by_label("Body").fill("The meeting will be held on 15 March 2024.")
    b.get_by_role("button", name="Save").click()
    expect(b.locator("#stale-warning")).to_contain_text(
        "Aigerim Sadykova saved revision 2 while you were editing revision 1. Nothing was saved.")

    # The form now holds Aigerim's Kazakh text and Dmitry's Russian text…
    expect(_column(b, "kk").get_by_label("Body")).to_have_value(
        "Отырыс 2024 жылғы 15 наурызға ауыстырылды.")
    expect(_column(b, "ru").get_by_label("Body")).to_have_value(
        "Заседание переносится на 15 марта 2024 года.")
    # …and says, per language, who changed what.
    expect(b.locator("#merge-body_kk")).to_contain_text("Changed by Aigerim Sadykova")
    expect(b.locator("#merge-body_kk ins.diff-ins").first).to_be_visible()
    expect(b.locator("#merge-body_ru")).to_contain_text("Changed by you: yours is kept")
    expect(b.locator("#merge-body_en")).to_contain_text("Changed by both of you: choose")
    expect(b.locator("#merge-body_en .merge-theirs ins", has_text="postponed")).to_be_visible()
    expect(b.locator("#merge-body_en .merge-yours ins", has_text="held")).to_be_visible()

    # Saving without choosing saves nothing (the browser asks for the choice first, and the
    # server would refuse it too); choosing Aigerim's English saves the merge.
    b.screenshot(path="/tmp/h12b/conflict.png", full_page=True)
    b.get_by_role("button", name="Save").click()
    assert b.evaluate("document.getElementById('document-form').checkValidity()") is False
    b.locator("#merge-body_en").get_by_label("Theirs").check()
    b.get_by_role("button", name="Save").click()
    expect(b.get_by_text("Saved as revision 3.")).to_be_visible()  # nothing was saved before

    note = Note.objects.get(pk=note.pk)
    assert note.body_en == "The meeting is postponed to 15 March 2024."
    assert note.body_kk == "Отырыс 2024 жылғы 15 наурызға ауыстырылды."
    assert note.body_ru == "Заседание переносится на 15 марта 2024 года."
    assert note.opening_ru == REFERENCE["opening"]["ru"]
    second.close()
