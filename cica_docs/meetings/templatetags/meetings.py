from django import template

from ..forms import DocumentMeetingsForm
from ..models import Meeting
from ..services import can_manage

register = template.Library()


@register.inclusion_tag("meetings/includes/document_meetings.html", takes_context=True)
def document_meetings(context, document):
    """The meetings a document is tagged with, and for those who keep the meetings the form
    that changes them (two queries)."""
    user = context["request"].user
    tagged = list(Meeting.objects.filter(document_tags__document_id=document.pk))
    manage = can_manage(user)
    form = DocumentMeetingsForm(initial={"meetings": [m.pk for m in tagged]}) if manage else None
    return {"document": document, "tagged": tagged, "form": form, "request": context["request"],
            "csrf_token": context.get("csrf_token")}
