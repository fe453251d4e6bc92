"""The database refuses to change an issued document's identity or content
(cica_docs/database/guards.py; installed again after every migrate)."""

from django.db import migrations


def install(apps, schema_editor):
    from cica_docs.database.guards import install_issued_content, install_issued_document

    install_issued_document(schema_editor.connection)
    install_issued_content(schema_editor.connection)


def uninstall(apps, schema_editor):
    from cica_docs.database.guards import DOCUMENT_TABLE

    on = f" ON {DOCUMENT_TABLE}" if schema_editor.connection.vendor == "postgresql" else ""
    schema_editor.execute(f"DROP TRIGGER IF EXISTS {DOCUMENT_TABLE}_issued{on}")


class Migration(migrations.Migration):
    dependencies = [("documents", "0005_document_corrects")]

    operations = [migrations.RunPython(install, uninstall)]
