from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cica_docs.documents.fields import MonthYearField
from cica_docs.documents.forms import DocumentForm
from cica_docs.languages import language_codes


class ConceptPaperForm(DocumentForm):
    kind_key = "concept"

    paper_date = MonthYearField(
        label=_("Month and year of the paper"), required=False,
        help_text=_("Printed under the author line."),
        initial=lambda: timezone.localdate().replace(day=1),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for lang in language_codes():
            self.fields[f"title_{lang}"].label = _("Title")
            self.fields[f"title_{lang}"].help_text = _(
                "Printed in bold under “CONCEPT PAPER”, e.g. “on Cooperation between …”."
            )
