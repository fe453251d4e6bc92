"""The audit log becomes a hash chain (cica_docs/audit/chain.py).

Events written before the chain existed are chained here, in the order they were written
(by id), as they are found: the chain proves that nothing changed after this migration,
not before it.
"""

from django.db import migrations, models

from cica_docs.db import append_only

TABLE = "audit_auditevent"


def chain_existing(apps, schema_editor):
    from cica_docs.audit.chain import CHAIN_PK, GENESIS, event_hash, storable

    AuditEvent = apps.get_model("audit", "AuditEvent")
    AuditChain = apps.get_model("audit", "AuditChain")
    vendor = schema_editor.connection.vendor
    # The rows are append-only: lift the guard for this one rewrite (the owner may).
    if vendor == "postgresql":
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_append_only ON {TABLE}")
    else:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_append_only")
    previous, sequence = GENESIS, 0
    for event in AuditEvent.objects.order_by("pk").iterator(chunk_size=2000):
        sequence += 1
        event.sequence, event.previous_hash = sequence, previous
        event.detail = storable(event.detail)
        event.hash = event_hash(event)
        AuditEvent.objects.filter(pk=event.pk).update(
            sequence=sequence, previous_hash=previous, hash=event.hash
        )
        previous = event.hash
    AuditChain.objects.update_or_create(
        pk=CHAIN_PK, defaults={"length": sequence, "head_hash": previous}
    )


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only")]

    operations = [
        migrations.CreateModel(
            name="AuditChain",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False,
                                           verbose_name="ID")),
                ("length", models.PositiveBigIntegerField(default=0, verbose_name="number of events")),
                ("head_hash", models.CharField(max_length=64,
                                               verbose_name="hash of the last event")),
            ],
            options={"verbose_name": "audit chain", "verbose_name_plural": "audit chain"},
        ),
        migrations.AddField(
            model_name="auditevent",
            name="sequence",
            field=models.PositiveBigIntegerField(editable=False, null=True, unique=True,
                                                 verbose_name="position in the log"),
        ),
        migrations.AddField(
            model_name="auditevent",
            name="previous_hash",
            field=models.CharField(default="", editable=False, max_length=64,
                                   verbose_name="hash of the previous event"),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="auditevent",
            name="hash",
            field=models.CharField(default="", editable=False, max_length=64,
                                   verbose_name="hash"),
            preserve_default=False,
        ),
        migrations.RunPython(chain_existing, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="auditevent",
            name="sequence",
            field=models.PositiveBigIntegerField(editable=False, unique=True,
                                                 verbose_name="position in the log"),
        ),
        append_only(TABLE),
    ]
