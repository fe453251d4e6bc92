from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from cica_docs.admin_readonly import ReadOnlyAdminMixin

from .models import CirculationList, MemberState


@admin.register(MemberState)
class MemberStateAdmin(TranslationAdmin):
    list_display = ("code", "name", "full_name", "status", "is_active")
    list_filter = ("status", "is_active")
    search_fields = ("code", "name_en", "name_ru", "name_kk")


@admin.register(CirculationList)
class CirculationListAdmin(ReadOnlyAdminMixin, TranslationAdmin):
    """Read-only here: changes go through /manage/lists/, which asks for the password again
    and records the change in the audit log (SECURITY.md promises 7 and 9)."""

    list_display = ("name", "is_default", "updated_at", "updated_by")
