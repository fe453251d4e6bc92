"""The database itself refuses to rewrite the audit log (SECURITY.md promises 3 and 9);
see cica_docs/db.py for what each database refuses."""

from django.db import migrations

from cica_docs.accounts.migration_helpers import grant
from cica_docs.db import append_only

def grant_view_to_admins(apps, schema_editor):
    grant(apps, {"admin": ["audit.view_auditevent"]})


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_audit_event"),
        ("accounts", "0002_roles"),
    ]

    operations = [
        append_only("audit_auditevent"),
        migrations.RunPython(grant_view_to_admins, migrations.RunPython.noop),
    ]
