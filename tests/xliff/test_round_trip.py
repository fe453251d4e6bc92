"""XLIFF for outside translators: exported per target language, translated, imported back
as a new revision with exactly the translator's changes; anything else in the file is
refused with a reason and nothing saved."""

import xml.etree.ElementTree as ET

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from cica_docs.documents import services
from cica_docs.documents.models import Revision
from tests.factories import approved_note
from tests.termbase.reference import create, reference_concept_content, reference_note_content

pytestmark = pytest.mark.django_db
NS = {"x": "urn:oasis:names:tc:xliff:document:2.0"}


def export(client, document, lang, prefix="en"):
    response = client.get(f"/{prefix}/work/{document.pk}/xliff/export/{lang}/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xliff+xml")
    return ET.fromstring(response.content)


def targets(root):
    return {unit.get("id"): unit.find("x:segment/x:target", NS) for unit in
            root.iterfind(".//x:unit", NS)}


def upload(client, document, data, prefix="en"):
    if isinstance(data, ET.Element):
        data = ET.tostring(data, encoding="utf-8", xml_declaration=True)
    return client.post(f"/{prefix}/work/{document.pk}/xliff/import/",
                       {"file": SimpleUploadedFile("kk.xlf", data)})


@pytest.fixture
def note(drafter):
    return create("note", drafter, reference_note_content())


@pytest.mark.parametrize("prefix", ["en", "ru", "kk"])
def test_changed_kazakh_targets_come_back_as_a_revision_with_exactly_those_changes(
    client, drafter, note, prefix
):
    client.force_login(drafter)
    root = export(client, note, "kk", prefix)
    assert root.get("srcLang") == "en" and root.get("trgLang") == "kk"
    units = targets(root)
    assert set(units) == {"title.1", "opening.1", "body.1"}
    before = Revision.objects.get(document=note, number=1).content
    assert units["body.1"].text == before["fields"]["body"]["kk"]
    units["body.1"].text = "Мәселе Азия Кеңесі Арнаулы жұмыс тобының отырысында қаралады."
    units["title.1"].text = "Терроризмге қарсы басқармамен қатынастар тұжырымдамасы"

    response = upload(client, note, root, prefix)
    assert response.status_code == 302
    after = Revision.objects.get(document=note, number=2)
    assert after.author == drafter and "XLIFF" in after.comment
    content = after.content
    assert content["fields"]["body"]["kk"] == units["body.1"].text
    assert content["title"]["kk"] == units["title.1"].text
    assert content["fields"]["opening"]["kk"] == before["fields"]["opening"]["kk"]
    for lang in ("en", "ru"):
        assert content["title"][lang] == before["title"][lang]
        for name, values in before["fields"].items():
            assert content["fields"][name][lang] == values[lang]
    assert content["plain"] == before["plain"] and content["languages"] == before["languages"]
    assert after.changed_languages == ["kk"]
    note.refresh_from_db()  # each language in its own column, whatever the interface language
    assert note.body_kk == units["body.1"].text and note.body_en == before["fields"]["body"]["en"]
    assert note.body_ru == before["fields"]["body"]["ru"]


def test_one_paragraph_of_a_long_text_changes_and_every_other_character_stays(client, drafter):
    paper = create("concept", drafter, reference_concept_content())
    client.force_login(drafter)
    root = export(client, paper, "ru")
    units = targets(root)
    assert len([key for key in units if key.startswith("body.")]) == 33
    original = paper.revisions.get(number=1).content["fields"]["body"]["ru"]
    old = units["body.13"].text
    units["body.13"].text = old.replace("В ходе заседания", "Во время заседания")
    assert upload(client, paper, root).status_code == 302
    saved = paper.revisions.get(number=2).content["fields"]["body"]
    assert saved["ru"] == original.replace(old, units["body.13"].text, 1)
    assert saved["en"] == paper.revisions.get(number=1).content["fields"]["body"]["en"]


