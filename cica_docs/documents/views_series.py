"""The registry series: their next numbers, the numbers skipped with their reasons, and
skipping numbers on purpose (a recent password, a reason, audited: `series_skip`)."""

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cica_docs.accounts.reauth import reauthentication_required

from . import services
from .models import NumberGap, Series

SERIES_PERMISSIONS = ("accounts.register_documents", "accounts.manage_reference_data")


def series_manager_required(view):
    """Logged in as a registrar or an administrator; others get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not any(request.user.has_perm(p) for p in SERIES_PERMISSIONS):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapper)


class SeriesSkipForm(forms.Form):
    to_number = forms.IntegerField(
        label=gettext_lazy("New next number"), min_value=1, max_value=2**31 - 1,
        widget=forms.NumberInput(attrs={"class": "form-control"}),
        help_text=gettext_lazy("The numbers from the current next number up to the one before "
                               "this are left unused."),
    )
    reason = forms.CharField(
        label=gettext_lazy("Reason"), max_length=2000,
        widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
        help_text=gettext_lazy("Shown with the skipped numbers, e.g. “Numbers reserved for "
                               "the notes of the Ministerial Council”."),
    )


def _page(request, *, form=None, form_series=None):
    gaps = NumberGap.objects.select_related("series", "skipped_by").order_by(
        "series__code", "-year", "-first")
    rows = [
        (item, form if form is not None and form_series == item.pk
         else SeriesSkipForm(auto_id=f"id_%s_{item.pk}"))
        for item in Series.objects.order_by("code")
    ]
    context = {"rows": rows, "gaps": gaps}
    return render(request, "documents/series.html", context)


@series_manager_required
def series_index(request):
    return _page(request)


@series_manager_required
@require_POST
@reauthentication_required
def series_skip(request, pk):
    series = get_object_or_404(Series, pk=pk)
    form = SeriesSkipForm(request.POST, auto_id=f"id_%s_{series.pk}")
    if form.is_valid():
        try:
            gap = services.series_skip(
                series=series, to_number=form.cleaned_data["to_number"],
                reason=form.cleaned_data["reason"], by=request.user, request=request,
            )
        except services.DocumentError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Numbers %(first)s–%(last)s of %(series)s are left "
                                        "unused; the next number is %(next)s.")
                             % {"first": gap.first, "last": gap.last, "series": series.code,
                                "next": gap.last + 1})
            return redirect("manage:series")
    return _page(request, form=form, form_series=series.pk)
