from django import template

from ..assignments import OPEN_STATES, AssignmentForm, can_assign
from ..models import Assignment

register = template.Library()


@register.inclusion_tag("register/includes/assignment.html", takes_context=True)
def document_assignment(context, document):
    """Who the document is assigned to and by when; for reviewers and registrars, the form
    that changes it (while the document is still in work)."""
    user = context["request"].user
    assignment = Assignment.objects.filter(document_id=document.pk).select_related(
        "assignee", "meeting").first()
    form = None
    if can_assign(user) and document.state in OPEN_STATES:
        form = AssignmentForm(initial={
            "assignee": assignment.assignee_id if assignment else None,
            "meeting": assignment.meeting_id if assignment else None,
            "due_on": assignment.due_on if assignment else None})
    return {"document": document, "assignment": assignment, "form": form,
            "csrf_token": context.get("csrf_token")}
