"""The demo's circular note: it prints its subject line and cites the ESCAP note of the
register, and the staff's pages of both show the link."""

import re

import pytest

from cica_docs.accounts.demo_records import demo_object
from cica_docs.documents.kinds import get_kind
from notes.models import Note
from tests.concepts.test_demo import demo_users, load  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def _text(html: str) -> str:
    """The print page's words as a reader reads them (no tags, no typesetting marks)."""
    text = re.sub(r"<br>", " ", html)
    text = re.sub(r"<[^>]+>", "", text).replace("\u2060", "").replace("\u00ad", "")
    return " ".join(text.replace("\u00a0", " ").split())


def test_the_demo_has_a_circular_note_with_its_subject_citing_an_issued_note(
    demo_users, client,  # noqa: F811
):
    escap = load(demo_users)
    note = demo_object("note:swg-meeting-2027", Note)
    assert note.state == "issued" and note.print_subject
    assert note.reference_relation == "cites" and note.reference_document_id == escap.pk
    english, russian, kazakh = (_text(part.html) for part in get_kind("note").print_parts(note))
    assert "SUBJECT: Meeting of the Special Working Group" in english
    assert f"with reference to its Note No. {escap.symbol}" in english
    assert "Тема:" in russian and f"ссылаясь на ноту № {escap.symbol}" in russian
    assert "Тақырыбы:" in kazakh and f"№ {escap.symbol} нотасына сәйкес" in kazakh
    client.force_login(demo_users["drafter"])
    page = client.get(f"/en/work/{escap.pk}/").content.decode()
    assert f'href="/en/work/{note.pk}/"' in page and "cites it" in page
