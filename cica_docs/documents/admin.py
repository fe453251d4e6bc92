from django.contrib import admin

from cica_docs.admin_readonly import ReadOnlyAdminMixin

from .models import EnclosedFile, Series


@admin.register(Series)
class SeriesAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "next_number", "restart_yearly", "signoff_required")
    search_fields = ("code", "name")

    def get_readonly_fields(self, request, obj=None):
        """The counter is set when a series is created; after that only issues move it,
        and a deliberate gap is made on the series page (password, reason, audit)."""
        return ("next_number",) if obj is not None else ()


@admin.register(EnclosedFile)
class EnclosedFileAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Uploaded PDF files, to look up: they are uploaded on the "PDF files" page and never
    changed or removed."""

    list_display = ("title", "pages", "size", "uploaded_by", "uploaded_at")
    search_fields = ("title", "original_name", "sha256")
    readonly_fields = [field.name for field in EnclosedFile._meta.fields]
