"""Reading a translated XLIFF 2.0 file back, refusing anything that is not the file we
exported with only its targets changed.

Parsed with defusedxml: a DTD, an entity or an external reference refuses the file (no
"billion laughs", no file or network read by the parser). Then, against the revision the
file names: its languages, every unit id (each once, none missing, none added), every
source text unchanged, and no markup in a target (no XLIFF inline elements, no HTML tags).
Every problem is collected and told, in the reader's language, with the unit it concerns.
"""

import re
from dataclasses import dataclass, field

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring
from django.utils.translation import gettext as _

from cica_docs.rendering.markup import clean_text

from .writing import NS, original, source_language, target_languages, units

MAX_BYTES = 5 * 1024 * 1024
MAX_TARGET = 50_000
_TAG = re.compile(r"<\s*[A-Za-z/!?]")
_ORIGINAL = re.compile(r"^cica-docs:document:(\d{1,12}):revision:(\d{1,9})$")


class ImportRefused(Exception):
    def __init__(self, problems):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = list(problems)


@dataclass
class Translation:
    revision_number: int
    target: str
    targets: dict = field(default_factory=dict)  # {unit id: target text}


def _q(name):
    return f"{{{NS}}}{name}"


def _text(element) -> str:
    return (element.text or "").replace("\r\n", "\n") if element is not None else ""


def parse(data: bytes, document) -> Translation:
    """The file's languages, revision and targets, after the checks that need no revision."""
    if len(data) > MAX_BYTES:
        raise ImportRefused([_("The file is larger than 5 MB; this is not an exported file.")])
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise ImportRefused([_("The file declares a DTD or entities, which an XLIFF file "
                               "from this system never has; it was not read.")]) from None
    except (ParseError, ValueError):
        raise ImportRefused([_("The file is not well-formed XML; it may be damaged.")]) from None
    if root.tag != _q("xliff") or root.get("version") != "2.0":
        raise ImportRefused([_("This is not an XLIFF 2.0 file.")])
    source, target = root.get("srcLang", ""), root.get("trgLang", "")
    problems = []
    if source != source_language(document):
        problems.append(_("The source language of the file is “%(file)s”; this document's is "
                          "“%(document)s”.") % {"file": source, "document":
                                                 source_language(document)})
    if target not in target_languages(document):
        problems.append(_("The target language “%(language)s” is not one this document is "
                          "translated into.") % {"language": target})
    files = root.findall(_q("file"))
    match = _ORIGINAL.match(files[0].get("original", "")) if len(files) == 1 else None
    if match is None or int(match[1]) != document.pk:
        problems.append(_("The file was not exported from this document."))
    if problems:
        raise ImportRefused(problems)
    translation = Translation(revision_number=int(match[2]), target=target)
    problems = []
    for unit in files[0]:
        if unit.tag != _q("unit"):
            problems.append(_("The file holds an element “%(tag)s” that the export never "
                              "writes.") % {"tag": unit.tag.rpartition("}")[2]})
            continue
        problems.extend(_read_unit(unit, translation))
    if problems:
        raise ImportRefused(problems)
    return translation


def _read_unit(unit, translation) -> list:
    key = unit.get("id", "")
    segments = unit.findall(_q("segment"))
    if len(segments) != 1 or len(unit) != 1:
        return [_("Unit %(unit)s must hold exactly one segment, as exported.") % {"unit": key}]
    source, target = segments[0].find(_q("source")), segments[0].find(_q("target"))
    problems = []
    for element in (source, target):
        if element is not None and len(element):
            problems.append(_("Unit %(unit)s contains markup (%(tag)s); only plain text is "
                              "accepted.") % {"unit": key,
                                              "tag": element[0].tag.rpartition("}")[2]})
    text = clean_text(_text(target))
    if _TAG.search(text):
        problems.append(_("The translation of unit %(unit)s contains an HTML or XML tag; "
                          "only plain text is accepted.") % {"unit": key})
    if len(text) > MAX_TARGET:
        problems.append(_("The translation of unit %(unit)s is longer than %(limit)s "
                          "characters.") % {"unit": key, "limit": MAX_TARGET})
    if key in translation.targets:
        problems.append(_("Unit %(unit)s appears twice.") % {"unit": key})
    translation.targets[key] = (_text(source), text.strip())
    return problems


def check_against(translation: Translation, document, revision) -> None:
    """Every unit of the revision, each with its source text unchanged."""
    source = source_language(document)
    expected = {key: text for key, _field, text, _t in
                units(document, revision.content, source, translation.target)}
    problems = []
    for key in translation.targets.keys() - expected.keys():
        problems.append(_("Unit %(unit)s is not a paragraph of revision %(number)s.")
                        % {"unit": key, "number": revision.number})
    missing = sorted(expected.keys() - translation.targets.keys())
    if missing:
        problems.append(_("The file lacks units of revision %(number)s: %(units)s.")
                        % {"number": revision.number, "units": ", ".join(missing)})
    for key, (source_text, _target) in translation.targets.items():
        if key in expected and source_text != expected[key]:
            problems.append(_("The source text of unit %(unit)s was changed; only the "
                              "translations may change.") % {"unit": key})
    if problems:
        raise ImportRefused(problems)


__all__ = ["ImportRefused", "Translation", "check_against", "original", "parse"]
