from django.contrib import admin
from modeltranslation.admin import TranslationAdmin

from .models import Addressee


@admin.register(Addressee)
class AddresseeAdmin(TranslationAdmin):
    list_display = ("code", "dative")
    search_fields = ("code", "dative_en", "dative_ru", "dative_kk")
