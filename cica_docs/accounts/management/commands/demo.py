"""Create (or refresh) the demo users and documents, so that `make run` shows a working app.

Each app may add its own demo data in a `demo.py` module with `load(*, users)`; a module
with `PHASE = 2` runs after all the others.

Idempotent: run it as often as you like. Refuses to run when DEBUG is off, so it can never
create well-known passwords on a production server.
"""

from importlib import import_module

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.module_loading import module_has_submodule

from cica_docs.accounts import roles
from cica_docs.accounts.models import User
from cica_docs.circulation.models import MemberState

# username, first name, last name, roles, member-state code, preferred language
DEMO_USERS = [
    ("drafter", "Aigerim", "Sadykova", [roles.DRAFTER], None, "en"),
    ("reviewer", "Dmitry", "Orlov", [roles.REVIEWER], None, "ru"),
    ("registrar", "Nurlan", "Abenov", [roles.REGISTRAR], None, "kk"),
    ("admin", "Saule", "Temirova", [roles.ADMIN], None, "en"),
    ("delegate.kz", "Yerlan", "Dzhaksybekov", [roles.DELEGATE], "KAZ", "kk"),
    ("delegate.in", "Priya", "Raman", [roles.DELEGATE], "IND", "en"),
]


class Command(BaseCommand):
    help = "Create the demo users (password from DEMO_PASSWORD). Never runs with DEBUG off."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo data is for development only; DEBUG is off.")
        password = settings.CICA_DEMO_PASSWORD
        with transaction.atomic():
            for username, first, last, role_names, state_code, language in DEMO_USERS:
                user, _created = User.objects.get_or_create(username=username)
                user.first_name, user.last_name = first, last
                user.email = f"{username}@demo.s-cica.org"
                user.preferred_language = language
                user.member_state = (
                    MemberState.objects.get(code=state_code) if state_code else None
                )
                user.is_staff = user.is_superuser = username == "admin"
                user.set_password(password)
                user.save()
                user.groups.set(Group.objects.filter(name__in=role_names))
            users = {user.username: user for user in User.objects.filter(
                username__in=[row[0] for row in DEMO_USERS]
            )}
            modules = [
                import_module(f"{app.name}.demo") for app in apps.get_app_configs()
                if module_has_submodule(app.module, "demo")
            ]
            # A demo module may set PHASE = 2 to run after every phase-1 module (circulation
            # dispatches what the document kinds issued); within a phase, INSTALLED_APPS order.
            for module in sorted(modules, key=lambda module: getattr(module, "PHASE", 1)):
                module.load(users=users)
        self.stdout.write(f"Demo logins (password: {password}):")
        for username, _first, _last, role_names, state_code, _language in DEMO_USERS:
            where = f" — {state_code}" if state_code else ""
            self.stdout.write(f"  {username:<12} {', '.join(role_names)}{where}")
