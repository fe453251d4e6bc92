"""Checks particular to signed letters: the formulas and the signatory it prints have their
text in every language it is issued in."""

from django.utils.translation import gettext_lazy as _

from cica_docs.documents.checks import ERROR, Finding
from cica_docs.languages import language_codes
from cica_docs.letterhead.parts import text

from .printing import chosen

NEEDED = {"salutation": ("text",), "close": ("text",), "signatory": ("name", "title")}


def letter_checks(letter) -> list[Finding]:
    findings = []
    parts = chosen(letter)
    for lang in [code for code in language_codes() if code in letter.languages]:
        for part, names in NEEDED.items():
            obj = parts[part]
            if part == "close" and not letter.closing:
                continue
            if obj is None or not all(text(obj, name, lang) for name in names):
                findings.append(Finding(
                    ERROR, f"{part}_missing",
                    _("The letter's %(part)s has no text in this language. An administrator "
                      "completes it under “Letter formulas” or “Signatories”.")
                    % {"part": letter._meta.get_field(
                        "complimentary_close" if part == "close" else part).verbose_name},
                    lang,
                ))
    return findings
