"""Line breaks chosen over a whole justified paragraph (cica_docs/typography/justify.py):
what the print HTML tells WeasyPrint, read back from the HTML. The printed gaps are
measured in tests/rendering/test_typesetting.py."""

import re
from html import unescape

import pytest

from cica_docs.typography import justify
from cica_docs.typography.text import NBSP, WORD_JOINER
from notes.layout import note_html
from tests.rendering.reference import note_copy

LONG = {
    "ru": (
        "Секретариат Совещания по взаимодействию и мерам доверия в Азии (СВМДА) "
        "свидетельствует свое уважение государствам-членам СВМДА и имеет честь направить "
        "на рассмотрение государств-членов Концептуальный документ об установлении "
        "отношений между Секретариатом Совещания по взаимодействию и мерам доверия в Азии "
        "и Контртеррористическим управлением Организации Объединенных Наций."
    ),
    "en": (
        "The issue of establishing relations between the Secretariat of the Conference on "
        "Interaction and Confidence Building Measures in Asia and the United Nations Office "
        "of Counter-Terrorism is tentatively scheduled for consideration at the upcoming "
        "meetings of the CICA Special Working Group on 12 March 2024."
    ),
}


def _set_body(language, body):
    html = note_html(note_copy(language, body=body), title="Note")
    match = re.search(r'<div class="body"><p class="(set[^"]*)">(.*?)</p>', html, re.S)
    return html, match


def _text(html):
    """The text of an HTML fragment, tags taken out."""
    return unescape(re.sub(r"<[^>]*>", "", html))


def _lines(text):
    """A set paragraph's lines: it breaks at its spaces, its soft hyphens and its own
    hyphens where no word joiner follows."""
    return re.split(r"(?<=\u00ad)| |(?<=-)(?!\u2060)", text)


@pytest.mark.parametrize("language", ["ru", "en"])
def test_each_line_of_a_set_paragraph_fits_and_its_only_breaks_are_the_chosen_ones(language):
    _, match = _set_body(language, LONG[language])
    assert match, "the body paragraph is set"
    setting, text = match.group(1), _text(match.group(2))
    assert setting in justify.SETTINGS
    # The only break opportunities left: the spaces between lines, soft hyphens at line
    # ends, and no word's own hyphen unless a line ends there.
    lines = _lines(text)
    assert len(lines) >= 3
    assert "\n" not in text and "  " not in text
    face = (False, False)
    for number, line in enumerate(lines):
        available = justify.TEXT_WIDTH - (justify.INDENT if number == 0 else 0)
        printed = line.replace("\u00ad", "-").replace(WORD_JOINER, "")
        measured = justify._width(printed, language, setting, face)
        assert measured <= available - justify.MARGIN, (number, printed)
        if number < len(lines) - 1:
            following = lines[number + 1].replace("\u00ad", "")
            joined = f"{printed.removesuffix('-') if line.endswith(chr(0xad)) else printed}"
            both = joined + ("" if line.endswith(("\u00ad", "-")) else " ") + following
            assert justify._width(both, language, setting, face) > available, number
    # Words that stand together are still together.
    if language == "ru":
        text = text.replace("\u00ad", "")
        assert f"и{NBSP}имеет" in text and f"в{NBSP}Азии" in text


def test_the_text_is_the_same_once_the_marks_are_taken_out():
    _, match = _set_body("ru", LONG["ru"])
    printed = re.sub("[\u00ad\u2060]", "", _text(match.group(2))).replace(NBSP, " ")
    assert " ".join(printed.split()) == " ".join(
        re.sub("[\u00ad\u2060]", "", LONG["ru"]).replace(NBSP, " ").split())


def test_emphasis_is_measured_in_its_own_face_and_keeps_its_tags():
    body = "**" + LONG["en"][:120] + "** " + LONG["en"][120:]
    _, match = _set_body("en", body)
    assert match and match.group(2).startswith("<strong>")
    assert match.group(2).count("<strong>") == match.group(2).count("</strong>") == 1


