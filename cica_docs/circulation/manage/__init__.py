"""Reference-data pages for administrators: member states, delegates, circulation lists."""

from django.contrib.auth.decorators import login_required, permission_required


def manager_required(view):
    """Logged in and allowed to manage reference data (the admin role); others get 403."""
    return login_required(
        permission_required("accounts.manage_reference_data", raise_exception=True)(view)
    )
