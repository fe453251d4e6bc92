"""The generated parts of a note: its opening and closing paragraphs (the letterhead, place
and addressee block are the platform's: cica_docs/letterhead/parts.py)."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _

from cica_docs.languages import language_codes
from cica_docs.letterhead import parts
from cica_docs.letterhead.models import Letterhead
from cica_docs.letterhead.parts import text as _t
from cica_docs.letterhead.placeholders import fill, template_problems

from .models import FormulaSet
from .placeholders import TEMPLATE_PLACEHOLDERS


def addressee_dative(note, lang) -> str:
    return _t(note.addressee, "dative", lang) if note.addressee_id else "…"


def opening_paragraph(note, lang, formulas: FormulaSet | None = None,
                      letterhead: Letterhead | None = None) -> str:
    formulas = formulas or FormulaSet.current()
    return fill(
        _t(formulas, "opening_template", lang),
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
    return problems


def sample_copies(formulas: FormulaSet, addressee=None) -> list[dict]:
    """The formulas of every language as they print, with a sample addressee (the first
    one, or "…") and a sample enclosure of 10 pages, for the administrator's preview."""
    from django.utils.translation import override

    from cica_docs.letterhead.models import Addressee

    from .models import Note

    addressee = addressee or Addressee.objects.order_by("code").first()
    letterhead = Letterhead.current()
    sample = Note(kind="note", addressee=addressee, closing=True)
    copies = []
    for lang in language_codes():
        with override(lang):
            words = "[" + _("the drafter's words") + "]"
        setattr(sample, f"opening_{lang}", words)
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
