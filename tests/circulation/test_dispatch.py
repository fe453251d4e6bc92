import pytest
from django.db import DatabaseError, IntegrityError, transaction

from cica_docs.audit.models import AuditEvent
from cica_docs.circulation import dispatching
from cica_docs.circulation.models import (
    CirculationList,
    Dispatch,
    DispatchRecipient,
    MemberState,
    Notice,
)
from tests.conftest import reauthenticate
from tests.factories import approved_note, make_note

pytestmark = pytest.mark.django_db


def default_list():
    return CirculationList.objects.get(is_default=True)


def test_a_dispatch_records_the_issued_revision_and_snapshots_the_states(
    issue, dispatch_to, registrar
):
    note = issue()
    dispatch = dispatch_to(note, "KAZ", "IND")
    assert dispatch.issued == note.issued
    assert dispatch.dispatched_by == registrar
    assert sorted(dispatch.recipients.values_list("state__code", flat=True)) == ["IND", "KAZ"]
    # Editing the list afterwards does not change whom the dispatch went to.
    dispatch.circulation_list.states.set(MemberState.objects.filter(code="CHN"))
    assert sorted(dispatch.recipients.values_list("state__code", flat=True)) == ["IND", "KAZ"]
    event = AuditEvent.objects.get(action="document.dispatch")
    assert event.actor == registrar
    assert event.detail["states"] == ["IND", "KAZ"]


def test_one_notice_is_queued_per_active_delegate_of_each_recipient_state(
    issue, dispatch_to, delegate_kz, delegate_in, admin_user
):
    from cica_docs.circulation import services

    services.delegate_deactivate(delegate=delegate_in, by=admin_user)
    dispatch = dispatch_to(issue(), "KAZ", "IND", "CHN")
    assert list(dispatch.notices.values_list("delegate__username", "language", "status")) == [
        ("delegate.kz", "kk", "queued")
    ]


def test_states_that_already_have_the_document_are_left_out_and_said_so(
    issue, dispatch_to, registrar
):
    note = issue()
    dispatch_to(note, "KAZ")
    plan = dispatching.dispatch_plan(document=note, circulation_list=default_list())
    assert [s.code for s in plan.already] == ["KAZ"]
    assert len(plan.new) == 27
    second = dispatching.dispatch_create(
        document=note, circulation_list=default_list(), by=registrar
    )
    assert second.recipients.count() == 27
    assert DispatchRecipient.objects.filter(document=note).count() == 28
    latest = AuditEvent.objects.filter(action="document.dispatch").first()
    assert latest.detail["already"] == ["KAZ"] and len(latest.detail["states"]) == 27


def test_a_list_whose_states_all_have_the_document_dispatches_nothing(issue, dispatch_to):
    note = issue()
    dispatch_to(note, "KAZ", "IND")
    with pytest.raises(dispatching.DispatchError, match="already received this document"):
        dispatch_to(note, "KAZ", "IND")
    assert Dispatch.objects.count() == 1


def test_the_database_refuses_a_second_dispatch_to_the_same_state(issue, dispatch_to):
    note = issue()
    dispatch = dispatch_to(note, "KAZ")
    state = MemberState.objects.get(code="KAZ")
    with pytest.raises(IntegrityError), transaction.atomic():
        DispatchRecipient.objects.create(dispatch=dispatch, document=note, state=state)


@pytest.mark.parametrize("state", ["draft", "approved"])
def test_only_an_issued_document_can_be_dispatched(state, drafter, reviewer, registrar):
    note = make_note(drafter) if state == "draft" else approved_note(drafter, reviewer)
    with pytest.raises(dispatching.DispatchError, match="Only an issued document"):
        dispatching.dispatch_create(document=note, circulation_list=default_list(), by=registrar)
    assert not Dispatch.objects.exists()


def test_a_withdrawn_document_cannot_be_dispatched(issue, registrar):
    from cica_docs.documents import services

    note = issue()
    services.document_transition(document=note, action="withdraw", by=registrar,
                                 comment="Superseded")
    with pytest.raises(dispatching.DispatchError, match="Withdrawn"):
        dispatching.dispatch_create(document=note, circulation_list=default_list(), by=registrar)


def test_only_a_registrar_may_dispatch(issue, drafter):
    with pytest.raises(dispatching.DispatchError, match="role"):
        dispatching.dispatch_create(document=issue(), circulation_list=default_list(),
                                    by=drafter)


