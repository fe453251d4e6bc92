from django.db import migrations, models

SIGNOFF_BY_DEFAULT = ("NCT/CT",)


def signoff_for_notes(apps, schema_editor):
    """The notes to the member states wait for every language's sign-off from now on."""
    apps.get_model("documents", "Series").objects.filter(code__in=SIGNOFF_BY_DEFAULT).update(
        signoff_required=True)


class Migration(migrations.Migration):

    dependencies = [
        ("documents", "0013_kind_state_index"),
    ]

    operations = [
        migrations.AddField(
            model_name="series",
            name="signoff_required",
            field=models.BooleanField(
                default=False,
                help_text="A document of the series is issued only when a reviser has signed "
                          "off every language it is issued in.",
                verbose_name="sign-off required"),
        ),
        migrations.RunPython(signoff_for_notes, migrations.RunPython.noop),
    ]
