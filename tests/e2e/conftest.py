"""Browser harness: pytest-playwright driving Debian's Chromium (never a downloaded browser)."""

import importlib
import shutil

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    if not executable:
        pytest.fail("Browser tests need Debian's chromium: apt-get install chromium")
    return {**browser_type_launch_args, "executable_path": executable, "args": CHROMIUM_ARGS}


@pytest.fixture
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "en-GB", "viewport": {"width": 1280, "height": 900}}


# Data that migrations load and that a transactional test's flush removes. Django's
# serialized rollback cannot restore it here: Playwright's greenlets give the test a
# database connection object of its own, without the serialized copy.
REFERENCE_DATA = [
    ("cica_docs.accounts.migrations.0002_roles", "create_roles"),
    ("cica_docs.circulation.migrations.0002_member_states_data", "load_member_states"),
    ("cica_docs.circulation.migrations.0004_default_list_and_grants", "create_default_list"),
    ("cica_docs.audit.migrations.0002_append_only", "grant_view_to_admins"),
]


@pytest.fixture(autouse=True)
def _e2e_database(transactional_db, live_server):
    from django.apps import apps

    for module, function in REFERENCE_DATA:
        getattr(importlib.import_module(module), function)(apps, None)


def pytest_collection_modifyitems(items):
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)
