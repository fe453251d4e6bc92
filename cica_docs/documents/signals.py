"""What the workflow tells the rest of the site, inside the transaction of the change (a
receiver that writes rows writes them in that transaction; one that sends mail enqueues it
on commit)."""

from django.dispatch import Signal

# sender: the Document class; document, action ("submit", "return", …), by, comment.
workflow_changed = Signal()
