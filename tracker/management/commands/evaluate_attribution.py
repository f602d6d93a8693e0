import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tracker.services.evaluation import GoldFileError, attribution_evaluate


class Command(BaseCommand):
    help = "Score detection against gold files (../shared/gold/FORMAT.md); last line: end-to-end F1."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", metavar="FILE_OR_DIR")
        parser.add_argument("--predictions", metavar="OUT.jsonl", help="Write what was detected, one article a line.")
        parser.add_argument("--json", action="store_true", help="Print the figures as JSON.")
        parser.add_argument("--verbose", action="store_true", help="List misses, extras, wrong speakers.")

    def handle(self, *args, paths, predictions=None, verbose=False, **options):
        try:
            run = attribution_evaluate(paths=paths, verbose=verbose)
        except GoldFileError as exc:
            raise CommandError(str(exc)) from exc
        if predictions:
            with Path(predictions).open("w", encoding="utf-8") as out:
                for line in run.predictions:
                    out.write(json.dumps(line, ensure_ascii=False) + "\n")
        backends = ", ".join(f"{lang} {name}" for lang, name in sorted(run.backends.items()))
        if options["json"]:
            # The figures as one JSON object, then the summary line every caller greps for.
            self.stdout.write(json.dumps({**run.figures, "backends": run.backends}, indent=2, ensure_ascii=False))
            self.stdout.write(run.lines[-1])
            return
        self.stdout.write(f"backend: {backends}")
        self.stdout.write("\n".join(run.lines))
