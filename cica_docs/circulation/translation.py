from modeltranslation.translator import TranslationOptions, register

from .models import MemberState


@register(MemberState)
class MemberStateTranslation(TranslationOptions):
    fields = ("name", "full_name")
    required_languages = ("en", "ru", "kk")
