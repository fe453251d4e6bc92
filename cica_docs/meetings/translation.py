from modeltranslation.translator import TranslationOptions, register

from .models import Meeting


@register(Meeting)
class MeetingTranslation(TranslationOptions):
    fields = ("title", "place")
    required_languages = {"en": ("title",), "ru": ("title",), "kk": ("title",)}
