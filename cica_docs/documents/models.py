"""The platform's records, shared by every document kind.

A kind (note verbale, concept paper, …) is a model that inherits from `Document`
(multi-table inheritance) and declares which of its fields are content. Revisions,
workflow events and issued revisions are append-only: the model refuses updates and
deletes, and so does the database (migration 0002 installs triggers).
"""

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cica_docs.db import AppendOnlyModel
from cica_docs.languages import language_codes


def all_languages() -> list[str]:
    return language_codes()


def number_label(symbol: str) -> str:
    """How a document is named by its registry number: "№ NCT/CT/275", or, for a document
    issued without a number (a concept paper may be), words saying so — never a bare "№"."""
    return f"№ {symbol}" if symbol else str(_("(without number)"))


# The series whose documents wait for every language's sign-off unless an administrator
# switches it off: the notes to the member states.
SIGNOFF_BY_DEFAULT = ("NCT/CT",)


class Series(models.Model):
    code = models.CharField(
        _("code"),
        max_length=40,
        unique=True,
        help_text=_("Latin capitals, digits and slashes, e.g. NCT/CT."),
        validators=[
            RegexValidator(
                r"^[A-Z0-9]+(?:[/.-][A-Z0-9]+)*$",
                _("Use Latin capital letters, digits and slashes only, e.g. NCT/CT."),
                code="series_code",
            )
        ],
    )
    name = models.CharField(_("name"), max_length=200, blank=True)
    next_number = models.PositiveIntegerField(
        _("next number"), default=1, help_text=_("The number the next issued document receives.")
    )
    restart_yearly = models.BooleanField(
        _("restart every year"),
        default=False,
        help_text=_("Numbering starts again from 1 with the first document of each year."),
    )
    year = models.PositiveIntegerField(
        _("year of the next number"), null=True, blank=True, editable=False
    )
    # Issue waits for a reviser's sign-off of every language (cica_docs/workbench/gate.py).
    # On for the series of SIGNOFF_BY_DEFAULT when created, and for those installed before
    # the field (migration 0014).
    signoff_required = models.BooleanField(
        _("sign-off required"),
        default=False,
        help_text=_("A document of the series is issued only when a reviser has signed off "
                    "every language it is issued in."),
    )

    class Meta:
        verbose_name = _("series")
        verbose_name_plural = _("series")
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code

    def save(self, *args, **kwargs):
        if self._state.adding and self.code in SIGNOFF_BY_DEFAULT:
            self.signoff_required = True
        super().save(*args, **kwargs)

    def symbol(self, number: int) -> str:
        return f"{self.code}/{number}"

    def counter_year(self) -> int:
        """The `number_year` the counter stands for: its year if it restarts yearly."""
        return (self.year or 0) if self.restart_yearly else 0

    def highest_used(self, year: int | None = None) -> int | None:
        """The highest number given in the series (in `year`, default the counter's)."""
        if self.pk is None:
            return None
        year = self.counter_year() if year is None else year
        return Document.objects.filter(
            series_id=self.pk, number_year=year, number__isnull=False
        ).aggregate(highest=models.Max("number"))["highest"]

    def clean(self):
        """The counter never goes below the highest number given: it would give a number
        twice (the database refuses it too, `cica_docs.database.guards`)."""
        super().clean()
        highest = self.highest_used()
        if highest is not None and self.next_number is not None and self.next_number <= highest:
            raise ValidationError({"next_number": _(
                "The next number must be higher than %(highest)s, the highest number given "
                "in this series."
            ) % {"highest": highest}}, code="counter_below_used")


class ReferenceRelation(models.TextChoices):
    """How a document stands to the one it refers to."""

    REPLY = "reply", _("In reply to")
    CITES = "cites", _("With reference to")


