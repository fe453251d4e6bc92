"""The generated parts of a note: opening and closing paragraphs, place, letterhead."""

from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from cica_docs.languages import language_codes

from .models import FormulaSet
from .placeholders import TEMPLATE_PLACEHOLDERS, template_problems


def fill(template: str, **values: str) -> str:
    """Replace the known {placeholders}; any other brace an admin typed stays as it is."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def _t(obj, name, lang) -> str:
    return (getattr(obj, build_localized_fieldname(name, lang), "") or "").strip()


def addressee_dative(note, lang) -> str:
    return _t(note.addressee, "dative", lang) if note.addressee_id else "…"


def opening_paragraph(note, lang, formulas: FormulaSet | None = None) -> str:
    formulas = formulas or FormulaSet.current()
    return fill(
        _t(formulas, "opening_template", lang),
        sender=_t(formulas, "sender_full", lang),
        addressee=addressee_dative(note, lang),
        text=_t(note, "opening", lang) or "…",
    )


def closing_paragraph(note, lang, formulas: FormulaSet | None = None) -> str:
    if not note.closing:
        return ""
    formulas = formulas or FormulaSet.current()
    return fill(
        _t(formulas, "closing_template", lang),
        sender_short=_t(formulas, "sender_short", lang),
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


def place(note, lang, formulas: FormulaSet | None = None) -> str:
    formulas = formulas or FormulaSet.current()
    return _t(note, "place", lang) or _t(formulas, "place", lang)


def letterhead_lines(lang, formulas: FormulaSet | None = None) -> list[str]:
    formulas = formulas or FormulaSet.current()
    return [line.strip() for line in _t(formulas, "letterhead", lang).splitlines() if line.strip()]


def addressee_block(note, lang) -> list[str]:
    if not note.addressee_id:
        return []
    return [line.strip().upper() for line in _t(note.addressee, "block", lang).splitlines()
            if line.strip()]


def formula_problems(note, lang, formulas: FormulaSet | None = None, *,
                     encloses: bool | None = None) -> list[str]:
    """Why the formulas of `lang` cannot be assembled for `note` ([] when they can): a
    template with an unknown or missing placeholder, or an empty text it needs. Formulas
    saved before templates were validated, or written around the admin, are caught here."""
    formulas = formulas or FormulaSet.current()
    used = ["opening_template", "sender_full", "place", "letterhead"]
    if note.closing:
        used += ["closing_template", "sender_short"]
    if encloses is None:
        encloses = bool(note.pk) and note.enclosures.exists()
    if encloses:
        used.append("enclosure_template")
    problems = []
    for name in used:
        label = FormulaSet._meta.get_field(name).verbose_name
        text = _t(formulas, name, lang)
        if not text:
            problems.append(str(_("%(field)s is empty") % {"field": capfirst(label)}))
            continue
        allowed, required = TEMPLATE_PLACEHOLDERS[name]
        for problem in template_problems(text, allowed=allowed, required=required):
            problems.append(f"{capfirst(label)}: {problem}")
    return problems


def sample_copies(formulas: FormulaSet, addressee=None) -> list[dict]:
    """The formulas of every language as they print, with a sample addressee (the first
    one, or "…") and a sample enclosure of 10 pages, for the administrator's preview."""
    from django.utils import timezone
    from django.utils.translation import override

    from cica_docs.languages import format_place_date
    from cica_docs.letterhead.models import Addressee

    from .models import Note

    addressee = addressee or Addressee.objects.order_by("code").first()
    sample = Note(kind="note", addressee=addressee, closing=True)
    copies = []
    for lang in language_codes():
        with override(lang):
            words = "[" + _("the drafter's words") + "]"
        setattr(sample, build_localized_fieldname("opening", lang), words)
        copies.append({
            "language": lang,
            "letterhead": letterhead_lines(lang, formulas),
            "opening": opening_paragraph(sample, lang, formulas),
            "closing": closing_paragraph(sample, lang, formulas),
            "enclosure": fill(_t(formulas, "enclosure_template", lang), pages="10"),
            "place_date": format_place_date(place(sample, lang, formulas),
                                            timezone.localdate(), lang),
            "addressee_block": addressee_block(sample, lang),
        })
    return copies
