"""The translation workbench's pages: the aligned view of a document's languages (its save
goes through the platform's `revision_create`, as the editor's does), the check and
sign-off of a language, the unpaired marks, and the administrators' page of revisers."""

import contextlib

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from cica_docs.accounts.access import manager_required
from cica_docs.documents import content as content_mod
from cica_docs.documents import paragraphs
from cica_docs.documents import services as document_services
from cica_docs.documents.access import get_document, staff_required
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.status import translation_status
from cica_docs.documents.validation import MAX_LINE, MAX_TEXT, clean_text
from cica_docs.languages import language_codes

from . import alignment, services, signoffs
from .forms import ReviserForm
from .models import LanguageRight


def _int(value):
    value = str(value or "").strip()
    return int(value) if value.isdigit() and len(value) < 10 else None


def _page(request, document, *, content=None, values=None, errors=(), stale=None, base=None):
    content = content or content_mod.snapshot(document)
    status = translation_status(document)
    found = signoffs.standings(document)
    languages = [lang for lang in language_codes() if lang in content["languages"]]
    columns = [(lang, status.get(lang), found.get(lang),
                signoffs.may_check(request.user, lang),
                signoffs.may_sign_off(request.user, lang)) for lang in languages]
    editable = document.is_editable and request.user.has_perm("accounts.draft_documents")
    return render(request, "workbench/aligned.html", {
        "document": document,
        "kind": get_kind(document.kind),
        "rows": alignment.rows_of(document, content, values=values),
        "columns": columns,
        "languages": languages,
        "editable": editable,
        "decidable": not document.is_frozen,
        "base_revision": base if base is not None else document.revision_number,
        "errors": errors,
        "stale": stale,
        "comment": (values or {}).get("comment", ""),
    }, status=400 if errors else 200)


def _typed_errors(original: dict, content: dict, kind) -> list[str]:
    """The form's rules for text (documents/forms.py), on what the aligned form changed."""
    problems = []
    for name, multiline in paragraphs.kind_fields(kind):
        for lang in content["languages"]:
            before = paragraphs.value(original, name, lang)
            after = paragraphs.value(content, name, lang)
            if after == before:
                continue
            limit = MAX_TEXT if multiline else MAX_LINE
            label = kind.model._meta.get_field(name).verbose_name
            if len(after) > limit:
                problems.append(_("%(field)s (%(language)s) is longer than %(limit)s "
                                  "characters.") % {"field": label, "language": lang.upper(),
                                                    "limit": limit})
            if not multiline and "\n" in after.strip():
                problems.append(_("%(field)s (%(language)s) is one line.")
                                % {"field": label, "language": lang.upper()})
            try:
                clean_text(after)
            except ValidationError as error:
                problems.extend(error.messages)
    return problems


def _cleaned(content: dict, kind) -> dict:
    """The texts normalised as the editor's form saves them (a text it refuses is left as
    typed: `_typed_errors` reports it and nothing is saved)."""
    for name, _multiline in paragraphs.kind_fields(kind):
        target = content["title"] if name == "title" else content["fields"].get(name, {})
        for lang, value in list(target.items()):
            with contextlib.suppress(ValidationError):
                target[lang] = clean_text(value).strip()
    return content


@staff_required
def aligned(request, pk):
    document = get_document(pk)
    if request.method != "POST":
        return _page(request, document)
    document_services.require_drafter(request.user)
    kind = get_kind(document.kind)
    values = {key: value for key, value in request.POST.items() if "__" in key}
    values["comment"] = request.POST.get("comment", "")[:500]
    base = _int(request.POST.get("base_revision"))
    started = document.revisions.filter(number=base).first() if base is not None else None
    if started is None:
        return _page(request, document, values=values,
                     errors=[_("The revision you started from is not one of this document's; "
                               "reload the page.")])
    original = content_mod.complete(started.content, kind)
    content = _cleaned(alignment.assembled(original, kind, values), kind)
    problems = _typed_errors(original, content, kind)
    if problems:
        return _page(request, document, content=original, values=values, errors=problems,
                     base=base)
    try:
        revision = document_services.revision_create(
            document=document, author=request.user, content=content, base_revision=base,
            comment=values["comment"], merge=True,
        )
    except document_services.StaleRevision as error:
        return _page(request, document, content=original, values=values, base=base,
                     stale=error.message)
    except document_services.DocumentError as error:
        return _page(request, document, content=original, values=values, base=base,
                     errors=[error.message])
    if revision is None:
        messages.info(request, _("Nothing had changed; no new revision was made."))
    else:
        messages.success(request, _("Saved as revision %(number)s.") % {"number": revision.number})
    return redirect("workbench:aligned", pk=document.pk)


def _language(lang):
    if lang not in language_codes():
        raise Http404
    return lang


@staff_required
@require_POST
def check(request, pk, lang):
    document = get_document(pk)
    try:
        signoffs.language_check(document=document, language=_language(lang), by=request.user,
                                revision_number=_int(request.POST.get("revision")) or 0)
    except document_services.DocumentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(language)s is marked as checked against revision "
                                    "%(number)s.") % {"language": lang.upper(),
                                                      "number": document.revision_number})
    return redirect("workbench:aligned", pk=document.pk)


@staff_required
@require_POST
def sign_off(request, pk, lang):
    document = get_document(pk)
    try:
        signoffs.language_sign_off(document=document, language=_language(lang),
                                   by=request.user,
                                   revision_number=_int(request.POST.get("revision")) or 0)
    except document_services.DocumentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("%(language)s is signed off on revision %(number)s.")
                         % {"language": lang.upper(), "number": document.revision_number})
    return redirect("workbench:aligned", pk=document.pk)


@staff_required
@require_POST
def unpaired(request, pk):
    """Mark (or unmark) the paragraph named by "block" = field__language__index."""
    document = get_document(pk)
    name, _sep, rest = request.POST.get("block", "").partition("__")
    lang, _sep, index = rest.partition("__")
    fields = dict(paragraphs.kind_fields(get_kind(document.kind)))
    if not fields.get(name) or lang not in language_codes() or _int(index) is None:
        raise Http404
    content = content_mod.snapshot(document)
    found = paragraphs.split(paragraphs.value(content, name, lang), multiline=fields[name])
    if _int(index) >= len(found):
        messages.error(request, _("That paragraph is no longer there; the text was changed."))
        return redirect("workbench:aligned", pk=document.pk)
    try:
        marked = services.unpaired_toggle(document=document, field=name, language=lang,
                                          block=found[_int(index)], by=request.user)
    except document_services.DocumentError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The paragraph is marked as having no counterpart.")
                         if marked else _("The paragraph is aligned with the others again."))
    return redirect("workbench:aligned", pk=document.pk)


@manager_required
def revisers(request):
    form = ReviserForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.reviser_add(user=form.cleaned_data["user"], by=request.user,
                                 language=form.cleaned_data["language"], request=request)
        except document_services.DocumentError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Saved."))
            return redirect("workbench:revisers")
    rights = LanguageRight.objects.select_related("user", "granted_by")
    return render(request, "workbench/revisers.html", {"form": form, "rights": rights},
                  status=400 if form.errors else 200)


@manager_required
@require_POST
def reviser_remove(request, pk):
    right = get_object_or_404(LanguageRight, pk=pk)
    services.reviser_remove(right=right, by=request.user, request=request)
    messages.success(request, _("Removed."))
    return redirect("workbench:revisers")
