from django.contrib import admin

from cica_docs.admin_readonly import ReadOnlyAdminMixin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdminMixin, admin.ModelAdmin):
    """Read-only: the log is append-only, here as everywhere."""

    list_display = ("created_at", "actor_username", "action", "target_repr", "member_state",
                    "ip_address")
    list_filter = ("action",)
    search_fields = ("actor_username", "action", "target_repr")
    date_hierarchy = "created_at"
    list_select_related = ("member_state",)
