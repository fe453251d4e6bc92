"""Pre-issue checks, shown while drafting and re-run at submit and issue.

Errors block the transition; warnings must be acknowledged. Each finding names the
language it concerns, so the editor can show it beside that column.
"""

import re
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cica_docs.languages import language_codes

from . import content as content_mod
from .kinds import get_kind
from .reading import (  # noqa: F401  (the text readers, also used from here)
    dates_differ,
    dates_in,
    first_person_words,
    mixed_script_words,
    numbers_in,
    odd_letters,
)

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    level: str
    code: str
    message: str | Promise
    language: str = ""
    # Words of a document's language quoted in the message ((text, language) pairs, e.g. the
    # termbase's "Concept Paper" in a Russian message): marked with their language on a page.
    quoted: tuple[tuple[str, str], ...] = ()

    @property
    def is_error(self) -> bool:
        return self.level == ERROR

    @property
    def marked_message(self) -> str:
        """The message as HTML, each quoted text in a span naming its language."""
        text = conditional_escape(str(self.message))
        for quoted, lang in self.quoted:
            escaped = conditional_escape(quoted)
            text = text.replace(escaped, format_html('<span lang="{}">{}</span>', lang, quoted),
                                1)
        return mark_safe(text)  # noqa: S308 (escaped above, spans built by format_html)


_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
SCRIPT_NAMES = {
    "LATIN": _("Latin"), "CYRILLIC": _("Cyrillic"), "GREEK": _("Greek"),
    "ARMENIAN": _("Armenian"), "GEORGIAN": _("Georgian"),
}


# Checks that other platform apps add for every kind (the termbase's), registered from their
# AppConfig.ready; each is called as check(document, content, languages) with the languages
# whose text is filled, and returns Findings. The documents app names none of them.
_REGISTERED_CHECKS: list = []


def register_check(check):
    if check not in _REGISTERED_CHECKS:
        _REGISTERED_CHECKS.append(check)
    return check


def _script_name(script: str):
    return SCRIPT_NAMES.get(script, script.title())


def _mixed_script_message(word: str):
    letters = ", ".join(f"{char} ({_script_name(script)})" for char, script in odd_letters(word))
    return _("“%(word)s” mixes letters of different alphabets that look alike: %(letters)s.") % {
        "word": word, "letters": letters,
    }


def run_checks(document, *, content: dict | None = None, status: dict | None = None) -> list:
    """All findings for the document's current (or given) content."""
    from .status import translation_status

    kind = get_kind(document.kind)
    content = content or content_mod.snapshot(document)
    issued_in = [lang for lang in language_codes() if lang in content["languages"]]
    findings: list[Finding] = []

    if not issued_in:
        findings.append(Finding(ERROR, "no_language", _("Choose at least one language.")))
    if kind.requires_series and not content["series"]:
        findings.append(Finding(ERROR, "no_series", _("Choose the registry series.")))

    texts = {lang: content_mod.language_text(content, lang) for lang in issued_in}
    for lang in issued_in:
        empty = [
            name for name in kind.required_fields if not content["fields"][name][lang].strip()
        ]
        if empty:
            findings.append(Finding(
                ERROR, "empty_language",
                _("This language is one the document is issued in, but its text is empty."),
                lang,
            ))
        for word in mixed_script_words(texts[lang]):
            findings.append(Finding(WARNING, "mixed_script", _mixed_script_message(word), lang))
        if _INVISIBLE.search(texts[lang]):
            findings.append(Finding(
                WARNING, "invisible_character",
                _("The text contains invisible characters (zero-width space or soft hyphen)."),
                lang,
            ))
        words = [] if kind.allows_first_person else first_person_words(texts[lang], lang)
        if words:
            findings.append(Finding(
                WARNING, "first_person",
                _("This document is written in the third person; found: %(words)s.")
                % {"words": ", ".join(words)},
                lang,
            ))

    filled = [lang for lang in issued_in if texts[lang].strip()]
    if len(filled) > 1:
        reference = numbers_in(texts[filled[0]])
        for lang in filled[1:]:
            other = numbers_in(texts[lang])
            if other != reference:
                differing = sorted((reference - other) + (other - reference), key=int)
                findings.append(Finding(
                    WARNING, "numbers_differ",
                    _("Numbers differ from the %(reference)s text: %(numbers)s.")
                    % {"reference": filled[0].upper(), "numbers": ", ".join(differing)},
                    lang,
                ))

    findings.extend(_date_findings(texts, filled))
    for check in _REGISTERED_CHECKS:
        findings.extend(check(document, content, filled))

    status = status if status is not None else translation_status(document)
    for lang in issued_in:
        if status.get(lang) == "outdated":
            findings.append(Finding(
                WARNING, "outdated_language",
                _("Another language was changed after this one; check that it still matches."),
                lang,
            ))
    findings.extend(enclosure_findings(content))
    from cica_docs.workbench.alignment import count_findings  # paragraphs per language

    findings.extend(count_findings(document, content))
    findings.extend(kind.checks(document))
    return findings


