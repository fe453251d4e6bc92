"""The gate at issue: a document of a series that requires it is issued only when every
language it is issued in has a sign-off that holds (signoffs.py). Called from the issue
service (documents/services.py `_issue`), the one place every issue goes through — the
page, the API and the enclosures issued with a note."""

from django.utils.translation import gettext as _

from cica_docs.documents.services import TransitionNotAllowed
from cica_docs.languages import language_codes

from .models import IssuedSignOff
from .signoffs import standings


def reviser_name(user) -> str:
    return user.get_full_name() or user.get_username()


def signoffs_for_issue(document) -> list:
    """The sign-offs the issue rests on (one per language, in settings' order); refuses the
    issue, naming the languages, when one is missing. [] for a series without the rule."""
    series = document.series
    languages = [lang for lang in language_codes() if lang in document.languages]
    found = standings(document)
    held = [found[lang].signoff for lang in languages if lang in found and found[lang].signoff]
    if series is None or not series.signoff_required:
        return held
    missing = [lang.upper() for lang in languages
               if lang not in found or found[lang].signoff is None]
    if missing:
        raise TransitionNotAllowed(
            _("The series %(series)s is issued only when a reviser has signed off every "
              "language on the current text; not signed off: %(languages)s. Nothing was "
              "issued.") % {"series": series.code, "languages": ", ".join(missing)})
    return held


def bind(issued, signoffs) -> None:
    """Record, with the issue, which sign-off each language was issued on."""
    IssuedSignOff.objects.bulk_create([
        IssuedSignOff(issued=issued, signoff=s, language=s.language,
                      reviser_name=reviser_name(s.reviser)) for s in signoffs
    ])


def issued_revisers(issued_ids) -> dict[int, list[tuple[str, str]]]:
    """[(language, reviser's name)] of each issued revision, for the register (one query)."""
    result: dict[int, list[tuple[str, str]]] = {}
    for pk, language, name in IssuedSignOff.objects.filter(issued_id__in=list(issued_ids)
                                                           ).values_list(
            "issued_id", "language", "reviser_name"):
        result.setdefault(pk, []).append((language, name))
    order = {code: index for index, code in enumerate(language_codes())}
    return {pk: sorted(rows, key=lambda row: order.get(row[0], 99))
            for pk, rows in result.items()}
