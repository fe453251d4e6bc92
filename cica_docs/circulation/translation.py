from modeltranslation.translator import TranslationOptions, register

from .models import CirculationList, MemberState


@register(MemberState)
class MemberStateTranslation(TranslationOptions):
    fields = ("name", "full_name")
    required_languages = ("en", "ru", "kk")


@register(CirculationList)
class CirculationListTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("en", "ru", "kk")
