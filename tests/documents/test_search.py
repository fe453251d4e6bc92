"""Full-text search of subjects and bodies in every language (documents.search): the staff
work list and the delegate's inbox, on PostgreSQL (stemmed, ranked) and SQLite (the
case-folded fallback), with the delegate's search confined to what reached their state."""

import pytest
from django.db import connection

from cica_docs.documents import services
from cica_docs.documents.content import snapshot
from tests.factories import make_note

pytestmark = pytest.mark.django_db

POSTGRES = connection.vendor == "postgresql"


def found(client, query, path="/en/work/"):
    response = client.get(path, {"q": query})
    assert response.status_code == 200
    return [getattr(item, "document_id", item.pk) for item in response.context["page"]]


# A note on water whose words are all its own (the reference note has none of them).
WATER = {
    "title_en": "Transboundary water cooperation", "title_ru": "Водное сотрудничество",
    "title_kk": "Су ынтымақтастығы",
    "body_en": "Riparian states shared their hydrological observations.",
    "body_ru": "Прибрежные государства обменялись гидрологическими наблюдениями.",
    "body_kk": "Өзен бойындағы мемлекеттер гидрологиялық бақылауларымен бөлісті.",
}


@pytest.fixture
def notes(drafter):
    """The reference note, and the note on water."""
    return make_note(drafter), make_note(drafter, **WATER)


@pytest.mark.parametrize("query", [
    "tentatively",                   # English body
    "HYDROLOGICAL OBSERVATIONS",     # English body, another case
    "гидрологическими наблюдениями",  # Russian body
    "Рабочей группы",                # Russian body, capitalised unlike the text
    "ГИДРОЛОГИЯЛЫҚ",                 # Kazakh body, capitals (Ы, Қ)
    "жұмыс тобының",                 # Kazakh body
])
def test_the_work_list_finds_a_document_by_a_word_of_its_body_in_each_language(
    client, drafter, notes, query
):
    reference, water = notes
    client.force_login(drafter)
    expected = water if "гидролог" in query.casefold() or "hydrolog" in query.casefold() \
        else reference
    assert found(client, query) == [expected.pk]


@pytest.mark.skipif(not POSTGRES, reason="stemming is PostgreSQL's (SQLite finds substrings)")
@pytest.mark.parametrize("query", ["hydrological observation", "observing",
                                   "гидрологические наблюдения", "прибрежное государство"])
def test_postgresql_finds_other_forms_of_the_words(client, drafter, notes, query):
    client.force_login(drafter)
    assert found(client, query) == [notes[1].pk]


def test_a_subject_match_ranks_before_a_body_match(client, drafter):
    in_title = make_note(drafter, title_en="Desertification and drought")
    in_body = make_note(drafter, body_en="The meeting discussed desertification at length.")
    client.force_login(drafter)
    # Newest change first without a query; best match first with one.
    assert found(client, "")[:2] == [in_body.pk, in_title.pk]
    assert found(client, "desertification") == [in_title.pk, in_body.pk]


def test_a_new_revision_replaces_the_words_a_document_is_found_by(client, drafter, notes):
    _reference, water = notes
    content = snapshot(water)
    content["fields"]["body"]["en"] = "Glaciers retreated faster than forecast."
    services.revision_create(document=water, author=drafter, content=content,
                             base_revision=water.revision_number)
    client.force_login(drafter)
    assert found(client, "glaciers") == [water.pk]
    assert found(client, "riparian") == []


@pytest.mark.parametrize("query", ["'&|!:*()", 'water -"riparian states"', "<b>", "\\%_",
                                   "x" * 3000])
def test_any_query_gives_a_list_not_an_error(client, drafter, notes, query):
    client.force_login(drafter)
    assert client.get("/en/work/", {"q": query}).status_code == 200
