"""The reference package (seed 000_5190afcc10c6634b) as document content: the note in EN, RU
and KK (tests/rendering/reference.py) and its concept paper in EN and RU."""

import copy

from cica_docs.documents import services
from cica_docs.documents.kinds import get_kind
from tests.factories import concept_content, note_content
from tests.rendering.reference import CONCEPT_AUTHOR, CONCEPT_TEXTS, CONCEPT_TITLE, TEXTS


def reference_note_content(**changes) -> dict:
    """The note; `changes` replace whole fields: body_kk="…"."""
    content = note_content()
    for lang in ("en", "ru", "kk"):
        content["fields"]["opening"][lang] = TEXTS[lang]["opening"]
        content["fields"]["body"][lang] = TEXTS[lang]["body"]
    for key, value in changes.items():
        field, _, lang = key.rpartition("_")
        (content["title"] if field == "title" else content["fields"][field])[lang] = value
    return content


def reference_concept_content() -> dict:
    content = concept_content()
    for lang in ("en", "ru"):
        content["title"][lang] = CONCEPT_TITLE[lang]
        content["fields"]["author"][lang] = CONCEPT_AUTHOR[lang]
        content["fields"]["body"][lang] = (CONCEPT_TEXTS / f"concept_{lang}.md").read_text(
            encoding="utf-8")
    return copy.deepcopy(content)


def create(kind_key, author, content):
    return services.document_create(kind=get_kind(kind_key), author=author, content=content)
