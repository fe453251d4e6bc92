from django.tasks import task

from . import services


@task(takes_context=True)
def render_issued(context, document_id: int) -> int:
    """Background rendering of an issued document (started by the issue)."""
    return len(services.issued_render(document_id=document_id,
                                      task_id=str(context.task_result.id)))
