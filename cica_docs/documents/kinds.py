"""The contract between the platform and a document kind, and the registry of kinds.

A kind is an app with a `kind.py` that subclasses `DocumentKind` and calls `register()`:

    class DecisionKind(DocumentKind):
        key = "decision"                    # stored in Document.kind; never renamed
        model = Decision                    # a multi-table child of documents.Document
        form_class = DecisionForm           # the editor (a documents.forms.DocumentForm)
        translated_fields = ("body",)
        api_path, api_item, api_component = "decisions", "decision", "Decision"
        def print_parts(self, document, *, enclosure_pages=()): ...
        def example(self): ...              # a complete draft, for the contract test

    register(DecisionKind())

The documents app imports every installed app's `kind` module when Django starts
(`DocumentsConfig.ready`), and settings.py installs every top-level package that has a
`kind.py`, so a new kind touches no platform file. The platform reads a kind only through
the attributes and hooks below; it never imports one nor names one.
"""

from abc import ABC, abstractmethod
from typing import Any, ClassVar

from django.utils.translation import pgettext_lazy

FEMININE, NEUTER, MASCULINE = "feminine", "neuter", "masculine"
# Each through pgettext with the gender's own context (Document.State's labels, the
# masculine ones, have none).
STATE_LABELS = {
    FEMININE: {
        "draft": pgettext_lazy("state of a document of a feminine noun", "Draft"),
        "submitted": pgettext_lazy("state of a document of a feminine noun",
                                   "Submitted for review"),
        "approved": pgettext_lazy("state of a document of a feminine noun", "Approved"),
        "issued": pgettext_lazy("state of a document of a feminine noun", "Issued"),
        "withdrawn": pgettext_lazy("state of a document of a feminine noun", "Withdrawn"),
        "discarded": pgettext_lazy("state of a document of a feminine noun", "Discarded"),
    },
    NEUTER: {
        "draft": pgettext_lazy("state of a document of a neuter noun", "Draft"),
        "submitted": pgettext_lazy("state of a document of a neuter noun",
                                   "Submitted for review"),
        "approved": pgettext_lazy("state of a document of a neuter noun", "Approved"),
        "issued": pgettext_lazy("state of a document of a neuter noun", "Issued"),
        "withdrawn": pgettext_lazy("state of a document of a neuter noun", "Withdrawn"),
        "discarded": pgettext_lazy("state of a document of a neuter noun", "Discarded"),
    },
}


