from django.db import migrations

from cica_docs.accounts.migration_helpers import grant


def grant_discard(apps, schema_editor):
    grant(apps, {"admin": ["accounts.discard_documents"]})


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_demo_record'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='user',
            options={'ordering': ['username'], 'permissions': [('view_secretariat_work', "Can see the Secretariat's work list"), ('draft_documents', 'Can draft and submit documents'), ('review_documents', 'Can approve or return documents'), ('register_documents', 'Can issue, withdraw and dispatch documents'), ('manage_reference_data', 'Can manage member states, lists and series'), ('discard_documents', "Can discard and restore anyone's drafts"), ('access_portal', 'Can use the delegate portal')], 'verbose_name': 'user', 'verbose_name_plural': 'users'},
        ),
        migrations.RunPython(grant_discard, migrations.RunPython.noop),
    ]
