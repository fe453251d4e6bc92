"""The reference package as typeset for print, read back from the PDF's word positions:
word gaps of justified lines, what lines end with, hyphenation, quotes."""

import re
import subprocess

import pytest

from cica_docs.rendering.pdf import render_package
from cica_docs.typography import hyphenation
from cica_docs.typography.rules import rules_for

from . import reference
from .conftest import pdftotext, render_reference
from .reference import CONCEPT_TITLE, concept_parts, letter_parts, note_copy
from .wordgaps import MM, justified_lines, pdf_lines, space_width, too_wide, widest_gap

LANGUAGES = ("en", "ru", "kk")
NORMAL = space_width()  # PT Serif at 13 pt: 3.16 pt
# Before hyphenation (hyphens: manual) the widest gaps were 6.2 (RU note), 5.9 (RU concept
# paper), 3.9 (EN concept paper), 3.3 (EN note) and 3.0 (KK note) normal spaces, and 43 %
# (EN) and 57 % (RU) of the concept paper's justified lines were looser than two spaces.
BOUND = 4.0
LOOSE_SHARE = 0.2


@pytest.fixture(scope="module")
def concept_pdf():
    return render_package(concept_parts(), title="Concept paper", author="CICA Secretariat",
                          language="en")


@pytest.fixture(scope="module")
def letter_pdf():
    return render_package(letter_parts(), title="Letter", author="CICA Secretariat",
                          language="en")


@pytest.fixture(scope="module")
def package(reference_pdf, concept_pdf, letter_pdf):
    """(what, language, lines) for each language copy of the note, the concept paper and
    the letter of the reference package."""
    lines = pdf_lines(reference_pdf.data)
    found = [(f"note {lang}", lang, [line for line in lines if line.page == page])
             for page, lang in enumerate(LANGUAGES, start=1)]
    found += [(f"concept paper {lang}", lang, lines)
              for lang, lines in _copies(concept_pdf, ("en", "ru"))]
    found += [(f"letter {lang}", lang, lines)
              for lang, lines in _copies(letter_pdf, LANGUAGES)]
    return found


def copies(package, kind=""):
    return [copy for copy in package if copy[0].startswith(kind)]


def test_no_word_gap_on_a_justified_line_of_the_reference_package_is_wider_than_two_spaces(
    package
):
    """Each justified paragraph's breaks are chosen over the whole paragraph
    (cica_docs/typography/justify.py); WeasyPrint alone (first fit) left gaps of up to 3.5
    normal spaces."""
    for what, _language, lines in copies(package):
        assert len(justified_lines(lines)) >= 8, what
        assert too_wide(lines, 2 * NORMAL) == [], what


def test_a_paragraphs_first_line_is_justified_when_the_paragraph_goes_on(package):
    """A paragraph's first line is indented 12.5 mm; a justified line at the left margin
    (30 mm) after it goes on with the same paragraph, so the first is justified too, not
    one word left alone («Секретариат» / «Во-»: breaks that WeasyPrint did not take as
    chosen, or a chosen line with nothing to stretch)."""
    left = 30 * MM
    checked = 0
    for what, _language, lines in copies(package):
        for line, following in zip(lines, lines[1:], strict=False):
            indented = abs(line.words[0].x_min - (left + 12.5 * MM)) < 1
            if indented and line.page == following.page and following.reaches_right_edge and (
                    abs(following.words[0].x_min - left) < 1):
                checked += 1
                assert line.reaches_right_edge, (what, line.text, following.text)
    assert checked >= 30


def test_no_word_gap_of_the_reference_package_is_wider_than_the_bound(package):
    for what, _language, lines in copies(package):
        gap = widest_gap(lines)
        assert gap.points <= BOUND * NORMAL, (what, round(gap.points / NORMAL, 2),
                                              gap.line.text)


def test_few_justified_lines_of_the_concept_paper_are_looser_than_two_spaces(package):
    for what, _language, lines in copies(package, "concept"):
        justified = justified_lines(lines)
        assert len(justified) >= 80
        assert len(too_wide(lines, 2 * NORMAL)) <= LOOSE_SHARE * len(justified), what


def _month(word, rules):
    return any(word.lower().startswith(month.lower()) for month in rules.months)


def test_no_line_ends_in_a_day_before_its_month_nor_in_the_number_sign_nor_a_one_letter_word(
    package
):
    for what, language, lines in copies(package):
        rules = rules_for(language)
        for line, following in zip(lines, lines[1:], strict=False):
            last, first = line.words[-1].text, following.words[0].text
            assert last != "№", (what, line.text)
            assert not (len(last) == 1 and last.isalpha()), (what, line.text)
            assert not (re.fullmatch(r"\d{1,2}", last) and _month(first, rules)), (
                what, line.text, following.text)


