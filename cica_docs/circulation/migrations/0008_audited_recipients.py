"""The database accepts a recipient only right after the audit event of its dispatch
(cica_docs/database/guards.py; installed again after every migrate)."""

from django.db import migrations


def install(apps, schema_editor):
    from cica_docs.database.guards import install_audited_recipients

    install_audited_recipients(schema_editor.connection)


def uninstall(apps, schema_editor):
    from cica_docs.database.guards import RECIPIENT_TABLE

    on = f" ON {RECIPIENT_TABLE}" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {RECIPIENT_TABLE}_audited{on}")


class Migration(migrations.Migration):
    dependencies = [
        ("circulation", "0007_receipt_acknowledgement"),
        ("audit", "0003_hash_chain"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
