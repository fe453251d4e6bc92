from modeltranslation.translator import TranslationOptions, register

from .models import Formula, Letter, Signatory


@register(Formula)
class FormulaTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("en", "ru", "kk")


@register(Signatory)
class SignatoryTranslation(TranslationOptions):
    fields = ("name", "title")
    required_languages = ("en", "ru", "kk")


@register(Letter)
class LetterTranslation(TranslationOptions):
    fields = ("addressee_block", "body")
