import collections
import copy
import hashlib
import importlib
import os
import pickle
import time

import pytest
from django.contrib.auth.models import Group
from django.utils import translation

from cica_docs.accounts import roles
from cica_docs.accounts.models import User
from cica_docs.circulation.models import MemberState
from tests.smtp import smtp_server  # noqa: F401  (fixture: a real SMTP server on loopback)

# Playwright's sync API runs an event loop in the test thread; Django's ORM must still be
# usable from the test body (setup and assertions), which is synchronous code.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "correct-horse-battery-staple"


def make_user(username, *role_names, state_code=None, **extra):
    user = User.objects.create_user(
        username=username,
        password=PASSWORD,
        email=f"{username}@example.org",
        member_state=MemberState.objects.get(code=state_code) if state_code else None,
        **extra,
    )
    user.groups.set(Group.objects.filter(name__in=role_names))
    return user


@pytest.fixture(scope="session")
def django_db_setup(request, django_test_environment, django_db_blocker, django_db_keepdb,
                    django_db_createdb, django_db_modify_db_settings):
    """pytest-django's test database, created, migrated and destroyed as the owner of the
    schema (DATABASE_OWNER_URL, when set), while the tests run as the app's runtime role;
    `flush` after a transactional test switches to the owner by itself."""
    from django.test.utils import setup_databases, teardown_databases
    from pytest_django.fixtures import _get_databases_for_setup

    from cica_docs.database.roles import owner_connection

    keepdb = django_db_keepdb and not django_db_createdb
    aliases, serialized_aliases = _get_databases_for_setup(request.session.items)
    verbosity = request.config.option.verbose
    with django_db_blocker.unblock(), owner_connection():
        config = setup_databases(verbosity=verbosity, interactive=False, aliases=aliases,
                                 serialized_aliases=serialized_aliases, keepdb=keepdb)
    yield
    if not django_db_keepdb:
        with django_db_blocker.unblock(), owner_connection():
            teardown_databases(config, verbosity=verbosity)


@pytest.fixture(autouse=True)
def _plain_static_storage(settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Static files from the apps' folders, as `make dev` serves them: a clean checkout has
    # no collected copy under var/static for WhiteNoise to serve.
    settings.WHITENOISE_USE_FINDERS = True


@pytest.fixture(autouse=True)
def _media_in_a_temporary_folder(settings, tmp_path):
    """Stored files (rendered PDFs, emblems) go to a folder of the test's own."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(scope="session")
def seal_authority(tmp_path_factory):
    """A demo certification authority and sealing key for the whole run (the one `make run`
    creates in var/seal/); subprocesses (a worker, a server) find it through the
    environment."""
    from cica_docs.seal.keys import demo_authority

    p12, ca_pem, _created = demo_authority(tmp_path_factory.mktemp("seal"))
    os.environ.update(SEAL_PKCS12=str(p12), SEAL_TRUST_ROOTS=str(ca_pem),
                      SEAL_PKCS12_PASSWORD=(p12.with_name("seal.password")).read_text())
    return p12, ca_pem


@pytest.fixture(autouse=True)
def _issued_files_sealed(settings, seal_authority):
    """Every issued file is sealed, as in production."""
    p12, ca_pem = seal_authority
    settings.SEAL_PKCS12 = str(p12)
    settings.SEAL_PKCS12_PASSWORD = ""  # read from beside the key, as the demo does
    settings.SEAL_TRUST_ROOTS = [str(ca_pem)]
    settings.SEAL_DEMO_AUTHORITY = False
    settings.VERIFY_RATE_PER_MINUTE = 10_000  # the rate test sets its own


@pytest.fixture(autouse=True)
def _quick_password_hasher(settings):
    """Passwords the tests set are hashed with a quick hasher (Django's advice for test
    suites: the production PBKDF2 costs half a second a user here, and the suite makes
    thousands); PBKDF2 stays listed, so the hashes migrations and the demo wrote still verify.
    The algorithm is not what these tests test; production settings keep PBKDF2."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher",
                                 *settings.PASSWORD_HASHERS]


@pytest.fixture(autouse=True)
def _tasks_run_at_once(settings):
    """Background tasks run in the test process as soon as they are enqueued."""
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture(autouse=True)
def _english_between_tests():
    """Requests activate their language in the test thread; start every test in English."""
    translation.activate("en")
    yield
    translation.activate("en")


# Data that migrations load and that a transactional test's flush removes. Django's
# serialized rollback cannot restore it for browser tests: Playwright's greenlets give the
# test a database connection object of its own, without the serialized copy.
REFERENCE_DATA = [
    ("cica_docs.accounts.migrations.0002_roles", "create_roles"),
    ("cica_docs.circulation.migrations.0002_member_states_data", "load_member_states"),
    ("cica_docs.documents.migrations.0002_append_only_triggers", "grant_series"),
    ("tests.conftest", "load_formulas_and_addressees"),
    ("letters.migrations.0002_default_formulas", "load_defaults"),
    ("cica_docs.circulation.migrations.0004_default_list_and_grants", "create_default_list"),
    ("cica_docs.audit.migrations.0002_append_only", "grant_view_to_admins"),
    ("cica_docs.accounts.migrations.0004_discard_documents_permission", "grant_discard"),
    ("cica_docs.termbase.migrations.0002_seed_terms", "seed"),
]


