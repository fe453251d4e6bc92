"""Django admin for records that are only looked up there: append-only ones (the audit log,
uploaded files) and ones changed through their own pages (which ask for the password)."""


class ReadOnlyAdminMixin:
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
