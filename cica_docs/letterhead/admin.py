from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Addressee, Letterhead


@admin.register(Addressee)
class AddresseeAdmin(TranslationAdmin):
    list_display = ("code", "dative", "block_in_capitals")
    search_fields = ("code", "dative_en", "dative_ru", "dative_kk")


@admin.register(Letterhead)
class LetterheadAdmin(TranslationAdmin):
    """One row: it may be corrected, never added twice nor deleted."""

    fields = ["sender_full", "sender_short", "place", "letterhead", "enclosure_template",
              "emblem"]

    def has_add_permission(self, request):
        return not Letterhead.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
