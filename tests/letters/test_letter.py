"""The signed letter: drafted with only its languages, addressee and body, it prints every
formula part from its default; a chosen salutation prints; a switched-off close does not;
a formula without text in a language stops the issue; the demo letter is created once,
and approved."""

import re

import pytest

from cica_docs.accounts import roles
from cica_docs.accounts.demo_records import demo_object
from cica_docs.documents.checks import run_checks
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.models import Series
from letters import demo
from letters.models import Formula, Letter
from tests.api.conftest import token_client
from tests.conftest import make_user

pytestmark = pytest.mark.django_db
KIND = get_kind("letter")


def _text(html: str) -> str:
    """The printed words of a print page: no tags, no soft hyphens or joiners, plain spaces."""
    text = re.sub(r"<[^>]+>", " ", html).replace("\u00ad", "").replace("\u2060", "")
    return re.sub(r"\s+", " ", text.replace("\u00a0", " "))


def _post(drafter, **extra):
    example = KIND.example()
    data = {"languages": example["languages"], "addressee_block": example["addressee_block"],
            "body": example["body"], **extra}
    response = token_client(drafter).post("/api/v1/letters/", data, format="json")
    assert response.status_code == 201, response.json()
    return Letter.objects.get(pk=response.json()["id"]), response.json()


def test_a_letter_needs_only_languages_addressee_and_body_and_prints_its_parts_in_order(
    drafter
):
    letter, data = _post(drafter)
    assert not [c for c in data["checks"] if c["level"] == "error"], data["checks"]
    assert Series.objects.filter(code="CICA/SG").exists()  # the optional series is offered
    en, ru, kk = (_text(part.html) for part in KIND.print_parts(letter))
    order = ["SECRETARIAT OF THE CONFERENCE", "Astana, ", "H.E. Mr. A. Rahimov",
             "Minister of Foreign Affairs", "Excellency,", "I have the honour to invite you",
             "Please accept, Excellency, the assurances of my highest consideration.",
             "Secretary General", "Kairat Sarybay"]
    assert [en.find(piece) for piece in order] == sorted(en.find(piece) for piece in order)
    assert -1 not in [en.find(piece) for piece in order] and "№" not in en
    # The block is printed as typed, not in capitals; each language has its own formulas.
    assert "г. Ташкент" in ru and "Ваше Превосходительство," in ru
    assert "Генеральный секретарь" in ru and "Кайрат Сарыбай" in ru
    assert "Ұлы мәртебелі мырза!" in kk and "Бас хатшы" in kk
    assert "Сізге деген аса жоғары құрметімді қабыл алуыңызды сұраймын." in kk


def test_a_chosen_salutation_prints_and_a_switched_off_close_does_not(drafter):
    letter, _data = _post(drafter, salutation="dear-minister", closing=False)
    en, ru, kk = (_text(part.html) for part in KIND.print_parts(letter))
    assert "Dear Mr. Minister," in en and "Excellency," not in en
    assert "Уважаемый господин Министр!" in ru and "Құрметті Министр мырза!" in kk
    assert "Please accept" not in en and "Примите" not in ru


def test_an_unknown_formula_code_is_refused_with_a_message(drafter):
    response = token_client(drafter).post("/api/v1/letters/", {
        **KIND.example(), "salutation": "your-majesty"}, format="json")
    assert response.status_code == 400
    assert "your-majesty" in str(response.json())
    assert not Letter.objects.exists()


def test_a_formula_without_text_in_a_language_is_an_error_in_that_language(drafter):
    letter, _data = _post(drafter)
    Formula.objects.filter(code="excellency").update(text_kk="")
    found = [(f.code, f.language, f.is_error) for f in run_checks(letter)
             if f.code.endswith("_missing")]
    assert found == [("salutation_missing", "kk", True)]


def test_the_demo_letter_is_approved_once_with_no_error():
    users = {name: make_user(name, role) for name, role in (
        ("drafter", roles.DRAFTER), ("reviewer", roles.REVIEWER),
        ("registrar", roles.REGISTRAR))}
    demo.load(users=users)
    demo.load(users=users)
    letter = Letter.objects.get()
    assert letter == demo_object(demo.KEY, Letter)
    assert (letter.state, letter.series, letter.languages) == ("approved", None,
                                                               ["en", "ru", "kk"])
    assert not [f for f in run_checks(letter) if f.is_error]
    assert not {f.code for f in run_checks(letter)} & {
        "numbers_differ", "mixed_script", "first_person", "empty_language"}


def test_a_letter_may_answer_a_document_of_the_register_and_both_pages_show_it(
    drafter, reviewer, registrar, client,
):
    """Through the API and the browser's editor alike (the platform's reference fields);
    the body words the reply, so nothing is added to the print."""
    import datetime

    from cica_docs.documents import services
    from tests.factories import approved_note

    note = approved_note(drafter, reviewer)
    services.document_issue(document=note, by=registrar, issued_on=datetime.date(2024, 3, 6),
                            backdating_reason="The note answered.")
    note.refresh_from_db()
    assert note.symbol
    letter, data = _post(drafter, reference_relation="reply", reference_document=note.pk)
    assert data["reference_relation"] == "reply" and data["reference_document"] == note.pk
    assert letter.reference_document_id == note.pk
    en = _text(KIND.print_parts(letter)[0].html)
    assert note.symbol not in en  # the letter's body says what it answers
    client.force_login(drafter)
    assert f'href="/en/work/{letter.pk}/"' in client.get(f"/en/work/{note.pk}/").text
    page = client.get(f"/en/work/{letter.pk}/").text
    assert f'href="/en/work/{note.pk}/"' in page
    form = client.get(f"/en/work/{letter.pk}/edit/").text
    assert 'name="reference_relation"' in form and 'name="reference_document"' in form
    example = KIND.example()
    refused = token_client(drafter).post("/api/v1/letters/", {
        "languages": example["languages"], "addressee_block": example["addressee_block"],
        "body": example["body"], "reference_relation": "reply"}, format="json")
    assert refused.status_code == 400, refused.json()
    assert "number and the date" in str(refused.json())
