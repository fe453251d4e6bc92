from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Addressee, FormulaSet


@admin.register(Addressee)
class AddresseeAdmin(TranslationAdmin):
    list_display = ("code", "dative")
    search_fields = ("code", "dative_en", "dative_ru", "dative_kk")


@admin.register(FormulaSet)
class FormulaSetAdmin(TranslationAdmin):
    def has_add_permission(self, request):
        return not FormulaSet.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False
