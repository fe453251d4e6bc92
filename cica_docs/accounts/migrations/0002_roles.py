from django.db import migrations

from cica_docs.accounts.migration_helpers import grant

# Frozen copy of the grants at the time of this migration (roles.ROLE_PERMISSIONS may grow).
ROLE_PERMISSIONS = {
    "drafter": ["accounts.view_secretariat_work", "accounts.draft_documents"],
    "reviewer": ["accounts.view_secretariat_work", "accounts.review_documents"],
    "registrar": ["accounts.view_secretariat_work", "accounts.register_documents"],
    "admin": [
        "accounts.view_secretariat_work",
        "accounts.manage_reference_data",
        "accounts.add_user",
        "accounts.change_user",
        "accounts.view_user",
        "circulation.add_memberstate",
        "circulation.change_memberstate",
        "circulation.view_memberstate",
    ],
    "delegate": ["accounts.access_portal"],
}


def create_roles(apps, schema_editor):
    grant(apps, ROLE_PERMISSIONS)


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0001_user"),
        ("circulation", "0001_member_state"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, migrations.RunPython.noop)]
