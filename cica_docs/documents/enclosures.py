"""Enclosures: the documents a document carries with it, in order.

They are part of the enclosing document's content (`content["enclosures"]`, a list of
document ids), so revisions, diff and restore cover them; `write_enclosures` turns that list
into `Enclosure` rows after the document row is saved. `enclosure_problems` is the one place
that decides whether a list of ids may be enclosed: the form shows its messages, and the
service refuses the same list inside its transaction (an enclosure withdrawn a moment ago).
"""

from django.utils.translation import gettext as _

from .kinds import get_kind, kinds
from .models import Document, Enclosure


def enclosable_kinds() -> list[str]:
    return [kind.key for kind in kinds() if kind.enclosable]


def enclosable_documents():
    """What a drafter may choose to enclose: documents of an enclosable kind, not withdrawn."""
    return (
        Document.objects.filter(kind__in=enclosable_kinds())
        .exclude(state=Document.State.WITHDRAWN)
        .select_related("series")
        .order_by("-updated_at")
    )


def enclosed_ids(document: Document) -> list[int]:
    if document.pk is None:
        return []
    rows = document.enclosures.order_by("position", "pk")
    return list(rows.values_list("enclosed_id", flat=True))


def enclosed_documents(document: Document) -> list[Document]:
    """The enclosed documents of `document` (their kind's instances), in order."""
    rows = document.enclosures.select_related("enclosed").order_by("position", "pk")
    return [row.enclosed.specific for row in rows]


def _reaches(start_ids: list[int], target: int) -> bool:
    """Whether `target` is enclosed, directly or through other enclosures, by `start_ids`."""
    seen, frontier = set(), set(start_ids)
    while frontier:
        if target in frontier:
            return True
        seen |= frontier
        frontier = set(
            Enclosure.objects.filter(document_id__in=frontier).values_list("enclosed_id", flat=True)
        ) - seen
    return False


def _name(document: Document) -> str:
    return f"“{document.title or document.symbol or document.pk}”"


def enclosure_problems(*, document: Document | None, kind_key: str, ids: list) -> list[str]:
    """Messages for every id in `ids` that `document` (None while being created) may not
    enclose: unknown, chosen twice, itself, withdrawn, enclosing it in turn, or of a kind
    that is never enclosed. An empty list means the enclosures are fine."""
    if ids and not get_kind(kind_key).takes_enclosures:
        return [_("This kind of document cannot have enclosures.")]
    problems, numbers = [], []
    for value in ids:
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = None
        if number is None or not 0 < number < 2**63:
            problems.append(_("“%(value)s” is not a document.") % {"value": str(value)[:40]})
            continue
        if number in numbers:
            problems.append(_("The same document is enclosed twice."))
            continue
        numbers.append(number)
    found = Document.objects.in_bulk(numbers)
    own = document.pk if document is not None else None
    allowed = set(enclosable_kinds())
    for number in numbers:
        enclosed = found.get(number)
        if enclosed is None:
            problems.append(_("Document %(number)s does not exist.") % {"number": number})
        elif number == own:
            problems.append(_("A document cannot enclose itself."))
        elif enclosed.state == Document.State.WITHDRAWN:
            problems.append(_("%(name)s has been withdrawn and cannot be enclosed.")
                            % {"name": _name(enclosed)})
        elif own is not None and _reaches([number], own):
            problems.append(_("%(name)s already encloses this document: enclosing it here "
                              "would make a circle.") % {"name": _name(enclosed)})
        elif enclosed.kind not in allowed:
            problems.append(_("%(name)s is a %(kind)s, which cannot be enclosed.")
                            % {"name": _name(enclosed), "kind": get_kind(enclosed.kind).label})
    return problems


def write_enclosures(document: Document, ids: list[int]) -> None:
    """Make the document's Enclosure rows the list `ids`, in that order."""
    if enclosed_ids(document) == list(ids):
        return
    document.enclosures.all().delete()
    Enclosure.objects.bulk_create(
        Enclosure(document=document, position=position, enclosed_id=enclosed)
        for position, enclosed in enumerate(ids)
    )
