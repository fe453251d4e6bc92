from django.tasks import task

from . import notifications


@task()
def send_staff_notification(notification_id: int) -> str:
    """E-mail one member of staff of a change that concerns them."""
    return notifications.send(notification_id)
