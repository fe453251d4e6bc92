"""The one rule that checks a formula or letterhead text against the {placeholders} it may
and must hold: model validators (so the Django admin refuses a typo such as {adressee}),
the admin's previews and the pre-issue checks of every kind use `template_problems`."""

import re

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

_BRACED = re.compile(r"\{([^{}]*)\}")


def _names(names) -> str:
    return ", ".join("{" + name + "}" for name in names) if names else "—"


def fill(template: str, **values: str) -> str:
    """Replace the known {placeholders}; any other brace an admin typed stays as it is."""
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


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
class TemplateValidator:
    """Refuses a text with an unknown or missing placeholder (none allowed by default)."""

    def __init__(self, allowed=(), required=()):
        self.allowed, self.required = tuple(allowed), tuple(required)

    def __call__(self, value):
        problems = template_problems(value or "", allowed=self.allowed, required=self.required)
        if problems:
            raise ValidationError(problems, code="placeholder")

    def __eq__(self, other):
        return (isinstance(other, TemplateValidator)
                and (other.allowed, other.required) == (self.allowed, self.required))

    def __hash__(self):
        return hash((self.allowed, self.required))
