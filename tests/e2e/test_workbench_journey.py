"""The translation workbench in the browser: a drafter changes English paragraph 2, the
aligned view marks Russian and Kazakh paragraph 2, the Russian reviser updates it and signs
off, the Kazakh reviser marks it checked and signs off — and only then can the registrar
issue the note."""

import re

from playwright.sync_api import expect

from cica_docs.accounts import roles
from cica_docs.documents import services
from cica_docs.workbench.models import IssuedSignOff, LanguageRight
from tests.conftest import PASSWORD, make_user
from tests.factories import make_note

from .conftest import _wait_until_open, issue, log_in

BODIES = {
    "body_en": "The agenda is enclosed.\n\nThe meeting opens at 10:00.\n\nLunch is offered.",
    "body_ru": "Повестка дня прилагается.\n\nЗаседание открывается в 10:00.\n\nПредлагается обед.",
    "body_kk": "Күн тәртібі қоса беріледі.\n\nОтырыс 10:00-де ашылады.\n\nТүскі ас беріледі.",
}
CHANGED = re.compile(r"\bchanged\b")


def _reviser(username, first, last, lang, admin):
    user = make_user(username, roles.DRAFTER, first_name=first, last_name=last)
    LanguageRight.objects.create(user=user, language=lang, granted_by=admin)
    return user


def _sign_off(page, lang):
    page.locator(f"#standing-{lang}").get_by_role("button", name="Sign off").click()
    expect(page.get_by_text(f"{lang.upper()} is signed off on revision")).to_be_visible()
    expect(page.locator(f"#standing-{lang} .signoff")).to_contain_text("signed off by")


def test_a_change_is_translated_checked_and_signed_off_before_the_note_can_be_issued(
        page, live_server):
    drafter = make_user("drafter", roles.DRAFTER)
    reviewer = make_user("reviewer", roles.REVIEWER)
    make_user("registrar", roles.REGISTRAR)
    admin = make_user("admin", roles.ADMIN)
    for username, first, last, lang in (("reviser.en", "Helen", "Carter", "en"),
                                        ("reviser.ru", "Irina", "Volkova", "ru"),
                                        ("reviser.kk", "Dana", "Nurlanqyzy", "kk")):
        _reviser(username, first, last, lang, admin)
    note = make_note(drafter, **BODIES)
    aligned = f"{live_server.url}/en/workbench/{note.pk}/"

    # The drafter changes English paragraph 2 in the aligned view.
    log_in(page, live_server, "drafter", then=None)
    page.goto(aligned)
    page.locator("#id_body__en__1").fill("The meeting opens at 11:00.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved as revision 2.")).to_be_visible()
    for lang in ("ru", "kk"):
        expect(page.locator(f"#cell-body__{lang}__1")).to_have_class(CHANGED)
        expect(page.locator(f"#cell-body__{lang}__0")).not_to_have_class(CHANGED)
    expect(page.locator("#cell-body__en__1")).not_to_have_class(CHANGED)

    # The Russian reviser updates paragraph 2 and signs off.
    log_in(page, live_server, "reviser.ru", then=None)
    page.goto(aligned)
    expect(page.locator("#cell-body__ru__1")).to_have_class(CHANGED)
    page.locator("#id_body__ru__1").fill("Заседание открывается в 11:00.")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Saved as revision 3.")).to_be_visible()
    expect(page.locator("#cell-body__ru__1")).not_to_have_class(CHANGED)
    _sign_off(page, "ru")

    # The English reviser signs off English.
    log_in(page, live_server, "reviser.en", then=None)
    page.goto(aligned)
    _sign_off(page, "en")

    note.refresh_from_db()
    for action, who in (("submit", drafter), ("approve", reviewer)):
        services.document_transition(document=note, action=action, by=who,
                                     acknowledge_warnings=True)

    # Kazakh is not signed off yet: the registrar is refused, and told why.
    log_in(page, live_server, "registrar", then=f"/en/work/{note.pk}/")
    expect(page.locator("#signoffs .signoff-kk")).to_contain_text("not signed off")
    page.get_by_role("button", name="Issue", exact=True).click()
    form = page.locator("#action-issue")
    _wait_until_open(form)
    acknowledge = form.get_by_label("I have read the warnings")
    if acknowledge.count():
        acknowledge.check()
    form.get_by_role("button", name="Confirm: Issue").click()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("not signed off: KK")).to_be_visible()
    note.refresh_from_db()
    assert note.state == "approved" and note.number is None

    # The Kazakh reviser reads paragraph 2, marks Kazakh checked, and signs off.
    log_in(page, live_server, "reviser.kk", then=None)
    page.goto(aligned)
    expect(page.locator("#cell-body__kk__1")).to_have_class(CHANGED)
    expect(page.locator("#id_body__kk__1")).to_have_value("Отырыс 10:00-де ашылады.")
    page.locator("#standing-kk").get_by_role("button", name="Mark as checked").click()
    expect(page.get_by_text("KK is marked as checked against revision 3.")).to_be_visible()
    expect(page.locator("#cell-body__kk__1")).not_to_have_class(CHANGED)
    _sign_off(page, "kk")

    # Now the registrar issues it; the page says who signed off what.
    log_in(page, live_server, "registrar", then=f"/en/work/{note.pk}/")
    expect(page.locator("#signoffs .signoff-kk")).to_contain_text(
        "signed off by Dana Nurlanqyzy, on revision 3")
    issue(page, issued_on="")
    expect(page.locator("#signoffs .signoff-ru")).to_contain_text("Irina Volkova")
    assert sorted(IssuedSignOff.objects.values_list("language", "reviser_name")) == [
        ("en", "Helen Carter"), ("kk", "Dana Nurlanqyzy"), ("ru", "Irina Volkova")]
