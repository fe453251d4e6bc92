from django.utils.translation import gettext_lazy as _

from cica_docs.documents.checks import ERROR, Finding
from cica_docs.languages import language_codes


def concept_checks(paper) -> list[Finding]:
    """The title is printed, so every language the paper is issued in needs one (the body's
    emptiness is the platform's `empty_language` check)."""
    findings = [
        Finding(ERROR, "empty_title", _("The title is empty in this language."), lang)
        for lang in language_codes()
        if lang in paper.languages and not (getattr(paper, f"title_{lang}") or "").strip()
    ]
    if not paper.paper_date:
        findings.append(Finding(ERROR, "no_paper_date",
                                _("Give the month and year of the paper.")))
    return findings
