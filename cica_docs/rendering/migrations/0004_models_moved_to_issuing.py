"""RenderedFile and Rendering belong to the documents' side now (the `issuing` app): they
leave this app's state; their tables stay as they are (the issuing app keeps their names)."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ("rendering", "0003_render_attempts"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="RenderedFile"),
                migrations.DeleteModel(name="Rendering"),
            ],
            database_operations=[],
        ),
    ]
