"""The addressees move to the platform (cica_docs/letterhead): every row is copied with its
id and every language's forms, the note's foreign key is pointed at the copy, the
permissions follow the model (groups keep what they were granted), then the old table
goes."""

import django.db.models.deletion
from django.core.management.color import no_style
from django.db import migrations, models

FIELDS = ("id", "code", "dative", "dative_en", "dative_ru", "dative_kk",
          "block", "block_en", "block_ru", "block_kk")


def _copy(apps, schema_editor, source, target):
    Old = apps.get_model(source, "Addressee")
    New = apps.get_model(target, "Addressee")
    alias = schema_editor.connection.alias
    New.objects.using(alias).bulk_create([
        New(**{name: getattr(old, name) for name in FIELDS})
        for old in Old.objects.using(alias).order_by("pk")
    ])
    for sql in schema_editor.connection.ops.sequence_reset_sql(no_style(), [New]):
        schema_editor.execute(sql)


def copy_addressees(apps, schema_editor):
    _copy(apps, schema_editor, "notes", "letterhead")


def copy_addressees_back(apps, schema_editor):
    _copy(apps, schema_editor, "letterhead", "notes")


def forget_copies(apps, schema_editor):
    apps.get_model("letterhead", "Addressee").objects.using(
        schema_editor.connection.alias).all().delete()


def _move_permissions(apps, schema_editor, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    alias = schema_editor.connection.alias
    old = ContentType.objects.using(alias).filter(app_label=source, model="addressee").first()
    if old is None:
        return
    new = ContentType.objects.using(alias).filter(app_label=target, model="addressee").first()
    if new is None:
        old.app_label = target
        old.save(update_fields=["app_label"])
        return
    for permission in Permission.objects.using(alias).filter(content_type=old):
        target = Permission.objects.using(alias).filter(
            content_type=new, codename=permission.codename).first()
        if target is None:
            permission.content_type = new
            permission.save(update_fields=["content_type"])
            continue
        target.group_set.add(*permission.group_set.all())
        target.user_set.add(*permission.user_set.all())
        permission.delete()
    old.delete()


def move_permissions(apps, schema_editor):
    _move_permissions(apps, schema_editor, "notes", "letterhead")


def move_permissions_back(apps, schema_editor):
    _move_permissions(apps, schema_editor, "letterhead", "notes")


class Migration(migrations.Migration):

    dependencies = [
        ("notes", "0005_formula_placeholders"),
        ("letterhead", "0001_addressee"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [
        migrations.RunPython(copy_addressees, forget_copies),
        migrations.AlterField(
            model_name="note",
            name="addressee",
            field=models.ForeignKey(blank=True, null=True,
                                    on_delete=django.db.models.deletion.PROTECT,
                                    to="letterhead.addressee", verbose_name="addressee"),
        ),
        migrations.RunPython(move_permissions, move_permissions_back),
        migrations.RunPython(migrations.RunPython.noop, copy_addressees_back),
        migrations.DeleteModel(name="Addressee"),
    ]
