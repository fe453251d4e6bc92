"""The languages of a document side by side, block by block: block 3 of the English body
beside block 3 of the Russian and Kazakh bodies (by position, leaving out the blocks the
drafter marked as having no counterpart), each marked when another language's block at that
position changed since this language was last changed, checked or signed off."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from cica_docs.documents import paragraphs
from cica_docs.documents.checks import WARNING, Finding
from cica_docs.documents.kinds import get_kind
from cica_docs.documents.paragraphs import paired
from cica_docs.languages import language_codes

from .models import LanguageCheck, SignOff


@dataclass
class Cell:
    language: str
    name: str  # the form input's name
    text: str
    kind: str = paragraphs.PARAGRAPH
    changed_in: list = field(default_factory=list)  # other languages changed since
    unpaired: bool = False
    digest: str = ""
    new: bool = False  # an empty place: what is typed is added at the end


@dataclass
class Row:
    field: str
    label: object
    position: int  # 1-based among the paired blocks; 0 for an unpaired block
    cells: list
    multiline: bool = True  # a block of it can be marked as having no counterpart


def last_decided(document) -> dict[str, int]:
    """The revision in which each language was last changed, checked or signed off."""
    last = defaultdict(int)
    for number, changed in document.revisions.values_list("number", "changed_languages"):
        for lang in changed:
            last[lang] = max(last[lang], number)
    for model in (LanguageCheck, SignOff):
        for lang, number in model.objects.filter(document=document).values_list(
                "language", "revision_number"):
            last[lang] = max(last[lang], number)
    return last


def rows_of(document, current: dict, *, values=None) -> list[Row]:
    """The aligned rows of `current` (a revision's content); `values`: what was typed in
    the aligned form, shown instead of the stored blocks after a refused save."""
    kind = get_kind(document.kind)
    languages = [lang for lang in language_codes() if lang in current["languages"]]
    marks = paragraphs.unpaired_marks(document)
    last = last_decided(document)
    contents = {r.number: r.content for r in document.revisions.filter(
        number__in={last[lang] for lang in languages} - {document.revision_number})}
    values = values or {}
    rows = []
    for name, multiline in paragraphs.kind_fields(kind):
        label = kind.model._meta.get_field(name).verbose_name
        split = {lang: paired(current, name, lang, multiline, marks) for lang in languages}
        before = {}
        for lang in languages:
            old = contents.get(last[lang])
            before[lang] = {other: paired(old, name, other, multiline, marks) if old else None
                            for other in languages if other != lang}
        width = max([len(split[lang][1]) for lang in languages] + [0])
        for position in range(max(width, 1)):
            cells = []
            for lang in languages:
                found, indexes = split[lang]
                if position < len(indexes):
                    block = found[indexes[position]]
                    key = f"{name}__{lang}__{indexes[position]}"
                    cells.append(Cell(lang, key, values.get(key, block.text), block.kind,
                                      _changed(split, before[lang], lang, position),
                                      digest=block.digest))
                else:
                    key = f"{name}__{lang}__add{position}"
                    cells.append(Cell(lang, key, values.get(key, ""), new=True))
            if all(cell.new and not cell.text for cell in cells) and name != "title":
                continue  # a field empty in every language (the editor fills it)
            rows.append(Row(name, label, position + 1, cells, multiline))
        for lang in languages:
            found, indexes = split[lang]
            for index, block in enumerate(found):
                if index in indexes:
                    continue
                key = f"{name}__{lang}__{index}"
                cell = Cell(lang, key, values.get(key, block.text), block.kind, unpaired=True,
                            digest=block.digest)
                rows.append(Row(name, label, 0, [cell]))
    return rows


def _changed(split, before, lang, position) -> list[str]:
    """The other languages whose block at `position` differs from what it was when `lang`
    was last changed, checked or signed off."""
    changed = []
    for other, old in before.items():
        if old is None:
            continue
        now_blocks, now_indexes = split[other]
        old_blocks, old_indexes = old
        now = now_blocks[now_indexes[position]].text if position < len(now_indexes) else ""
        then = old_blocks[old_indexes[position]].text if position < len(old_indexes) else ""
        if now.strip() != then.strip():
            changed.append(other)
    return changed


def assembled(content: dict, kind, posted) -> dict:
    """`content` with the blocks typed in the aligned form put back in their fields (each
    field's other characters as they were); `posted` is the form's data."""
    content = {**content, "title": dict(content["title"]),
               "fields": {name: dict(values) for name, values in content["fields"].items()}}
    for name, multiline in paragraphs.kind_fields(kind):
        for lang in content["languages"]:
            edits, added, prefix = {}, [], f"{name}__{lang}__"
            keys = sorted((key for key in posted if key.startswith(prefix)),
                          key=lambda key: (key[len(prefix):].startswith("add"),
                                           int(key[len(prefix):].removeprefix("add") or 0)
                                           if key[len(prefix):].removeprefix("add").isdigit()
                                           else 0))
            for key in keys:
                tail = key[len(prefix):]
                value = posted[key].replace("\r\n", "\n")
                if tail.isdigit():
                    edits[int(tail)] = value
                elif tail.startswith("add") and tail[3:].isdigit():
                    added.append(value)
            if not edits and not added:
                continue
            target = content["title"] if name == "title" else content["fields"].setdefault(
                name, {})
            target[lang] = paragraphs.replace(target.get(lang, ""), edits, added,
                                              multiline=multiline)
    return content


def count_findings(document, content: dict) -> list[Finding]:
    """Warn where a language has another number of paragraphs or headings (unmarked) in a
    field than the source language: a paragraph may be missing or split."""
    from .signoffs import source_language

    kind = get_kind(document.kind)
    languages = [lang for lang in language_codes() if lang in content["languages"]]
    source = source_language(languages)
    marks = paragraphs.unpaired_marks(document)
    findings = []
    for name, multiline in paragraphs.kind_fields(kind):
        if not multiline:
            continue
        counts = {}
        for lang in languages:
            found, indexes = paired(content, name, lang, multiline, marks)
            kept = [found[i] for i in indexes]
            counts[lang] = (sum(b.kind != paragraphs.HEADING for b in kept),
                            sum(b.kind == paragraphs.HEADING for b in kept))
        if not counts.get(source) or not any(counts[source]):
            continue
        label = kind.model._meta.get_field(name).verbose_name
        for lang in languages:
            if lang == source or not any(counts[lang]) or counts[lang] == counts[source]:
                continue
            findings.append(Finding(
                WARNING, "block_count_differs",
                _("%(field)s: %(here)s here, %(there)s in the %(source)s text. Align the "
                  "paragraphs, or mark the one that has no counterpart.")
                % {"field": label, "source": source.upper(),
                   "here": _counted(*counts[lang]), "there": _counted(*counts[source])},
                lang,
            ))
    return findings


def _counted(paragraphs: int, headings: int) -> str:
    text = ngettext("%(count)s paragraph", "%(count)s paragraphs", paragraphs) % {
        "count": paragraphs}
    if headings:
        text += ", " + ngettext("%(count)s heading", "%(count)s headings", headings) % {
            "count": headings}
    return text