class DocumentKind(ABC):
    # --- identity and content ---------------------------------------------------------------
    key: ClassVar[str]
    model: ClassVar[Any]
    label: ClassVar[Any]  # "Note verbale", gettext_lazy
    label_plural: ClassVar[Any]
    # Content fields of the model: translated (one per language) and plain (one value;
    # a foreign key by its id, dates as ISO text).
    translated_fields: ClassVar[tuple[str, ...]] = ()
    plain_fields: ClassVar[tuple[str, ...]] = ()
    # Fields that must be filled in every language the document is issued in.
    required_fields: ClassVar[tuple[str, ...]] = ()
    # Values a new document's form starts with: {"author_en": "CICA Secretariat", …}.
    initial: ClassVar[dict] = {}

    # --- rules ------------------------------------------------------------------------------
    requires_series: ClassVar[bool] = True
    # A document of this kind may carry enclosures (a note) / be enclosed (a concept paper).
    takes_enclosures: ClassVar[bool] = False
    enclosable: ClassVar[bool] = False
    # Whether the signatory may write in the first person ("I have the honour"): a letter
    # may, a note verbale (written by an institution) may not.
    allows_first_person: ClassVar[bool] = False
    # The gender of the kind's noun where the state badges agree with it (Russian: «нота»
    # and «концепция» are feminine, «Одобрена»; «письмо» neuter, «Одобрено»): FEMININE,
    # NEUTER, or MASCULINE for the platform's own labels (which agree with «документ»).
    noun_gender: ClassVar[str] = "masculine"

    # --- editing and reading ----------------------------------------------------------------
    form_class: ClassVar[Any]
    # There is no preview hook: the on-screen preview ("as it will read") is the kind's
    # print_parts shown as print (documents/preview.py). A `preview_template` or
    # `preview_context` a kind still defines is never read.

    # --- the API ----------------------------------------------------------------------------
    api_path: ClassVar[str]  # URL segment: /api/v1/<api_path>/
    api_item: ClassVar[str]  # how an enclosure names a document of the kind: {"<api_item>": 12}
    api_component: ClassVar[str]  # OpenAPI component name: "Note"

    @property
    def state_labels(self) -> dict:
        """The workflow states as badges name a document of this kind: {"approved":
        "Одобрена"}; a state not given reads as the platform's label."""
        return STATE_LABELS.get(self.noun_gender, {})

    # --- reference data (the administrators' pages under /manage/reference/) -------------
    # The kind's own reference data pages (the note's formulas): URL patterns included at
    # /manage/reference/<key>/ (namespace "<key>-reference"), and (url name, label) pairs
    # for the section's tabs.
    reference_pages: ClassVar[tuple] = ()

    def reference_urls(self) -> list:
        return []

    def formula_samples(self, *, addressee=None, letterhead=None) -> list[dict]:
        """What the kind prints from an addressee and the letterhead (either may be an
        unsaved instance being edited), through the kind's own assembly: one {"language",
        "lines"} per language, for the administrators' live previews; [] when the kind
        prints neither."""
        return []

    def sample_parts(self, *, letterhead=None, emblem=None) -> list:
        """A sample page of the kind per language (rendering.pdf.Part) printed with
        `letterhead` (possibly unsaved) and `emblem` (a stored name or a data: URL), for the
        letterhead's PDF preview; [] for a kind that has none."""
        return []

    def get_form_class(self):
        return self.form_class

    def validate_content(self, content: dict, *, document) -> dict:
        """The kind's own rules on a content dict being saved, after the platform's
        (documents/validation.py), for the browser's form and the API alike: {name:
        [message]} with the content's names ("body.ru", a plain field). The kind may put a
        value in its stored form in `content` (a copy made for the check)."""
        return {}

    def checks(self, document) -> list:
        """The kind's own pre-issue findings (documents.checks.Finding), after the
        platform's."""
        return []

    def register_addressees(self, documents) -> dict:
        """How the register names the addressee of each of `documents` (issued documents of
        this kind): {pk: "the CICA Member States"}, in the interface language, read in one
        query for the whole list. A kind without addressees leaves the column empty."""
        return {}

    # The two hooks every kind must write: a kind class without them cannot be instantiated
    # (TypeError at start-up, when its kind.py registers it), so none is half a kind.
    @abstractmethod
    def print_parts(self, document, *, enclosure_pages=()) -> list:
        """One rendering.pdf.Part per language the document is issued in, in the order of
        settings.LANGUAGES; `enclosure_pages`: each enclosure's page count, for the
        enclosure lines."""

    @abstractmethod
    def example(self) -> dict:
        """A complete draft of the kind as the API takes it (POST /api/v1/<api_path>/), with
        no series: one that passes the kind's checks without errors. The contract test
        (tests/kinds/) takes every kind through its whole life with it."""

    def __repr__(self) -> str:
        return f"<DocumentKind {self.key}>"


_KINDS: dict[str, DocumentKind] = {}


def register(kind: DocumentKind) -> DocumentKind:
    for name in ("key", "model", "label", "label_plural", "form_class",
                 "api_path", "api_item", "api_component"):
        if not hasattr(kind, name):
            raise TypeError(f"{type(kind).__name__} does not define {name}")
    other = _KINDS.get(kind.key)
    if other is not None and type(other) is not type(kind):
        raise ValueError(f"two kinds are registered as {kind.key!r}")
    _KINDS[kind.key] = kind
    return kind


def get_kind(key: str) -> DocumentKind:
    return _KINDS[key]


def kinds() -> list[DocumentKind]:
    return list(_KINDS.values())
