from modeltranslation.translator import TranslationOptions, register

from .models import Addressee, Letterhead


@register(Addressee)
class AddresseeTranslation(TranslationOptions):
    fields = ("dative", "block")
    required_languages = ("en", "ru", "kk")


@register(Letterhead)
class LetterheadTranslation(TranslationOptions):
    fields = ("sender_full", "sender_short", "place", "letterhead", "enclosure_template")
    required_languages = ("en", "ru", "kk")
