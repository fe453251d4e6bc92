"""Ids that come from outside — URLs, forms, JSON, content references — are positive 64-bit
integers, or they name nothing.

The one parser, so that every entry point refuses the same values: zero, negative numbers,
non-ASCII digits, and numbers beyond the database's bigint (SQLite raises OverflowError on
them in `pk__in`, PostgreSQL a DataError — either would be a 500).
"""

from django.http import Http404

MAX_ID = 2**63 - 1


def parse_id(value) -> int | None:
    """The id `value` names, or None."""
    if isinstance(value, int) and not isinstance(value, bool):
        number = value
    else:
        text = str(value)
        if not text.isascii() or not text.isdigit() or len(text) > 19:
            return None
        number = int(text)
    return number if 0 < number <= MAX_ID else None


def id_or_404(value) -> int:
    """The id `value` names, or 404 (the API's exception handler answers it as its 404)."""
    number = parse_id(value)
    if number is None:
        raise Http404
    return number
