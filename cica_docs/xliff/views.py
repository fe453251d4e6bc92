"""XLIFF for outside translators: the download on a document's page (staff) and the upload
of a translated file (drafters), which becomes a new revision."""

from django import forms
from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cica_docs.accounts.access import staff_required
from cica_docs.documents import services as document_services
from cica_docs.documents.access import get_document
from cica_docs.ids import parse_id

from . import writing
from .reading import MAX_BYTES, ImportRefused
from .services import xliff_import


@staff_required
def export(request, pk, lang):
    document = get_document(pk)
    if lang not in writing.target_languages(document):
        raise Http404
    number = parse_id(request.GET.get("revision", "")) or document.revision_number
    revision = document.revisions.filter(number=number).first()
    if revision is None:
        raise Http404
    return writing.as_download(document, revision, lang)


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("Translated XLIFF file"),
                           help_text=gettext_lazy("The file downloaded from this page, with "
                                                  "its targets translated."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 5 MB; this is not an "
                                          "exported file."))
        return upload


@staff_required
def upload(request, pk):
    document = get_document(pk)
    document_services.require_drafter(request.user)
    form = ImportForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        try:
            revision = xliff_import(document=document, data=form.cleaned_data["file"].read(),
                                    author=request.user)
        except ImportRefused as error:
            problems = error.problems
        except document_services.DocumentError as error:
            problems = [error.message]
        else:
            if revision is None:
                messages.info(request, _("The file changes nothing; no new revision was made."))
            else:
                messages.success(request, _("The translation was saved as revision "
                                            "%(number)s.") % {"number": revision.number})
            return redirect(document)
    form.fields["file"].widget.attrs.update({"class": "form-control", "accept": ".xlf,.xliff"})
    return render(request, "xliff/import.html", {
        "document": document, "form": form, "problems": problems,
        "targets": writing.target_languages(document),
    }, status=400 if problems else 200)