def test_a_list_changed_since_the_registrar_looked_is_refused(issue, registrar):
    note = issue()
    shown = {MemberState.objects.get(code="KAZ").pk}
    with pytest.raises(dispatching.DispatchError, match="changed while you were looking"):
        dispatching.dispatch_create(document=note, circulation_list=default_list(),
                                    by=registrar, expected_states=shown)
    assert not Dispatch.objects.exists()


def test_dispatches_recipients_and_receipts_cannot_be_changed_or_deleted(issue, dispatch_to):
    dispatch = dispatch_to(issue(), "KAZ")
    recipient = dispatch.recipients.get()
    for record in (dispatch, recipient):
        with pytest.raises(PermissionError):
            record.save()
        with pytest.raises(PermissionError):
            record.delete()
    with pytest.raises(DatabaseError), transaction.atomic():
        Dispatch.objects.filter(pk=dispatch.pk).update(dispatched_at=None)


def test_a_list_used_for_a_dispatch_is_kept_for_the_record(issue, dispatch_to, admin_user):
    from django.core.exceptions import ValidationError

    from cica_docs.circulation import services

    dispatch = dispatch_to(issue(), "KAZ")
    with pytest.raises(ValidationError, match="kept for the record"):
        services.circulation_list_delete(circulation_list=dispatch.circulation_list,
                                         by=admin_user)


# --- The registrar's pages ------------------------------------------------------------------


def test_the_dispatch_page_asks_for_the_password_first(client, registrar, issue):
    note = issue()
    client.force_login(registrar)
    response = client.get(f"/en/circulation/documents/{note.pk}/dispatch/")
    assert "Confirm your password" in response.text


def test_the_registrar_sees_the_recipients_then_dispatches(client, registrar, issue, dispatch_to):
    note = issue()
    dispatch_to(note, "KAZ")
    client.force_login(registrar)
    reauthenticate(client)
    page = client.get(f"/en/circulation/documents/{note.pk}/dispatch/")
    assert "Will receive it: 27 member states" in page.text
    assert "Already received it, left out: 1 member state" in page.text
    expected = page.context["expected"]
    response = client.post(
        f"/en/circulation/documents/{note.pk}/dispatch/",
        {"circulation_list": default_list().pk, "expected": expected}, follow=True,
    )
    assert "Dispatched to 27 member states" in response.text
    assert response.context["dispatch"].recipients.count() == 27


def test_the_plan_names_each_state_whose_delegates_no_e_mail_would_reach(
    issue, delegate_kz, delegate_in, admin_user
):
    from cica_docs.circulation import services

    services.delegate_deactivate(delegate=delegate_in, by=admin_user)
    plan = dispatching.dispatch_plan(document=issue(), circulation_list=default_list())
    assert len(plan.new) == 28 and "KAZ" not in [s.code for s in plan.unnotified]
    assert len(plan.unnotified) == 27 and "IND" in [s.code for s in plan.unnotified]


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_the_dispatch_page_warns_per_state_before_dispatch_that_nobody_will_be_told(
    client, registrar, issue, delegate_kz, language
):
    note = issue()
    client.force_login(registrar)
    reauthenticate(client)
    page = client.get(f"/{language}/circulation/documents/{note.pk}/dispatch/")
    unnotified = page.context["plan"].unnotified
    assert len(unnotified) == 27
    warning = page.text[page.text.index('id="unnotified-heading"'):]
    warning = warning[:warning.index("</section>")]
    heading = {"en": "No active delegate, nobody will be told by e-mail: 27 member states",
               "ru": "Нет действующего делегата, никто не получит уведомления по электронной "
                     "почте: 27 государств-членов",
               "kk": "Белсенді делегат жоқ, электрондық пошта арқылы ешкімге хабар жіберілмейді: "
                     "27 мүше мемлекет"}[language]
    assert heading in warning
    for state in MemberState.objects.exclude(code="KAZ"):
        assert f"<li>{getattr(state, f'name_{language}')}</li>" in warning
    assert f"<li>{MemberState.objects.get(code='KAZ').name_en}</li>" not in warning


def test_no_warning_when_every_recipient_state_has_an_active_delegate(
    client, registrar, issue, delegate_kz
):
    note = issue()
    client.force_login(registrar)
    reauthenticate(client)
    only_kz = CirculationList.objects.create(name_en="KZ", name_ru="КЗ", name_kk="ҚЗ")
    only_kz.states.set(MemberState.objects.filter(code="KAZ"))
    page = client.get(f"/en/circulation/documents/{note.pk}/dispatch/"
                      f"?circulation_list={only_kz.pk}")
    assert page.context["plan"].unnotified == []
    assert "unnotified-heading" not in page.text


