"""Full-text search of the subjects and bodies of documents, in every language.

Each document has one `SearchText` row per language it has text in, written with every
revision (`index`): the subject and the body of the current revision, case-folded. On
PostgreSQL the row also holds a `tsvector` (the subject weighted A, the body B) built with
the language's text-search configuration — `english`, `russian`, and `simple` for a
language PostgreSQL has no stemmer for (Kazakh) — under a GIN index (migration 0011); a
query is parsed in every configuration at once, so "договоры" finds "договор" in Russian
text and "agreements" finds "agreement" in English text, and the matches are ranked. SQLite
has no full-text search that knows Russian or Kazakh: there the fallback finds the
case-folded words as a substring of the subject or body, and ranks a subject match first.

Access is not decided here: callers filter what they already scoped (the work list, the
delegate's dispatches, `selectors`).
"""

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, FloatField, OuterRef, Q, Subquery, Value, When

from cica_docs.languages import language_codes

from .models import SearchText

# PostgreSQL text-search configuration per language; any other language: "simple" (no
# stemming, no stop words — Kazakh has neither in PostgreSQL).
CONFIGS = {"en": "english", "ru": "russian"}
FALLBACK_CONFIG = "simple"


def config_of(language: str) -> str:
    return CONFIGS.get(language, FALLBACK_CONFIG)


def texts(content: dict) -> dict[str, tuple[str, str]]:
    """(subject, body) per language of a revision's content, for the languages that have
    any text; the body is every translated field of the kind, in the order of its names."""
    result = {}
    for lang in language_codes():
        title = content["title"].get(lang, "") or ""
        body = "\n".join(
            value for name in sorted(content["fields"])
            if (value := content["fields"][name].get(lang, ""))
        )
        if title or body:
            result[lang] = (title.casefold(), body.casefold())
    return result


def _config():
    """The row's configuration, from its language (an expression PostgreSQL casts to
    regconfig)."""
    return Case(*(When(language=lang, then=Value(config)) for lang, config in CONFIGS.items()),
                default=Value(FALLBACK_CONFIG))


def vector():
    """The tsvector of a search row: its subject weighted A, its body B (PostgreSQL)."""
    return (SearchVector("title", config=_config(), weight="A")
            + SearchVector("body", config=_config(), weight="B"))


def index(document, content: dict) -> None:
    """Make the document's search rows those of `content` (its new current revision)."""
    SearchText.objects.filter(document_id=document.pk).delete()
    SearchText.objects.bulk_create(
        SearchText(document_id=document.pk, language=lang, title=title, body=body)
        for lang, (title, body) in texts(content).items()
    )
    vectors_fill(SearchText.objects.filter(document_id=document.pk))


def vectors_fill(rows) -> None:
    """Compute the vectors of `rows` (a queryset of search rows); nothing on SQLite."""
    if connection.vendor == "postgresql":
        rows.update(vector=vector())


def _query(text: str) -> SearchQuery:
    """`text` parsed in every configuration (web-search syntax: words, "a phrase", -not)."""
    configs = [*dict.fromkeys([*CONFIGS.values(), FALLBACK_CONFIG])]
    query = SearchQuery(text, config=configs[0], search_type="websearch")
    for config in configs[1:]:
        query |= SearchQuery(text, config=config, search_type="websearch")
    return query


def _rows(text: str):
    """The search rows that match `text`, with their rank."""
    text = text.strip()
    if connection.vendor == "postgresql":
        query = _query(text)
        return SearchText.objects.filter(vector=query).annotate(
            rank=SearchRank(F("vector"), query)
        )
    folded = text.casefold()
    return SearchText.objects.filter(Q(title__contains=folded) | Q(body__contains=folded)).annotate(
        rank=Case(When(title__contains=folded, then=Value(1.0)), default=Value(0.5),
                  output_field=FloatField())
    )


# At most this many texts, the best ranked, answer one full-text search on PostgreSQL: a word
# found in every one of 100,000 documents would otherwise rank and sort them all for each
# page (6 s); ranking the matches and keeping the best is a fraction of that. (SQLite cannot
# limit a part of a UNION, and searches few documents.)
BEST = 1000


def matching_documents(text: str):
    """The ids of the documents whose subject or body matches `text` (a subquery): on
    PostgreSQL those of the `BEST` best-ranked texts."""
    rows = _rows(text)
    if connection.vendor == "postgresql":
        rows = rows.order_by("-rank", "document_id")[:BEST]
    return rows.values("document_id")


def rank(text: str, *, path: str = ""):
    """The rank of the document (`path` leads to it) for `text`: its best language's; null
    where only its number or part of its subject matched."""
    best = _rows(text).filter(document_id=OuterRef(f"{path}pk")).order_by("-rank")
    return Subquery(best.values("rank")[:1], output_field=FloatField())
