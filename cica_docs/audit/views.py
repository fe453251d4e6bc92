"""The audit log for administrators: every recorded event, filtered by user, document,
event, member state and time, newest first, and the same rows as CSV."""

import csv
import datetime
import json

from django import forms
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cica_docs.accounts.access import role_required
from cica_docs.circulation.models import MemberState

from .models import AuditEvent

PAGE_SIZE = 50


class AuditFilter(forms.Form):
    user = forms.CharField(label=_("User"), required=False, max_length=150,
                           help_text=_("A username, or its beginning."))
    document = forms.CharField(
        label=_("Document"), required=False, max_length=100,
        help_text=_("A number such as NCT/CT/274, or a document's id."),
    )
    action = forms.ChoiceField(label=_("Event"), required=False)
    state = forms.ModelChoiceField(label=_("Member state"), required=False,
                                   queryset=MemberState.objects.none())
    since = forms.DateField(label=_("From"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))
    until = forms.DateField(label=_("Until"), required=False,
                            widget=forms.DateInput(attrs={"type": "date"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        actions = (AuditEvent.objects.order_by("action").values_list("action", flat=True)
                   .distinct())
        self.fields["action"].choices = [("", _("Any event")), *((a, a) for a in actions)]
        self.fields["state"].queryset = MemberState.objects.all()
        for field in self.fields.values():
            select = isinstance(field.widget, forms.Select)
            field.widget.attrs["class"] = "form-select form-select-sm" if select else \
                "form-control form-control-sm"

    def clean(self):
        data = super().clean()
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            self.add_error("until", _("The end date is before the start date."))
        return data

    def events(self):
        events = AuditEvent.objects.select_related("member_state")
        if not self.is_bound or not self.is_valid():
            return events
        data = self.cleaned_data
        if data["user"]:
            events = events.filter(actor_username__istartswith=data["user"])
        if data["document"]:
            text = data["document"].strip()
            match = Q(target_repr__icontains=text)
            if text.isdigit():
                match |= Q(target_id=text, target_type__model="document")
            events = events.filter(match)
        if data["action"]:
            events = events.filter(action=data["action"])
        if data["state"]:
            events = events.filter(member_state=data["state"])
        zone = timezone.get_default_timezone()
        if data["since"]:
            events = events.filter(created_at__gte=_start_of(data["since"], zone))
        if data["until"]:
            events = events.filter(
                created_at__lt=_start_of(data["until"], zone) + datetime.timedelta(days=1))
        return events


def _start_of(day, zone):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min), zone)


class _Echo:
    def write(self, value):
        return value


def _csv(events):
    writer = csv.writer(_Echo())
    header = ["time", "user", "event", "target", "target id", "member state", "IP address",
              "detail"]

    def rows():
        yield writer.writerow(header)
        for event in events.iterator(chunk_size=2000):
            yield writer.writerow([
                timezone.localtime(event.created_at).isoformat(), event.actor_username,
                event.action, event.target_repr, event.target_id,
                event.member_state.code if event.member_state else "",
                event.ip_address or "", json.dumps(event.detail, ensure_ascii=False,
                                                   sort_keys=True),
            ])

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="cica-docs-audit-log.csv"'
    return response


@role_required("audit.view_auditevent")
def audit_log(request):
    form = AuditFilter(request.GET or None)
    events = form.events()
    if request.GET.get("format") == "csv" and (not form.is_bound or form.is_valid()):
        return _csv(events)
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query["format"] = "csv"
    return render(request, "audit/log.html", {
        "form": form, "page_obj": page, "events": page.object_list,
        "csv_query": query.urlencode(),
    })