def test_paragraphs_it_cannot_measure_and_text_that_is_not_justified_are_left_alone():
    html, match = _set_body("en", LONG["en"] + "  \n" + LONG["en"])
    assert match is None  # a line break of its own: left to WeasyPrint
    long_word = "x" * 400
    _, match = _set_body("en", f"{long_word} and more words after it")
    assert match is None  # wider than the line: nothing fits
    # The letterhead, the addressee block and the closing line's neighbours outside the
    # text block keep their spaces.
    assert 'class="set' not in html.split('<div class="text">')[0]
    assert 'class="set' not in html.split('<div class="addressee">')[1]


def test_list_items_are_set_to_the_width_of_the_list():
    body = "- " + LONG["ru"] + "\n- " + LONG["ru"]
    html = note_html(note_copy("ru", body=body), title="Note")
    items = re.findall(r'<li class="(set[^"]*)">(.*?)</li>', html, re.S)
    assert len(items) == 2
    width = justify.TEXT_WIDTH - justify.LIST_INDENT
    for setting, text in items:
        for line in _lines(_text(text)):
            printed = line.replace("\u00ad", "-").replace(WORD_JOINER, "")
            assert justify._width(printed, "ru", setting, (False, False)) <= width


def _concept_page(inner):
    return f'<body class="concept">{inner}</body>'


def test_a_concept_papers_title_and_headings_break_into_even_lines():
    title = ("on the Establishment of Relations between the Secretariat of the Conference on "
             "Interaction and Confidence Building Measures in Asia and the United Nations "
             "Office of Counter-Terrorism")
    html = justify.set_justified(_concept_page(
        f'<p class="title">on\u00a0the{title[6:]}</p>'), "en")
    lines = re.search(r'<p class="title">(.*)</p>', html).group(1).split("<br>")
    assert len(lines) >= 3
    face = (True, False)
    widths = [justify._width(line, "en", "set", face) for line in lines]
    assert max(widths) <= justify.TITLE_WIDTH - justify.MARGIN
    assert min(widths) >= 0.75 * max(widths), lines
    assert lines[0].startswith("on\u00a0the Establishment")  # what was glued stays glued
    assert " ".join(lines).replace("\u00a0", " ") == title


def test_a_short_heading_one_with_tags_and_text_outside_the_justified_block_are_not_touched():
    for html in (
        _concept_page("<h1>INTRODUCTION</h1>"),
        _concept_page("<h2>A heading <em>with</em> emphasis that is long enough to break "
                      "into two lines at least, or even three lines if it goes on</h2>"),
        '<body class="note"><div class="text"><p>' + "A paragraph of a kind's own class "
        * 8 + "</p></div></body>",
    ):
        assert justify.set_justified(html, "en") == html


def test_what_is_set_follows_the_platforms_classes_whatever_the_kind():
    """`justified` and `title` (static/css/pdf.css) and headings: no kind is named."""
    paragraph = "<p>" + "A paragraph that is long enough to be set on several lines " * 4
    heading = "<h2>" + "A long heading of the body that balances " * 4 + "</h2>"
    for body in ("decision", "note", ""):
        html = justify.set_justified(
            f'<body class="{body}"><div class="justified">{paragraph}</p>{heading}</div>'
            f'<p class="subject title">{"A title that balances its lines " * 5}</p></body>',
            "en")
        assert '<p class="set' in html
        assert html.count("<br>") >= 2


def test_a_surname_after_its_initials_is_never_hyphenated():
    text = justify._Text("Глава управления В.Воронков", [(False, False)] * 27,
                         [False] * 27, "ru")
    breaks = {s.start: s.breaks for s in text.words()}
    assert breaks[text.text.index("В.")] == []
    assert breaks[text.text.index("управления")]  # other words are
