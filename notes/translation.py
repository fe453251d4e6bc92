from modeltranslation.translator import TranslationOptions, register

from .models import FormulaSet, Note


@register(FormulaSet)
class FormulaSetTranslation(TranslationOptions):
    fields = ("opening_template", "closing_template")
    required_languages = ("en", "ru", "kk")


@register(Note)
class NoteTranslation(TranslationOptions):
    fields = ("opening", "body", "place")
