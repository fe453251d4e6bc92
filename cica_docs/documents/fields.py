"""Form fields the editors of several kinds may use: an ordered choice of enclosures and a
month-and-year date."""

import datetime

from django import forms
from django.utils.dates import MONTHS
from django.utils.translation import gettext_lazy as _

YEARS = (1990, 2100)  # the years a month may be given in


class OrderedSelects(forms.SelectMultiple):
    """Several drop-downs with the same name, one per position: the browser submits them in
    page order, so the order the drafter chose is kept without any script. There is always
    one empty position more than the chosen documents, and at least `minimum`."""

    template_name = "django/forms/widgets/multiwidget.html"
    minimum = 3
    position_label = _("Enclosure %(position)s")

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        chosen = [str(v) for v in (value or []) if v not in (None, "")]
        base_id = context["widget"]["attrs"].get("id") or name
        select = forms.Select(choices=[("", "—"), *self.choices])
        subwidgets = []
        for position in range(max(len(chosen) + 1, self.minimum)):
            sub_attrs = {
                # Each position is a plain drop-down: SelectMultiple's own "multiple" would
                # make it a list box in which several documents could share one position.
                **{k: v for k, v in context["widget"]["attrs"].items() if k != "multiple"},
                "id": f"{base_id}_{position}" if position else base_id,
                "aria-label": self.position_label % {"position": position + 1},
            }
            current = chosen[position] if position < len(chosen) else ""
            subwidgets.append(select.get_context(name, current, sub_attrs)["widget"])
        context["widget"]["subwidgets"] = subwidgets
        return context


class EnclosuresField(forms.Field):
    """The ids of the enclosed documents, in order; empty positions are skipped. Whether
    they may be enclosed is decided by `enclosures.enclosure_problems` (in the form)."""

    widget = OrderedSelects

    def __init__(self, *, choices=(), **kwargs):
        super().__init__(**kwargs)
        self.widget.choices = choices

    def to_python(self, value):
        if value in (None, ""):
            return []
        if isinstance(value, str):
            value = [value]
        return [str(v).strip() for v in value if str(v).strip()]


class MonthYearWidget(forms.MultiWidget):
    def __init__(self, attrs=None):
        super().__init__(
            [
                forms.Select(attrs={"aria-label": _("Month")},
                             choices=[("", "—"), *MONTHS.items()]),
                forms.NumberInput(attrs={"aria-label": _("Year"), "min": YEARS[0],
                                                 "max": YEARS[1]}),
            ],
            attrs,
        )

    def decompress(self, value):
        if isinstance(value, str):
            try:
                value = datetime.date.fromisoformat(value)
            except ValueError:
                value = None
        return [value.month, value.year] if value else [None, None]


def _year_field():
    return forms.IntegerField(min_value=YEARS[0], max_value=YEARS[1])


def first_of_month(value) -> datetime.date:
    """A date (or its ISO form) as the month it falls in: its first day. ValidationError for
    a year out of YEARS, with the message the browser's MonthYearField gives."""
    day = datetime.date.fromisoformat(value) if isinstance(value, str) else value
    _year_field().clean(day.year)
    return day.replace(day=1)


class MonthYearField(forms.MultiValueField):
    """A month of a year, stored as the first day of that month."""

    widget = MonthYearWidget

    def __init__(self, **kwargs):
        fields = (
            forms.TypedChoiceField(choices=list(MONTHS.items()), coerce=int),
            _year_field(),
        )
        kwargs.setdefault("error_messages", {})
        kwargs["error_messages"].setdefault("incomplete", _("Give both the month and the year."))
        super().__init__(fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list:
            return None
        month, year = data_list
        return datetime.date(int(year), int(month), 1)
