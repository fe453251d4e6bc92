from cica_docs.rendering.markup import render_markdown


def test_paragraphs_lists_bold_and_italic_are_rendered():
    html = render_markdown("One **bold** and *italic*.\n\n- a\n- b\n\n1. x\n2. y")
    assert "<strong>bold</strong>" in html and "<em>italic</em>" in html
    assert "<ul>\n<li>a</li>" in html and "<ol>\n<li>x</li>" in html


def test_headings_are_text_unless_the_kind_allows_them():
    assert "<h" not in render_markdown("# Title")
    assert "<h1>Title</h1>" in render_markdown("# Title", headings=True)


def test_raw_html_is_printed_as_text_not_markup():
    html = render_markdown('<script>x</script><link rel="attachment" href="file:///etc/x">')
    assert "<script" not in html and "<link" not in html
    assert "&lt;script&gt;" in html


def test_links_and_images_keep_their_label_and_lose_their_url():
    html = render_markdown(
        "![seal](file:///etc/passwd) [meta](http://169.254.169.254/latest) "
        "[js](javascript:alert(1)) ![d](data:image/png;base64,AAAA) [ref]\n\n"
        "[ref]: http://10.0.0.1/"
    )
    assert html == "<p>seal meta js d ref</p>\n"


def test_nul_and_bidi_override_characters_are_removed():
    html = render_markdown("a\x00b\u202ec\u2066d\u2069e\u202af")
    assert html == "<p>abcdef</p>\n"


def test_a_very_long_word_gets_break_opportunities_and_keeps_every_letter():
    html = render_markdown("x" * 1000)
    assert "\u200b" in html and html.replace("\u200b", "") == f"<p>{'x' * 1000}</p>\n"
    assert "\u200b" not in render_markdown("Контртеррористическим")


def test_a_list_prints_the_same_with_or_without_blank_lines_between_its_items():
    tight = "Intro\n\n- one\n- two\n  - inner\n- three\n\n1. first\n2. second"
    loose = "Intro\n\n- one\n\n- two\n\n  - inner\n\n- three\n\n1. first\n\n2. second"
    assert render_markdown(loose) == render_markdown(tight)
    assert "<li>one</li>" in render_markdown(loose)
    assert "<li>first</li>" in render_markdown(loose)


def test_an_item_of_several_paragraphs_keeps_them():
    html = render_markdown("- one\n\n  the same item, again\n- two")
    assert "<li>\n<p>one</p>\n<p>the same item, again</p>\n</li>" in html
    assert "<li>two</li>" in html
