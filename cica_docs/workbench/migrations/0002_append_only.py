from django.db import migrations

from cica_docs.db import append_only


class Migration(migrations.Migration):
    dependencies = [("workbench", "0001_workbench")]

    operations = [append_only("workbench_languagecheck", "workbench_signoff",
                              "workbench_issuedsignoff")]
