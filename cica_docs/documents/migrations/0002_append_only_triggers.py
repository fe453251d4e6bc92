from django.db import migrations

from cica_docs.accounts.migration_helpers import grant
from cica_docs.db import append_only


def grant_series(apps, schema_editor):
    grant(apps, {"admin": ["documents.add_series", "documents.change_series",
                           "documents.view_series"]})


class Migration(migrations.Migration):
    dependencies = [
        ("documents", "0001_platform"),
        ("accounts", "0002_roles"),
    ]

    operations = [
        append_only("documents_revision", "documents_workflowevent", "documents_issuedrevision"),
        migrations.RunPython(grant_series, migrations.RunPython.noop),
    ]
