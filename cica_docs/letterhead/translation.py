from modeltranslation.translator import TranslationOptions, register

from .models import Addressee


@register(Addressee)
class AddresseeTranslation(TranslationOptions):
    fields = ("dative", "block")
    required_languages = ("en", "ru", "kk")
