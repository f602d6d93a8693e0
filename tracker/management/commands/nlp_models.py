from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tracker.attribution import stanza_backend
from tracker.attribution.engine import supported_languages


class Command(BaseCommand):
    help = "Show or download the stanza models detection uses (tokenize, mwt, ner) into STANZA_DIR."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("status", help="Which languages have their models in STANZA_DIR.")
        download = sub.add_parser("download", help="Fetch the models for the given languages.")
        download.add_argument("languages", nargs="+", metavar="LANG")
        download.add_argument("--resources-url", help="Where stanza's resources.json lives (a mirror).")

    def handle(self, *args, action, **options):
        if action == "status":
            return self._status()
        return self._download(options["languages"], options.get("resources_url"))

    def _status(self):
        model_dir = settings.STANZA_DIR
        self.stdout.write(f"STANZA_DIR: {model_dir}")
        for lang in supported_languages():
            missing = stanza_backend.missing_models(model_dir, lang)
            if missing:
                self.stdout.write(f"{lang}: absent (missing {', '.join(missing[:4])}) — built-in rules only")
            else:
                self.stdout.write(f"{lang}: present — stanza entities with the built-in rules")

    def _download(self, languages: list[str], resources_url: str | None):
        unknown = sorted(set(languages) - set(supported_languages()))
        if unknown:
            raise CommandError(f"no rules for {', '.join(unknown)}; languages: {', '.join(supported_languages())}")
        failed = []
        for lang in dict.fromkeys(languages):
            self.stdout.write(f"{lang}: downloading into {settings.STANZA_DIR} …")
            try:
                processors = stanza_backend.download(lang, model_dir=settings.STANZA_DIR, resources_url=resources_url)
            except Exception as exc:  # network, HTTP, disk: all end the same way, without a traceback
                failed.append(lang)
                self.stderr.write(f"{lang}: download failed: {type(exc).__name__}: {str(exc)[:300]}")
                continue
            self.stdout.write(f"{lang}: done ({', '.join(processors)})")
        if failed:
            raise CommandError(
                f"stanza models not downloaded for {', '.join(failed)} (is the model host reachable from here?); "
                "detection keeps using the built-in rules."
            )
        self.stdout.write("Restart the server and the detection worker to use the new models.")
