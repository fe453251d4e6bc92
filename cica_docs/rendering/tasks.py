from django.tasks import task

from . import services


@task()
def render_issued(document_id: int) -> int:
    """Background rendering of an issued document (started by the issue)."""
    return len(services.issued_render(document_id=document_id))
