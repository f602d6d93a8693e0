from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from tracker.services.tokens import TOKEN_LIFETIME, TokenInvalid, api_token_create


class Command(BaseCommand):
    help = (
        "Make an API bearer token for USERNAME and print it (valid 90 days, until revoked on "
        "/account/tokens/, or until the user's password changes)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--name", default="manage.py api_token", help="what the token is for")

    def handle(self, *args, username, name, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"no user {username!r}")
        try:
            _, raw = api_token_create(user=user, name=name)
        except TokenInvalid as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(raw)
        days = TOKEN_LIFETIME.days
        self.stderr.write(f"Valid {days} days: Authorization: Bearer <token>; listed and revocable on /account/tokens/")
