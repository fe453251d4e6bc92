from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from cica_docs.audit.log import record

from .models import User
from .sessions import access_end_for


def superusers_only(request) -> bool:
    """The Django admin is for superusers (the operators): it bypasses the services'
    rules, so a Secretariat administrator, even one marked staff, works on the app's own
    pages (/manage/) and is refused here."""
    return request.user.is_active and request.user.is_superuser


admin.site.has_permission = superusers_only

@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "email", "first_name", "last_name", "member_state", "is_active")
    list_filter = ("is_active", "groups", "member_state")
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Delegation"), {"fields": ("member_state", "preferred_language")}),
    )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "is_active" in form.changed_data:
            # The same ending of sessions and tokens as a delegate deactivated on the
            # Secretariat's pages (circulation.services.delegate_deactivate).
            detail = access_end_for(obj) if not obj.is_active else {}
            record(action="user.deactivate" if not obj.is_active else "user.reactivate",
                   actor=request.user, request=request, target=obj, **detail)
