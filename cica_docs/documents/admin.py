from django.contrib import admin

from .models import Series


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "next_number", "restart_yearly")
    search_fields = ("code", "name")
