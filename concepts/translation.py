from modeltranslation.translator import TranslationOptions, register

from .models import ConceptPaper


@register(ConceptPaper)
class ConceptPaperTranslation(TranslationOptions):
    fields = ("body", "author")
