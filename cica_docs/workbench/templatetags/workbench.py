from django import template

from cica_docs.documents.models import IssuedRevision
from cica_docs.languages import language_codes

from ..gate import reviser_name
from ..signoffs import standings

register = template.Library()


class _Named:
    def __init__(self, name, revision_number):
        self.name, self.revision_number = name, revision_number


@register.inclusion_tag("workbench/signoff_panel.html")
def signoff_panel(document):
    """Who signed off which language: for an issued document the sign-offs it was issued
    on, for the others the ones that hold now (and those a change withdrew)."""
    languages = [lang for lang in language_codes() if lang in document.languages]
    issued = IssuedRevision.objects.filter(document=document).first()
    rows = []
    if issued is not None:
        bound = {s.language: _Named(s.reviser_name, s.signoff.revision_number)
                 for s in issued.signoffs.select_related("signoff")}
        rows = [(lang, bound.get(lang), None) for lang in languages]
    else:
        found = standings(document)
        for lang in languages:
            held, gone = found[lang].signoff, found[lang].withdrawn
            rows.append((lang,
                         held and _Named(reviser_name(held.reviser), held.revision_number),
                         gone and _Named(reviser_name(gone.reviser), gone.revision_number)))
    series = document.series
    return {"document": document, "rows": rows, "link": issued is None,
            "required": bool(series and series.signoff_required), "series": series}
