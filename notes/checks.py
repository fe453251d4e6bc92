"""Checks particular to notes verbales: the addressee in every language, formulas that can
be assembled, and the drafter's words fitting the sentence of the opening formula."""

import re

from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from cica_docs.documents.checks import ERROR, WARNING, Finding
from cica_docs.languages import language_codes

from . import formulas as f
from .models import FormulaSet

SLOT = "{text}"
# Closing quotes and brackets may follow the full stop's sentence: «…Наций».
_CLOSERS = "»”’\"')]"
_SENTENCE_END = re.compile(r"[.!?…]+")


def note_checks(note) -> list[Finding]:
    findings = []
    if not note.addressee_id:
        findings.append(Finding(ERROR, "no_addressee", _("Choose the addressee.")))
    formulas = FormulaSet.current()
    encloses = bool(note.pk) and note.enclosures.exists()
    for lang in [code for code in language_codes() if code in note.languages]:
        findings += _addressee_findings(note, lang)
        problems = f.formula_problems(note, lang, formulas, encloses=encloses)
        if problems:
            findings.append(Finding(
                ERROR, "formulas_broken",
                _("The formulas of this language cannot be assembled (%(problems)s). An "
                  "administrator corrects them under “Note formulas” or “Letterhead”.")
                % {"problems": "; ".join(problems)},
                lang,
            ))
        findings += _slot_findings(note, lang, formulas)
        if note.reference_relation and not note.reference_document_id and not (
                getattr(note, f"reference_sender_{lang}", "") or "").strip():
            findings.append(Finding(
                WARNING, "reference_sender",
                _("The sender of the document this note answers or cites is not given in "
                  "this language: the reference line names none."), lang))
    return findings


def _addressee_findings(note, lang) -> list[Finding]:
    if not note.addressee_id:
        return []
    missing = [
        str(note.addressee._meta.get_field(name).verbose_name)
        for name in ("dative", "block")
        if not (getattr(note.addressee, build_localized_fieldname(name, lang)) or "").strip()
    ]
    if not missing:
        return []
    return [Finding(
        ERROR, "addressee_incomplete",
        _("The addressee “%(code)s” has no text in this language for: %(forms)s. An "
          "administrator completes it under “Addressees”.")
        % {"code": note.addressee.code, "forms": ", ".join(missing)},
        lang,
    )]


def _slot_findings(note, lang, formulas) -> list[Finding]:
    """Where the opening formula places the drafter's words decides their punctuation: at
    the end of the formula (English, Russian) they end the sentence with a full stop; inside
    it (Kazakh puts the verb last: «… {text} өзіне мәртебе санайды.») a full stop or other
    sentence end breaks the sentence in two."""
    template = (getattr(formulas, build_localized_fieldname("opening_template", lang)) or "")
    text = (getattr(note, build_localized_fieldname("opening", lang)) or "").strip()
    if SLOT not in template or not text:
        return []
    rest = template.split(SLOT, 1)[1].strip()
    if not rest:
        if not text.rstrip(_CLOSERS).endswith("."):
            return [Finding(
                WARNING, "opening_no_full_stop",
                _("The opening formula ends with your words: end them with a full stop."),
                lang,
            )]
        return []
    end = _sentence_end_inside(text)
    if end is None:
        return []
    shown = text[max(0, end - 30):end].lstrip()
    return [Finding(
        WARNING, "opening_sentence_end",
        _("Your words stand inside the opening formula, before “%(rest)s”: a full stop or "
          "other sentence end in them breaks the sentence (“…%(shown)s %(rest)s”).")
        % {"rest": rest, "shown": shown},
        lang,
    )]


def _sentence_end_inside(text: str) -> int | None:
    """Where a sentence ends in `text` (after the mark): at its end, or before a capital
    letter. An initial or abbreviation (“К.Сарыбай”, “ж.”, “т.б.”) ends none."""
    for match in _SENTENCE_END.finditer(text):
        before = text[:match.start()]
        if match.group() == "." and (re.search(r"(?:^|[\s.(«\"])[^\W\d_]$", before)
                                     or re.search(r"\.[^\W\d_]+$", before)):
            continue
        after = text[match.end():].lstrip(_CLOSERS)
        if after.strip() == "" or (after[:1].isspace() and after.strip()[:1].isupper()):
            return match.end()
    return None
