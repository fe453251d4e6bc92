"""Words a Russian or Kazakh reader would stumble on: badges that agree with their noun,
a person's name headed as a person's, files named by their language, Django's own strings
in Kazakh, and a Kazakh "withdrawn" that cannot be read as "returned"."""

import datetime

import pytest
from django.test import Client

from cica_docs.circulation import dispatching
from cica_docs.circulation import services as circulation
from cica_docs.circulation.models import MemberState
from cica_docs.documents import services
from tests.conftest import reauthenticate
from tests.factories import approved_concept, approved_note, make_note

pytestmark = pytest.mark.django_db


def badges(html: str) -> list[str]:
    import re

    return re.findall(r'<span class="badge state-\w+">([^<]+)</span>', html)


def test_russian_badges_agree_with_the_feminine_nota_and_kontseptsiya(
    client, drafter, reviewer, registrar
):
    make_note(drafter)
    approved_note(drafter, reviewer)
    approved_concept(drafter, reviewer)
    issued = approved_note(drafter, reviewer)
    services.document_issue(document=issued, by=registrar, acknowledge_warnings=True,
                            issued_on=datetime.date(2024, 3, 6),
                            backdating_reason="Подписана ранее.")
    withdrawn = approved_note(drafter, reviewer)
    services.document_issue(document=withdrawn, by=registrar, acknowledge_warnings=True,
                            issued_on=datetime.date(2024, 3, 7),
                            backdating_reason="Подписана ранее.")
    services.document_transition(document=withdrawn, action="withdraw", by=registrar,
                                 comment="Отозвана")
    client.force_login(drafter)
    worklist = client.get("/ru/work/").text
    assert sorted(badges(worklist)) == ["Выпущена", "Одобрена", "Одобрена", "Отозвана", "Проект"]
    # The number column of a document without one: the number is «не присвоен» (masculine,
    # as «номер»), not «не выпущен», which would describe the document.
    assert "не присвоен" in worklist and "не выпущен" not in worklist
    detail = client.get(f"/ru/work/{withdrawn.pk}/").text
    assert '<span class="badge fs-6 state-withdrawn">Отозвана</span>' in detail
    assert sorted(badges(client.get("/kk/work/").text)) == [
        "Жоба", "Кері шақырылды", "Мақұлданды", "Мақұлданды", "Шығарылды"]


def test_the_kazakh_withdrawal_is_never_worded_as_a_return(client, registrar, drafter,
                                                           reviewer):
    note = approved_note(drafter, reviewer)
    services.document_issue(document=note, by=registrar, acknowledge_warnings=True,
                            issued_on=datetime.date(2024, 3, 6),
                            backdating_reason="Подписана ранее.")
    client.force_login(registrar)
    page = client.get(f"/kk/work/{note.pk}/").text
    assert "Кері шақырып алу" in page  # the button
    assert "Кері қайтар" not in page and "кері қайтар" not in page
    assert "Жобаға қайтару" not in page  # an issued note cannot go back to draft


@pytest.mark.parametrize(("language", "heading"), [("en", "Name"), ("ru", "ФИО"),
                                                   ("kk", "Аты-жөні")])
def test_the_delegates_list_heads_the_person_column_as_a_persons_name(
    client, admin_user, delegate_kz, language, heading
):
    client.force_login(admin_user)
    page = client.get(f"/{language}/manage/delegates/").text
    assert f'<th scope="col">{heading}</th>' in page
    states = client.get(f"/{language}/manage/states/").text  # a state keeps its «Наименование»
    assert {"en": "Name", "ru": "Наименование", "kk": "Атауы"}[language] in states


@pytest.mark.parametrize(("language", "files", "receipt"), [
    ("ru", "· Русский · Пакет", "· Пакет · Скачивание"),
    ("kk", "· Орыс тілі · Пакет", "· Пакет · Жүктеп алу"),
])
def test_receipts_name_the_files_by_language_not_by_code(
    client, drafter, reviewer, registrar, delegate_kz, admin_user, language, files, receipt,
    django_capture_on_commit_callbacks,
):
    note = approved_note(drafter, reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        services.document_issue(document=note, by=registrar, acknowledge_warnings=True,
                                issued_on=datetime.date(2024, 3, 6),
                            backdating_reason="Подписана ранее.")
    kz = circulation.circulation_list_create(
        by=admin_user, names={"en": "KZ", "ru": "КЗ", "kk": "ҚЗ"},
        states=MemberState.objects.filter(code="KAZ"))
    dispatch = dispatching.dispatch_create(document=note, circulation_list=kz, by=registrar)
    delegate = Client()
    delegate.force_login(delegate_kz)
    for variant in ("ru", "package"):
        assert delegate.get(f"/{language}/portal/documents/{note.pk}/pdf/{variant}/").status_code \
            == 200
    portal = delegate.get(f"/{language}/portal/documents/{note.pk}/").text
    assert receipt in portal and "PACKAGE" not in portal
    client.force_login(registrar)
    reauthenticate(client)
    matrix = client.get(f"/{language}/circulation/dispatches/{dispatch.pk}/").text
    assert files in matrix and "(PACKAGE, RU)" not in matrix


def test_the_kazakh_delegate_form_has_no_english(client, admin_user):
    client.force_login(admin_user)
    page = client.get("/kk/manage/delegates/add/").text
    assert "Электрондық пошта мекенжайы" in page
    assert "Міндетті өріс. 150 таңбадан аспауы керек." in page
    assert "Email address" not in page and "Required. 150" not in page
    refused = client.post("/kk/manage/delegates/add/", {"username": "a b"}).text
    assert "Дұрыс қолданушы атауын енгізіңіз." in refused


@pytest.mark.parametrize(("language", "words"), [
    ("en", ("“… and has the honour to ___ …”", "білдіреді және ___ өзіне мәртебе санайды.”")),
    ("ru", ("«… и имеет честь ___ …»", "білдіреді және ___ өзіне мәртебе санайды.»")),
])
def test_each_column_says_where_the_words_stand_in_its_own_formula(client, drafter,
                                                                   language, words):
    client.force_login(drafter)
    page = client.get(f"/{language}/work/new/note/").text
    for excerpt in words:
        assert excerpt in page
    assert "has the honour to" not in page.split('lang="en"', 1)[0]
