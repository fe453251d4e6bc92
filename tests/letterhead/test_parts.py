"""The platform's shared print parts: the addressee block prints in capitals only where the
addressee asks so (issue 15, item 4), otherwise as typed."""

import pytest

from cica_docs.letterhead.models import Addressee
from cica_docs.letterhead.parts import addressee_block
from notes.printing import note_copies
from tests.factories import make_note

pytestmark = pytest.mark.django_db

BLOCK = "Министерство иностранных дел\nРеспублики Индия\n\n  г. Нью-Дели  "


def test_a_block_prints_as_typed_unless_it_is_to_be_in_capitals(drafter):
    addressee = Addressee.objects.create(code="mfa-india", dative="the Ministry",
                                         block_ru=BLOCK, block_en="Ministry", block_kk="М")
    assert addressee_block(addressee, "ru") == [
        "Министерство иностранных дел", "Республики Индия", "г. Нью-Дели"]
    note = make_note(drafter, addressee=addressee)
    ru = next(c for c in note_copies(note) if c.language == "ru")
    assert ru.addressee_block[-1] == "г. Нью-Дели"

    Addressee.objects.filter(pk=addressee.pk).update(block_in_capitals=True)
    addressee.refresh_from_db()
    assert addressee_block(addressee, "ru")[-1] == "Г. НЬЮ-ДЕЛИ"


def test_the_collective_addressee_keeps_its_block_in_capitals():
    member_states = Addressee.objects.get(code="cica-member-states")
    assert addressee_block(member_states, "en")[0] == "MEMBER STATES"
