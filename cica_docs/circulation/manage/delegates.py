from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cica_docs.circulation import services
from cica_docs.circulation.forms import DelegateForm, DelegateSearchForm
from cica_docs.languages import sort_key

from . import manager_required

User = get_user_model()


def _delegates():
    return User.objects.filter(member_state__isnull=False).select_related("member_state")


@manager_required
def delegate_list(request):
    search = DelegateSearchForm(request.GET or None)
    filters = search.filters()
    delegates = _delegates()
    if filters["state"] is not None:
        delegates = delegates.filter(member_state=filters["state"])
    for word in filters["q"].split():
        delegates = delegates.filter(
            Q(username__icontains=word) | Q(first_name__icontains=word)
            | Q(last_name__icontains=word) | Q(email__icontains=word)
            | Q(member_state__code__iexact=word)
        )
    rows = sorted(
        delegates,
        key=lambda user: (sort_key(user.member_state.name), sort_key(user.last_name),
                          sort_key(user.first_name)),
    )
    context = {"search": search, "delegates": rows}
    template = "circulation/delegate_list.html"
    if request.htmx:
        template += "#results"
    return render(request, template, context)


@manager_required
def delegate_add(request):
    form = DelegateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        delegate = services.delegate_create(by=request.user, request=request, **form.cleaned_data)
        name = delegate.get_full_name()
        if services.delegate_invite(delegate=delegate, by=request.user, request=request):
            messages.success(
                request,
                _("%(name)s was added and has been e-mailed a link to choose a password.")
                % {"name": name},
            )
        else:
            messages.warning(
                request,
                _("%(name)s was added, but the e-mail could not be sent. "
                  "Use “Send link again” later.") % {"name": name},
            )
        return redirect("manage:delegates")
    return render(request, "circulation/delegate_form.html", {"form": form})


@require_POST
@manager_required
def delegate_deactivate(request, pk):
    delegate = services.delegate_deactivate(
        delegate=get_object_or_404(_delegates(), pk=pk), by=request.user, request=request
    )
    messages.success(request, _("%(name)s can no longer log in.")
                     % {"name": delegate.get_full_name()})
    return redirect("manage:delegates")


@require_POST
@manager_required
def delegate_reactivate(request, pk):
    delegate = services.delegate_reactivate(
        delegate=get_object_or_404(_delegates(), pk=pk), by=request.user, request=request
    )
    messages.success(request, _("%(name)s can log in again.")
                     % {"name": delegate.get_full_name()})
    return redirect("manage:delegates")


@require_POST
@manager_required
def delegate_invite(request, pk):
    delegate = get_object_or_404(_delegates().filter(is_active=True), pk=pk)
    if services.delegate_invite(delegate=delegate, by=request.user, request=request):
        messages.success(request, _("A new link was sent to %(email)s.")
                         % {"email": delegate.email})
    else:
        messages.error(request, _("The e-mail could not be sent. Please try again later."))
    return redirect("manage:delegates")
