import datetime
import time

import pytest

from cica_docs.accounts.reauth import SESSION_KEY
from cica_docs.circulation.models import CirculationList, MemberState


@pytest.fixture
def admin_client(client, admin_user):
    """The admin, logged in, who confirmed the password a moment ago."""
    client.force_login(admin_user)
    session = client.session
    session[SESSION_KEY] = int(time.time())
    session.save()
    return client


def state_ids(*codes):
    return [str(state.pk) for state in MemberState.objects.filter(code__in=codes)]


@pytest.fixture
def issue(drafter, reviewer, registrar, django_capture_on_commit_callbacks):
    """issue(render=False, pdfs=True, **note options) -> an issued note: its PDFs rendered
    if asked, else stand-ins stored in their place (`pdfs_stored`) unless `pdfs` is False
    (a document is dispatched only once its PDFs are stored)."""
    from cica_docs.documents import services
    from tests.factories import approved_note, pdfs_stored

    def make(*, render=False, pdfs=True, **kwargs):
        note = approved_note(drafter, reviewer, **kwargs)
        with django_capture_on_commit_callbacks(execute=render):
            services.document_issue(document=note, by=registrar, acknowledge_warnings=True,
                                    issued_on=datetime.date(2024, 3, 6),
                                    backdating_reason="The reference note's date.")
        note.refresh_from_db()
        if pdfs and not render:
            pdfs_stored(note)
        return note

    return make


@pytest.fixture
def dispatch_to(registrar, django_capture_on_commit_callbacks):
    """dispatch_to(document, "KAZ", ...) -> a dispatch to a new list of those states,
    its notices sent (on commit) if an SMTP server is configured. A document whose PDFs
    are not stored gets stand-ins first (`pdfs_stored`): dispatch requires them."""
    from cica_docs.circulation import dispatching, services
    from tests.factories import pdfs_stored

    def make(document, *codes, send=False):
        pdfs_stored(document)
        names = {"en": f"List {'+'.join(codes)}", "ru": f"Список {'+'.join(codes)}",
                 "kk": f"Тізім {'+'.join(codes)}"}
        circulation_list = CirculationList.objects.filter(name_en=names["en"]).first()
        if circulation_list is None:
            circulation_list = services.circulation_list_create(
                by=registrar, names=names, states=MemberState.objects.filter(code__in=codes)
            )
        with django_capture_on_commit_callbacks(execute=send):
            return dispatching.dispatch_create(
                document=document, circulation_list=circulation_list, by=registrar
            )

    return make


@pytest.fixture
def enclosing(issue, drafter, reviewer):
    """An issued note enclosing a concept paper (en, ru) and an uploaded PDF."""
    from tests.factories import approved_concept, house_pdf, pdfs_stored, upload_file

    paper = approved_concept(drafter, reviewer, languages=("en", "ru"))
    programme = upload_file(drafter, house_pdf("Programme of the SOC meeting"))
    note = issue(enclosures=[paper.pk, programme.reference])
    pdfs_stored(paper)
    return note, paper, programme