_LETTER_RUNS = re.compile(r"[^\W\d_]+")


def _vocabulary() -> set[str]:
    """Every word (run of letters, case folded) of the reference package's texts."""
    texts = [*reference.TEXTS.values(), reference.LETTERHEAD, reference.LETTERHEAD_KK,
             reference.CONCEPT_TITLE, reference.CONCEPT_AUTHOR, reference.LETTER_TEXTS,
             *(path.read_text(encoding="utf-8")
               for path in reference.CONCEPT_TEXTS.glob("concept_*.md"))]
    words: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            words.update(run.casefold() for run in _LETTER_RUNS.findall(value))
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, (list, tuple)):
            for item in value:
                walk(item)

    walk(texts)
    return words


def _known(text, vocabulary):
    return all(run.casefold() in vocabulary for run in _LETTER_RUNS.findall(text))


def test_a_justified_line_ends_between_words_or_at_a_hyphen_never_inside_a_word(package):
    """A word broken at a line end carries its hyphen: the halves of a word broken without
    one ("…and the CICA regio / n.", «террористической нап / равленности», the last word of
    a paragraph) are not words of the text."""
    vocabulary = _vocabulary()
    checked = 0
    for what, _language, lines in copies(package):
        lines = [line for line in lines if line.bottom > 25 * MM]  # not the page numbers
        for line, following in zip(lines, lines[1:], strict=False):
            if not line.reaches_right_edge or len(line.words) < 2:
                continue
            last, first = line.words[-1].text, following.words[0].text
            checked += 1
            if last.endswith("-"):  # hyphenated, or the word's own hyphen
                assert _known(last[:-1] + first, vocabulary) or _known(
                    last + first, vocabulary), (what, line.text, following.text)
            else:
                assert _known(last, vocabulary) and _known(first, vocabulary), (
                    what, line.text, following.text)
    assert checked >= 200


def test_a_letters_signature_is_never_alone_on_its_page(letter_pdf):
    """The complimentary close and the end of the body go over with the signature block
    (letters/static/css/letter.css)."""
    for language, lines in _copies(letter_pdf, LANGUAGES):
        name = reference.LETTER_TEXTS[language]["signatory"][0]
        signature = next(line for line in lines if line.text == name)
        page = [line for line in lines if line.page == signature.page]
        close = reference.LETTER_TEXTS[language]["close"].split()[0]
        assert any(line.text.startswith(close) for line in page), (language, signature.page)
        assert any(line.reaches_right_edge for line in page), language


def test_words_in_capitals_titles_and_headings_are_never_hyphenated(concept_pdf):
    text = pdftotext(concept_pdf.data, "-raw")
    ends = re.findall(r"(\w+)-\n", text)
    assert ends, "the concept paper is hyphenated"
    assert [word for word in ends if word.isupper() and len(word) > 1] == []
    for heading in ("INTRODUCTION", "BACKGROUND", "ПРЕДЫСТОРИЯ", "КОНТРТЕРРОРИСТИЧЕСКОЕ"):
        assert re.search(rf"(?:^|\f){heading}", text, re.MULTILINE)
    # The title under the heading breaks only at spaces or at a hyphen of its own
    # ("Counter-Terrorism").
    first_page = text.split("\f")[0]
    title = first_page[first_page.index("on the Establishment"):first_page.index("INTRODUCTION")]
    for left, right in re.findall(r"(\w+)-\n(\w+)", title):
        assert f"{left}-{right}" in CONCEPT_TITLE["en"], title


def test_the_kazakh_copy_is_hyphenated_where_the_kazakh_patterns_allow(reference_pdf):
    kazakh = pdftotext(reference_pdf.data, "-raw").split("\f")[2]
    breaks = re.findall(r"(\w+)-\n(\w+)", kazakh)
    assert breaks
    patterns = hyphenation.dictionary("kk")
    for left, right in breaks:
        assert (left, right) in list(patterns.iterate(left + right)), (left, right)


