"""The delegate's side of the API: what was dispatched to their state, and nothing else."""

from django.http import Http404


def delegate_document(request, resource, pk):
    """Until dispatch lands, a delegate sees no document: 404, as for one that does not exist."""
    raise Http404


def record_download(request, document, variant):
    return None
