import pytest

from cica_docs.documents.models import Document, Revision, Series
from cica_docs.letterhead.models import Addressee
from notes.models import Note
from tests.conftest import reauthenticate
from tests.factories import REFERENCE, approved_concept, approved_note, make_concept, make_note
from tests.preview import preview_text, print_pages

pytestmark = pytest.mark.django_db


def form_data(*, base_revision=0, **overrides):
    series = Series.objects.get_or_create(code="NCT/CT", defaults={"next_number": 275})[0]
    data = {
        "base_revision": base_revision,
        "languages": ["en", "ru", "kk"],
        "series": series.pk,
        "addressee": Addressee.objects.get(code="cica-member-states").pk,
        "closing": "on",
        "comment": "",
    }
    for lang in ("en", "ru", "kk"):
        data[f"title_{lang}"] = REFERENCE["title"][lang]
        data[f"opening_{lang}"] = REFERENCE["opening"][lang]
        data[f"body_{lang}"] = REFERENCE["body"][lang]
        data[f"place_{lang}"] = ""
    data.update(overrides)
    return data


def test_a_drafter_creates_a_note_from_the_form(client, drafter):
    client.force_login(drafter)
    response = client.post("/en/work/new/note/", form_data(), follow=True)
    note = Note.objects.get()
    assert response.redirect_chain[-1][0] == f"/en/work/{note.pk}/"
    assert note.opening_kk == REFERENCE["opening"]["kk"] and note.revision_number == 1
    assert "Saved as revision 1." in response.text
    # The page shows the assembled formulas exactly as they will print.
    shown = preview_text(response.text)
    assert (
        "The Secretariat of the Conference on Interaction and Confidence Building Measures in "
        "Asia (CICA) presents its compliments to the CICA Member States and has the honour to "
        "submit the Concept Paper" in shown
    )
    assert "Азия Кеңесіне мүше мемлекеттерге өзінің зор ілтипатын білдіреді және" in shown
    assert "уверения в своем весьма высоком уважении." in shown


def test_the_editor_shows_three_language_columns(client, drafter):
    client.force_login(drafter)
    response = client.get("/ru/work/new/note/")
    assert response.status_code == 200
    for lang in ("en", "ru", "kk"):
        assert f'<section class="col-lg language-column" lang="{lang}"' in response.text


def test_a_stale_save_is_refused_and_keeps_the_text_to_merge(client, drafter, reviewer):
    note = make_note(drafter)
    client.force_login(drafter)
    client.post(f"/en/work/{note.pk}/edit/", form_data(base_revision=1, body_en="First."))
    response = client.post(
        f"/en/work/{note.pk}/edit/", form_data(base_revision=1, body_en="My careful wording.")
    )
    assert response.status_code == 200
    assert "Not saved." in response.text and "saved revision 2" in response.text
    assert "My careful wording." in response.text
    note.refresh_from_db()
    assert note.body_en == "First." and note.revisions.count() == 2


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("body_en", "a\u202eb", "right-to-left control characters"),
        ("body_ru", "нулевой\x00байт", "Null characters are not allowed."),
        ("title_en", "x" * 501, "Ensure this value has at most 500 characters"),
        ("languages", [], "This field is required."),
        ("series", "999999999999999999999", "Select a valid choice."),
        ("addressee", "-3", "Select a valid choice."),
    ],
)
def test_bad_input_gets_a_clear_message_and_saves_nothing(client, drafter, field, value, message):
    client.force_login(drafter)
    response = client.post("/en/work/new/note/", form_data(**{field: value}))
    assert response.status_code == 200
    assert message in response.text
    assert REFERENCE["opening"]["ru"] in response.text  # the user's text is kept
    assert not Document.objects.exists() and not Revision.objects.exists()


def test_html_and_script_in_the_body_are_shown_as_text(client, drafter):
    note = make_note(drafter, body_en='<script>alert(1)</script> <img src=x onerror=alert(2)>')
    client.force_login(drafter)
    response = client.get(f"/en/work/{note.pk}/")
    assert "<script>alert(1)" not in response.text and "<img src=x" not in response.text
    # The preview frame holds the print page, where the typed tags are text.
    (_lang, printed), *_others = print_pages(response.text)
    assert "<script>" not in printed and "<img src=x" not in printed
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in printed
    assert "<script>alert(1)</script>" in preview_text(response.text, "en")


def test_a_huge_word_is_accepted_and_wraps(client, drafter):
    client.force_login(drafter)
    response = client.post("/en/work/new/note/", form_data(body_en="Ж" * 50_000), follow=True)
    assert response.status_code == 200
    assert Note.objects.get().body_en == "Ж" * 50_000


def test_forged_state_and_number_in_the_form_are_ignored(client, drafter):
    client.force_login(drafter)
    client.post("/en/work/new/note/", form_data(state="issued", number="1", revision_number=9))
    note = Note.objects.get()
    assert (note.state, note.number, note.revision_number) == ("draft", None, 1)


def test_double_click_on_issue_gives_one_number_and_a_clear_message(
    client, drafter, reviewer, registrar
):
    note = approved_note(drafter, reviewer)
    client.force_login(registrar)
    reauthenticate(client)
    data = {"issued_on": "2024-03-06", "backdating_reason": "Signed on 6 March."}
    first = client.post(f"/en/work/{note.pk}/issue/", data, follow=True)
    second = client.post(f"/en/work/{note.pk}/issue/", data, follow=True)
    assert "Issued as № NCT/CT/275." in first.text
    assert "“Issue” is not possible: the document is now in the state “Issued”." in second.text
    assert Series.objects.get(code="NCT/CT").next_number == 276


