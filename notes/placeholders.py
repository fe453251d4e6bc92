"""Which {placeholders} each formula and letterhead text may hold, and the one rule that
checks a text against them: the model's validators (so the Django admin refuses a typo such
as {adressee}), the admin's preview and the pre-issue check all use `template_problems`."""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

# field name → (placeholders it may hold, placeholders it must hold)
TEMPLATE_PLACEHOLDERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "opening_template": (("sender", "addressee", "text", "reference"), ("text",)),
    "closing_template": (("sender_short", "addressee"), ()),
    "enclosure_template": (("pages",), ("pages",)),
    "sender_full": ((), ()),
    "sender_short": ((), ()),
    "place": ((), ()),
    "letterhead": ((), ()),
}

_BRACED = re.compile(r"\{([^{}]*)\}")


def _names(names) -> str:
    return ", ".join("{" + name + "}" for name in names) if names else "—"


def template_problems(template: str, *, allowed=(), required=()) -> list[str]:
    """What is wrong with `template`, in sentences for the administrator; [] when it can be
    assembled."""
    problems = []
    found = _BRACED.findall(template)
    unknown = [name for name in dict.fromkeys(found) if name not in allowed]
    for name in unknown:
        if allowed:
            problems.append(str(_("“{%(name)s}” is not a placeholder here; use %(allowed)s.")
                                % {"name": name, "allowed": _names(allowed)}))
        else:
            problems.append(str(_("“{%(name)s}” is not a placeholder; this text takes none.")
                                % {"name": name}))
    rest = _BRACED.sub("", template)
    if "{" in rest or "}" in rest:
        problems.append(str(_("A brace “{” or “}” is not closed or not opened; placeholders "
                              "are written like {addressee}.")))
    missing = [name for name in required if name not in found]
    if missing:
        problems.append(str(_("The placeholder %(names)s is missing.")
                            % {"names": _names(missing)}))
    return problems


@deconstructible
class PlaceholderValidator:
    """Refuses a formula or letterhead text with an unknown or missing placeholder."""

    def __init__(self, field: str):
        self.field = field

    def __call__(self, value):
        allowed, required = TEMPLATE_PLACEHOLDERS[self.field]
        problems = template_problems(value or "", allowed=allowed, required=required)
        if problems:
            raise ValidationError(problems, code="placeholder")

    def __eq__(self, other):
        return isinstance(other, PlaceholderValidator) and other.field == self.field

    def __hash__(self):
        return hash(self.field)
