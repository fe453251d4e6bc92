"""The registrar's side of circulation: dispatch an issued document, follow its receipts."""

import re

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from cica_docs.accounts.access import registrar_required
from cica_docs.accounts.reauth import reauthentication_required
from cica_docs.circulation import dispatching
from cica_docs.circulation.models import CirculationList, Dispatch, Notice
from cica_docs.circulation.receipts import dispatch_matrix, matrix_csv
from cica_docs.documents.access import get_document
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.models import Document
from cica_docs.ids import id_or_404

from .forms import DispatchForm


def _not_issued(request, document):
    messages.error(
        request,
        _("Only an issued document can be dispatched; this one is in the state “%(state)s”.")
        % {"state": document.get_state_display()},
    )
    return redirect(document)


@registrar_required
@reauthentication_required
def dispatch_create(request, pk):
    document = get_document(pk)
    if document.state != Document.State.ISSUED:
        return _not_issued(request, document)
    data = request.POST if request.method == "POST" else request.GET
    if "circulation_list" not in data:
        data = {"circulation_list": CirculationList.objects.filter(is_default=True)
                .values_list("pk", flat=True).first()}
    form = DispatchForm(data)
    if request.method == "POST" and form.is_valid():
        try:
            dispatch = dispatching.dispatch_create(
                document=document, circulation_list=form.cleaned_data["circulation_list"],
                by=request.user, request=request, expected_states=form.cleaned_data["expected"],
            )
        except dispatching.DispatchError as error:
            messages.error(request, error.message)
        else:
            count = dispatch.recipients.count()
            messages.success(request, ngettext(
                "Dispatched to %(count)s member state; its delegates are being notified by "
                "e-mail.",
                "Dispatched to %(count)s member states; their delegates are being notified by "
                "e-mail.", count) % {"count": count})
            return redirect(dispatch)
    plan = None
    if form.is_valid():
        plan = dispatching.dispatch_plan(
            document=document, circulation_list=form.cleaned_data["circulation_list"]
        )
    return render(request, "circulation/dispatch/dispatch_form.html", {
        "document": document,
        "kind": get_kind(document.kind),
        "form": form,
        "plan": plan,
        "expected": ",".join(str(state.pk) for state in plan.new) if plan else "",
    })


def _dispatch_or_404(pk) -> Dispatch:
    return get_object_or_404(
        Dispatch.objects.select_related("document", "issued", "circulation_list",
                                        "dispatched_by"), pk=id_or_404(pk)
    )


@registrar_required
def dispatch_detail(request, pk):
    dispatch = _dispatch_or_404(pk)
    rows = dispatch_matrix(dispatch)
    notices = list(dispatch.notices.select_related("delegate", "state"))
    problems = [n for n in notices if n.status != Notice.Status.SENT]
    return render(request, "circulation/dispatch/dispatch_detail.html", {
        "dispatch": dispatch,
        "kind": get_kind(dispatch.document.kind),
        "rows": rows,
        "downloaded": sum(1 for row in rows if row.receipts),
        "acknowledged": sum(1 for row in rows if row.acknowledgement is not None),
        "notices_sent": len(notices) - len(problems),
        "notices_total": len(notices),
        "problems": problems,
        "can_resend": any(n.status == Notice.Status.FAILED for n in problems),
    })


@registrar_required
def dispatch_csv(request, pk):
    dispatch = _dispatch_or_404(pk)
    stem = re.sub(r"[^A-Za-z0-9]+", "-", dispatch.issued.symbol).strip("-") or "document"
    response = HttpResponse(matrix_csv(dispatch_matrix(dispatch)),
                            content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="{stem}_receipts_{dispatch.pk}.csv"'
    )
    return response


@require_POST
@registrar_required
def notices_resend(request, pk):
    dispatch = _dispatch_or_404(pk)
    count = dispatching.notices_resend(dispatch=dispatch, by=request.user, request=request)
    if count:
        messages.success(request, ngettext(
            "%(count)s notice is being sent again.", "%(count)s notices are being sent again.",
            count) % {"count": count})
    else:
        messages.info(request, _("No notice had failed; nothing was sent again."))
    return redirect(dispatch)
