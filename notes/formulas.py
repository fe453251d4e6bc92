"""The generated parts of a note: its opening and closing paragraphs (the letterhead, place
and addressee block are the platform's: cica_docs/letterhead/parts.py)."""

import re

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from cica_docs.documents.references import reference_of
from cica_docs.languages import format_date_attributive, language_codes
from cica_docs.letterhead import parts
from cica_docs.letterhead.models import Letterhead
from cica_docs.letterhead.parts import text as _t
from cica_docs.letterhead.placeholders import fill, template_problems

from .models import FormulaSet
from .placeholders import TEMPLATE_PLACEHOLDERS


def addressee_dative(note, lang) -> str:
    return _t(note.addressee, "dative", lang) if note.addressee_id else "…"


# The reference line, printed words in each copy's language (FORMAT_RULES.md, "References
# to other documents"): the relation, then the cited note in the case the relation governs.
# English: "in reply to Note No. 16 of the Ministry … of 6 March 2024" ("its Note" for the
# Secretariat's own); Russian: «в ответ на ноту Министерства … № 16 от 6 марта 2024 года»;
# Kazakh, where the relation follows: «Министрлігінің 2024 жылғы 6 наурыздағы № 16 нотасына
# жауап ретінде» (the attributive date, cica_docs/languages.py).
REFERENCE_WORDING = {
    "en": {"reply": "in reply to {note}", "cites": "with reference to {note}"},
    "ru": {"reply": "в ответ на {note}", "cites": "ссылаясь на {note}"},
    "kk": {"reply": "{note} жауап ретінде", "cites": "{note} сәйкес"},
}
CITED_NOTE = {
    "en": "{own}Note No.\u00a0{number}{sender} {date}",
    "ru": "ноту{sender} №\u00a0{number} {date}",
    "kk": "{sender}{date} №\u00a0{number} нотасына",
}
# Where the reference stands in the opening formula when the formula does not place it
# itself with {reference}: after "… and" / «… и» (set off by commas), and in Kazakh after
# the sender, before the addressee.
REFERENCE_SLOT = {
    "en": ("{addressee} and ", "{addressee} and, {reference}, "),
    "ru": ("{addressee} и ", "{addressee} и, {reference}, "),
    "kk": ("{sender} ", "{sender} {reference} "),
}


def reference_phrase(note, lang) -> str:
    """The reference in `lang`'s grammatical form, or "" when the note has none."""
    reference = reference_of(note)
    if reference is None:
        return ""
    sender = reference.sender(note, lang)
    if lang == "kk":
        sender = f"{sender} " if sender else ""
    elif sender:
        sender = f" {sender}"
    cited = fill(
        CITED_NOTE.get(lang, CITED_NOTE["en"]),
        own="its " if reference.cited is not None else "",
        number=reference.number or "…",
        sender=sender,
        date=format_date_attributive(reference.date, lang) if reference.date else "…",
    )
    wording = REFERENCE_WORDING.get(lang, REFERENCE_WORDING["en"])
    return fill(wording[reference.relation], note=cited)


def _opening_template(note, lang, formulas) -> str:
    template = _t(formulas, "opening_template", lang)
    if not note.reference_relation:  # a formula's own {reference} goes, with its commas
        return re.sub(r"\s*,?\s*\{reference\}\s*,?\s*", " ", template).strip()
    if "{reference}" in template:
        return template
    anchor, placed = REFERENCE_SLOT.get(lang, REFERENCE_SLOT["en"])
    return template.replace(anchor, placed, 1)


def opening_paragraph(note, lang, formulas: FormulaSet | None = None,
                      letterhead: Letterhead | None = None) -> str:
    formulas = formulas or FormulaSet.current()
    return fill(
        _opening_template(note, lang, formulas),
        reference=reference_phrase(note, lang),
        sender=_t(letterhead or Letterhead.current(), "sender_full", lang),
        addressee=addressee_dative(note, lang),
        text=_t(note, "opening", lang) or "…",
    )


def closing_paragraph(note, lang, formulas: FormulaSet | None = None,
                      letterhead: Letterhead | None = None) -> str:
    if not note.closing:
        return ""
    formulas = formulas or FormulaSet.current()
    return fill(
        _t(formulas, "closing_template", lang),
        sender_short=_t(letterhead or Letterhead.current(), "sender_short", lang),
        addressee=addressee_dative(note, lang),
    )


