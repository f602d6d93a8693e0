from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from tracker.api import TOKEN_MAX_AGE, api_token_for


class Command(BaseCommand):
    help = "Print a bearer token for the read-only API (valid 90 days) for USERNAME."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user {username!r}")
        self.stdout.write(api_token_for(user))
        self.stderr.write(f"Valid for {TOKEN_MAX_AGE // 86400} days: Authorization: Bearer <token>")
