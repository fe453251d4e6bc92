"""Reads of the Secretariat's documents that more than one entry point makes: the work list,
the search and the register a reference picks from. The browser pages and the API call
these, so they cannot disagree.

Lists return summaries: a list costs a constant number of queries whatever its length (the
translation status comes from `status.translation_statuses`); checks and content are for a
document's own page.
"""

from django.db.models import F, Q, QuerySet

from cica_docs.languages import language_codes

from . import search
from .models import Document, IssuedRevision


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
    symbol does, with `by_symbol` — or whose subject contains it in any language, or whose
    subject or body matches it in full-text search (`search`). `path` leads from the model
    queried to the document ("document__" for dispatches).

    The ids come from a UNION of the title and number match (trigram and btree indexes on
    PostgreSQL), the full-text match (its GIN index) and, with `by_symbol`, the symbol match
    (a trigram index): an OR across a join or with a subquery keeps PostgreSQL from
    answering from those indexes (a full scan at 100,000 documents, or of a state's 10,000
    dispatches)."""
    by_title = Q()
    for lang in language_codes():
        by_title |= Q(**{f"title_{lang}__icontains": query})
    digits = query.rsplit("/", 1)[-1]
    if digits.isdigit() and len(digits) < 10:
        by_title |= Q(number=int(digits))
    parts = [search.matching_documents(query)]
    if by_symbol:  # a trigram index on PostgreSQL too (migration 0012)
        parts.append(IssuedRevision.objects.filter(symbol__icontains=query).values("document_id"))
    ids = Document.objects.filter(by_title).values("pk").union(*parts)
    return Q(**{f"{path}pk__in": ids})


def ranked(queryset, query: str, *, path: str = "", then=()):
    """`queryset` best match for `query` first (full-text rank; a match by number or part
    of the subject only after), then in the order `then`."""
    return queryset.annotate(rank=search.rank(query, path=path)).order_by(
        F("rank").desc(nulls_last=True), *then
    )


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
        documents = ranked(documents.filter(search_condition(query)), query,
                           then=("-updated_at", "-pk"))
    return documents, tab
