from django.tasks import task

from . import dispatching


@task()
def send_notice(notice_id: int) -> str:
    """E-mail one delegate that a document was dispatched to their state (retried on failure)."""
    return dispatching.notice_send(notice_id=notice_id)
