"""The public verification page (no login): upload a PDF, or open a file's verification
address (its QR code), and see whether it is a file the Secretariat issued and what
became of it. Nothing about any other document can be learnt here."""

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect

from .forms import VerifyForm
from .limits import allowed, use_memory_only
from .verification import verify_file, verify_token


def _too_many(request):
    return render(request, "seal/verify.html", {
        "form": VerifyForm(),
        "refusal": _("Too many verifications from your address. Please wait a minute and "
                     "try again."),
    }, status=429)


@csrf_exempt  # the upload handlers must be set before the CSRF check reads the body
def verify(request):
    use_memory_only(request)
    return _verify(request)


@csrf_protect
def _verify(request):
    verdict, status = None, 200
    form = VerifyForm()
    if request.method == "POST":
        if not allowed(request):
            return _too_many(request)
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
        if declared > settings.VERIFY_MAX_BYTES:
            form = VerifyForm()
            form.add_error(None, _("The file is too large to be one of the Secretariat's "
                                   "documents."))
            status = 413
        else:
            form = VerifyForm(request.POST, request.FILES)
            if form.is_valid():
                verdict = verify_file(form.cleaned_data["file"].read())
            else:
                status = 400
    return render(request, "seal/verify.html", {"form": form, "verdict": verdict},
                  status=status)


def verify_address(request, token):
    """The address a file's QR code carries: that file's facts, nothing else."""
    if not allowed(request):
        return _too_many(request)
    verdict = verify_token(token)
    if verdict is None:
        raise Http404
    return render(request, "seal/verify.html", {
        "form": VerifyForm(), "verdict": verdict, "by_address": True,
    })
