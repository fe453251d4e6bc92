from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from rest_framework.authtoken.models import Token

from cica_docs.audit.log import record


class Command(BaseCommand):
    help = "Print the API token of a user, creating it if needed."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User.objects.get(username=username)
        except User.DoesNotExist:
            raise CommandError(f"There is no user {username!r}.") from None
        if not user.is_active:
            raise CommandError(f"The user {username!r} is inactive.")
        token, created = Token.objects.get_or_create(user=user)
        if created:
            record(action="api_token.create", actor=user, target=user)
        self.stdout.write(token.key)
