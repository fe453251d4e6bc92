from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ("username", "email", "first_name", "last_name", "member_state", "is_active")
    list_filter = ("is_active", "groups", "member_state")
    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Delegation"), {"fields": ("member_state", "preferred_language")}),
    )
