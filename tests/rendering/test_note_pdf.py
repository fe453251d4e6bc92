"""A note rendered from the reference NCT/CT/274 texts, checked with real PDF tools."""

import hashlib
import io
import re
import subprocess

from fontTools.ttLib import TTFont
from pypdf import PdfReader

from cica_docs.rendering.pdf import Part, PdfFile, page_count, render_files, render_package
from notes.layout import note_parts

from .conftest import pdftotext, printed, render_reference
from .reference import ISSUED, LETTERHEAD, LETTERHEAD_KK, SYMBOL, TEXTS, note_copy, reference_copies


def test_each_language_copy_prints_every_part_of_the_note_on_its_own_pages(reference_pdf):
    # -raw keeps a hyphen at a line end (the default mode drops it: "CounterTerrorism").
    pages = pdftotext(reference_pdf.data, "-raw").split("\f")
    assert reference_pdf.page_counts == (1, 1, 1)
    for page, language in zip(pages, ("en", "ru", "kk"), strict=False):
        expected = TEXTS[language]

        def position(text, page=page):
            found = printed(text).search(page)
            assert found, text
            return found.start()

        for line in LETTERHEAD_KK if language == "kk" else LETTERHEAD:
            position(line)
        # Order of the parts as FORMAT_RULES.md lists them.
        order = [position(text) for text in (
            f"№ {SYMBOL}", expected["opening"], expected["body"], expected["closing"],
            expected["enclosure"], expected["place_date"],
        )]
        # The addressee block is searched after the place and date: the Kazakh block
        # repeats words of the Kazakh letterhead line.
        block = printed(" ".join(expected["addressee"])).search(page, order[-1])
        assert block, language
        assert order == sorted(order)


def test_the_number_is_printed_in_latin_letters_in_every_copy(reference_pdf):
    numbers = re.findall(r"№ (\S+)", pdftotext(reference_pdf.data))
    assert numbers == [SYMBOL] * 3 and SYMBOL.isascii()


def test_the_pdf_uses_only_the_bundled_fonts_all_embedded(reference_pdf, tmp_path):
    path = tmp_path / "note.pdf"
    path.write_bytes(reference_pdf.data)
    rows = subprocess.run(["pdffonts", path], capture_output=True, text=True, check=True)
    fonts = [line.split() for line in rows.stdout.splitlines()[2:]]
    assert fonts
    for row in fonts:
        assert re.fullmatch(r"[A-Z]{6}\+PT-Serif(-Bold|-Italic|-BoldItalic)?", row[0]), row
        assert row[-5] == "yes"  # emb
    # The embedded programs themselves are PT Serif, not a system font under our name.
    reader = PdfReader(io.BytesIO(reference_pdf.data))
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            descriptor = font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            program = TTFont(io.BytesIO(descriptor["/FontFile2"].get_object().get_data()))
            assert program["name"].getDebugName(1).startswith("PT Serif")


def test_the_same_note_renders_to_the_same_bytes():
    first, second = render_reference(), render_reference()
    assert hashlib.sha256(first.data).digest() == hashlib.sha256(second.data).digest()
    assert first.sha256 == second.sha256


def test_the_pdf_carries_title_author_keywords_language_and_pdfa_3b(reference_pdf, tmp_path):
    path = tmp_path / "note.pdf"
    path.write_bytes(reference_pdf.data)
    command = ["pdfinfo", "-isodates", path]
    info = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    assert f"Title:           Note verbale {SYMBOL}" in info
    assert "Author:          CICA Secretariat" in info
    assert f"Keywords:        {SYMBOL}, note verbale" in info
    assert "CreationDate:    2024-03-06T10:00:00+05" in info
    reader = PdfReader(io.BytesIO(reference_pdf.data))
    xmp = reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode()
    assert 'pdfaid:part="3"' in xmp and 'pdfaid:conformance="B"' in xmp
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert reader.trailer["/Root"]["/OutputIntents"][0].get_object()["/S"] == "/GTS_PDFA1"


def test_the_pdf_is_tagged_and_each_copy_says_its_language(reference_pdf, tmp_path):
    path = tmp_path / "note.pdf"
    path.write_bytes(reference_pdf.data)
    info = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    assert "Tagged:          yes" in info
    reader = PdfReader(io.BytesIO(reference_pdf.data))
    pages = [page.indirect_reference for page in reader.pages]
    document = reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0].get_object()
    languages = {}
    for kid in document["/K"]:
        element = kid.get_object()
        languages.setdefault(pages.index(element.raw_get("/Pg")), set()).add(str(element["/Lang"]))
    assert languages == {0: {"en"}, 1: {"ru"}, 2: {"kk"}}
    headings = [kid.get_object()["/S"] for kid in document["/K"]]
    assert "/P" in headings


