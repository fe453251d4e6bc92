"""The Secretariat's staff accounts: list, add, edit, deactivate, reactivate, send the link.

Pages only: accounts/staff.py checks who may act and every guard; a refusal it raises is
shown as a message (a form error where it is about a field), never a 500.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cica_docs.accounts import staff as accounts
from cica_docs.accounts.access import role_required
from cica_docs.accounts.reauth import reauthentication_required
from cica_docs.accounts.roles import ROLE_LABELS
from cica_docs.circulation.forms import StaffFilterForm, StaffForm
from cica_docs.pagination import page_of

admin_required = role_required("accounts.change_user")
PER_PAGE = 50


def _refused(request, error: ValidationError):
    for message in error.messages:
        messages.error(request, message)
    return redirect("manage:staff")


@admin_required
def staff_list(request):
    search = StaffFilterForm(request.GET or None)
    page = page_of(accounts.staff_accounts(search.chosen_role()), PER_PAGE, request.GET)
    for staff in page:  # the roles in the reader's language, from the prefetched groups
        staff.roles_shown = sorted(str(ROLE_LABELS.get(group.name, group.name))
                                   for group in staff.groups.all())
    return render(request, "circulation/staff_list.html", {"search": search, "page": page})


def _invited(request, staff, done: str):
    if accounts.staff_invite(staff=staff, by=request.user, request=request):
        messages.success(request, done)
    else:
        messages.warning(request, _("%(name)s was saved, but the e-mail could not be sent. "
                                    "Use “Send link again” later.")
                         % {"name": staff.get_full_name()})


@admin_required
@reauthentication_required
def staff_add(request):
    form = StaffForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            staff = accounts.staff_create(by=request.user, request=request, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            _invited(request, staff, _("%(name)s was added and has been e-mailed a link to "
                                       "choose a password.") % {"name": staff.get_full_name()})
            return redirect("manage:staff")
    return render(request, "circulation/staff_form.html", {"form": form})


@admin_required
@reauthentication_required
def staff_edit(request, pk):
    staff = get_object_or_404(accounts.staff_accounts(), pk=pk)
    form = StaffForm(request.POST or None, instance=staff)
    if request.method == "POST" and form.is_valid():
        try:
            accounts.staff_update(staff=staff, by=request.user, request=request,
                                  **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The account of %(name)s was saved.")
                             % {"name": staff.get_full_name()})
            return redirect("manage:staff")
    return render(request, "circulation/staff_form.html", {"form": form, "staff": staff})


@require_POST
@admin_required
def staff_deactivate(request, pk):
    staff = get_object_or_404(accounts.staff_accounts(), pk=pk)
    try:
        accounts.staff_deactivate(staff=staff, by=request.user, request=request)
    except ValidationError as error:
        return _refused(request, error)
    messages.success(request, _("%(name)s can no longer log in.")
                     % {"name": staff.get_full_name()})
    return redirect("manage:staff")


@require_POST
@admin_required
def staff_reactivate(request, pk):
    staff = get_object_or_404(accounts.staff_accounts(), pk=pk)
    accounts.staff_reactivate(staff=staff, by=request.user, request=request)
    messages.success(request, _("%(name)s can log in again.")
                     % {"name": staff.get_full_name()})
    return redirect("manage:staff")


@require_POST
@admin_required
def staff_invite(request, pk):
    staff = get_object_or_404(accounts.staff_accounts().filter(is_active=True), pk=pk)
    if accounts.staff_invite(staff=staff, by=request.user, request=request):
        messages.success(request, _("A new link was sent to %(email)s.") % {"email": staff.email})
    else:
        messages.error(request, _("The e-mail could not be sent. Please try again later."))
    return redirect("manage:staff")
