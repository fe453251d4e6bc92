from django.db import migrations

from cica_docs.db import append_only


class Migration(migrations.Migration):
    """Dispatches, their recipients and receipts are records: the database refuses changes
    (SECURITY.md promise 3). Notices are the state of a delivery and stay mutable."""

    dependencies = [("circulation", "0005_dispatch_notices_receipts")]

    operations = [
        append_only(
            "circulation_dispatch", "circulation_dispatchrecipient", "circulation_receipt"
        ),
    ]
