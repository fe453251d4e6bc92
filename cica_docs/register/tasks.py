from django.tasks import task

from . import notifications


@task()
def send_staff_notification(notification_id: int) -> str:
    """E-mail one member of staff of a change that concerns them."""
    return notifications.send(notification_id)


@task()
def send_change_notice(notice_id: int) -> str:
    """E-mail one delegate that a document their state received was withdrawn or corrected."""
    from . import changes

    return changes.send(notice_id)
