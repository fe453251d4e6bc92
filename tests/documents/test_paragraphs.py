"""The blocks of a text field and their replacement, keeping every other character."""

import pytest

from cica_docs.documents.paragraphs import HEADING, ITEM, PARAGRAPH, replace, split

BODY = ("# INTRODUCTION\n\nThe Conference was founded in 1992.\nIt meets every four years.\n\n"
        "# AREAS OF COOPERATION\n\n- exchange of information;\n- joint seminars.\n\nEnd.")


def test_paragraphs_headings_and_list_items_are_blocks_in_order():
    found = split(BODY)
    assert [(b.kind, b.text) for b in found] == [
        (HEADING, "# INTRODUCTION"),
        (PARAGRAPH, "The Conference was founded in 1992.\nIt meets every four years."),
        (HEADING, "# AREAS OF COOPERATION"),
        (ITEM, "- exchange of information;"),
        (ITEM, "- joint seminars."),
        (PARAGRAPH, "End."),
    ]


@pytest.mark.parametrize("text", [BODY, "", "One.", "A\n\n\nB\n", "- a\n\n- b", "  x\n\ny"])
def test_putting_back_unchanged_blocks_gives_the_text_as_it_was(text):
    assert replace(text, {}, []) == text


def test_one_block_is_replaced_and_the_rest_is_left_as_typed():
    assert replace(BODY, {1: "The Conference was founded in 1992."}, []) == BODY.replace(
        "\nIt meets every four years.", "")


def test_an_emptied_block_is_removed_with_its_separator_and_added_blocks_follow():
    assert replace("A\n\nB\n\nC", {1: ""}, []) == "A\n\nC"
    assert replace(BODY, {3: ""}, ["New."]).endswith(
        "# AREAS OF COOPERATION\n\n- joint seminars.\n\nEnd.\n\nNew.")
    assert replace("", {}, ["First."]) == "First."


def test_a_one_line_field_is_one_block():
    assert [b.text for b in split("Meeting of experts", multiline=False)] == [
        "Meeting of experts"]
    assert replace("Meeting", {0: "Meeting of experts"}, [], multiline=False) == (
        "Meeting of experts")
