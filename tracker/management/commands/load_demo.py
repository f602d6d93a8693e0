import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from tracker.services.articles import article_import

DEMO_FILE = Path(__file__).resolve().parents[2] / "demo" / "almayadeen-2023-11-06.json"


class Command(BaseCommand):
    help = "Load the demo article and the demo account editor/editor (demo only). Safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            user_model = get_user_model()
            user, created = user_model.objects.get_or_create(username="editor", defaults={"is_staff": False})
            if created:
                user.set_password("editor")
                user.save()
            from tracker.services.users import user_role_set

            user_role_set(user=user, role="editor")
        data = json.loads(DEMO_FILE.read_text(encoding="utf-8"))
        result = article_import(
            title=data["title"],
            body=data["text"],
            outlet=data["outlet"],
            published=data["published"],
            language=data["language"],
            created_by=user,
        )
        state = "loaded" if result.created else "already loaded"
        self.stdout.write(f"Demo article {state} (id {result.article.pk}); demo account: editor / editor.")
