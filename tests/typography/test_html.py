"""Typesetting works on the text nodes of print HTML: tags, attributes and escaping stay."""

from cica_docs.rendering.markup import render_markdown
from cica_docs.typography import typeset, typeset_document
from cica_docs.typography.html import language_of
from notes.layout import note_html
from tests.rendering.reference import note_copy

KEEP = '<span class="nohyphens">'


def test_tags_and_attributes_are_never_changed():
    html = '<p class="по на" data-x="14 марта">по <em class="a b">марта</em></p>'
    assert typeset(html, "ru") == (
        '<p class="по на" data-x="14 марта">по\u00a0<em class="a b">марта</em></p>')


def test_a_date_or_a_quotation_split_by_inline_tags_is_typeset_as_one_text():
    html = render_markdown('14 **марта** и "*Декларация*"')
    assert typeset(html, "ru") == (
        f"<p>14\u00a0<strong>{KEEP}марта</span></strong> и\u00a0«<em>Декларация</em>»</p>\n")


def test_escaped_text_stays_escaped_and_quotes_in_it_are_typeset():
    html = render_markdown('<b> & "x"')
    assert html == "<p>&lt;b&gt; &amp; &quot;x&quot;</p>\n"
    assert typeset(html, "en") == "<p>&lt;b&gt; &amp; “x”</p>\n"


def test_blocks_are_typeset_apart():
    html = "<p>в</p><p>Азии</p><ul><li>и</li><li>мерам</li></ul>"
    assert typeset(html, "ru") == html


def test_words_in_capitals_and_months_in_dates_are_kept_whole_in_hyphenated_text_only():
    html = typeset("<p>the UNGCTS of 14 September, CICA</p><h1>INTRODUCTION</h1>", "en")
    assert html == (
        f"<p>the {KEEP}UNGCTS</span> of 14\u00a0{KEEP}September</span>, CICA</p>"
        "<h1>INTRODUCTION</h1>"
    )
    assert KEEP not in typeset("UNGCTS of 14 September", "en", "title")


def test_a_word_kept_whole_across_inline_tags_gets_a_span_in_each_text_node():
    html = typeset("<p>UNO<em>CT</em>S</p>", "en")
    assert html == f"<p>{KEEP}UNO</span><em>{KEEP}CT</span></em>{KEEP}S</span></p>"


def test_each_block_follows_its_own_script():
    assert language_of("SECRETARIAT OF THE CONFERENCE", "ru") == "en"
    assert language_of("СЕКРЕТАРИАТ СОВЕЩАНИЯ", "kk") == "ru"
    assert language_of("СЕКРЕТАРИАТ СОВЕЩАНИЯ", "en") == "ru"
    assert language_of("КЕҢЕСІНІҢ ХАТШЫЛЫҒЫ", "en") == "kk"
    assert language_of("Азия Кеңесінің UNOCT", "ru") == "ru"  # mixed: the copy's own


def test_each_letterhead_line_follows_its_own_language_and_the_page_title_is_left_alone():
    html = note_html(note_copy("kk"), title='Note "NCT/CT/274"')
    assert "INTERACTION AND\u00a0CONFIDENCE" in html  # English rules in the Kazakh copy
    assert "ВЗАИМОДЕЙСТВИЮ И\u00a0МЕРАМ" in html  # Russian rules in the Kazakh copy
    assert "<title>Note &quot;NCT/CT/274&quot;</title>" in html
    assert "№\u00a0NCT/\u2060CT/\u2060274" in html
    assert "Хатшылығы мен\u00a0Біріккен" in html


def test_the_addressee_block_follows_the_heads_rules_and_the_body_does_not():
    html = note_html(note_copy("en"), title="t")
    assert "OF\u00a0THE\u00a0CONFERENCE ON\u00a0INTERACTION" in html
    body = "<p>presents its compliments to the CICA Member States</p>"
    assert typeset(body, "en") == body


def test_a_whole_page_typeset_twice_is_the_same_page():
    html = note_html(note_copy("ru"), title="t")
    assert typeset_document(html, "ru") == html
