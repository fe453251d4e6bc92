"""Giving a document to a colleague with a due date (e.g. before an SOC meeting): by a
reviewer or a registrar, shown in the assignee's "Assigned to me" queue and, overdue items
first, in every queue; the assignee is notified (in the app and by e-mail, as the other
staff notifications). Audited."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from cica_docs.audit.log import record
from cica_docs.meetings.models import Meeting

from .models import Assignment, StaffNotification
from .notifications import holders, notify

OPEN_STATES = ("draft", "submitted", "approved")  # issued, withdrawn or discarded: done


def can_assign(user) -> bool:
    return user.has_perm("accounts.review_documents") or user.has_perm(
        "accounts.register_documents")


class AssignmentForm(forms.Form):
    assignee = forms.ModelChoiceField(label=_("Assign to"), queryset=None, required=False,
                                      empty_label=_("Nobody (remove the assignment)"))
    meeting = forms.ModelChoiceField(label=_("For the meeting"), required=False,
                                     queryset=Meeting.objects.all(), empty_label="—")
    due_on = forms.DateField(label=_("Due on"), required=False,
                             widget=forms.DateInput(attrs={"type": "date"}),
                             help_text=_("Empty: the first day of the meeting, if one is chosen."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = holders("accounts.view_secretariat_work").order_by(
            "last_name", "first_name", "username")
        self.fields["assignee"].label_from_instance = (
            lambda user: user.get_full_name() or user.get_username())
        for name, field in self.fields.items():
            field.widget.attrs.setdefault("class", "form-select" if name != "due_on"
                                          else "form-control")


@transaction.atomic
def assign(*, document, assignee, due_on=None, meeting=None, by, request=None):
    """Give `document` to `assignee` (None: take the assignment back); returns it or None."""
    if assignee is None:
        deleted, _ = Assignment.objects.filter(document_id=document.pk).delete()
        if deleted:
            record(action="document.unassign", actor=by, request=request, target=document)
        return None
    if due_on is None and meeting is not None:
        due_on = meeting.starts_on
    previous = Assignment.objects.filter(document_id=document.pk).first()
    assignment, _ = Assignment.objects.update_or_create(
        document_id=document.pk,
        defaults={"assignee": assignee, "due_on": due_on, "meeting": meeting, "assigned_by": by})
    record(action="document.assign", actor=by, request=request, target=document,
           assignee=assignee.pk, due_on=str(due_on or ""),
           meeting=meeting.pk if meeting else None)
    if previous is None or previous.assignee_id != assignee.pk or previous.due_on != due_on:
        notify(event=StaffNotification.Event.ASSIGNED, document=document, recipients=[assignee],
               actor=by, comment=due_on.isoformat() if due_on else "")
    return assignment
