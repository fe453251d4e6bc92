import pytest
from playwright.sync_api import expect

from cica_docs.accounts import roles
from cica_docs.audit.models import AuditEvent
from cica_docs.circulation.models import CirculationList
from tests.conftest import PASSWORD, make_user

from .conftest import enter_code, second_factor_of


@pytest.fixture
def admin():
    return make_user("admin.user", roles.ADMIN)


def test_admin_confirms_the_password_then_builds_a_list_by_ticking_states(
    page, live_server, admin
):
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Username").fill(admin.username)
    page.get_by_label("Password").fill(PASSWORD)
    device = second_factor_of(admin.username)
    page.get_by_role("button", name="Log in", exact=True).click()
    enter_code(page, device)

    page.get_by_role("link", name="Circulation lists").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Circulation lists")
    expect(page.get_by_role("link", name="All member states", exact=True)).to_be_visible()
    page.get_by_role("link", name="New circulation list").click()

    # Asked to confirm the password before anything can be changed.
    expect(page.get_by_role("heading", level=1)).to_have_text("Confirm your password")
    page.get_by_label("Password").fill("not-my-password")
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_text("That password is not correct.")).to_be_visible()
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Confirm").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("New circulation list")
    page.get_by_label("Name (English)").fill("Senior Officials Committee")
    page.get_by_label("Name (Russian)").fill("Комитет старших должностных лиц")
    page.get_by_label("Name (Kazakh)").fill("Лауазымды жоғары тұлғалар комитеті")

    count = page.locator("[data-check-count]")
    expect(count).to_have_text("0")
    page.get_by_role("button", name="Select all").click()
    expect(count).to_have_text("28")
    page.get_by_role("button", name="Select none").click()
    expect(count).to_have_text("0")
    for state in ["Kazakhstan", "India", "China"]:
        page.get_by_label(state, exact=True).check()
    expect(count).to_have_text("3")
    page.get_by_role("button", name="Save the list").click()

    expect(page.get_by_text("The list “Senior Officials Committee” was created.")).to_be_visible()
    expect(page.get_by_text("3 member states")).to_be_visible()
    created = CirculationList.objects.get(name_en="Senior Officials Committee")
    assert sorted(created.states.values_list("code", flat=True)) == ["CHN", "IND", "KAZ"]
    assert AuditEvent.objects.filter(action="circulation_list.create", actor=admin).exists()
