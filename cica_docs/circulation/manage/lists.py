from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from cica_docs.accounts.reauth import reauthentication_required
from cica_docs.circulation import services
from cica_docs.circulation.forms import CirculationListForm, translations
from cica_docs.circulation.models import CirculationList, MemberState

from . import manager_required


@manager_required
def list_index(request):
    lists = CirculationList.objects.annotate(state_count=Count("states")).sorted()
    return render(request, "circulation/circulationlist_list.html", {"lists": lists})


def _form_page(request, form, circulation_list):
    context = {
        "form": form,
        "circulation_list": circulation_list,
        "total": MemberState.objects.active().count(),
    }
    return render(request, "circulation/circulationlist_form.html", context)


@manager_required
@reauthentication_required
def list_add(request):
    form = CirculationListForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        circulation_list = services.circulation_list_create(
            by=request.user, request=request,
            names=translations(form.cleaned_data, "name"), states=form.cleaned_data["states"],
        )
        messages.success(request, _("The list “%(name)s” was created.")
                         % {"name": circulation_list.name})
        return redirect("manage:lists")
    return _form_page(request, form, None)


@manager_required
@reauthentication_required
def list_edit(request, pk):
    circulation_list = get_object_or_404(CirculationList, pk=pk)
    form = CirculationListForm(request.POST or None, instance=circulation_list)
    if request.method == "POST" and form.is_valid():
        circulation_list = services.circulation_list_update(
            circulation_list=circulation_list, by=request.user, request=request,
            names=translations(form.cleaned_data, "name"), states=form.cleaned_data["states"],
        )
        messages.success(request, _("The list “%(name)s” was saved.")
                         % {"name": circulation_list.name})
        return redirect("manage:lists")
    return _form_page(request, form, circulation_list)


@manager_required
@reauthentication_required
def list_delete(request, pk):
    circulation_list = get_object_or_404(CirculationList, pk=pk)
    if request.method == "POST":
        try:
            services.circulation_list_delete(
                circulation_list=circulation_list, by=request.user, request=request
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The list “%(name)s” was deleted.")
                             % {"name": circulation_list.name})
        return redirect("manage:lists")
    return render(request, "circulation/circulationlist_confirm_delete.html",
                  {"circulation_list": circulation_list})
