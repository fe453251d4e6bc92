"""Create (or refresh) the demo users and documents, so that `make run` shows a working app.

Each app may add its own demo data in a `demo.py` module with `load(*, users)`; a module
with `PHASE = 2` runs after all the others.

Idempotent, and it touches only what it created (SECURITY.md promise 11): every demo record
is remembered under a stable key (`DemoRecord`, `cica_docs.accounts.demo_records`), and a
later run finds its records by those keys, never by a name or a title. A user is a demo user
only if the demo created it: a real account called `admin` (or `drafter`, …) keeps its
password and roles, and the demo documents are then left out, because the demo will not act
in a real person's name. A module that finds something it may not touch raises
`DemoSkipped`, and only that module's data is left out.

Refuses to run unless the DEMO switch is on (`make run` and `make dev` set it), so it can
never create well-known passwords on a production server.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule
from django_otp.plugins.otp_totp.models import TOTPDevice

from cica_docs.accounts import roles
from cica_docs.accounts.demo_records import DemoSkipped, demo_object, demo_remember
from cica_docs.accounts.models import User
from cica_docs.accounts.two_factor import (
    TOTP_DEVICE,
    recovery_codes_new,
    requires_two_factor,
    totp_device,
)
from cica_docs.circulation.models import MemberState

# username, first name, last name, roles, member-state code, preferred language
DEMO_USERS = [
    ("drafter", "Aigerim", "Sadykova", [roles.DRAFTER], None, "en"),
    ("reviewer", "Dmitry", "Orlov", [roles.REVIEWER], None, "ru"),
    ("registrar", "Nurlan", "Abenov", [roles.REGISTRAR], None, "kk"),
    ("admin", "Saule", "Temirova", [roles.ADMIN], None, "en"),
    # Translators who revise their language (cica_docs/workbench/demo.py names them).
    ("reviser.en", "Helen", "Carter", [roles.DRAFTER], None, "en"),
    ("reviser.ru", "Irina", "Volkova", [roles.DRAFTER], None, "ru"),
    ("reviser.kk", "Dana", "Nurlanqyzy", [roles.DRAFTER], None, "kk"),
    ("delegate.kz", "Yerlan", "Dzhaksybekov", [roles.DELEGATE], "KAZ", "kk"),
    ("delegate.in", "Priya", "Raman", [roles.DELEGATE], "IND", "en"),
]


def _demo_user(username, first, last, role_names, state_code, language, *, password):
    """The demo's own user `username` (created, or refreshed), or None when the name belongs
    to a user the demo did not create."""
    user = demo_object(f"user:{username}", User)
    if user is None:
        if User.objects.filter(username=username).exists():
            return None
        user = User(username=username)
    user.first_name, user.last_name = first, last
    user.email = f"{username}@demo.s-cica.org"
    user.preferred_language = language
    user.member_state = MemberState.objects.get(code=state_code) if state_code else None
    user.is_staff = user.is_superuser = username == "admin"
    user.set_password(password)
    new = user.pk is None
    user.save()
    if new:
        demo_remember(f"user:{username}", user)
    user.groups.set(Group.objects.filter(name__in=role_names))
    return user


def _demo_second_factor(user) -> tuple[str, list[str]]:
    """The demo registrar's and administrator's authenticator (made once, so a phone that
    scanned its key keeps working) and their unused recovery codes, to print beside the
    logins: their roles require two-factor sign-in, in the demo too."""
    from base64 import b32encode

    from django_otp.plugins.otp_static.models import StaticToken

    device = totp_device(user)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=TOTP_DEVICE, confirmed=True)
        recovery_codes_new(user)
    codes = StaticToken.objects.filter(device__user=user).order_by("pk")
    return b32encode(device.bin_key).decode(), list(codes.values_list("token", flat=True))


class Command(BaseCommand):
    help = "Create the demo users (password from DEMO_PASSWORD). Runs only with DEMO=1."

    def handle(self, *args, **options):
        if not settings.DEMO:
            raise CommandError("The demo data loads only with DEMO=1 (make run sets it).")
        self._seal_authority()  # before the demo's documents are issued and sealed
        password = settings.CICA_DEMO_PASSWORD
        users, taken = {}, []
        with transaction.atomic():
            for username, *spec in DEMO_USERS:
                user = _demo_user(username, *spec, password=password)
                if user is None:
                    taken.append(username)
                else:
                    users[username] = user
            second_factors = {name: _demo_second_factor(user) for name, user in users.items()
                              if requires_two_factor(user)}
            if taken:
                skipped = [("documents", f"users {', '.join(taken)} exist and are not the "
                            "demo's; they are left as they are, and the demo acts in "
                            "nobody else's name")]
            else:
                skipped = self._load_modules(users)
        self.stdout.write(f"Demo logins (password: {password}):")
        for username, _first, _last, role_names, state_code, _language in DEMO_USERS:
            if username in users:
                where = f" — {state_code}" if state_code else ""
                self.stdout.write(f"  {username:<12} {', '.join(role_names)}{where}")
        for username, (key, codes) in second_factors.items():
            self.stdout.write(f"Two-factor sign-in of {username}: authenticator key {key} "
                              f"(`oathtool --totp -b {key}` shows the code), or a recovery "
                              f"code: {' '.join(codes) or 'none left'}")
        for what, reason in skipped:
            self.stdout.write(f"Demo {what} left out: {reason}.")

    def _seal_authority(self):
        """The local demo CA that seals the demo's issued files (README: Seal and
        verification), made once."""
        if not settings.SEAL_DEMO_AUTHORITY:
            return
        from pathlib import Path

        from cica_docs.seal.keys import demo_authority

        _p12, ca_pem, created = demo_authority(Path(settings.SEAL_PKCS12).parent)
        if created:
            self.stdout.write(f"Created a local demo certification authority and sealing key "
                              f"in {ca_pem.parent}/ (issued PDFs are sealed with it; "
                              f"not for real use).")

    def _load_modules(self, users) -> list[tuple[str, str]]:
        modules = [
            import_module(f"{app.name}.demo") for app in apps.get_app_configs()
            if module_has_submodule(app.module, "demo")
        ]
        skipped = []
        # A demo module may set PHASE = 2 to run after every phase-1 module (circulation
        # dispatches what the document kinds issued); within a phase, INSTALLED_APPS order.
        for module in sorted(modules, key=lambda module: getattr(module, "PHASE", 1)):
            try:
                with transaction.atomic():  # a module that stops leaves nothing half-made
                    module.load(users=users)
            except DemoSkipped as reason:
                skipped.append((module.__name__.removesuffix(".demo"), str(reason)))
        return skipped
