"""The addressee page in a browser: the formulas preview follows what the administrator
types (htmx), before anything is saved."""

import os

from playwright.sync_api import expect

from cica_docs.accounts import roles
from cica_docs.letterhead.models import Addressee
from tests.conftest import make_user

from .conftest import log_in


def test_the_formulas_preview_follows_the_dative_as_typed(page, live_server):
    make_user("admin.user", roles.ADMIN)
    addressee = Addressee.objects.get(code="cica-member-states")
    log_in(page, live_server, "admin.user", then=None)
    page.goto(f"{live_server.url}/ru/manage/reference/addressees/{addressee.pk}/")
    page.locator("#id_dative_ru").fill("Министерству иностранных дел Республики Индия")
    samples = page.locator("#samples")
    expect(samples).to_contain_text(
        "свидетельствует свое уважение Министерству иностранных дел Республики Индия")
    if os.environ.get("CICA_SCREENSHOTS"):
        page.screenshot(path=os.environ["CICA_SCREENSHOTS"], full_page=True)
    addressee.refresh_from_db()
    assert addressee.dative_ru == "государствам-членам СВМДА"  # nothing saved