def _date_findings(texts: dict, filled: list[str]) -> list[Finding]:
    """The same dates in every language: "2 February 2027" is not «2 марта 2027 года»."""
    if len(filled) < 2:
        return []
    reference = dates_in(texts[filled[0]], filled[0])
    findings = []
    for lang in filled[1:]:
        there, here = dates_differ(reference, dates_in(texts[lang], lang))
        if here or there:
            findings.append(Finding(
                WARNING, "dates_differ",
                _("Dates differ from the %(reference)s text: here %(here)s, there %(there)s.")
                % {"reference": filled[0].upper(), "here": "; ".join(here) or "—",
                   "there": "; ".join(there) or "—"},
                lang,
            ))
    return findings


def enclosure_findings(content: dict) -> list[Finding]:
    """An enclosure travels with the document: an enclosed document must be approved or
    issued itself first; an uploaded PDF should read the same on every computer."""
    from .enclosures import parse_reference
    from .models import Document, EnclosedFile

    ready = (Document.State.APPROVED, Document.State.ISSUED)
    references = [parse_reference(value) for value in content_mod.normalised(content)["enclosures"]]
    found = Document.objects.in_bulk([r[1] for r in references if r and r[0] == "document"])
    files = EnclosedFile.objects.in_bulk([r[1] for r in references if r and r[0] == "file"])
    findings = []
    for item in references:
        enclosed = (found if item[0] == "document" else files).get(item[1]) if item else None
        if enclosed is None:
            findings.append(Finding(ERROR, "enclosure_missing",
                                    _("An enclosure no longer exists; remove it.")))
        elif isinstance(enclosed, EnclosedFile):
            findings.extend(_file_findings(enclosed))
        elif enclosed.state not in ready:
            findings.append(Finding(
                ERROR, "enclosure_not_ready",
                _("The enclosure “%(title)s” is “%(state)s”; it must be approved or issued "
                  "before this document goes further.")
                % {"title": enclosed.title or enclosed.pk, "state": enclosed.get_state_display()},
            ))
    return findings


def _file_findings(enclosed) -> list[Finding]:
    findings = []
    if enclosed.fonts_not_embedded:
        findings.append(Finding(
            WARNING, "enclosure_fonts",
            _("The enclosed PDF “%(title)s” uses fonts that are not embedded (%(fonts)s): a "
              "reader's computer will substitute its own, and letters may change.")
            % {"title": enclosed.title, "fonts": ", ".join(enclosed.fonts_not_embedded[:5])},
        ))
    if enclosed.pages_not_a4:
        findings.append(Finding(
            WARNING, "enclosure_paper",
            ngettext("The enclosed PDF “%(title)s” has %(count)s page that is not A4.",
                     "The enclosed PDF “%(title)s” has %(count)s pages that are not A4.",
                     enclosed.pages_not_a4)
            % {"title": enclosed.title, "count": enclosed.pages_not_a4},
        ))
    return findings


def errors(findings) -> list:
    return [f for f in findings if f.level == ERROR]


def warnings(findings) -> list:
    return [f for f in findings if f.level == WARNING]
