"""The parts every kind's copy prints the same way, from the platform's admin data: the
letterhead (with its emblem and the DRAFT mark), the place-and-date line and the
addressee block. A kind's layout passes `page_context` to templates/pdf/base.html."""

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from cica_docs.documents.enclosures import enclosed_items
from cica_docs.issuing.packages import preview_page_counts
from cica_docs.languages import format_place_date
from cica_docs.rendering.fetcher import letterhead_url
from cica_docs.rendering.marks import DRAFT_MARKS
from cica_docs.rendering.markup import clean_text, plain_html

from .models import Letterhead
from .placeholders import fill, template_problems

# The letterhead texts every copy needs, whatever its kind.
LETTERHEAD_FIELDS = ("place", "letterhead")


def text(obj, name: str, lang: str) -> str:
    """`name` of `obj` in `lang`, stripped ("" when empty or `obj` is None)."""
    if obj is None:
        return ""
    return (getattr(obj, build_localized_fieldname(name, lang), "") or "").strip()


def lines(value: str) -> list[str]:
    return [line.strip() for line in value.splitlines() if line.strip()]


def letterhead_lines(lang: str, letterhead: Letterhead | None = None) -> list[str]:
    return lines(text(letterhead or Letterhead.current(), "letterhead", lang))


def print_day(document):
    """The date a copy prints: its issue date, or today for a draft (which has none)."""
    return document.issued_on or timezone.localdate()


def place_date(document, lang: str, *, place: str = "",
               letterhead: Letterhead | None = None) -> str:
    """"Astana, 6 March 2024" in the language's official form; `place`: the document's own
    (empty: the letterhead's)."""
    place = place or text(letterhead or Letterhead.current(), "place", lang)
    return format_place_date(place, print_day(document), lang)


def addressee_block(addressee, lang: str) -> list[str]:
    """The addressee's block, one line per line, in capitals where the addressee asks so."""
    if addressee is None:
        return []
    block = lines(text(addressee, "block", lang))
    return [line.upper() for line in block] if addressee.block_in_capitals else block


def enclosure_lines(lang: str, page_counts, letterhead: Letterhead | None = None) -> list[str]:
    """One line per enclosure: "Enclosure: as stated, on 10 p." (its page count)."""
    template = text(letterhead or Letterhead.current(), "enclosure_template", lang)
    return [fill(template, pages=str(pages)) for pages in page_counts]


def preview_enclosure_pages(document, enclosures=None) -> list:
    """The page counts an on-screen preview's enclosure lines state, as the print would ("…"
    for one not counted yet). `enclosures`: an unsaved draft's, in order."""
    items = enclosed_items(document) if enclosures is None else enclosures
    return ["…" if count is None else count for count in preview_page_counts(items)]


def letterhead_problems(lang: str, letterhead: Letterhead, names=LETTERHEAD_FIELDS) -> list[str]:
    """Why the letterhead texts `names` of `lang` cannot print ([] when they can)."""
    problems = []
    for name in names:
        label = capfirst(Letterhead._meta.get_field(name).verbose_name)
        value = text(letterhead, name, lang)
        if not value:
            problems.append(str(_("%(field)s is empty") % {"field": label}))
            continue
        field = Letterhead._meta.get_field(name)
        validator = next((v for v in field.validators if hasattr(v, "allowed")), None)
        allowed, required = (validator.allowed, validator.required) if validator else ((), ())
        problems += [f"{label}: {problem}" for problem
                     in template_problems(value, allowed=allowed, required=required)]
    return problems


def page_context(lang: str, *, title: str, letterhead_lines: list[str], is_draft: bool,
                 emblem: str | None = None, draft_mark: str = "") -> dict:
    """What templates/pdf/base.html prints around a kind's content: the letterhead (and the
    emblem: a stored name, or a data: URL), the DRAFT mark of a draft, the title."""
    if emblem and not emblem.startswith("data:image/"):
        emblem = letterhead_url(emblem)
    return {
        "language": lang,
        "title": clean_text(title),
        "letterhead_lines": [plain_html(line) for line in letterhead_lines],
        "emblem_url": emblem or "",
        "draft_mark": (draft_mark or DRAFT_MARKS.get(lang, "DRAFT")) if is_draft else "",
    }
