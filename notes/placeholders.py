"""Which {placeholders} each of the note's formulas may hold (the rule that checks a text
against them is the platform's: cica_docs/letterhead/placeholders.py)."""

from django.utils.deconstruct import deconstructible

from cica_docs.letterhead.placeholders import TemplateValidator

# field name → (placeholders it may hold, placeholders it must hold)
TEMPLATE_PLACEHOLDERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "opening_template": (("sender", "addressee", "text", "reference"), ("text",)),
    "closing_template": (("sender_short", "addressee"), ()),
    # Before notes 0007 these were the note's (its old migrations name them).
    "enclosure_template": (("pages",), ("pages",)),
    "sender_full": ((), ()),
    "sender_short": ((), ()),
    "place": ((), ()),
    "letterhead": ((), ()),
}


@deconstructible
class PlaceholderValidator(TemplateValidator):
    """Refuses a note formula with an unknown or missing placeholder."""

    def __init__(self, field: str):
        self.field = field
        super().__init__(*TEMPLATE_PLACEHOLDERS[field])

    def __eq__(self, other):
        return isinstance(other, PlaceholderValidator) and other.field == self.field

    def __hash__(self):
        return hash(self.field)
