"""The letter's reference data on the administrators' pages
(/<lang>/manage/reference/letter/, plugged in by `LetterKind.reference_urls`): salutations,
complimentary closes and signatories in every language, saved through the platform's
`reference_save` (audited, stale saves refused, issued letters untouched)."""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.urls import path
from django.utils.translation import gettext as _

from cica_docs.accounts.access import manager_required
from cica_docs.ids import id_or_404
from cica_docs.letterhead import editing
from cica_docs.letterhead.forms import ReferenceForm, localized
from cica_docs.letterhead.views import page, save

from .models import Formula, Signatory


class FormulaForm(ReferenceForm):
    translated = ("text",)

    class Meta:
        model = Formula
        fields = ["code", "part", *localized("text"), "position"]
        widgets = {name: forms.Textarea(attrs={"rows": 2}) for name in localized("text")}


class SignatoryForm(ReferenceForm):
    translated = ("name", "title")

    class Meta:
        model = Signatory
        fields = ["code", *localized("name", "title"), "position"]


FORMS = {"formula": FormulaForm, "signatory": SignatoryForm}


@manager_required
def reference_list(request):
    return page(request, "letters/reference_list.html", {
        "formulas": Formula.objects.order_by("part", "position", "pk"),
        "signatories": Signatory.objects.order_by("position", "pk")})


def _edit(request, what, instance):
    form = FORMS[what](request.POST or None, instance=instance)
    existing = instance.pk is not None
    action = f"letter_{what}.{'update' if existing else 'create'}"
    # Every issued letter may print it: the usual one prints in a letter that chose none.
    if request.method == "POST" and form.is_valid() and save(
            request, form, action=action, everything=True, kind="letter"):
        messages.success(request, _("Saved."))
        return redirect("manage:letter-reference:list")
    issued = editing.issued_using(instance, everything=True, kind="letter").count()
    return page(request, "letters/reference_form.html",
                {"form": form, "record": instance if existing else None,
                 "issued_count": issued})


@manager_required
def formula_add(request):
    return _edit(request, "formula", Formula())


@manager_required
def formula_edit(request, pk):
    return _edit(request, "formula", get_object_or_404(Formula, pk=id_or_404(pk)))


@manager_required
def signatory_add(request):
    return _edit(request, "signatory", Signatory())


@manager_required
def signatory_edit(request, pk):
    return _edit(request, "signatory", get_object_or_404(Signatory, pk=id_or_404(pk)))


urlpatterns = [
    path("", reference_list, name="list"),
    path("formulas/add/", formula_add, name="formula-add"),
    path("formulas/<int:pk>/", formula_edit, name="formula-edit"),
    path("signatories/add/", signatory_add, name="signatory-add"),
    path("signatories/<int:pk>/", signatory_edit, name="signatory-edit"),
]
