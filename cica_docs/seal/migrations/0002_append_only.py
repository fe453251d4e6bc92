from django.db import migrations

from cica_docs.db import append_only


class Migration(migrations.Migration):
    dependencies = [("seal", "0001_seals")]

    operations = [append_only("seal_sealcertificate", "seal_seal")]
