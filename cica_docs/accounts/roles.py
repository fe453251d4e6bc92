"""The five roles of CICA Docs: group names and the permissions each group holds.

One place for the role rules. The data migration creates the groups from ROLE_PERMISSIONS;
views ask `user.has_perm(...)`, never the group name.
"""

from django.utils.translation import gettext_lazy as _

DRAFTER = "drafter"
REVIEWER = "reviewer"
REGISTRAR = "registrar"
ADMIN = "admin"
DELEGATE = "delegate"

ROLE_LABELS = {
    DRAFTER: _("Drafter"),
    REVIEWER: _("Reviewer"),
    REGISTRAR: _("Registrar"),
    ADMIN: _("Administrator"),
    DELEGATE: _("Delegate"),
}

STAFF_ROLES = (DRAFTER, REVIEWER, REGISTRAR, ADMIN)

# Permission codenames are "app_label.codename"; the migration that creates a permission
# assigns it to the groups listed here.
ROLE_PERMISSIONS = {
    DRAFTER: ["accounts.view_secretariat_work", "accounts.draft_documents"],
    REVIEWER: ["accounts.view_secretariat_work", "accounts.review_documents"],
    REGISTRAR: ["accounts.view_secretariat_work", "accounts.register_documents"],
    ADMIN: [
        "accounts.view_secretariat_work",
        "accounts.manage_reference_data",
        "accounts.discard_documents",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_user",
        "circulation.add_memberstate",
        "circulation.change_memberstate",
        "circulation.view_memberstate",
        "circulation.view_circulationlist",
        "circulation.add_circulationlist",
        "circulation.change_circulationlist",
        "circulation.delete_circulationlist",
        "audit.view_auditevent",
    ],
    DELEGATE: ["accounts.access_portal"],
}

# Who must sign in with a second factor (accounts/two_factor.py): whoever may issue, withdraw
# and dispatch documents, or manage users and reference data. Everyone else may choose to.
TWO_FACTOR_PERMISSIONS = ("accounts.register_documents", "accounts.manage_reference_data")
