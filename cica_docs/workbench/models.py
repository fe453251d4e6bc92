"""The translation workbench's records: who revises which language, and what people decided
about a language of a document (checked against a revision, signed off on a revision), with
the drafter's marks of paragraphs that have no counterpart in the other languages.

Checks and sign-offs are append-only: what was decided stays on record. Whether a sign-off
still holds is derived (`signoffs.valid_signoffs`), never stored.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cica_docs.db import AppendOnlyModel
from cica_docs.documents.models import Document, IssuedRevision


class LanguageRight(models.Model):
    """`user` may sign off the documents' texts in `language` (an administrator assigns it
    on the page "Revisers")."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE,
                             related_name="language_rights", verbose_name=_("reviser"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    granted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                   related_name="+")
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("reviser's language")
        verbose_name_plural = _("revisers' languages")
        ordering = ["language", "user__username"]
        constraints = [models.UniqueConstraint(fields=["user", "language"],
                                               name="workbench_right_once")]

    def __str__(self) -> str:
        return f"{self.user} ({self.language})"


class LanguageCheck(AppendOnlyModel):
    """A person read `language` against revision `revision_number` and found it matches the
    other languages, without changing its text (it is no longer outdated)."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="+")
    language = models.CharField(max_length=10)
    revision_number = models.PositiveIntegerField()
    by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "-revision_number", "-pk"]


class SignOff(AppendOnlyModel):
    """A reviser of `language` approved its text as it stands in revision
    `revision_number`."""

    document = models.ForeignKey(Document, on_delete=models.PROTECT, related_name="+")
    language = models.CharField(max_length=10)
    revision_number = models.PositiveIntegerField()
    reviser = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["document", "-revision_number", "-pk"]


class IssuedSignOff(AppendOnlyModel):
    """The sign-off each language of an issued document was issued on, bound at issue (the
    register and the PDFs' metadata name these revisers)."""

    issued = models.ForeignKey(IssuedRevision, on_delete=models.PROTECT,
                               related_name="signoffs")
    signoff = models.ForeignKey(SignOff, on_delete=models.PROTECT, related_name="+")
    language = models.CharField(max_length=10)
    reviser_name = models.CharField(max_length=300)

    class Meta:
        ordering = ["issued", "pk"]


class Unpaired(models.Model):
    """The drafter's mark: this paragraph of `field` in `language` has no counterpart in the
    other languages (alignment skips it; the count check does not count it). The paragraph
    is known by its text's digest, so the stored text stays as typed and a mark follows the
    paragraph when others are added before it; editing the paragraph drops the mark."""

    document = models.ForeignKey(Document, on_delete=models.CASCADE, related_name="+")
    field = models.CharField(max_length=60)
    language = models.CharField(max_length=10)
    digest = models.CharField(max_length=64)
    excerpt = models.CharField(max_length=120)
    marked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                  related_name="+")
    marked_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["document", "field", "language", "digest"],
                                               name="workbench_unpaired_once")]

    def __str__(self) -> str:
        return f"{self.document_id}/{self.field}/{self.language}: {self.excerpt[:40]}"
