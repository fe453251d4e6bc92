"""Uploaded PDF files to enclose: the list with its upload form, and each file."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cica_docs.issuing.views import refused_page
from cica_docs.rendering.responses import stored_pdf_response
from cica_docs.rendering.stored import StoredFileRefused

from .access import staff_required
from .models import EnclosedFile
from .services import require_drafter
from .uploads import UploadRefused, enclosed_file_create


class EnclosedFileForm(forms.Form):
    title = forms.CharField(
        label=gettext_lazy("Title"), max_length=300,
        help_text=gettext_lazy("As it is listed among the enclosures and bookmarked in the "
                               "package, e.g. “Provisional programme of the meeting”."),
        widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "off"}),
    )
    file = forms.FileField(
        label=gettext_lazy("PDF file"),
        widget=forms.ClearableFileInput(
            attrs={"class": "form-control", "accept": "application/pdf,.pdf"}
        ),
    )


@staff_required
def files(request):
    can_upload = request.user.has_perm("accounts.draft_documents")
    form = EnclosedFileForm()
    if request.method == "POST":
        require_drafter(request.user)
        form = EnclosedFileForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                enclosed, new = enclosed_file_create(
                    upload=form.cleaned_data["file"], title=form.cleaned_data["title"],
                    by=request.user,
                )
            except UploadRefused as refusal:
                form.add_error("file", refusal.message)
            else:
                if new:
                    messages.success(request, _("“%(title)s” is uploaded (%(pages)s p.); it "
                                                "can now be chosen as an enclosure.")
                                     % {"title": enclosed.title, "pages": enclosed.pages})
                else:
                    messages.info(request, _("This file was uploaded before, as “%(title)s”; "
                                             "that one can be enclosed.")
                                  % {"title": enclosed.title})
                return redirect("documents:files")
    page = Paginator(EnclosedFile.objects.select_related("uploaded_by"), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "documents/files.html", {
        "form": form, "can_upload": can_upload, "page": page,
        "max_size": settings.ENCLOSURE_MAX_BYTES,
    })


@staff_required
def file(request, pk):
    enclosed = get_object_or_404(EnclosedFile, pk=pk)
    try:
        return stored_pdf_response(enclosed, request=request,
                                   filename=f"enclosure-{enclosed.pk}.pdf", inline=True)
    except StoredFileRefused:
        return refused_page(request, back=reverse("documents:files"))