def test_straight_quotes_and_spaced_hyphens_print_typographic_and_the_fonts_stay_pt_serif(
    tmp_path,
):
    body = {
        "en": 'The "Almaty Act" of 8 September 2006 - the \'founding\' document - CICA\'s.',
        "ru": 'Акт 2002 года - учредительный документ: "Декларация "СВМДА"" № 16 от 6 марта.',
        "kk": '"Азия Кеңесі" - 2024 жылғы 28 қыркүйектегі № NCT/CT/274 нота, 1-ші.',
    }
    pdf = render_reference([note_copy(lang, body=body[lang]) for lang in LANGUAGES])
    pages = pdftotext(pdf.data).split("\f")
    assert "The “Almaty Act” of 8 September 2006 – the ‘founding’ document – CICA’s." in (
        " ".join(pages[0].split()))
    assert "«Декларация „СВМДА“» № 16" in " ".join(pages[1].split())
    assert "учредительный документ" in pages[1] and "года — учредительный" in (
        " ".join(pages[1].split()))
    assert "«Азия Кеңесі» — 2024 жылғы 28 қыркүйектегі" in " ".join(pages[2].split())
    path = tmp_path / "typeset.pdf"
    path.write_bytes(pdf.data)
    rows = subprocess.run(["pdffonts", path], capture_output=True, text=True, check=True)
    for row in rows.stdout.splitlines()[2:]:
        assert re.fullmatch(r"[A-Z]{6}\+PT-Serif(-Bold|-Italic|-BoldItalic)?", row.split()[0])


def _copies(pdf, languages):
    """(language, lines) of each language copy of a package."""
    lines = pdf_lines(pdf.data)
    first, found = 1, []
    for lang, count in zip(languages, pdf.page_counts, strict=True):
        found.append((lang, [line for line in lines if first <= line.page < first + count]))
        first += count
    return found


def _heading(line):
    letters = [char for char in line.text if char.isalpha()]
    return bool(letters) and all(char.isupper() for char in letters)


def test_the_titles_lines_are_balanced_and_the_last_is_not_a_single_word(concept_pdf):
    for language, lines in _copies(concept_pdf, ("en", "ru")):
        first_page = [line for line in lines if line.page == lines[0].page]
        start = next(i for i, line in enumerate(first_page) if _heading(line)) + 1
        stop = next(i for i, line in enumerate(first_page[start:], start) if _heading(line))
        title = first_page[start:stop]
        assert len(title) >= 3, [line.text for line in title]
        widths = [line.x_max - line.words[0].x_min for line in title]
        assert len(title[-1].words) > 1, title[-1].text
        # Even lines: none shorter than three quarters of the longest.
        assert min(widths) >= 0.75 * max(widths), [line.text for line in title]
        assert not any(line.text.endswith("-") for line in title)


# The text block's bottom (A4, bottom margin 20 mm) and height (top margin 20 mm).
BOTTOM = 297 * MM - 20 * MM
HEIGHT = (297 - 40) * MM


def test_a_heading_is_never_last_on_a_page_and_no_page_is_left_a_third_empty(concept_pdf):
    checked = 0
    for language, lines in _copies(concept_pdf, ("en", "ru")):
        pages = sorted({line.page for line in lines})
        for page in pages[:-1]:  # a copy's last page ends where its text ends
            on_page = [line for line in lines if line.page == page and line.bottom > 25 * MM]
            last = max(on_page, key=lambda line: line.bottom)
            assert not _heading(last), (language, page, last.text)
            # At least two lines of text follow each heading on its page.
            for index, line in enumerate(on_page):
                if _heading(line) and index + 1 < len(on_page):
                    assert len(on_page) - index - 1 >= 2, (language, page, line.text)
            assert last.bottom >= BOTTOM - HEIGHT / 3, (language, page, last.text)
            checked += 1
    assert checked >= 6


def test_a_list_item_starts_at_its_bullet_however_the_list_was_typed():
    """No paragraph indent after a bullet, blank lines between the items or not, and an
    item's second paragraph starts where its text does."""
    item = ("The Secretariat informs the Member States of the meetings of the Special "
            "Working Group and of the Senior Officials Committee in March 2024")
    body = {
        "en": f"Tight:\n\n- {item}\n- {item}",
        "ru": f"Loose:\n\n- {item}\n\n- {item}",
        "kk": f"Two paragraphs:\n\n- {item}\n\n  {item}\n- {item}",
    }
    pdf = render_reference([note_copy(lang, body=body[lang]) for lang in LANGUAGES])
    lines = pdf_lines(pdf.data)
    text_left = (30 + 12.5) * MM  # the list's text: left margin and the list's indent
    for page in (1, 2, 3):
        on_page = [line for line in lines if line.page == page]
        starts = [line for line in on_page if line.words[0].text in ("The", "•")]
        assert len(starts) >= 2, page
        for line in starts:
            word = line.words[-1 if len(line.words) == 1 else 1] if (
                line.words[0].text == "•") else line.words[0]
            assert abs(word.x_min - text_left) < 1, (page, line.text)
