"""The meetings' pages for registrars and administrators, and the tagging of a document
with meetings from its page."""

from django.contrib import messages
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cica_docs.accounts.access import role_required
from cica_docs.documents.access import get_document

from . import services
from .forms import DocumentMeetingsForm, MeetingForm
from .models import Meeting

meetings_required = role_required(services.can_manage)


@meetings_required
def meeting_list(request):
    meetings = Meeting.objects.annotate(documents=Count("document_tags"))
    return render(request, "meetings/meeting_list.html", {"meetings": meetings})


def _form_page(request, meeting=None):
    form = MeetingForm(request.POST or None, instance=meeting)
    if request.method == "POST" and form.is_valid():
        meeting = services.meeting_save(by=request.user, meeting=meeting, request=request,
                                        **form.values())
        messages.success(request, _("The meeting “%(title)s” was saved.")
                         % {"title": meeting.title})
        return redirect("meetings:list")
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})


@meetings_required
def meeting_add(request):
    return _form_page(request)


@meetings_required
def meeting_edit(request, pk):
    return _form_page(request, get_object_or_404(Meeting, pk=pk))


@meetings_required
@require_POST
def document_meetings(request, pk):
    """Tag a document (any state: a tag is not part of the document) with meetings."""
    document = get_document(pk)
    form = DocumentMeetingsForm(request.POST)
    if form.is_valid():
        added, removed = services.document_meetings_set(
            document=document, meetings=form.cleaned_data["meetings"], by=request.user,
            request=request)
        if added or removed:
            messages.success(request, _("The meetings of this document were saved."))
    else:
        messages.error(request, _("Choose meetings from the list."))
    return redirect(document.get_absolute_url())
