"""`manage.py demo` (run by every `make run`) touches only what it created (SECURITY.md 11)."""

import io

import pytest
from django.core.management import call_command

from cica_docs.accounts import roles
from cica_docs.accounts.models import DemoRecord, User
from cica_docs.audit.models import AuditEvent
from cica_docs.circulation.models import Dispatch, DispatchRecipient, Notice, Receipt
from cica_docs.documents.models import Document, Series
from tests.conftest import PASSWORD, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quick_passwords(settings):
    """Each run sets the six demo passwords; a quick hasher first keeps the runs fast (the
    default one still reads the passwords the fixtures set)."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher",
                                 "django.contrib.auth.hashers.PBKDF2PasswordHasher"]


def _demo(settings) -> str:
    settings.DEMO = True
    out = io.StringIO()
    call_command("demo", stdout=out)
    return out.getvalue()


def _record_of(document):
    """Everything a run of the demo could change about a real document and its circulation."""
    document = Document.objects.get(pk=document.pk)
    return {
        "document": (document.state, document.number, document.series_id,
                     document.revision_number, document.issued_on, document.updated_at),
        "issued": list(document.revisions.values_list("pk", "number")),
        "dispatches": list(Dispatch.objects.filter(document=document).values_list(
            "pk", "circulation_list_id", "dispatched_by_id")),
        "recipients": sorted(DispatchRecipient.objects.filter(document=document)
                             .values_list("state__code", flat=True)),
        "notices": Notice.objects.filter(dispatch__document=document).count(),
        "receipts": Receipt.objects.filter(document=document).count(),
        "events": AuditEvent.objects.filter(target_id=str(document.pk)).count(),
    }


def test_the_demo_run_twice_around_a_real_dispatch_leaves_it_to_its_one_state(settings):
    _demo(settings)
    real_officers = {role: make_user(f"real.{role}", role)
                     for role in (roles.DRAFTER, roles.REVIEWER, roles.REGISTRAR)}
    from cica_docs.circulation import dispatching
    from cica_docs.circulation.models import CirculationList, MemberState
    from cica_docs.circulation.services import circulation_list_create
    from cica_docs.documents import services
    from tests.factories import approved_note, pdfs_stored

    note = approved_note(real_officers[roles.DRAFTER], real_officers[roles.REVIEWER])
    services.document_issue(document=note, by=real_officers[roles.REGISTRAR])
    pdfs_stored(note)
    only_kazakhstan = circulation_list_create(
        by=real_officers[roles.REGISTRAR], names={"en": "KZ", "ru": "KZ", "kk": "KZ"},
        states=MemberState.objects.filter(code="KAZ"),
    )
    dispatching.dispatch_create(document=note, circulation_list=only_kazakhstan,
                                by=real_officers[roles.REGISTRAR])
    before = _record_of(note)
    assert before["recipients"] == ["KAZ"]
    demo_dispatches = set(Dispatch.objects.exclude(document=note).values_list("pk", flat=True))

    _demo(settings)
    _demo(settings)

    assert _record_of(note) == before
    assert set(Dispatch.objects.exclude(document=note).values_list("pk", flat=True)) == \
        demo_dispatches
    assert CirculationList.objects.get(pk=only_kazakhstan.pk).states.count() == 1


def test_the_demo_leaves_real_users_and_their_documents_alone(
    settings, issue, dispatch_to, admin_user
):
    """Real accounts called `admin`, `drafter`, … and a note issued and dispatched to one
    state before the demo ever ran: the demo resets no password and dispatches nothing."""
    note = issue()
    dispatch_to(note, "KAZ")
    before = _record_of(note)
    users_before = list(User.objects.order_by("pk").values_list(
        "pk", "username", "password", "email", "first_name", "is_superuser", "member_state"))
    series_before = list(Series.objects.values_list("pk", "code", "next_number"))

    out = _demo(settings)
    _demo(settings)

    assert "users drafter, reviewer, registrar, admin exist and are not the demo's" in out
    assert _record_of(note) == before
    assert list(User.objects.filter(pk__in=[u[0] for u in users_before]).order_by("pk")
                .values_list("pk", "username", "password", "email", "first_name",
                             "is_superuser", "member_state")) == users_before
    assert User.objects.get(username="admin").check_password(PASSWORD)
    assert list(Series.objects.values_list("pk", "code", "next_number")) == series_before
    assert Document.objects.count() == 1 and Dispatch.objects.count() == 1
    # The demo users whose names were free were made, and remembered as the demo's.
    assert set(DemoRecord.objects.values_list("key", flat=True)) == {
        "user:delegate.kz", "user:delegate.in", "user:reviser.en", "user:reviser.ru",
        "user:reviser.kk"}


def test_the_demo_issues_nothing_in_a_register_that_is_not_its_own(settings):
    real = Series.objects.create(code="NCT/CT", next_number=900)
    out = _demo(settings)
    assert "the series NCT/CT exists and is not the demo's" in out
    # No demo note; a kind without a register (the concept paper) may still be shown.
    assert not Document.objects.filter(series__isnull=False).exists()
    assert not Document.objects.exclude(number=None).exists()
    assert Series.objects.get(pk=real.pk).next_number == 900


def test_the_demo_does_not_dispatch_to_a_database_with_real_delegates(settings):
    real = make_user("delegate.kz.real", roles.DELEGATE, state_code="KAZ")
    out = _demo(settings)
    assert "real delegates are active here" in out
    assert not Dispatch.objects.exists()
    assert not Notice.objects.filter(delegate=real).exists()
    # The documents themselves are the demo's to make.
    assert Document.objects.filter(state=Document.State.ISSUED).exists()


def test_the_demo_finds_its_records_by_key_not_by_title(settings):
    _demo(settings)
    counts = (User.objects.count(), Document.objects.count(), Dispatch.objects.count(),
              DemoRecord.objects.count())
    _demo(settings)
    assert (User.objects.count(), Document.objects.count(), Dispatch.objects.count(),
            DemoRecord.objects.count()) == counts
    assert DemoRecord.objects.filter(key__startswith="user:").count() == 9  # 3 revisers
    # one per issued demo document that is not an enclosure
    assert DemoRecord.objects.filter(key__startswith="dispatch:").count() == 3


def test_a_real_delegate_added_after_the_demo_changes_nothing_on_the_next_run(settings):
    _demo(settings)
    dispatches = list(Dispatch.objects.values_list("pk", flat=True))
    real = make_user("delegate.kz.real", roles.DELEGATE, state_code="KAZ")
    out = _demo(settings)
    assert "left out" not in out  # nothing was waiting to be dispatched
    assert list(Dispatch.objects.values_list("pk", flat=True)) == dispatches
    assert not Notice.objects.filter(delegate=real).exists()
