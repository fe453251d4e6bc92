"""The registry of document kinds. A kind app registers itself in its AppConfig.ready().

The platform knows a kind only through this record: which model holds it, which of the
model's fields are content (translated or not), which must be filled in every language the
document is issued in, and which form and templates edit and print it.
"""

from dataclasses import dataclass, field
from typing import Any

from django.utils.module_loading import import_string


@dataclass(frozen=True)
class Kind:
    key: str
    model: Any
    label: Any
    label_plural: Any
    translated_fields: tuple[str, ...]
    plain_fields: tuple[str, ...] = ()
    required_fields: tuple[str, ...] = ()
    requires_series: bool = True
    # A document of this kind may carry enclosures (a note) / be enclosed (a concept paper).
    takes_enclosures: bool = False
    enclosable: bool = False
    form_class: str = ""
    preview_template: str = ""
    extra_checks: str = ""
    preview_context: str = ""
    print_parts: str = ""
    # The workflow states as badges name a document of this kind: {"approved": "Approved"},
    # each through pgettext with the kind's own context, so that a Russian badge agrees
    # with the kind's noun («нота» and «концепция» are feminine: «Одобрена»). A state not
    # given reads as the platform's label (which agrees with «документ»).
    state_labels: dict = field(default_factory=dict)
    options: dict = field(default_factory=dict)

    def get_form_class(self):
        return import_string(self.form_class)

    def get_preview_context(self, document, *, enclosures=None) -> dict:
        """What the kind's preview template needs. `enclosures`: what an unsaved draft (the
        editor's live preview) encloses, in order; a saved document's own are read from it.
        """
        if not self.preview_context:
            return {}
        hook = import_string(self.preview_context)
        return hook(document, enclosures=enclosures) if self.takes_enclosures else hook(document)

    def run_extra_checks(self, document) -> list:
        return import_string(self.extra_checks)(document) if self.extra_checks else []


_KINDS: dict[str, Kind] = {}


def register(kind: Kind) -> None:
    _KINDS[kind.key] = kind


def get_kind(key: str) -> Kind:
    return _KINDS[key]


def kinds() -> list[Kind]:
    return list(_KINDS.values())
