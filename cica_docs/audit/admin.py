from django.contrib import admin

from .models import AuditEvent


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):
    list_display = ("created_at", "actor_username", "action", "target_repr", "member_state",
                    "ip_address")
    list_filter = ("action",)
    search_fields = ("actor_username", "action", "target_repr")
    date_hierarchy = "created_at"
    list_select_related = ("member_state",)

    # Read-only: the log is append-only, here as everywhere.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
