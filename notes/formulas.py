"""The generated parts of a note: opening and closing paragraphs, place, letterhead."""

from modeltranslation.utils import build_localized_fieldname

from .models import FormulaSet


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
