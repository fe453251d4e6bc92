from modeltranslation.translator import TranslationOptions, register

from .models import FormulaSet, Note


@register(FormulaSet)
class FormulaSetTranslation(TranslationOptions):
    fields = (
        "sender_full", "sender_short", "opening_template", "closing_template",
        "enclosure_template", "place", "letterhead",
    )
    required_languages = ("en", "ru", "kk")


@register(Note)
class NoteTranslation(TranslationOptions):
    fields = ("opening", "body", "place")
