"""A revision as XLIFF 2.0 for an outside translator's CAT tool.

XLIFF 2.0 has one source and one target language per file, so a document in three
languages is exported as one file per target language: the source is the document's first
language in the site's order (English when it has English), each unit one paragraph position
as the aligned view pairs them (documents/paragraphs.py: a paragraph marked as having no
counterpart is not a unit) with the target's paragraph at that position, if it has one. The
file names the document and the revision it was made from (`original`), so the import can
check it against exactly that revision.
"""

import xml.etree.ElementTree as ET

from cica_docs.documents.kinds import get_kind
from cica_docs.documents.paragraphs import aligned, unpaired_marks
from cica_docs.languages import language_codes

NS = "urn:oasis:names:tc:xliff:document:2.0"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


def source_language(document) -> str:
    return next(lang for lang in language_codes() if lang in document.languages)


def target_languages(document) -> list[str]:
    source = source_language(document)
    return [lang for lang in language_codes() if lang in document.languages and lang != source]


def original(document, number: int) -> str:
    return f"cica-docs:document:{document.pk}:revision:{number}"


def units(document, content: dict, source: str, target: str):
    """(key, field, source paragraph text, target paragraph text) for every position that
    either language has, field by field."""
    rows = aligned(content, [source, target], kind=get_kind(document.kind),
                   marks=unpaired_marks(document))
    for key, row in rows.items():
        field = next(iter(row.values())).field
        yield key, field, row[source].text if source in row else "", (
            row[target].text if target in row else "")


def export(document, revision, target: str) -> bytes:
    source = source_language(document)
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}xliff", {"version": "2.0", "srcLang": source,
                                          "trgLang": target})
    file = ET.SubElement(root, f"{{{NS}}}file", {
        "id": f"document-{document.pk}", "original": original(document, revision.number)})
    for key, field, source_text, target_text in units(document, revision.content, source, target):
        unit = ET.SubElement(file, f"{{{NS}}}unit", {"id": key, "name": field})
        segment = ET.SubElement(unit, f"{{{NS}}}segment",
                                {"state": "translated" if target_text else "initial"})
        ET.SubElement(segment, f"{{{NS}}}source", {XML_SPACE: "preserve"}).text = source_text
        ET.SubElement(segment, f"{{{NS}}}target", {XML_SPACE: "preserve"}).text = target_text
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def filename(document, revision, target: str) -> str:
    name = (document.symbol if getattr(document, "symbol", "") else f"document-{document.pk}")
    name = name.replace("/", "-")
    return f"{name}_r{revision.number}_{source_language(document)}-{target}.xlf"


def as_download(document, revision, target: str):
    """The file as an attachment (the page's download and the API's answer)."""
    from django.http import HttpResponse

    response = HttpResponse(export(document, revision, target),
                            content_type="application/xliff+xml; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{filename(document, revision, target)}"')
    return response
