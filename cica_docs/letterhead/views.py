"""Reference data pages for administrators (/<lang>/manage/reference/): addressees, the
letterhead with its emblem, and each kind's own pages (its `reference_urls`). The Django
admin is for superusers only; nothing here needs it."""

import base64

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cica_docs.accounts.access import manager_required
from cica_docs.documents.kinds import kinds
from cica_docs.documents.models import Document
from cica_docs.documents.services import DocumentError
from cica_docs.ids import id_or_404
from cica_docs.languages import language_codes
from cica_docs.rendering.pdf import RenderError, render_package
from cica_docs.rendering.responses import pdf_response
from cica_docs.storage import STORAGE_ERRORS

from . import editing
from .forms import AddresseeForm, LetterheadForm
from .models import Addressee, Letterhead


def section_pages() -> list[tuple[str, str]]:
    """The kinds' own reference pages: (URL name, label), for the section's tabs."""
    return [(f"manage:{kind.key}-reference:{name}", label)
            for kind in kinds() for name, label in kind.reference_pages]


def page(request, template, context):
    """A page of the section, with its tabs (the kinds' pages among them)."""
    return render(request, template, {**context, "kind_pages": section_pages()})


def formula_samples(*, addressee=None, letterhead=None) -> list[dict]:
    """Every kind's formulas as they print with these (possibly unsaved) records."""
    return [{"kind": kind.label, "copies": copies} for kind in kinds()
            if (copies := kind.formula_samples(addressee=addressee, letterhead=letterhead))]


def save(request, form, *, action: str, everything: bool = False, kind: str = "",
         prints: bool = True):
    """The form's values through `editing.reference_save`; the record, or None with the
    refusal on the form (the typed text stays)."""
    try:
        saved, _changed = editing.reference_save(
            instance=form.instance, values=form.values(),
            version=form.cleaned_data.get("version", ""), by=request.user, action=action,
            everything=everything, kind=kind, prints=prints, request=request)
    except editing.StaleEdit as error:
        form.stale(error)
    except DocumentError as error:
        form.add_error(None, error.message)
    except ValidationError as error:  # what changed between the form's check and the lock
        form.add_error(None, error.messages)
    except STORAGE_ERRORS:
        form.add_error(None, _("The emblem could not be stored: the file storage is not "
                               "available. Nothing was saved; please try again later."))
    else:
        return saved
    return None


# --- addressees ---------------------------------------------------------------------------


@manager_required
def addressee_list(request):
    codes = language_codes()
    rows = [{"addressee": addressee,
             "datives": [(code, getattr(addressee, f"dative_{code}")) for code in codes]}
            for addressee in Addressee.objects.order_by("code")]
    names = dict(settings.LANGUAGES)
    return page(request, "letterhead/addressee_list.html",
                {"rows": rows, "languages": [(code, names[code]) for code in codes]})


def _addressee_page(request, form, addressee=None):
    issued = editing.issued_using(addressee).count() if addressee else 0
    preview = formula_samples(addressee=form.instance)
    return page(request, "letterhead/addressee_form.html", {
        "form": form, "addressee": addressee, "issued_count": issued, "samples": preview})


def _addressee_form(request, addressee):
    instance = Addressee.objects.get(pk=addressee.pk) if addressee else Addressee()
    return AddresseeForm(request.POST or None, instance=instance)


def _addressee_edit(request, addressee=None):
    form = _addressee_form(request, addressee)
    if request.method == "POST" and form.is_valid():
        saved = save(request, form, action="addressee.update" if addressee
                     else "addressee.create")
        if saved is not None:
            messages.success(request, _("The addressee “%(code)s” was saved.")
                             % {"code": saved.code})
            return redirect("manage:addressees")
    return _addressee_page(request, form, addressee)


@manager_required
def addressee_add(request):
    return _addressee_edit(request)


@manager_required
def addressee_edit(request, pk):
    return _addressee_edit(request, get_object_or_404(Addressee, pk=id_or_404(pk)))


@manager_required
@require_POST
def addressee_preview(request):
    """The formulas as they print with the addressee as typed (htmx, nothing saved)."""
    pk = id_or_404(request.POST.get("pk") or 0) if request.POST.get("pk") else None
    addressee = get_object_or_404(Addressee, pk=pk) if pk else None
    form = _addressee_form(request, addressee)
    form.is_valid()  # fills form.instance with what is valid; the rest stays as saved
    return render(request, "letterhead/addressee_form.html#samples",
                  {"samples": formula_samples(addressee=form.instance)})


# --- the letterhead and its emblem -----------------------------------------------------------


def _letterhead_form(request):
    current = Letterhead.objects.order_by("pk").first() or Letterhead()
    return LetterheadForm(request.POST or None, request.FILES or None, instance=current)


def _emblem_data_url(letterhead) -> str:
    """The saved emblem, inline (the CSP allows data: images): it is never at a public URL."""
    if not letterhead.emblem:
        return ""
    try:
        with letterhead.emblem.open("rb") as handle:
            data = handle.read()
    except STORAGE_ERRORS:
        return ""
    suffix = letterhead.emblem.name.rsplit(".", 1)[-1].lower()
    kind = "image/png" if suffix == "png" else "image/jpeg"
    return f"data:{kind};base64,{base64.b64encode(data).decode()}"


def sample_pdf(letterhead, emblem) -> bytes:
    """A sample page per language of the first kind that has one, printed with the
    letterhead as typed: the PDF preview, through the renderer of the official copies."""
    parts = next((found for kind in kinds()
                  if (found := kind.sample_parts(letterhead=letterhead, emblem=emblem))), [])
    codes = language_codes()
    return render_package(parts, title=_("Letterhead preview"), author=_("CICA Secretariat"),
                          language=codes[0], languages=codes).data


@manager_required
def letterhead_edit(request):
    form = _letterhead_form(request)
    if request.method == "POST" and form.is_valid():
        if "_pdf" in request.POST:
            try:
                data = sample_pdf(form.instance, form.emblem_url())
            except RenderError:
                form.add_error(None, _("The preview could not be rendered; nothing was saved. "
                                       "Please try again."))
            else:
                return pdf_response(data, filename="letterhead-preview.pdf", inline=True)
        else:
            saved = save(request, form, action="letterhead.update", everything=True)
            if saved is not None:
                messages.success(request, _("The letterhead was saved."))
                return redirect("manage:letterhead")
    current = Letterhead.objects.order_by("pk").first()
    issued = editing.issued_using(current, everything=True).count() if current else 0
    return page(request, "letterhead/letterhead_form.html", {
        "form": form, "issued_count": issued,
        "emblem": _emblem_data_url(current) if current else "",
        "samples": formula_samples(letterhead=form.instance)})


@manager_required
@require_POST
def letterhead_preview(request):
    """The formulas as they print with the letterhead's names as typed (htmx)."""
    form = _letterhead_form(request)
    form.is_valid()
    return render(request, "letterhead/addressee_form.html#samples",
                  {"samples": formula_samples(letterhead=form.instance)})


# --- the section -------------------------------------------------------------------------------


@manager_required
def reference_index(request):
    counts = Addressee.objects.aggregate(total=Count("pk"))
    issued = Document.objects.filter(state__in=Document.FROZEN_STATES).aggregate(
        waiting=Count("pk", filter=Q(rendering__isnull=True) | ~Q(rendering__status="ready")))
    return page(request, "letterhead/reference_index.html", {
        "addressee_count": counts["total"], "waiting": issued["waiting"]})
