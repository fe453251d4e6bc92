"""Each copy's metadata in its own language, read back with pikepdf: the Info dictionary,
the catalogue's /Lang and the XMP packet; a package lists its languages, and claims PDF/A
only when it is PDF/A."""

import io

import pikepdf
import pytest

from cica_docs.issuing.packages import author_in, render_all, render_one
from tests.factories import REFERENCE, make_note, upload_file

pytestmark = pytest.mark.django_db

AUTHORS = {"en": "CICA Secretariat", "ru": "Секретариат СВМДА",
           "kk": "Азия Кеңесінің Хатшылығы"}


def _read(data):
    with pikepdf.open(io.BytesIO(data)) as pdf:
        info = {key: str(value) for key, value in pdf.docinfo.items()}
        lang = str(pdf.Root.get("/Lang", ""))
        with pdf.open_metadata() as xmp:
            packet = {key: xmp.get(key) for key in (
                "dc:creator", "dc:title", "dc:language", "pdfaid:part", "pdfaid:conformance")}
    return info, lang, packet


def test_each_copy_says_its_author_title_and_language_in_its_own_language(drafter):
    note = make_note(drafter)
    rendered = {r.variant: r.pdf.data for r in render_all(note)}
    for language in ("en", "ru", "kk"):
        info, lang, xmp = _read(rendered[language])
        assert author_in(language) == AUTHORS[language]
        assert info["/Author"] == AUTHORS[language], language
        assert REFERENCE["title"][language] in info["/Title"], language
        assert lang == language
        assert xmp["dc:creator"] == [AUTHORS[language]]
        assert REFERENCE["title"][language] in xmp["dc:title"]
        assert list(xmp["dc:language"]) == [language]
        assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("3", "B")
    info, lang, xmp = _read(rendered["package"])
    assert lang == "en" and info["/Author"] == AUTHORS["en"]
    assert sorted(xmp["dc:language"]) == ["en", "kk", "ru"]
    assert xmp["pdfaid:part"] == "3"


def test_a_package_with_an_uploaded_pdf_lists_its_languages_and_does_not_claim_pdf_a(
    drafter
):
    enclosed = upload_file(drafter)
    note = make_note(drafter, languages=("en", "ru"), enclosures=[enclosed.reference])
    info, lang, xmp = _read(render_one(note, "package").data)
    assert xmp["pdfaid:part"] is None and xmp["pdfaid:conformance"] is None
    assert sorted(xmp["dc:language"]) == ["en", "ru"]
    assert lang == "en" and info["/Author"] == AUTHORS["en"]
    # The Russian copy alone is PDF/A, and Russian.
    info, lang, xmp = _read(render_one(note, "ru").data)
    assert (lang, info["/Author"], xmp["pdfaid:part"]) == ("ru", AUTHORS["ru"], "3")


@pytest.mark.parametrize("key", ["note", "concept", "letter"])
def test_every_kinds_copies_carry_their_own_languages_metadata(key, drafter):
    """The letter and the concept paper as the note: each copy its own language's author,
    title and /Lang; the package its languages, PDF/A-3b when all of it is."""
    from cica_docs.documents.kinds import get_kind
    from cica_docs.documents.models import Document, Series
    from tests.api.conftest import token_client

    kind = get_kind(key)
    Series.objects.create(code="META/T", name="Metadata", next_number=1)
    example = kind.example()
    series = {"series": "META/T"} if kind.requires_series else {}
    response = token_client(drafter).post(f"/api/v1/{kind.api_path}/", {**example, **series},
                                          format="json")
    assert response.status_code == 201, response.json()
    document = Document.objects.get(pk=response.json()["id"]).specific
    rendered = {r.variant: r.pdf.data for r in render_all(document)}
    for language in example["languages"]:
        info, lang, xmp = _read(rendered[language])
        assert (lang, info["/Author"]) == (language, AUTHORS[language]), (key, language)
        assert example["title"][language] in info["/Title"], (key, language)
        assert list(xmp["dc:language"]) == [language]
        assert (xmp["pdfaid:part"], xmp["pdfaid:conformance"]) == ("3", "B")
    info, lang, xmp = _read(rendered["package"])
    assert sorted(xmp["dc:language"]) == sorted(example["languages"])
    assert xmp["pdfaid:part"] == "3"