# The subject line's label, printed words in each copy's language (the UNODA model of a
# circular note: "SUBJECT: …"; Russian and Kazakh correspondence: «Тема:», «Тақырыбы:»).
SUBJECT_LABELS = {"en": "SUBJECT:", "ru": "Тема:", "kk": "Тақырыбы:"}


def subject_line(note, lang) -> str:
    """"SUBJECT: <title>" in `lang`, or "" when the note does not print its subject."""
    if not note.print_subject:
        return ""
    return f"{SUBJECT_LABELS.get(lang, SUBJECT_LABELS['en'])} {_t(note, 'title', lang) or '…'}"


def place_date(note, lang, letterhead: Letterhead | None = None) -> str:
    return parts.place_date(note, lang, place=_t(note, "place", lang), letterhead=letterhead)


def addressee_block(note, lang) -> list[str]:
    return parts.addressee_block(note.addressee if note.addressee_id else None, lang)


def formula_problems(note, lang, formulas: FormulaSet | None = None, *,
                     letterhead: Letterhead | None = None,
                     encloses: bool | None = None) -> list[str]:
    """Why the formulas of `lang` cannot be assembled for `note` ([] when they can): a
    template with an unknown or missing placeholder, or an empty text it needs. Formulas
    saved before templates were validated, or written around the admin, are caught here."""
    formulas = formulas or FormulaSet.current()
    letterhead = letterhead or Letterhead.current()
    used = ["opening_template"]
    heads = ["sender_full", *parts.LETTERHEAD_FIELDS]
    if note.closing:
        used.append("closing_template")
        heads.append("sender_short")
    if encloses is None:
        encloses = bool(note.pk) and note.enclosures.exists()
    if encloses:
        heads.append("enclosure_template")
    problems = parts.letterhead_problems(lang, letterhead, heads)
    for name in used:
        label = FormulaSet._meta.get_field(name).verbose_name
        value = _t(formulas, name, lang)
        if not value:
            problems.append(str(_("%(field)s is empty") % {"field": capfirst(label)}))
            continue
        allowed, required = TEMPLATE_PLACEHOLDERS[name]
        for problem in template_problems(value, allowed=allowed, required=required):
            problems.append(f"{capfirst(label)}: {problem}")
    if note.reference_relation and "{reference}" not in _opening_template(note, lang, formulas):
        problems.append(str(_("%(field)s has no place for the reference: write {reference} "
                              "where it stands.") % {
            "field": capfirst(FormulaSet._meta.get_field("opening_template").verbose_name)}))
    return problems


def sample_note(addressee=None):
    """An unsaved note in every language to the `addressee` (default: the first one), with
    the closing formula and the drafter's words shown as such, for the administrators'
    previews."""
    from django.utils.translation import override

    from cica_docs.letterhead.models import Addressee

    from .models import Note

    addressee = addressee or Addressee.objects.order_by("code").first()
    sample = Note(kind="note", addressee=addressee, closing=True,
                  languages=list(language_codes()))
    for lang in language_codes():
        with override(lang):
            setattr(sample, f"opening_{lang}", "[" + _("the drafter's words") + "]")
    return sample


def sample_copies(formulas: FormulaSet, addressee=None,
                  letterhead: Letterhead | None = None) -> list[dict]:
    """The formulas of every language as they print, with a sample addressee (the first
    one, or "…") and a sample enclosure of 10 pages, for the administrator's preview;
    `formulas`, `addressee` and `letterhead` may be unsaved (being edited)."""
    letterhead = letterhead or Letterhead.current()
    sample = sample_note(addressee)
    copies = []
    for lang in language_codes():
        copies.append({
            "language": lang,
            "letterhead": parts.letterhead_lines(lang, letterhead),
            "opening": opening_paragraph(sample, lang, formulas, letterhead),
            "closing": closing_paragraph(sample, lang, formulas, letterhead),
            "enclosure": parts.enclosure_lines(lang, [10], letterhead)[0],
            "place_date": place_date(sample, lang, letterhead),
            "addressee_block": addressee_block(sample, lang),
        })
    return copies