def load_formulas_and_addressees(apps, schema_editor):
    """What notes 0002 loads, where the models are now (the addressees moved to
    cica_docs/letterhead in notes 0006, the letterhead and sender's names in notes 0007)."""
    from cica_docs.accounts.migration_helpers import grant

    defaults = importlib.import_module("notes.migrations.0002_default_formulas")
    values = defaults._localized(defaults.FORMULAS)
    platform = importlib.import_module("notes.migrations.0007_letterhead_to_platform").COLUMNS
    FormulaSet = apps.get_model("notes", "FormulaSet")
    if not FormulaSet.objects.exists():
        FormulaSet.objects.create(**{k: v for k, v in values.items() if k not in platform})
    Letterhead = apps.get_model("letterhead", "Letterhead")
    if not Letterhead.objects.exists():
        Letterhead.objects.create(**{k: v for k, v in values.items() if k in platform})
    apps.get_model("letterhead", "Addressee").objects.update_or_create(
        code="cica-member-states", defaults={**defaults._localized(defaults.MEMBER_STATES),
                                             "block_in_capitals": True})
    grant(apps, {"admin": [
        "letterhead.add_addressee", "letterhead.change_addressee", "letterhead.view_addressee",
        "notes.change_formulaset", "notes.view_formulaset",
        "letterhead.change_letterhead", "letterhead.view_letterhead",
    ]})


@pytest.fixture
def reference_data(transactional_db):
    """A transactional database with the data that migrations load."""
    from django.apps import apps

    for module, function in REFERENCE_DATA:
        getattr(importlib.import_module(module), function)(apps, None)


def two_factor_device(user):
    """The user's confirmed authenticator (a real TOTPDevice in the database), made if
    needed, as enrolment makes it."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=True)


def totp_code(device) -> str:
    """The code the person's authenticator app would show now, from the device's key
    (django_otp.oath). A code is accepted once per 30-second step: when this step's code was
    used already (two log-ins within one step), the next step's, which the device accepts
    one step early, or a short wait for it."""
    from django_otp.oath import TOTP

    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    while device.last_t + 1 > totp.t() + device.tolerance:
        time.sleep(1)
    target = max(totp.t(), device.last_t + 1)
    totp.time = device.t0 + (target - device.drift) * device.step
    return f"{totp.token():0{device.digits}d}"


def attach_second_factor(client, user):
    """Mark the client's session as having passed two-factor sign-in with the user's real
    device, as django_otp.login does after a correct code."""
    from django_otp import DEVICE_ID_SESSION_KEY

    session = client.session
    session[DEVICE_ID_SESSION_KEY] = two_factor_device(user).persistent_id
    session.save()


@pytest.fixture(autouse=True)
def _force_login_passes_the_second_factor(request, monkeypatch):
    """Tests log staff in with `client.force_login(user)`; for a user who must (or chose to)
    sign in with a second factor, the session then also carries a verified device, as after
    the code. Tests of two-factor sign-in itself (marker two_factor) get Django's plain
    force_login: a password-only session, which the app sends to the second step."""
    if request.node.get_closest_marker("two_factor"):
        return
    from django.test import Client

    from cica_docs.accounts.two_factor import has_device, requires_two_factor

    plain = Client.force_login

    def force_login(self, user, backend=None):
        plain(self, user, backend)
        if requires_two_factor(user) or has_device(user):
            attach_second_factor(self, user)

    monkeypatch.setattr(Client, "force_login", force_login)


def reauthenticate(client):
    """Mark the client's session as having confirmed the password a moment ago."""
    from cica_docs.accounts.reauth import SESSION_KEY

    session = client.session
    session[SESSION_KEY] = int(time.time())
    session.save()


def queries_of(client, url):
    """(how many queries a GET of `url` made, the response), for the lists' query counts."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def drafter(db):
    return make_user("drafter", roles.DRAFTER)


@pytest.fixture
def reviewer(db):
    return make_user("reviewer", roles.REVIEWER)


@pytest.fixture
def registrar(db):
    return make_user("registrar", roles.REGISTRAR)


@pytest.fixture
def admin_user(db):
    return make_user("admin", roles.ADMIN, is_staff=True, is_superuser=True)


@pytest.fixture
def delegate_kz(db):
    return make_user("delegate.kz", roles.DELEGATE, state_code="KAZ", preferred_language="kk")


@pytest.fixture
def delegate_in(db):
    return make_user("delegate.in", roles.DELEGATE, state_code="IND")


@pytest.fixture
def outsider(db):
    return make_user("outsider")


# The renderer is deterministic (tests/rendering/test_issued.py proves it, rendering afresh):
# the same parts with the same metadata and limit give the same bytes. A layout already made
# in this run is reused, as a shared rendered fixture would be, so that the hundreds of tests
# that issue the same factory note do not lay it out again. A test that needs the renderer
# itself to run (a limit, a crash, determinism) is marked `fresh_render`.
_LAYOUTS: collections.OrderedDict = collections.OrderedDict()
_LAYOUTS_KEPT = 300


@pytest.fixture(autouse=True)
def _layouts_shared_across_the_run(request, monkeypatch):
    if request.node.get_closest_marker("fresh_render"):
        return
    from cica_docs.rendering import pdf

    isolated = pdf.isolated

    def reusing(function, args, *, timeout):
        if function is not pdf._guarded:
            return isolated(function, args, timeout=timeout)
        key = hashlib.sha256(pickle.dumps((args, timeout), protocol=5)).digest()
        if key in _LAYOUTS:
            _LAYOUTS.move_to_end(key)
            return copy.deepcopy(_LAYOUTS[key])
        written = isolated(function, args, timeout=timeout)
        _LAYOUTS[key] = copy.deepcopy(written)
        while len(_LAYOUTS) > _LAYOUTS_KEPT:
            _LAYOUTS.popitem(last=False)
        return written

    monkeypatch.setattr(pdf, "isolated", reusing)
