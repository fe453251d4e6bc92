"""The demo concept paper: a complete package like the reference."""

import pytest

from cica_docs.accounts import roles
from cica_docs.accounts.demo_records import demo_object
from cica_docs.documents.checks import run_checks
from cica_docs.issuing.packages import enclosure_parts, render_all
from concepts import demo
from concepts.models import ConceptPaper
from notes import demo as notes_demo
from notes.models import Note
from tests.conftest import make_user
from tests.rendering.conftest import pdftotext

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_users():
    return {
        "drafter": make_user("drafter", roles.DRAFTER),
        "reviewer": make_user("reviewer", roles.REVIEWER),
        "registrar": make_user("registrar", roles.REGISTRAR),
        # The demo's revisers sign off the notes before they are issued (workbench/demo.py).
        **{f"reviser.{lang}": make_user(f"reviser.{lang}", roles.DRAFTER)
           for lang in ("en", "ru", "kk")},
    }


def load(users):
    """The concept papers' demo, then the notes' (which encloses the paper), as `demo` runs
    them (by PHASE)."""
    assert getattr(notes_demo, "PHASE", 1) > demo.PHASE
    demo.load(users=users)
    notes_demo.load(users=users)
    return demo_object("note:escap-2026", Note)


def test_the_demo_issues_the_paper_without_a_number_inside_an_issued_note_once(demo_users):
    load(demo_users)
    note = load(demo_users)
    paper = ConceptPaper.objects.get()
    assert paper.state == "issued" and paper.number is None and paper.languages == ["en", "ru"]
    # Issued after the others; only the circular note that cites it comes after it.
    last, before = Note.objects.filter(state="issued").order_by("-number")[:2]
    assert note.state == "issued" and note == before and last.reference_document_id == note.pk
    assert Note.objects.filter(enclosures__enclosed=paper).get() == note
    assert [e.enclosed_id for e in note.enclosures.all()] == [paper.pk]
    # Numbers and dates agree between the English and Russian texts; no script is mixed.
    assert not {f.code for f in run_checks(paper)} & {"numbers_differ", "mixed_script",
                                                        "first_person", "empty_language"}


def test_the_demo_paper_prints_about_ten_pages_and_the_note_states_that_count(demo_users):
    note = load(demo_users)
    _parts, pages = enclosure_parts(note)
    assert 9 <= pages[0] <= 12, pages
    package = next(r.pdf for r in render_all(note) if r.variant == "package")
    text = pdftotext(package.data)
    assert f"Enclosure: as stated, on {pages[0]} p." in text
    assert f"Приложение: упомянутое, на {pages[0]} л." in text
    assert f"Қосымша: аталған, {pages[0]} парақта." in text
    assert package.page_counts[3:] and sum(package.page_counts[3:]) == pages[0]
    assert "ТҰЖЫРЫМДАМА" not in text  # Kazakh is not among the paper's languages
    assert text.index("CONCEPT PAPER") < text.index("КОНЦЕПЦИЯ")
    assert "Секретариат СВМДА\nНоябрь 2026 года" in text
