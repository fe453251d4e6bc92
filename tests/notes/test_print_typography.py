"""A note's text is typeset in print only: what the drafter typed is what is stored."""

from notes.models import Note
from notes.printing import print_parts
from tests.factories import make_note

TYPED = 'Вопрос "Декларации" - 14 марта 2024 года, № 16 от 6 марта.'


def test_straight_quotes_print_as_yolochki_and_the_revision_keeps_them_as_typed(drafter):
    note = Note.objects.get(pk=make_note(drafter, body_ru=TYPED).pk)
    russian = print_parts(note)[1].html
    assert "«Декларации»\u00a0— 14\u00a0" in russian
    assert "№\u00a016 от\u00a06\u00a0" in russian
    assert note.body_ru == TYPED
    assert note.revisions.get().content["fields"]["body"]["ru"] == TYPED
