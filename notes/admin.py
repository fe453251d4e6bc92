from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from . import formulas
from .models import FormulaSet

PREVIEW = "_preview"


class FormulaSetForm(forms.ModelForm):
    """The formulas as the administrator types them. "Preview" assembles them without
    saving: the admin saves whenever its form is valid, so a preview makes the form refuse
    with a notice (shown as the preview, not as an error)."""

    class Meta:
        model = FormulaSet
        # The untranslated names: TranslationAdmin puts each language's field in their place.
        fields = ["opening_template", "closing_template"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.preview = None
        self.previewing = self.is_bound and PREVIEW in self.data

    def _post_clean(self):
        super()._post_clean()
        if self.errors:
            return
        self.preview = formulas.sample_copies(self.instance)
        if self.previewing:
            self.add_error(None, ValidationError(
                _("Preview only: nothing is saved yet."), code="preview"))


@admin.register(FormulaSet)
class FormulaSetAdmin(TranslationAdmin):
    form = FormulaSetForm
    change_form_template = "admin/notes/formulaset/change_form.html"

    def has_add_permission(self, request):
        return not FormulaSet.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False

    def render_change_form(self, request, context, add=False, change=False, form_url="",
                           obj=None):
        form = context["adminform"].form
        preview = form.preview
        if preview is None and not form.is_bound and obj is not None:
            preview = formulas.sample_copies(obj)
        context["formula_preview"] = preview
        context["previewing"] = form.previewing and preview is not None
        if context["previewing"]:
            context["errors"] = []  # the preview's notice is not an error to correct
        return super().render_change_form(request, context, add=add, change=change,
                                          form_url=form_url, obj=obj)
