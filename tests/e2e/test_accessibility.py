"""Every kind of page, in each interface language, checked by axe-core (WCAG 2.1 A and AA:
labels, names, contrast, landmarks, language of the page) in Debian's Chromium.

axe-core comes with axe-playwright-python (a pinned dev dependency): nothing is fetched.
The pages do not depend on the database engine, so CI checks them in its SQLite pass only.
"""


import pytest
from axe_playwright_python.sync_playwright import Axe

from cica_docs.accounts import roles
from cica_docs.documents import services
from tests.conftest import make_user
from tests.factories import approved_note, make_note, upload_file

from .conftest import log_in

WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
           "resultTypes": ["violations"]}


def _violations(page) -> list[str]:
    results = Axe().run(page, options=WCAG_AA).response["violations"]
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(node["target"][0] if node["target"] else "?" for node in v["nodes"][:4])
        for v in results
    ]


@pytest.fixture
def site(live_server):
    """People and documents so that every page has something on it."""
    from cica_docs.circulation import dispatching
    from cica_docs.circulation.models import CirculationList

    drafter = make_user("drafter", roles.DRAFTER)
    registrar = make_user("registrar", roles.REGISTRAR)
    make_user("admin.user", roles.ADMIN)
    make_user("delegate.kz", roles.DELEGATE, state_code="KAZ")
    note = approved_note(drafter, make_user("reviewer", roles.REVIEWER))
    services.document_issue(document=note, by=registrar)
    dispatch = dispatching.dispatch_create(
        document=note, circulation_list=CirculationList.objects.get(is_default=True),
        by=registrar,
    )
    upload_file(drafter)
    draft = make_note(drafter, body_ru="Первый абзац.\n\nВторой абзац.")
    from cica_docs.meetings.models import DocumentMeeting, Meeting

    soc = Meeting.objects.create(kind="soc", title_en="SOC", title_ru="КСДЛ", title_kk="АЛТК",
                                 starts_on="2026-12-10", ends_on="2026-12-11")
    DocumentMeeting.objects.create(document=note, meeting=soc, tagged_by=registrar)
    from cica_docs.letterhead.models import Addressee

    return {"note": note, "dispatch": dispatch, "draft": draft,
            "addressee": Addressee.objects.get(code="cica-member-states")}


PAGES = {
    None: ["/{l}/accounts/login/", "/{l}/accounts/password/reset/", "/{l}/verify/"],
    "drafter": ["/{l}/work/", "/{l}/work/new/note/", "/{l}/work/new/concept/",
                "/{l}/work/{note}/", "/{l}/work/{note}/history/", "/{l}/work/files/",
                "/{l}/register/", "/{l}/my-work/", "/{l}/notifications/",
                "/{l}/accounts/password/change/", "/{l}/accounts/security/",
                "/{l}/accounts/two-factor/set-up/", "/{l}/work/{note}/xliff/import/",
                "/{l}/workbench/{note}/", "/{l}/workbench/{draft}/"],
    "registrar": ["/{l}/circulation/documents/{note}/dispatch/",
                  "/{l}/circulation/dispatches/{dispatch}/",
                  "/{l}/meetings/", "/{l}/meetings/add/"],
    "admin.user": ["/{l}/manage/audit/", "/{l}/accounts/two-factor/reset/",
                   "/{l}/manage/states/", "/{l}/manage/delegates/", "/{l}/manage/lists/",
                   "/{l}/manage/lists/add/", "/{l}/manage/delegates/add/",
                   "/{l}/manage/terms/", "/{l}/manage/terms/add/",
                   "/{l}/workbench/revisers/",
                   "/{l}/manage/reference/", "/{l}/manage/reference/addressees/",
                   "/{l}/manage/reference/addressees/add/",
                   "/{l}/manage/reference/addressees/{addressee}/",
                   "/{l}/manage/reference/letterhead/", "/{l}/manage/reference/note/formulas/",
                   "/{l}/manage/reference/letter/", "/{l}/manage/series/",
                   "/{l}/manage/series/add/"],
    "delegate.kz": ["/{l}/portal/", "/{l}/portal/documents/{note}/",
                    "/{l}/portal/unacknowledged/"],
}
LANDING = {"drafter": "/en/my-work/", "registrar": "/en/my-work/", "admin.user": "/en/my-work/",
           "delegate.kz": "/en/portal/"}


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_every_kind_of_page_passes_axe_in_each_language(page, live_server, site, language):
    found = {}
    for user, paths in PAGES.items():
        if user:
            log_in(page, live_server, user, landing=LANDING[user])
        else:
            page.context.clear_cookies()
        for path in paths:
            url = live_server.url + path.format(l=language, note=site["note"].pk,
                                                dispatch=site["dispatch"].pk,
                                                draft=site["draft"].pk,
                                                addressee=site["addressee"].pk)
            response = page.goto(url)
            page.wait_for_load_state("networkidle")
            assert response.status == 200, (url, response.status)
            problems = _violations(page)
            if problems:
                found[path.format(l=language, note="N", dispatch="D", draft="R",
                                  addressee="A")] = problems
    if found:
        pytest.fail("\n".join(f"{path}:\n  " + "\n  ".join(problems)
                              for path, problems in found.items()), pytrace=False)
