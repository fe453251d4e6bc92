"""The content's rules (documents/validation.py) are one function that the browser's form and
the API both call: the same content is refused in both, for the same fields, with the same
message in every interface language, and nothing is saved."""

import pytest
from django.utils import translation

from cica_docs.documents.kinds import get_kind
from cica_docs.documents.models import Document
from cica_docs.documents.validation import ContentInvalid, clean_content
from concepts.forms import ConceptPaperForm
from tests.api.conftest import token_client
from tests.concepts.test_concepts import concept_form
from tests.factories import CONCEPT

pytestmark = pytest.mark.django_db

BIDI_TITLE = "ынтымақтастық \u202eтуралы"


def api_concept(**overrides):
    return {"languages": ["en", "ru"], "paper_date": "2024-03-01",
            "title": dict(CONCEPT["title"]), "body": dict(CONCEPT["body"]), **overrides}


@pytest.mark.parametrize("lang", ["en", "ru", "kk"])
def test_the_browser_and_the_api_refuse_the_same_content_with_the_same_messages(drafter, lang):
    sent = token_client(drafter).post(
        "/api/v1/concept-papers/",
        api_concept(title={**CONCEPT["title"], "kk": BIDI_TITLE}, paper_date="1985-03-01"),
        format="json", HTTP_ACCEPT_LANGUAGE=lang,
    )
    with translation.override(lang):
        form = ConceptPaperForm(concept_form(title_kk=BIDI_TITLE, paper_date_1="1985"))
        assert not form.is_valid()
        typed = dict(form.errors)

    assert sent.status_code == 400, sent.json()
    errors = sent.json()["errors"]
    assert set(errors) == {"title.kk", "paper_date"}
    assert typed.keys() == {"title_kk", "paper_date"}
    assert typed["title_kk"] == errors["title.kk"]
    assert typed["paper_date"] == errors["paper_date"]
    assert "1990" in errors["paper_date"][0]
    if lang != "en":  # translated, not the English message
        with translation.override("en"):
            english = ConceptPaperForm(concept_form(title_kk=BIDI_TITLE)).errors["title_kk"]
        assert errors["title.kk"] != english
    assert not Document.objects.exists()


def test_the_kind_stores_the_month_of_a_paper_whichever_day_the_api_sends(drafter):
    sent = token_client(drafter).post("/api/v1/concept-papers/",
                                      api_concept(paper_date="2024-03-17"), format="json")

    assert sent.status_code == 201, sent.json()
    assert sent.json()["paper_date"] == "2024-03-01"
    paper = Document.objects.get().specific
    assert paper.revisions.get().content["plain"]["paper_date"] == "2024-03-01"


def test_clean_content_normalises_the_text_and_orders_the_languages():
    kind = get_kind("concept")
    content = {
        "title": {"en": "  Cafe\u0301  ", "ru": "", "kk": ""},
        "fields": {"body": {"en": "Line one\r\nLine two\n", "ru": "", "kk": ""},
                   "author": {"en": "", "ru": "", "kk": ""}},
        "plain": {"paper_date": None}, "languages": ["ru", "en"], "series": None,
    }

    cleaned = clean_content(kind, content)

    assert cleaned["title"]["en"] == "Café"
    assert cleaned["fields"]["body"]["en"] == "Line one\nLine two"
    assert cleaned["languages"] == ["en", "ru"]
    assert cleaned["enclosures"] == []
    assert content["title"]["en"] == "  Cafe\u0301  "  # the caller's dict is not changed


@pytest.mark.parametrize("broken, field", [
    ({"languages": []}, "languages"),
    ({"languages": ["en", "fr"]}, "languages"),
    ({"series": 999_999}, "series"),
    ({"enclosures": [999_999]}, "enclosures"),
])
def test_clean_content_names_the_part_that_breaks_a_rule(broken, field):
    kind = get_kind("concept")
    content = {"title": {"en": "T"}, "fields": {}, "plain": {}, "languages": ["en"],
               "series": None, **broken}

    with pytest.raises(ContentInvalid) as refused:
        clean_content(kind, content)

    assert list(refused.value.errors) == [field]
    assert all(isinstance(m, str) and m for m in refused.value.errors[field])


def test_a_plain_text_longer_than_its_column_is_refused_by_the_api_as_by_the_form(drafter):
    from tests.factories import make_note

    note = make_note(drafter)
    sent = token_client(drafter).patch(
        f"/api/v1/notes/{note.pk}/",
        {"revision": 1, "reference_relation": "reply", "reference_number": "7" * 61,
         "reference_date": "2026-11-02"}, format="json")

    assert sent.status_code == 400, sent.json()
    assert list(sent.json()["errors"]) == ["reference_number"]
    note.refresh_from_db()
    assert note.revision_number == 1
