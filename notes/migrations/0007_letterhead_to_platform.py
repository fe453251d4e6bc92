"""The letterhead, the sender's names, the place, the enclosure line and the emblem move to the platform
(cica_docs/letterhead `Letterhead`): the formulas row's values are copied into the
platform's one row (every language, the emblem's file name), the administrators may edit it,
then the columns go. Backwards, the values are copied back before the platform's row is
forgotten. The note's own formulas (opening, closing) stay here.

The collective addressee that notes 0002 created prints its block in capitals (letterhead
0002 says so for every addressee it finds; on a new database it may run before the
addressees arrive from notes 0006)."""

from django.db import migrations, models

from cica_docs.accounts.migration_helpers import grant

MOVED = ("sender_full", "sender_short", "place", "letterhead", "enclosure_template")
LANGUAGES = ("en", "ru", "kk")
COLUMNS = (*MOVED, *(f"{name}_{lang}" for name in MOVED for lang in LANGUAGES), "emblem")


def copy_to_platform(apps, schema_editor):
    alias = schema_editor.connection.alias
    formulas = apps.get_model("notes", "FormulaSet").objects.using(alias).order_by("pk").first()
    Letterhead = apps.get_model("letterhead", "Letterhead")
    if formulas is not None:
        values = {name: getattr(formulas, name) for name in COLUMNS}
        row = Letterhead.objects.using(alias).order_by("pk").first()
        if row is None:
            Letterhead.objects.using(alias).create(**values)
        else:
            Letterhead.objects.using(alias).filter(pk=row.pk).update(**values)
    apps.get_model("letterhead", "Addressee").objects.using(alias).filter(
        code="cica-member-states").update(block_in_capitals=True)
    grant(apps, {"admin": ["letterhead.change_letterhead", "letterhead.view_letterhead"]})


def copy_back(apps, schema_editor):
    alias = schema_editor.connection.alias
    row = apps.get_model("letterhead", "Letterhead").objects.using(alias).order_by("pk").first()
    if row is None:
        return
    apps.get_model("notes", "FormulaSet").objects.using(alias).update(
        **{name: getattr(row, name) for name in COLUMNS})
    apps.get_model("letterhead", "Letterhead").objects.using(alias).all().delete()


class Migration(migrations.Migration):

    dependencies = [
        ('notes', '0006_addressee_to_letterhead'),
        ('letterhead', '0002_letterhead_and_block_capitals'),
        ('accounts', '0002_roles'),
    ]

    operations = [
        migrations.RunPython(copy_to_platform, copy_back),
        # Backwards the columns come back empty (then copy_back fills them): a default lets
        # a database add a NOT NULL column to a table with a row.
        *(migrations.AlterField(model_name="formulaset", name=name,
                                field=models.TextField(default="")) for name in MOVED),
        migrations.AlterModelOptions(
            name='formulaset',
            options={'verbose_name': 'note formulas', 'verbose_name_plural': 'note formulas'},
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='emblem',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='letterhead',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='letterhead_en',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='letterhead_kk',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='letterhead_ru',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='place',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='place_en',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='place_kk',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='place_ru',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='sender_full',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='sender_full_en',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='sender_full_kk',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='sender_full_ru',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='sender_short',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='sender_short_en',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='sender_short_kk',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='sender_short_ru',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='enclosure_template',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='enclosure_template_en',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='enclosure_template_kk',
        ),
        migrations.RemoveField(
            model_name='formulaset',
            name='enclosure_template_ru',
        ),
    ]
