"""What a document answers or cites: an issued document of the register, or an external
document by its sender, number and date (the fields `reference_*` of `Document`).

A kind that prints a reference line lists the fields among its content fields
(`REFERENCE_TRANSLATED_FIELDS` with its translated fields, `REFERENCE_PLAIN_FIELDS` with its
plain ones); the platform's editing form (documents/forms.py) then offers them, the API
publishes them, revisions keep them, and the detail pages of both documents show the link.
The wording ("in reply to Note No. 16 of …") is the kind's.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Document, ReferenceRelation
from .selectors import issued_register

REFERENCE_TRANSLATED_FIELDS = ("reference_sender",)
REFERENCE_PLAIN_FIELDS = (
    "reference_relation", "reference_document", "reference_number", "reference_date",
)


@dataclass(frozen=True)
class Reference:
    """A document's reference as its wording needs it. `cited`: the register document, or
    None for an external one (whose `sender` is given per language)."""

    relation: str  # ReferenceRelation
    number: str
    date: object  # datetime.date or None
    cited: Document | None

    def sender(self, document, lang) -> str:
        if self.cited is not None:
            return ""
        return (getattr(document, f"reference_sender_{lang}", "") or "").strip()


def reference_of(document) -> Reference | None:
    """`document`'s reference, or None when it has none."""
    if not document.reference_relation:
        return None
    cited = document.reference_document if document.reference_document_id else None
    if cited is not None:
        return Reference(document.reference_relation, cited.symbol, cited.issued_on, cited)
    return Reference(document.reference_relation, document.reference_number.strip(),
                     document.reference_date, None)


def citing(document) -> list[Document]:
    """The documents that answer or cite `document` (discarded drafts left out)."""
    return list(document.cited_by.exclude(state=Document.State.DISCARDED)
                .select_related("series").order_by("pk"))


# --- the editing form ----------------------------------------------------------------------


class _RegisterChoice(forms.ModelChoiceField):
    def label_from_instance(self, document):
        return f"{document.label} — {document.display_title}" if document.display_title \
            else document.label


def add_form_fields(form, document) -> None:
    """The plain reference fields of the platform's editing form (the sender is a translated
    field, in each language column)."""
    form.fields["reference_relation"] = forms.ChoiceField(
        label=_("Reference"), required=False,
        choices=[("", _("None")), *ReferenceRelation.choices],
        help_text=_("Whether the text answers or cites another document."),
    )
    form.fields["reference_document"] = _RegisterChoice(
        label=_("Document of the register"), required=False,
        queryset=issued_register(excluding=document),
        help_text=_("An issued document; or leave empty and type the number and date of "
                    "a document from outside."),
    )
    form.fields["reference_number"] = forms.CharField(
        label=_("Its number"), required=False, max_length=60,
        help_text=_("Of a document from outside, as it stands on it: “16”, “34/2-1187”."),
    )
    form.fields["reference_date"] = forms.DateField(
        label=_("Its date"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


def content_errors(plain: dict, document) -> dict:
    """A reference is either a register document (an issued one, not `document` itself) or
    an external number and date, never half of one: {field: [message]} for the fields of
    `plain` (a content dict's plain values, whose number is stripped here) that break it."""
    relation = plain.get("reference_relation")
    picked = plain.get("reference_document")
    number = (plain.get("reference_number") or "").strip()
    day = plain.get("reference_date")
    plain["reference_number"] = number
    if picked is not None and not issued_register(excluding=document).filter(
            pk=picked).exists():
        return {"reference_document": [str(forms.ModelChoiceField.default_error_messages
                                           ["invalid_choice"])]}
    if not relation:
        if picked or number or day:
            return {"reference_relation": [
                str(_("Choose whether the text answers or cites this document."))]}
        return {}
    if picked and (number or day):
        return {"reference_document": [
            str(_("Pick a document of the register or type the number and date of one from "
                  "outside, not both."))]}
    if not picked and not (number and day):
        return {"reference_number" if not number else "reference_date": [
            str(_("Pick a document of the register, or type the number and the date of the "
                  "document."))]}
    return {}
