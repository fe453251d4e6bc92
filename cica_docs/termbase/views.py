"""The termbase's pages: administrators list, add and change terms; the editor's side
panel asks which terms a paragraph holds (htmx)."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cica_docs.accounts.access import manager_required, staff_required
from cica_docs.languages import language_codes
from cica_docs.translated import translations_of

from . import services
from .forms import TermForm
from .matching import found_in
from .models import Term


@manager_required
def term_list(request):
    category = request.GET.get("category", "")
    terms = Term.objects.all()
    if category in Term.Category.values:
        terms = terms.filter(category=category)
    page = Paginator(terms, 50).get_page(request.GET.get("page"))
    rows = [(term, translations_of(term, "text")) for term in page]
    return render(request, "termbase/term_list.html", {
        "page": page, "rows": rows, "languages": language_codes(),
        "categories": Term.Category.choices, "category": category,
    })


def _form_page(request, term=None):
    form = TermForm(request.POST or None, term=term)
    if request.method == "POST" and form.is_valid():
        term = services.term_save(
            term=term, texts=form.texts(), category=form.cleaned_data["category"],
            note=form.cleaned_data["note"], is_active=form.cleaned_data["is_active"],
            by=request.user, request=request)
        messages.success(request, _("The term “%(term)s” was saved.") % {"term": term})
        return redirect("terms:list")
    return render(request, "termbase/term_form.html", {"form": form, "term": term})


@manager_required
def term_add(request):
    return _form_page(request)


@manager_required
def term_edit(request, pk):
    return _form_page(request, get_object_or_404(Term, pk=pk))


@staff_required
@require_POST
def found(request):
    """The editor's side panel: the terms in the paragraph being edited, with their
    equivalents in the other languages."""
    lang = request.POST.get("lang", "")
    if lang not in language_codes():
        raise Http404
    text = request.POST.get("text", "")[:20_000]
    entries = found_in(services.active_entries(), text, lang)
    return render(request, "termbase/found.html", {
        "entries": [(entry, [(code, entry.texts.get(code, "")) for code in language_codes()])
                    for entry in entries],
        "lang": lang, "searched": bool(text.strip()),
    })