def test_a_bad_issue_date_is_explained(client, drafter, reviewer, registrar):
    note = approved_note(drafter, reviewer)
    client.force_login(registrar)
    reauthenticate(client)
    response = client.post(f"/en/work/{note.pk}/issue/", {"issued_on": "6 March"}, follow=True)
    assert "must be a date such as 2024-03-06" in response.text
    assert Document.objects.get(pk=note.pk).state == "approved"


@pytest.mark.parametrize("path", ["/en/work/0/", "/en/work/99999999999999999999/",
                                  "/en/work/abc/", "/en/work/5/diff/?a=x&b=-1"])
def test_odd_ids_are_404(client, drafter, path):
    client.force_login(drafter)
    assert client.get(path).status_code == 404


def test_diff_highlights_inserted_and_deleted_words_in_every_language(client, drafter):
    note = make_note(drafter)
    client.force_login(drafter)
    client.post(f"/en/work/{note.pk}/edit/", form_data(
        base_revision=1,
        body_en=REFERENCE["body"]["en"].replace("12 March", "13 March"),
        body_kk=REFERENCE["body"]["kk"].replace("12 наурызда", "13 наурызда"),
    ))
    response = client.get(f"/en/work/{note.pk}/diff/?a=1&b=2")
    assert '<del class="diff-del">12</del><ins class="diff-ins">13</ins>' in response.text
    assert response.text.count('<ins class="diff-ins">13</ins>') == 2


def test_restore_from_the_history_page(client, drafter):
    note = make_note(drafter)
    client.force_login(drafter)
    client.post(f"/en/work/{note.pk}/edit/", form_data(base_revision=1, body_en="Changed."))
    response = client.post(
        f"/en/work/{note.pk}/restore/", {"number": 1, "base_revision": 2}, follow=True
    )
    assert "Revision 1 restored as revision 3." in response.text
    note.refresh_from_db()
    assert note.body_en == REFERENCE["body"]["en"] and note.state == "draft"


def test_worklist_lists_filters_and_searches(client, drafter, reviewer, registrar):
    draft = make_note(drafter)
    issued = approved_note(drafter, reviewer)
    client.force_login(registrar)
    reauthenticate(client)
    client.post(f"/en/work/{issued.pk}/issue/", {})
    client.force_login(drafter)
    mine = client.get("/en/work/?list=mine")
    assert f"/en/work/{draft.pk}/" in mine.text and f"/en/work/{issued.pk}/" not in mine.text
    found = client.get("/en/work/?q=NCT/CT/275")
    assert f"/en/work/{issued.pk}/" in found.text and f"/en/work/{draft.pk}/" not in found.text
    by_subject = client.get("/en/work/?q=Контртеррористическим")
    assert f"/en/work/{draft.pk}/" in by_subject.text


def test_worklist_names_each_kind_and_its_tabs_in_the_interface_language(client, drafter):
    make_note(drafter)
    make_concept(drafter)
    client.force_login(drafter)
    english = client.get("/en/work/").text
    assert "<td>Note verbale</td>" in english and "<td>Concept paper</td>" in english
    russian = client.get("/ru/work/").text
    assert "<td>Вербальная нота</td>" in russian and "<td>Концепция</td>" in russian
    assert ">Одобренные</a>" in russian and ">Выпущенные</a>" in russian


def test_a_document_without_a_title_in_the_interface_language_is_named_in_its_own(
    client, drafter, reviewer
):
    paper = approved_concept(drafter, reviewer, languages=("en", "ru"))
    paper.title_kk = ""
    paper.save(update_fields=["title_kk"])
    russian_title = paper.title_ru
    client.force_login(drafter)
    worklist = client.get("/kk/work/").text
    assert russian_title[:60] in worklist or paper.title_en[:60] in worklist
    editor = client.get("/kk/work/new/note/").text
    assert f"#{paper.pk} (" not in editor
    assert "Select an option" not in editor and "— Таңдаңыз —" in editor


def test_the_live_preview_shows_formulas_and_checks(client, drafter):
    client.force_login(drafter)
    response = client.post("/en/work/preview/note/", form_data(body_ru="Мы NCT/СТ/274"))
    assert response.status_code == 200
    assert "presents its compliments to the CICA Member States" in preview_text(response.text)
    assert "mixes letters of different alphabets that look alike: С (Cyrillic)" in response.text


def test_delegates_cannot_reach_the_secretariat_pages(client, drafter, delegate_kz):
    note = make_note(drafter)
    client.force_login(delegate_kz)
    for path in [f"/en/work/{note.pk}/", f"/en/work/{note.pk}/history/", "/en/work/new/note/"]:
        assert client.get(path).status_code == 403


def test_issuing_asks_for_the_password_again_and_keeps_the_form(
    client, drafter, reviewer, registrar, password
):
    note = approved_note(drafter, reviewer)
    client.force_login(registrar)
    data = {"issued_on": "2024-03-06", "backdating_reason": "Signed on 6 March."}
    asked = client.post(f"/en/work/{note.pk}/issue/", data)
    assert asked.status_code == 200 and Document.objects.get(pk=note.pk).state == "approved"
    wrong = client.post(f"/en/work/{note.pk}/issue/", {**data, "reauth_password": "wrong"})
    assert Document.objects.get(pk=note.pk).state == "approved" and wrong.status_code == 200
    client.post(f"/en/work/{note.pk}/issue/", {**data, "reauth_password": password})
    note.refresh_from_db()
    assert note.state == "issued" and str(note.issued_on) == "2024-03-06"


def test_the_editor_shows_each_language_status(client, drafter):
    note = make_note(drafter, opening_kk="", body_kk="")
    client.force_login(drafter)
    response = client.get(f"/en/work/{note.pk}/edit/")
    assert 'lang-status-missing fs-6">missing</span>' in response.text
    assert response.text.count('lang-status-complete fs-6">complete</span>') == 2