def test_an_untranslated_target_leaves_its_paragraph_and_a_new_one_is_added(client, drafter):
    content = reference_note_content(body_kk="")
    note = create("note", drafter, content)
    client.force_login(drafter)
    root = export(client, note, "kk")
    units = targets(root)
    assert units["body.1"].text in (None, "")
    units["body.1"].text = "Жаңа аударма."
    units["opening.1"].text = ""  # not translated: kept as it was
    assert upload(client, note, root).status_code == 302
    saved = note.revisions.get(number=2).content["fields"]
    assert saved["body"]["kk"] == "Жаңа аударма."
    assert saved["opening"]["kk"] == content["fields"]["opening"]["kk"]


def test_a_file_that_changes_nothing_makes_no_revision(client, drafter, note):
    client.force_login(drafter)
    response = upload(client, note, export(client, note, "kk"))
    assert response.status_code == 302
    assert note.revisions.count() == 1


def _refused(client, note, data, message):
    response = upload(client, note, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert note.revisions.count() == 1
    return response


def test_a_changed_source_is_refused(client, drafter, note):
    client.force_login(drafter)
    root = export(client, note, "kk")
    root.find(".//x:unit[@id='body.1']/x:segment/x:source", NS).text = "Another text."
    _refused(client, note, root, "The source text of unit body.1 was changed")


def test_unknown_missing_and_repeated_units_are_refused(client, drafter, note):
    client.force_login(drafter)
    root = export(client, note, "kk")
    file = root.find("x:file", NS)
    units = file.findall("x:unit", NS)
    units[0].set("id", "body.7")
    response = _refused(client, note, root, "Unit body.7 is not a paragraph of revision 1")
    assert "lacks units of revision 1: opening.1" in response.content.decode() or \
        "lacks units of revision 1: title.1" in response.content.decode()
    root = export(client, note, "kk")
    file = root.find("x:file", NS)
    file.append(file.findall("x:unit", NS)[1])
    _refused(client, note, root, "appears twice")


def test_markup_in_a_target_is_refused(client, drafter, note):
    client.force_login(drafter)
    root = export(client, note, "kk")
    target = root.find(".//x:unit[@id='body.1']/x:segment/x:target", NS)
    ET.SubElement(target, "{urn:oasis:names:tc:xliff:document:2.0}pc", {"id": "1"}).text = "x"
    _refused(client, note, root, "contains markup (pc)")
    root = export(client, note, "kk")
    root.find(".//x:unit[@id='body.1']/x:segment/x:target", NS).text = (
        'Мәтін <img src="http://169.254.169.254/">')
    _refused(client, note, root, "contains an HTML or XML tag")


def test_a_dtd_or_entities_are_refused_unread(client, drafter, note):
    client.force_login(drafter)
    bomb = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">'
            b'<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
            b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0">&b;</xliff>')
    _refused(client, note, bomb, "declares a DTD or entities")
    external = (b'<?xml version="1.0"?><!DOCTYPE x SYSTEM "file:///etc/passwd">'
                b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/>')
    _refused(client, note, external, "declares a DTD or entities")


def test_not_xml_another_document_or_language_is_refused(client, drafter, note):
    client.force_login(drafter)
    _refused(client, note, b"%PDF-1.7 not xliff", "not well-formed XML")
    other = create("note", drafter, reference_note_content())
    _refused(client, note, export(client, other, "kk"), "not exported from this document")
    root = export(client, note, "kk")
    root.set("trgLang", "de")
    _refused(client, note, root, "The target language “de”")
    root = export(client, note, "kk")
    root.set("version", "1.2")
    _refused(client, note, root, "not an XLIFF 2.0 file")


def test_a_file_from_an_older_revision_is_merged_with_changes_made_since(
    client, drafter, note
):
    from tests.factories import note_content  # noqa: F401
    client.force_login(drafter)
    root = export(client, note, "kk")
    newer = reference_note_content(body_en="The issue will be considered in March.")
    services.revision_create(document=note, author=drafter, content=newer, base_revision=1)
    targets(root)["body.1"].text = "Мәселе наурызда қаралады."
    assert upload(client, note, root).status_code == 302
    saved = note.revisions.get(number=3).content["fields"]["body"]
    assert saved["en"] == "The issue will be considered in March."
    assert saved["kk"] == "Мәселе наурызда қаралады."


def test_a_file_from_an_older_revision_that_meets_a_change_to_the_same_paragraph_is_refused(
    client, drafter, note
):
    client.force_login(drafter)
    root = export(client, note, "kk")
    newer = reference_note_content(body_kk="Басқа біреудің аудармасы.")
    services.revision_create(document=note, author=drafter, content=newer, base_revision=1)
    targets(root)["body.1"].text = "Мәселе наурызда қаралады."
    response = upload(client, note, root)
    assert response.status_code == 400
    assert "export the newest revision" in response.content.decode()
    assert note.revisions.count() == 2


def test_an_approved_document_takes_no_import(client, drafter, reviewer):
    note = approved_note(drafter, reviewer)
    client.force_login(drafter)
    root = export(client, note, "kk")
    targets(root)["body.1"].text = "Жаңа мәтін."
    response = upload(client, note, root)
    assert response.status_code == 400 and "Only a draft can be edited" in response.content.decode()


def test_a_reviewer_may_export_but_not_import(client, reviewer, note):
    client.force_login(reviewer)
    root = export(client, note, "kk")
    assert upload(client, note, root).status_code == 403


def test_the_document_page_offers_a_file_per_target_language(client, drafter, note):
    client.force_login(drafter)
    page = client.get(f"/en/work/{note.pk}/").content.decode()
    assert f"/en/work/{note.pk}/xliff/export/ru/" in page
    assert f"/en/work/{note.pk}/xliff/export/kk/" in page
    assert f"/en/work/{note.pk}/xliff/export/en/" not in page
    assert f"/en/work/{note.pk}/xliff/import/" in page
    assert client.get(f"/en/work/{note.pk}/xliff/export/en/").status_code == 404


def test_units_are_the_blocks_the_aligned_view_pairs_and_an_import_keeps_the_rest(
    client, drafter
):
    """A heading typed on the line above its paragraph and each item of a list are units of
    their own, as they print; a Russian paragraph marked as having no counterpart is no
    unit and does not shift the ones after it; the import replaces exactly the paired block."""
    from tests.factories import make_note

    note = make_note(
        drafter,
        body_en="# Agenda\nThe agenda is enclosed.\n\n- Opening\n- Lunch\n\nThe meeting opens.",
        body_ru=("# Повестка\nПовестка дня прилагается.\n\nДобавленный абзац.\n\n"
                 "- Открытие\n- Обед\n\n\nЗаседание  открывается."),
        body_kk="# Күн тәртібі\nКүн тәртібі қоса беріледі.\n\n- Ашылу\n- Түскі ас",
    )
    client.force_login(drafter)
    assert client.post(f"/en/workbench/{note.pk}/unpaired/",
                       {"block": "body__ru__2"}).status_code == 302
    root = export(client, note, "ru")
    units = targets(root)
    sources = {unit.get("id"): unit.find("x:segment/x:source", NS).text
               for unit in root.iterfind(".//x:unit", NS)}
    body = {key: (sources[key], units[key].text) for key in units if key.startswith("body.")}
    assert body == {
        "body.1": ("# Agenda", "# Повестка"),
        "body.2": ("The agenda is enclosed.", "Повестка дня прилагается."),
        "body.3": ("- Opening", "- Открытие"),
        "body.4": ("- Lunch", "- Обед"),
        "body.5": ("The meeting opens.", "Заседание  открывается."),
    }
    units["body.4"].text = "- Обед для делегаций"
    assert upload(client, note, root).status_code == 302
    saved = note.revisions.get(number=2).content["fields"]["body"]["ru"]
    assert saved == ("# Повестка\nПовестка дня прилагается.\n\nДобавленный абзац.\n\n"
                     "- Открытие\n- Обед для делегаций\n\n\nЗаседание  открывается.")
    kk = targets(export(client, note, "kk"))
    assert kk["body.5"].text in (None, "")  # Kazakh has no fifth paragraph yet
