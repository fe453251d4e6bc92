"""The word-level diff (documents/diff.py) on short texts and on a long paper."""

import re

import pytest

from bench.texts import long_paper_revisions
from cica_docs.documents.diff import word_diff


def _sides(segments):
    old = "".join(s.text for s in segments if s.op != "insert")
    new = "".join(s.text for s in segments if s.op != "delete")
    return old, new


def _tokens(text):
    """Words, runs of spaces and marks: the units the diff compares."""
    return len(re.findall(r"\s+|[^\W_]+|[^\w\s]|_", text))


@pytest.mark.parametrize("old, new, expected", [
    ("on 12 March the ministers met", "on 13 March the foreign ministers met",
     [("equal", "on "), ("delete", "12"), ("insert", "13"), ("equal", " March the"),
      ("insert", " foreign"), ("equal", " ministers met")]),
    ("", "Жаңа мәтін.", [("insert", "Жаңа мәтін.")]),
    ("Старый текст.", "", [("delete", "Старый текст.")]),
    ("Same.\n\nSame.", "Same.\n\nSame.", [("equal", "Same.\n\nSame.")]),
    # A sentence inserted between two kept ones, and a word changed in the next.
    ("First one. Second one. Third one.", "First one. New one. Second one. Third two.",
     [("equal", "First one. "), ("insert", "New one. "), ("equal", "Second one. Third "),
      ("delete", "one"), ("insert", "two"), ("equal", ".")]),
])
def test_word_diff_of_short_texts(old, new, expected):
    assert [(s.op, s.text) for s in word_diff(old, new)] == expected


@pytest.fixture(scope="module")
def paper():
    revisions = long_paper_revisions(words=8500)
    return revisions, word_diff(revisions.old, revisions.new)


def test_a_long_paper_diff_gives_back_both_revisions(paper):
    revisions, segments = paper
    assert len(revisions.old.split()) >= 8500
    assert _sides(segments) == (revisions.old, revisions.new)
    # Runs alternate: no two neighbours of the same kind, nothing empty.
    assert all(s.text for s in segments)
    assert all(a.op != b.op for a, b in zip(segments, segments[1:], strict=False))


def test_a_long_paper_diff_marks_only_what_changed(paper):
    revisions, segments = paper
    inserted = "".join(s.text for s in segments if s.op == "insert")
    deleted = "".join(s.text for s in segments if s.op == "delete")
    for old_word, marker in revisions.replaced:
        assert marker in inserted
    for sentence in revisions.inserted:
        assert sentence.split(" ", 1)[0] in inserted  # its unique first word
    assert revisions.replaced and revisions.inserted and revisions.deleted
    # No more is marked than the edits made: a replaced word is one token out and one in;
    # a sentence deleted or inserted is its tokens and the space after it.
    made = (2 * len(revisions.replaced)
            + sum(_tokens(s) + 1 for s in revisions.deleted + revisions.inserted))
    assert sum(_tokens(s.text) for s in segments if s.op != "equal") <= made
    assert len(deleted.split()) <= (sum(len(s.split()) for s in revisions.deleted)
                                    + len(revisions.replaced))
