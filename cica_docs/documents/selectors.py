"""Reads of the Secretariat's documents that more than one entry point makes: the work list,
the search and the register a reference picks from. The browser pages and the API call
these, so they cannot disagree.

Lists return summaries: a list costs a constant number of queries whatever its length (the
translation status comes from `status.translation_statuses`); checks and content are for a
document's own page.
"""

from django.db.models import Q, QuerySet

from cica_docs.languages import language_codes

from .models import Document


def issued_register(*, excluding=None):
    """The documents a reference may pick: issued, and numbered in the register."""
    documents = Document.objects.filter(
        state=Document.State.ISSUED, number__isnull=False
    ).select_related("series").order_by("-issued_on", "-pk")
    if excluding is not None and excluding.pk:
        documents = documents.exclude(pk=excluding.pk)
    return documents


WORK_LISTS = ("mine", "review", "approved", "issued", "all", "discarded")


def search_condition(query: str, *, path: str = "", by_symbol: bool = False) -> Q:
    """Documents whose number (274, NCT/CT/274) matches `query` — or part of whose issued
    symbol does, with `by_symbol` — or whose subject contains it in any language. `path`
    leads from the model queried to the document ("document__" for dispatches).

    The staff work list searches without `by_symbol`: an OR across the join to the issued
    revision keeps PostgreSQL from answering from the title and number indexes (a full
    scan at 100,000 documents); a delegate's search starts from the state's own dispatches,
    which are few, and may match any part of a symbol."""
    condition = Q(**{f"{path}issued__symbol__icontains": query}) if by_symbol else Q()
    for lang in language_codes():
        condition |= Q(**{f"{path}title_{lang}__icontains": query})
    digits = query.rsplit("/", 1)[-1]
    if digits.isdigit() and len(digits) < 10:
        condition |= Q(**{f"{path}number": int(digits)})
    return condition


def work_list(*, user, tab: str = "all", state: str = "", series_id: int | None = None,
              query: str = "") -> tuple[QuerySet, str]:
    """The documents of one tab of the staff work list, newest change first, and the tab
    shown ("all" for an unknown one). Discarded drafts leave every list but their own."""
    documents = Document.objects.select_related("series", "corrects__series").order_by(
        "-updated_at", "-pk"
    )
    if tab not in WORK_LISTS:
        tab = "all"
    if tab == "mine":
        documents = documents.filter(state=Document.State.DRAFT, created_by=user)
    elif tab == "review":
        documents = documents.filter(state=Document.State.SUBMITTED)
    elif tab == "approved":
        documents = documents.filter(state=Document.State.APPROVED)
    elif tab == "issued":
        documents = documents.filter(state__in=Document.FROZEN_STATES)
    elif tab == "discarded":
        documents = documents.filter(state=Document.State.DISCARDED)
    if tab != "discarded" and state != Document.State.DISCARDED:
        documents = documents.exclude(state=Document.State.DISCARDED)
    if state in Document.State.values:
        documents = documents.filter(state=state)
    if series_id is not None:
        documents = documents.filter(series_id=series_id)
    if query:
        documents = documents.filter(search_condition(query))
    return documents, tab
