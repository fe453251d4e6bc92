"""A kind's state badges agree with its noun (documents/kinds.py, `noun_gender`): the
platform holds the labels of each gender once; a kind names its gender only."""

from django.utils import translation

from cica_docs.documents.kinds import FEMININE, MASCULINE, NEUTER, STATE_LABELS, get_kind
from cica_docs.documents.models import Document


def test_each_kinds_badges_agree_with_its_russian_noun_and_every_state_has_one():
    expected = {"note": "Одобрена", "concept": "Одобрена", "letter": "Одобрено"}
    with translation.override("ru"):
        for key, approved in expected.items():
            kind = get_kind(key)
            assert str(kind.state_labels[Document.State.APPROVED]) == approved
            assert set(kind.state_labels) == set(Document.State.values)
        assert str(Document.State.APPROVED.label) == "Одобрен"  # «документ»
    with translation.override("kk"):
        for gender in (FEMININE, NEUTER):
            assert str(STATE_LABELS[gender][Document.State.ISSUED]) == "Шығарылды"
    assert MASCULINE not in STATE_LABELS
