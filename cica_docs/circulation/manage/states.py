from django.contrib import messages
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cica_docs.circulation import services
from cica_docs.circulation.forms import MemberStateForm, translations
from cica_docs.circulation.models import MemberState

from . import manager_required


@manager_required
def state_list(request):
    states = MemberState.objects.annotate(
        delegate_count=Count("delegates", filter=Q(delegates__is_active=True))
    ).sorted()
    groups = [
        (label, [state for state in states if state.status == status])
        for status, label in MemberState.Status.choices
    ]
    return render(request, "circulation/memberstate_list.html", {"groups": groups})


def _save(request, form, state=None):
    values = {
        "code": form.cleaned_data["code"],
        "status": form.cleaned_data["status"],
        "is_active": form.cleaned_data["is_active"],
        "names": translations(form.cleaned_data, "name"),
        "full_names": translations(form.cleaned_data, "full_name"),
    }
    if state is None:
        return services.member_state_create(by=request.user, request=request, **values)
    return services.member_state_update(state=state, by=request.user, request=request, **values)


@manager_required
def state_add(request):
    form = MemberStateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        state = _save(request, form)
        messages.success(request, _("%(state)s was added.") % {"state": state.name})
        return redirect("manage:states")
    return render(request, "circulation/memberstate_form.html", {"form": form, "state": None})


@manager_required
def state_edit(request, pk):
    state = get_object_or_404(MemberState, pk=pk)
    form = MemberStateForm(request.POST or None, instance=state)
    if request.method == "POST" and form.is_valid():
        state = _save(request, form, state)
        messages.success(request, _("%(state)s was saved.") % {"state": state.name})
        return redirect("manage:states")
    return render(request, "circulation/memberstate_form.html", {"form": form, "state": state})
