"""The registry series: their next numbers, the numbers skipped with their reasons,
skipping numbers on purpose (a recent password, a reason, audited: `series_skip`), and an
administrator's adding a series or renaming one (`series_add`, `series_edit`). A series'
code and its numbering rule are fixed once it has given a number: the code is part of every
issued number, and a rule changed afterwards would restart the counter."""

from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.validators import MinValueValidator
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from cica_docs.accounts.access import manager_required
from cica_docs.accounts.reauth import reauthentication_required
from cica_docs.letterhead.editing import fingerprint
from cica_docs.letterhead.forms import ReferenceForm
from cica_docs.letterhead.views import page, save

from . import services
from .models import Document, NumberGap, Series

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
    return page(request, "documents/series.html", context)


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


class SeriesForm(ReferenceForm):
    class Meta:
        model = Series
        fields = ["code", "name", "restart_yearly", "next_number"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.used = bool(self.instance.pk) and Document.objects.filter(
            series_id=self.instance.pk, number__isnull=False).exists()
        if self.instance.pk:
            # The counter moves forward only by issuing or by skipping numbers on purpose.
            del self.fields["next_number"]
        else:
            self.fields["next_number"].validators.append(MinValueValidator(1))
            self.fields["next_number"].widget.attrs["min"] = 1
        if self.used:
            for name in ("code", "restart_yearly"):
                self.fields[name].disabled = True
                self.fields[name].help_text = _("Fixed: this series has given numbers.")
        self.initial["version"] = fingerprint(self.instance, self.columns())

    def columns(self):
        return [name for name in self._meta.fields if name in self.fields]

    def clean_code(self):
        code = self.cleaned_data["code"]
        if Series.objects.filter(code__iexact=code).exclude(pk=self.instance.pk).exists():
            raise forms.ValidationError(_("Another series already has the code %(code)s.")
                                        % {"code": code}, code="taken")
        return code


def _series_form_page(request, form, series=None):
    if request.method == "POST" and form.is_valid():
        # What a series prints, its code, is fixed once it has given a number (above).
        saved = save(request, form, action="series.update" if series else "series.create",
                     prints=False)
        if saved is not None:
            messages.success(request, _("The series %(code)s was saved.") % {"code": saved.code})
            return redirect("manage:series")
    return page(request, "documents/series_form.html", {"form": form, "series": series})


@manager_required
def series_add(request):
    return _series_form_page(request, SeriesForm(request.POST or None, instance=Series()))


@manager_required
def series_edit(request, pk):
    series = get_object_or_404(Series, pk=pk)
    form = SeriesForm(request.POST or None, instance=Series.objects.get(pk=series.pk))
    return _series_form_page(request, form, series)
