"""The one id parser: what names a row, and what names nothing."""

import pytest
from django.http import Http404

from cica_docs.ids import MAX_ID, id_or_404, parse_id


@pytest.mark.parametrize("value, expected", [
    ("1", 1), (7, 7), (str(MAX_ID), MAX_ID), (MAX_ID, MAX_ID),
    ("0", None), (0, None), ("-1", None), (-1, None), (str(MAX_ID + 1), None),
    (MAX_ID + 1, None), ("99999999999999999999999", None), ("1.5", None), ("abc", None),
    ("٣", None), (" 1", None), ("+1", None), ("", None), (None, None), (True, None),
])
def test_an_id_is_a_positive_64_bit_number_or_nothing(value, expected):
    assert parse_id(value) == expected


def test_an_id_that_names_nothing_is_a_404():
    assert id_or_404("12") == 12
    with pytest.raises(Http404):
        id_or_404(str(2**63))
