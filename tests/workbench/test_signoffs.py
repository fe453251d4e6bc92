"""Check and sign-off of a language, their withdrawal by a later change, and the gate at
issue (service, web page and API)."""

import pytest

from cica_docs.audit.models import AuditEvent
from cica_docs.documents import services
from cica_docs.documents.models import Series
from cica_docs.documents.status import translation_status
from cica_docs.workbench.models import IssuedSignOff
from cica_docs.workbench.signoffs import language_check, language_sign_off, standings
from tests.api.conftest import token_client
from tests.conftest import reauthenticate
from tests.factories import make_note, note_content

pytestmark = pytest.mark.django_db


def _edit(note, author, **texts):
    note.refresh_from_db()
    return services.revision_create(document=note, author=author, content=note_content(
        **texts), base_revision=note.revision_number)


def _approved(note, drafter, reviewer):
    for action, who in (("submit", drafter), ("approve", reviewer)):
        services.document_transition(document=note, action=action, by=who,
                                     acknowledge_warnings=True)
    note.refresh_from_db()
    return note


def _sign(note, *revisers):
    note.refresh_from_db()
    for reviser in revisers:
        lang = reviser.language_rights.get().language
        language_sign_off(document=note, language=lang, by=reviser,
                          revision_number=note.revision_number)


def test_the_series_of_notes_requires_sign_off_and_a_new_series_does_not():
    assert Series.objects.create(code="NCT/CT").signoff_required
    assert not Series.objects.create(code="CICA/TEST").signoff_required


def test_a_sign_off_is_withdrawn_when_its_language_changes(drafter, reviser_ru):
    note = make_note(drafter)
    _sign(note, reviser_ru)
    assert standings(note)["ru"].signoff.reviser == reviser_ru
    _edit(note, drafter, body_ru="Вопрос будет рассмотрен позднее.")
    found = standings(note)["ru"]
    assert found.signoff is None and found.withdrawn.reviser == reviser_ru


def test_a_sign_off_is_withdrawn_when_the_source_language_changes(drafter, reviser_kk):
    note = make_note(drafter)
    _sign(note, reviser_kk)
    _edit(note, drafter, body_en="The issue will be considered later.")
    assert standings(note)["kk"].signoff is None


def test_a_sign_off_holds_when_only_another_translation_changes(drafter, reviser_kk):
    note = make_note(drafter)
    _sign(note, reviser_kk)
    _edit(note, drafter, body_ru="Вопрос будет рассмотрен позднее.")
    assert standings(note)["kk"].signoff.revision_number == 1


def test_marking_a_language_checked_clears_outdated_without_a_new_revision(drafter):
    note = make_note(drafter)
    _edit(note, drafter, body_en="The issue will be considered later.")
    assert translation_status(note)["kk"] == "outdated"
    language_check(document=note, language="kk", revision_number=2, by=drafter)
    assert translation_status(note)["kk"] == "complete"
    assert note.revisions.count() == 2
    event = AuditEvent.objects.get(action="workbench.check")
    assert event.detail["language"] == "kk"


def test_only_a_reviser_of_the_language_signs_it_off(drafter, reviser_ru):
    note = make_note(drafter)
    with pytest.raises(services.NotPermitted):
        language_sign_off(document=note, language="kk", revision_number=1, by=reviser_ru)
    with pytest.raises(services.NotPermitted):
        language_sign_off(document=note, language="ru", revision_number=1, by=drafter)


def test_a_sign_off_of_a_revision_that_is_no_longer_current_is_refused(drafter, reviser_ru):
    note = make_note(drafter)
    _edit(note, drafter, body_ru="Вопрос будет рассмотрен позднее.")
    with pytest.raises(services.DocumentError, match="Revision 2 was saved"):
        language_sign_off(document=note, language="ru", revision_number=1, by=reviser_ru)
    assert not standings(note)["ru"].signoff


def test_issue_is_refused_until_every_language_is_signed_off(
        drafter, reviewer, registrar, reviser_en, reviser_ru, reviser_kk):
    note = _approved(make_note(drafter), drafter, reviewer)
    _sign(note, reviser_en, reviser_ru)
    with pytest.raises(services.TransitionNotAllowed, match="not signed off: KK"):
        services.document_issue(document=note, by=registrar, acknowledge_warnings=True)
    note.refresh_from_db()
    assert note.state == "approved" and note.number is None
    _sign(note, reviser_kk)
    issued = services.document_issue(document=note, by=registrar, acknowledge_warnings=True)
    assert [(s.language, s.reviser_name) for s in IssuedSignOff.objects.filter(issued=issued)
            ] == [("en", "Reviser.En"), ("ru", "Reviser.Ru"), ("kk", "Reviser.Kk")]


def test_a_series_without_the_rule_issues_without_sign_off(drafter, reviewer, registrar):
    series = Series.objects.create(code="TEST/OPEN", next_number=1)
    note = _approved(make_note(drafter, series=series), drafter, reviewer)
    assert services.document_issue(document=note, by=registrar,
                                   acknowledge_warnings=True).symbol == "TEST/OPEN/1"


def test_the_issue_page_says_why_it_refuses(client, drafter, reviewer, registrar, reviser_en):
    note = _approved(make_note(drafter), drafter, reviewer)
    _sign(note, reviser_en)
    client.force_login(registrar)
    reauthenticate(client)
    response = client.post(f"/en/work/{note.pk}/issue/", {"acknowledge_warnings": "on"},
                           follow=True)
    assert "not signed off: RU, KK" in response.content.decode()
    note.refresh_from_db()
    assert note.state == "approved"


def test_the_api_issue_obeys_the_same_gate(drafter, reviewer, registrar, reviser_en,
                                           reviser_ru, reviser_kk):
    note = _approved(make_note(drafter), drafter, reviewer)
    api = token_client(registrar)
    refused = api.post(f"/api/v1/notes/{note.pk}/issue/", {"acknowledge_warnings": True},
                       format="json")
    assert refused.status_code in (400, 409)
    assert "not signed off: EN, RU, KK" in refused.content.decode()
    _sign(note, reviser_en, reviser_ru, reviser_kk)
    issued = api.post(f"/api/v1/notes/{note.pk}/issue/", {"acknowledge_warnings": True},
                      format="json")
    assert issued.status_code == 200, issued.content
    assert issued.json()["symbol"] == "NCT/CT/275"
