"""The note's formulas on the administrators' reference data pages
(/<lang>/manage/reference/note/formulas/, plugged in by `NoteKind.reference_urls`): each
language's opening and closing formula, previewed as they print (live, and as a PDF page
per language) before saving; saved through the platform's `reference_save`."""

from django import forms
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cica_docs.accounts.access import manager_required
from cica_docs.documents.kinds import get_kind
from cica_docs.letterhead import editing
from cica_docs.letterhead.forms import ReferenceForm, localized
from cica_docs.letterhead.views import page, save
from cica_docs.rendering.pdf import RenderError, render_package
from cica_docs.rendering.responses import pdf_response

from . import formulas, printing
from .models import FormulaSet


class FormulaSetForm(ReferenceForm):
    translated = ("opening_template", "closing_template")

    class Meta:
        model = FormulaSet
        fields = localized("opening_template", "closing_template")
        widgets = {name: forms.Textarea(attrs={"rows": 3}) for name in fields}


def _form(request):
    current = FormulaSet.objects.order_by("pk").first() or FormulaSet()
    return FormulaSetForm(request.POST or None, instance=current)


def _samples(formula_set) -> list[dict]:
    return [{"kind": get_kind("note").label, "copies": [
        {"language": copy["language"], "lines": [copy["opening"], copy["closing"]]}
        for copy in formulas.sample_copies(formula_set)]}]


@manager_required
def formulas_edit(request):
    form = _form(request)
    if request.method == "POST" and form.is_valid():
        if "_pdf" in request.POST:
            try:
                data = render_package(
                    printing.sample_parts(formulas=form.instance),
                    title=_("Note formulas"), author=_("CICA Secretariat"), language="en",
                    languages=("en", "ru", "kk")).data
            except RenderError:
                form.add_error(None, _("The preview could not be rendered; nothing was saved. "
                                       "Please try again."))
            else:
                return pdf_response(data, filename="note-formulas-preview.pdf", inline=True)
        elif save(request, form, action="note_formulas.update", everything=True,
                  kind="note"):
            messages.success(request, _("The note formulas were saved."))
            return redirect("manage:note-reference:formulas")
    issued = editing.issued_using(form.instance, everything=True, kind="note").count()
    return page(request, "notes/formulas_form.html", {
        "form": form, "issued_count": issued,
        "samples": _samples(form.instance) if not form.errors else []})


@manager_required
@require_POST
def formulas_preview(request):
    form = _form(request)
    if not form.is_valid():  # an unknown placeholder would print literally: say why instead
        return render(request, "notes/formulas_form.html#problems", {"form": form})
    return render(request, "letterhead/addressee_form.html#samples",
                  {"samples": _samples(form.instance)})


urlpatterns = [
    path("formulas/", formulas_edit, name="formulas"),
    path("formulas/preview/", formulas_preview, name="formulas-preview"),
]
