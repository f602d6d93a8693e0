import bz2
import gzip
import lzma
from pathlib import Path

from django.core import serializers
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from tracker.models import Article, Quote, Speaker

_OPENERS = {".gz": gzip.open, ".bz2": bz2.open, ".xz": lzma.open}


def _auto_now_values(path: str):
    """(model, pk, {field: value}) for auto_now fields, which loaddata would overwrite with now()."""
    opener = _OPENERS.get(Path(path).suffix, open)
    with opener(path, "rb") as fh:
        for item in serializers.deserialize("xml", fh, handle_forward_references=True):
            obj = item.object
            fields = [f.attname for f in obj._meta.concrete_fields if getattr(f, "auto_now", False)]
            if fields:
                yield type(obj), obj.pk, {name: getattr(obj, name) for name in fields}


class Command(BaseCommand):
    help = "Load a file written by `backup` into a freshly migrated, empty database."

    def add_arguments(self, parser):
        parser.add_argument("path")

    def handle(self, *args, path, **options):
        if Article.objects.exists() or Quote.objects.exists() or Speaker.objects.exists():
            raise CommandError("The database already holds articles or speakers; restore into an empty one.")
        with transaction.atomic():
            call_command("loaddata", path, verbosity=0)
            for model, pk, values in _auto_now_values(path):
                model.objects.filter(pk=pk).update(**values)
        self.stdout.write(
            f"Restored {Article.objects.count()} articles, {Quote.objects.count()} quotes, "
            f"{Speaker.objects.count()} speakers."
        )
