"""Enclosures: what a document carries with it, in order — other documents (a concept
paper) and uploaded PDF files.

They are part of the enclosing document's content (`content["enclosures"]`, a list of
references: a document's id as an int, an uploaded file as "file:<id>"), so revisions, diff
and restore cover them; `write_enclosures` turns that list into `Enclosure` rows after the
document row is saved. `enclosure_problems` is the one place that decides whether a list
may be enclosed: the form shows its messages, and the service refuses the same list inside
its transaction (an enclosure withdrawn a moment ago).
"""

from django.utils.translation import gettext as _

from cica_docs.ids import parse_id

from .kinds import get_kind, kinds
from .models import Document, EnclosedFile, Enclosure

FILE_PREFIX = "file:"


def parse_reference(value) -> tuple[str, int] | None:
    """("document", id) or ("file", id) for a reference as content, forms and the API give
    it; None when it names nothing."""
    text = str(value).strip()
    kind = "document"
    if text.startswith(FILE_PREFIX):
        kind, text = "file", text[len(FILE_PREFIX):]
    number = parse_id(text)
    return None if number is None else (kind, number)


def reference(kind: str, number: int):
    """The canonical form stored in content: an int for a document, "file:<id>" else."""
    return number if kind == "document" else f"{FILE_PREFIX}{number}"


def enclosed_files():
    """Uploaded PDF files a drafter may choose to enclose (all: a file never expires)."""
    return EnclosedFile.objects.all()


def enclosable_kinds() -> list[str]:
    return [kind.key for kind in kinds() if kind.enclosable]


def enclosable_documents():
    """What a drafter may choose to enclose: documents of an enclosable kind, not withdrawn."""
    return (
        Document.objects.filter(kind__in=enclosable_kinds())
        .exclude(state__in=(Document.State.WITHDRAWN, Document.State.DISCARDED))
        .select_related("series")
        .order_by("-updated_at")
    )


def enclosed_ids(document: Document) -> list:
    """The document's enclosures as content references, in order."""
    if document.pk is None:
        return []
    rows = document.enclosures.order_by("position", "pk")
    return [
        enclosed if enclosed is not None else reference("file", file)
        for enclosed, file in rows.values_list("enclosed_id", "file_id")
    ]


def enclosed_items(document: Document) -> list:
    """What `document` encloses, in order: documents (their kind's instances) and
    `EnclosedFile`s."""
    rows = document.enclosures.select_related("enclosed", "file").order_by("position", "pk")
    return [row.enclosed.specific if row.enclosed_id else row.file for row in rows]


def referenced_items(references: list) -> list:
    """The documents (their kind's instances) and `EnclosedFile`s that content references
    name, in order; references to nothing are left out (the form reports them)."""
    parsed = [parse_reference(value) for value in references]
    documents = Document.objects.in_bulk([p[1] for p in parsed if p and p[0] == "document"])
    files = EnclosedFile.objects.in_bulk([p[1] for p in parsed if p and p[0] == "file"])
    items = []
    for item in parsed:
        found = (documents if item[0] == "document" else files).get(item[1]) if item else None
        if found is not None:
            items.append(found.specific if isinstance(found, Document) else found)
    return items


def enclosed_documents(document: Document) -> list[Document]:
    """Only the enclosed documents of `document` (their kind's instances), in order."""
    return [item for item in enclosed_items(document) if isinstance(item, Document)]


def describe(references: list) -> list[str]:
    """Each reference by its title, for a diff or a list (missing ones by their reference)."""
    parsed = [parse_reference(value) for value in references]
    documents = Document.objects.in_bulk([p[1] for p in parsed if p and p[0] == "document"])
    files = EnclosedFile.objects.in_bulk([p[1] for p in parsed if p and p[0] == "file"])
    names = []
    for value, item in zip(references, parsed, strict=True):
        found = (documents if item[0] == "document" else files).get(item[1]) if item else None
        if isinstance(found, EnclosedFile):
            names.append(f"{found.title} (PDF)")
        elif found is not None:
            names.append(found.display_title or found.symbol or f"#{found.pk}")
        else:
            names.append(f"#{value}")
    return names


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


def enclosure_title(document: Document) -> str:
    """How a message names an enclosed document: its subject (or number, or id)."""
    return str(document.display_title or document.symbol or document.pk)


def _name(document: Document) -> str:
    return f"“{enclosure_title(document)}”"


def enclosure_problems(*, document: Document | None, kind_key: str, ids: list) -> list[str]:
    """Messages for every reference in `ids` that `document` (None while being created) may
    not enclose: unknown, chosen twice, itself, withdrawn, enclosing it in turn, or of a
    kind that is never enclosed. An empty list means the enclosures are fine."""
    if ids and not get_kind(kind_key).takes_enclosures:
        return [_("This kind of document cannot have enclosures.")]
    problems, numbers, file_numbers = [], [], []
    for value in ids:
        parsed = parse_reference(value)
        if parsed is None:
            problems.append(_("“%(value)s” is not a document.") % {"value": str(value)[:40]})
            continue
        chosen = numbers if parsed[0] == "document" else file_numbers
        if parsed[1] in chosen:
            problems.append(_("The same document is enclosed twice."))
            continue
        chosen.append(parsed[1])
    found_files = EnclosedFile.objects.in_bulk(file_numbers)
    for number in file_numbers:
        if number not in found_files:
            problems.append(_("PDF file %(number)s does not exist.") % {"number": number})
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


def canonical(ids: list) -> list:
    """Valid references in their stored form (call after `enclosure_problems` is empty)."""
    return [reference(*parse_reference(value)) for value in ids]


def write_enclosures(document: Document, ids: list) -> None:
    """Make the document's Enclosure rows the references `ids`, in that order."""
    if enclosed_ids(document) == list(ids):
        return
    document.enclosures.all().delete()
    rows = []
    for position, value in enumerate(ids):
        kind, number = parse_reference(value)
        rows.append(Enclosure(
            document=document, position=position,
            enclosed_id=number if kind == "document" else None,
            file_id=number if kind == "file" else None,
        ))
    Enclosure.objects.bulk_create(rows)