def test_the_document_page_offers_dispatch_to_registrars_and_lists_dispatches(
    client, registrar, drafter, issue, dispatch_to
):
    note = issue()
    dispatch = dispatch_to(note, "KAZ", "IND")
    client.force_login(registrar)
    page = client.get(f"/en/work/{note.pk}/")
    assert f"/en/circulation/documents/{note.pk}/dispatch/" in page.text
    assert f"/en/circulation/dispatches/{dispatch.pk}/" in page.text
    assert "2 member states" in page.text
    client.force_login(drafter)
    page = client.get(f"/en/work/{note.pk}/")
    assert f"/en/circulation/documents/{note.pk}/dispatch/" not in page.text
    assert "List KAZ+IND" in page.text


def test_a_draft_sent_to_the_dispatch_page_is_told_why_not(client, registrar, drafter):
    note = make_note(drafter)
    client.force_login(registrar)
    reauthenticate(client)
    response = client.post(f"/en/circulation/documents/{note.pk}/dispatch/",
                           {"circulation_list": default_list().pk}, follow=True)
    assert "Only an issued document can be dispatched" in response.text
    assert not Dispatch.objects.exists()


@pytest.mark.parametrize("value", ["999999", "-1", "abc", "99999999999999999999999", ""])
def test_a_forged_list_id_is_a_form_error(client, registrar, issue, value):
    note = issue()
    client.force_login(registrar)
    reauthenticate(client)
    response = client.post(f"/en/circulation/documents/{note.pk}/dispatch/",
                           {"circulation_list": value})
    assert response.status_code == 200
    assert not Dispatch.objects.exists()


@pytest.mark.parametrize("value", ["1,2,x", "99999999999999999999999"])
def test_forged_expected_states_change_nothing(client, registrar, issue, value):
    note = issue()
    client.force_login(registrar)
    reauthenticate(client)
    response = client.post(f"/en/circulation/documents/{note.pk}/dispatch/",
                           {"circulation_list": default_list().pk, "expected": value},
                           follow=True)
    assert response.status_code == 200
    assert not Dispatch.objects.exists()


@pytest.mark.parametrize("path", [
    "/en/circulation/documents/99999999/dispatch/",
    "/en/circulation/documents/99999999999999999999999/dispatch/",
    "/en/circulation/dispatches/99999999/",
    "/en/circulation/dispatches/99999999999999999999999/",
    "/en/circulation/dispatches/99999999999999999999999/receipts.csv",
])
def test_forged_document_and_dispatch_ids_are_404(client, registrar, path):
    client.force_login(registrar)
    reauthenticate(client)
    assert client.get(path).status_code == 404


def test_notices_are_listed_on_the_dispatch_page(client, registrar, issue, dispatch_to,
                                                  delegate_kz):
    dispatch = dispatch_to(issue(), "KAZ")
    client.force_login(registrar)
    page = client.get(f"/en/circulation/dispatches/{dispatch.pk}/")
    assert "0 of 1 e-mails delivered" in page.text
    assert Notice.objects.get().status == "queued"


def test_a_document_without_all_its_pdfs_is_refused_dispatch_in_the_browser_and_the_api(
    client, registrar, issue
):
    from cica_docs.issuing.models import RenderedFile
    from tests.api.conftest import token_client

    note = issue(pdfs=False)  # issued; its rendering has not run (or failed)
    client.force_login(registrar)
    reauthenticate(client)
    response = client.post(f"/en/circulation/documents/{note.pk}/dispatch/",
                           {"circulation_list": default_list().pk}, follow=True)
    assert "cannot be dispatched yet: its official PDFs are not all stored" in response.text
    assert "missing: EN, RU, KK, package" in response.text
    api = token_client(registrar).post(f"/api/v1/notes/{note.pk}/dispatch/",
                                       {"circulation_list": default_list().pk}, format="json")
    assert api.status_code == 409
    assert "cannot be dispatched yet" in api.json()["detail"]
    russian = client.post(f"/ru/circulation/documents/{note.pk}/dispatch/",
                          {"circulation_list": default_list().pk}, follow=True)
    assert "не все его официальные PDF-файлы сохранены (отсутствуют: EN, RU, KK, пакет)" in (
        russian.text)
    assert not Dispatch.objects.exists() and not DispatchRecipient.objects.exists()
    assert not RenderedFile.objects.filter(document=note).exists()