class Document(models.Model):
    """One official document of any kind, with its workflow state and registry number."""

    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SUBMITTED = "submitted", _("Submitted for review")
        APPROVED = "approved", _("Approved")
        ISSUED = "issued", _("Issued")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        # A draft set aside by its drafter: out of every list, kept with its history, and
        # restorable. Only a draft that was never issued can be discarded.
        DISCARDED = "discarded", _("Discarded")

    # Issued once: the content is frozen, whatever happens after (withdrawal included).
    FROZEN_STATES = (State.ISSUED, State.WITHDRAWN)

    kind = models.CharField(_("kind"), max_length=40, editable=False)
    title = models.CharField(
        _("subject"),
        max_length=500,
        blank=True,
        help_text=_("For lists and search; printed only where the kind prints a title."),
    )
    state = models.CharField(
        _("state"), max_length=16, choices=State.choices, default=State.DRAFT, editable=False
    )
    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.PROTECT, null=True, blank=True
    )
    number = models.PositiveIntegerField(_("number"), null=True, blank=True, editable=False)
    # The year a yearly-restarting series numbered in; 0 for a continuous series.
    number_year = models.PositiveIntegerField(default=0, editable=False)
    issued_on = models.DateField(_("date of issue"), null=True, blank=True, editable=False)
    languages = models.JSONField(
        _("languages"),
        default=all_languages,
        help_text=_("The languages the document is issued in."),
    )
    revision_number = models.PositiveIntegerField(
        _("current revision"), default=0, editable=False
    )
    # A correction is a new document that points to the one it corrects (SECURITY.md 3:
    # what was issued never changes; a correction is a new record).
    corrects = models.ForeignKey(
        "self", verbose_name=_("corrects"), on_delete=models.PROTECT, null=True, blank=True,
        editable=False, related_name="corrections",
    )
    # What the document answers or cites (a note "in reply to Note No. 16 of the
    # Ministry…"): an issued document of the register, or an external one by its sender (per
    # language, in the form the kind's wording needs), number and date. A kind that prints
    # it lists REFERENCE_FIELDS (documents/references.py) among its content fields.
    reference_relation = models.CharField(
        _("reference"), max_length=8, choices=ReferenceRelation.choices, blank=True,
        default="",
    )
    reference_document = models.ForeignKey(
        "self", verbose_name=_("document of the register"), on_delete=models.PROTECT,
        null=True, blank=True, related_name="cited_by",
    )
    reference_sender = models.CharField(
        _("sender of the cited document"), max_length=300, blank=True,
        help_text=_("Only for a document not in the register, as it reads after “note”: "
                    "“of the Ministry of Foreign Affairs of …”, «Министерства иностранных "
                    "дел …», «… Сыртқы істер министрлігінің»."),
    )
    reference_number = models.CharField(_("its number"), max_length=60, blank=True)
    reference_date = models.DateField(_("its date"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        ordering = ["-updated_at"]
        indexes = [
            # The work list and the API list, newest first; search by number. (Search by
            # subject: trigram indexes on PostgreSQL, migration 0009.)
            models.Index(fields=["updated_at", "id"], name="documents_updated_idx"),
            models.Index(fields=["number"], name="documents_number_idx"),
            # The lists' counts (by kind, without the discarded) from the index alone: a
            # full scan of the wide rows took 190 ms at 100,000 documents, this 20–40 ms.
            models.Index(fields=["kind", "state"], name="documents_kind_state_idx"),
            # The work queues' counts on every staff page (register/queues.py): the few
            # documents submitted, approved or in draft, without reading the issued ones.
            models.Index(fields=["state", "id"], name="documents_state_idx"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["series", "number_year", "number"],
                condition=models.Q(number__isnull=False),
                name="documents_unique_number_in_series",
            ),
        ]

    def __str__(self) -> str:
        return self.symbol or self.display_title or f"#{self.pk}"

    def get_absolute_url(self) -> str:
        return reverse("documents:detail", args=[self.pk])

    @property
    def symbol(self) -> str:
        if self.number is None or self.series_id is None:
            return ""
        return self.series.symbol(self.number)

    @property
    def number_label(self) -> str:
        return number_label(self.symbol)

    @property
    def specific(self) -> "Document":
        """The kind's own instance (a Note, a ConceptPaper) of this document."""
        from .kinds import get_kind

        model = get_kind(self.kind).model
        if isinstance(self, model):
            return self
        return model.objects.get(pk=self.pk)

    @property
    def display_title(self) -> str:
        """The subject in the interface language or, where it has none (a concept paper
        issued in English and Russian only, on a Kazakh page), in the first of the
        document's languages that has one: every list names every document."""
        if self.title:
            return self.title
        codes = [code for code, _name in settings.LANGUAGES]
        for language in [*self.languages, *codes]:
            value = getattr(self, f"title_{language}", "") if language in codes else ""
            if value:
                return value
        return ""

    @property
    def label(self) -> str:
        """How a sentence names the document: `№ NCT/CT/274`, else by its subject."""
        return self.number_label if self.symbol else (self.display_title or f"#{self.pk}")

    @property
    def kind_label(self) -> str:
        """The kind's name in the interface language ("Note verbale", "Concept paper")."""
        from .kinds import get_kind

        return get_kind(self.kind).label

    @property
    def state_label(self) -> str:
        """The state as this kind's badge names it (agreeing with the kind's noun)."""
        from .kinds import get_kind

        return str(get_kind(self.kind).state_labels.get(self.state) or self.get_state_display())

    @property
    def is_frozen(self) -> bool:
        return self.state in self.FROZEN_STATES

    @property
    def is_editable(self) -> bool:
        return self.state == self.State.DRAFT


class Revision(AppendOnlyModel):
    """An immutable snapshot of a document's content in all languages."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="revisions")
    number = models.PositiveIntegerField(_("revision"))
    content = models.JSONField()
    content_hash = models.CharField(max_length=64)
    changed_languages = models.JSONField(default=list)
    modified_languages = models.JSONField(
        default=list, help_text="Languages whose existing text changed (not first filled)."
    )
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    comment = models.CharField(_("comment"), max_length=500, blank=True)
    restored_from = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
        ordering = ["document", "-number"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "number"], name="documents_unique_revision_number"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_id}r{self.number}"


class VectorField(SearchVectorField):
    """PostgreSQL's tsvector, without `django.contrib.postgres` installed: that app's
    connection hook (it looks up hstore's types) breaks every connection opened outside
    the settings — the owner's, `cica_docs.database.roles` — and nothing here needs it."""

    def _check_postgres_installed(self, *args):
        return []


class SearchText(models.Model):
    """What a search finds a document by in one language: the subject and the body of its
    current revision, case-folded, rewritten with every revision (`search.index`); on
    PostgreSQL also their text-search vector, under a GIN index (migration 0011)."""

    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="search_texts"
    )
    language = models.CharField(max_length=10)
    title = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # Filled on PostgreSQL only (`search.vector_of`); SQLite searches title and body.
    vector = VectorField(null=True, editable=False)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["document", "language"], name="documents_search_text_language"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_id}/{self.language}"


class WorkflowEvent(AppendOnlyModel):
    """A transition of a document: who, when, from which state to which, and why."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="events")
    action = models.CharField(max_length=16)
    from_state = models.CharField(max_length=16)
    to_state = models.CharField(max_length=16)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    comment = models.TextField(blank=True)
    revision_number = models.PositiveIntegerField()

    class Meta:
        ordering = ["document", "-at", "-pk"]

    def __str__(self) -> str:
        return f"{self.document_id}: {self.from_state} → {self.to_state}"

    @property
    def action_label(self) -> str:
        from .workflow import TRANSITIONS

        transition = TRANSITIONS.get(self.action)
        return str(transition.label) if transition else self.action


class IssuedRevision(AppendOnlyModel):
    """The revision that was issued, with its number and date. It never changes."""

    document = models.OneToOneField(Document, on_delete=models.PROTECT, related_name="issued")
    revision = models.OneToOneField(Revision, on_delete=models.PROTECT, related_name="+")
    symbol = models.CharField(max_length=80, blank=True)
    issued_on = models.DateField()
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    issued_at = models.DateTimeField(auto_now_add=True)
    # Why the date of issue is earlier than the day it was issued (empty or null: not
    # back-dated). Nullable so that adding it leaves the append-only table as it is.
    backdating_reason = models.TextField(_("reason for the earlier date"), blank=True, null=True)

    def __str__(self) -> str:
        return self.symbol or str(self.document_id)

    @property
    def issued_day(self):
        """The day in Astana on which it was issued (its date of issue may be earlier)."""
        from django.utils import timezone

        return timezone.localtime(self.issued_at, timezone.get_default_timezone()).date()

    @property
    def number_label(self) -> str:
        return number_label(self.symbol)


class IssuedEnclosure(AppendOnlyModel):
    """What an issued document enclosed, bound at its issue: each enclosed document by the
    exact revision that was issued (`revision`: its issued revision's), each uploaded file
    (written once, never changed) by itself. Every issue-time rendering reads these rows and
    those revisions, never the live documents. Written once, in the issuing transaction."""

    issued = models.ForeignKey(
        IssuedRevision, on_delete=models.PROTECT, related_name="enclosures"
    )
    position = models.PositiveSmallIntegerField()
    enclosed = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    revision = models.ForeignKey(
        Revision, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )
    file = models.ForeignKey(
        "EnclosedFile", on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        ordering = ["issued", "position"]
        constraints = [
            models.UniqueConstraint(
                fields=["issued", "position"], name="documents_issued_enclosure_position"
            ),
            models.CheckConstraint(
                condition=(models.Q(enclosed__isnull=False, revision__isnull=False,
                                    file__isnull=True)
                           | models.Q(enclosed__isnull=True, revision__isnull=True,
                                      file__isnull=False)),
                name="documents_issued_enclosure_revision_or_file",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.issued} ← {self.revision or self.file}"


class NumberGap(AppendOnlyModel):
    """Numbers of a series deliberately left unused (`series_skip`), with the reason: the
    register shows them, so that a missing number is explained. Written once."""

    series = models.ForeignKey(
        Series, verbose_name=_("series"), on_delete=models.PROTECT, related_name="gaps"
    )
    year = models.PositiveIntegerField(_("year"), default=0)  # 0: a continuous series
    first = models.PositiveIntegerField(_("first number skipped"))
    last = models.PositiveIntegerField(_("last number skipped"))
    reason = models.TextField(_("reason"))
    skipped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("skipped by"), on_delete=models.PROTECT,
        related_name="+",
    )
    skipped_at = models.DateTimeField(_("skipped at"), auto_now_add=True)

    class Meta:
        verbose_name = _("skipped numbers")
        verbose_name_plural = _("skipped numbers")
        ordering = ["series", "-skipped_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.series}: {self.first}–{self.last}"


def enclosed_file_path(instance, filename):
    return f"enclosures/{instance.sha256[:2]}/{instance.sha256}.pdf"


class EnclosedFile(AppendOnlyModel):
    """A PDF uploaded to be enclosed as it is (a programme, a letter received, a map).

    Written once and never changed: a document that encloses it, once issued, must keep the
    same bytes. The facts are read from the file when it is uploaded
    (`rendering.inspect.inspect_pdf`): its pages, and what the pre-issue checks warn about.
    The same bytes are stored once (unique SHA-256).
    """

    title = models.CharField(
        _("title"), max_length=300,
        help_text=_("As it is listed among the enclosures and bookmarked in the package."),
    )
    file = models.FileField(upload_to=enclosed_file_path, max_length=300)
    original_name = models.CharField(_("file name"), max_length=255, blank=True)
    sha256 = models.CharField(max_length=64, unique=True)
    size = models.PositiveIntegerField(_("size in bytes"))
    pages = models.PositiveIntegerField(_("pages"))
    pages_not_a4 = models.PositiveIntegerField(default=0)
    fonts_not_embedded = models.JSONField(default=list, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("enclosed PDF file")
        verbose_name_plural = _("enclosed PDF files")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("documents:file", args=[self.pk])

    @property
    def reference(self) -> str:
        """How a document's content lists this file among its enclosures."""
        return f"file:{self.pk}"


class Enclosure(models.Model):
    """What a document encloses, in order: another document (a concept paper with a note)
    or an uploaded PDF file. Exactly one of the two is set."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="enclosures")
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    enclosed = models.ForeignKey(
        Document, verbose_name=_("enclosed document"), on_delete=models.PROTECT,
        related_name="enclosed_in", null=True, blank=True,
    )
    file = models.ForeignKey(
        EnclosedFile, verbose_name=_("enclosed PDF file"), on_delete=models.PROTECT,
        related_name="enclosed_in", null=True, blank=True,
    )

    class Meta:
        verbose_name = _("enclosure")
        verbose_name_plural = _("enclosures")
        ordering = ["document", "position", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["document", "enclosed"], name="documents_enclose_once"),
            models.UniqueConstraint(
                fields=["document", "file"], name="documents_enclose_file_once"
            ),
            models.CheckConstraint(
                condition=~models.Q(document=models.F("enclosed")),
                name="documents_enclosure_not_itself",
            ),
            models.CheckConstraint(
                condition=(models.Q(enclosed__isnull=False, file__isnull=True)
                           | models.Q(enclosed__isnull=True, file__isnull=False)),
                name="documents_enclosure_document_or_file",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} ← {self.enclosed or self.file}"
