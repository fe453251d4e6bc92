from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import MemberState


@admin.register(MemberState)
class MemberStateAdmin(TranslationAdmin):
    list_display = ("code", "name", "full_name", "status")
    list_filter = ("status",)
    search_fields = ("code", "name_en", "name_ru", "name_kk")