def test_each_copy_has_a_bookmark_at_its_first_page(reference_pdf):
    reader = PdfReader(io.BytesIO(reference_pdf.data))
    marks = [(m.title, reader.get_destination_page_number(m)) for m in reader.outline]
    assert marks == [(f"№ {SYMBOL} (EN)", 0), (f"№ {SYMBOL} (RU)", 1), (f"№ {SYMBOL} (KK)", 2)]
    assert page_count(reference_pdf.data) == 3


def test_later_pages_are_numbered_top_centre_and_the_first_is_not():
    long_body = "\n\n".join([TEXTS["en"]["body"]] * 14)
    result = render_reference([note_copy("en", body=long_body), note_copy("ru")])
    assert result.page_counts[0] >= 2
    bbox = pdftotext(result.data, "-bbox")
    pages = bbox.split("<page ")[1:]

    def top_words(page):  # words in the top margin (20 mm = 56.7 pt)
        return re.findall(r'yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]+)<', page)

    in_margin = [[w for y, w in top_words(p) if float(y) < 56] for p in pages]
    assert in_margin[0] == [] and in_margin[result.page_counts[0]] == []  # each copy's 1st page
    assert in_margin[1] == ["2"]
    x = re.search(r'xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">2<', pages[1])
    centre = (float(x[1]) + float(x[2])) / 2
    assert abs(centre - (85.04 + (595.28 - 42.52)) / 2) < 3  # centre of the text block


def test_enclosure_parts_follow_the_note_and_their_pages_are_counted():
    enclosure = [
        Part("Concept paper (EN)", "<html lang=en><body><h1>CONCEPT PAPER</h1>"
             + "<p>Text.</p>" * 120 + "</body></html>"),
        Part("Концепция (RU)", "<html lang=ru><body><h1>КОНЦЕПЦИЯ</h1><p>Текст.</p></body></html>"),
    ]
    counted = render_package(enclosure, title="t", author="a", language="en")
    pages = sum(counted.page_counts)
    copies = [note_copy(lang, enclosure_lines=[f"Enclosure: as stated, on {pages} p."])
              for lang in ("en", "ru")]
    package = render_reference(copies, enclosures=enclosure)
    assert package.page_counts[2:] == counted.page_counts
    assert page_count(package.data) == package.total_pages
    assert f"Enclosure: as stated, on {pages} p." in pdftotext(package.data)
    reader = PdfReader(io.BytesIO(package.data))
    titles = [m.title for m in reader.outline if not isinstance(m, list)]
    assert titles[2:] == ["Concept paper (EN)", "Концепция (RU)"]


def test_files_written_from_one_layout_are_byte_for_byte_the_files_rendered_alone(
    reference_pdf,
):
    """`render_files` lays each part out once and writes every file from those pages (the
    issue's package and language files): each is exactly what rendering its parts alone
    gives — a PDF/A language copy beside a package that is not PDF/A (an uploaded PDF)."""
    parts = note_parts(reference_copies(), title=f"Note verbale {SYMBOL}")
    uploaded = Part("Uploaded", pdf=reference_pdf.data)
    meta = {"author": "CICA Secretariat", "keywords": (SYMBOL, "note verbale"),
            "created": ISSUED}
    package, russian, with_upload = render_files([*parts, uploaded], [
        PdfFile((0, 1, 2), title=f"Note verbale {SYMBOL}", language="en", **meta),
        PdfFile((1,), title="ru", language="ru", **meta),
        PdfFile((0, 3), title="upload", language="en", **meta),
    ])
    assert package.data == reference_pdf.data
    assert russian.data == render_package([parts[1]], title="ru", language="ru", **meta).data
    alone = render_package([parts[0], uploaded], title="upload", language="en", **meta)
    assert with_upload.data == alone.data
    assert with_upload.page_counts == (1, 3)
    catalogue = {name: PdfReader(io.BytesIO(pdf.data)).trailer["/Root"]
                 for name, pdf in (("ru", russian), ("upload", with_upload))}
    assert "/OutputIntents" in catalogue["ru"] and "/OutputIntents" not in catalogue["upload"]
