from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Formula, Signatory


@admin.register(Formula)
class FormulaAdmin(TranslationAdmin):
    list_display = ("text", "part", "position", "code")
    list_filter = ("part",)


@admin.register(Signatory)
class SignatoryAdmin(TranslationAdmin):
    list_display = ("name", "title", "position", "code")
