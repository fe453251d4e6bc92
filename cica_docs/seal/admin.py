from django.contrib import admin

from cica_docs.admin_readonly import ReadOnlyAdminMixin

from .models import SealCertificate


@admin.register(SealCertificate)
class SealCertificateAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    list_display = ("subject", "issuer", "not_before", "not_after", "first_used_at")
