from django.db import migrations

from cica_docs.db import append_only


class Migration(migrations.Migration):
    dependencies = [("rendering", "0001_rendered_files")]

    operations = [append_only("rendering_renderedfile")]
