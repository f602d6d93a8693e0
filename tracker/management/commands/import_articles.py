from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tracker.services.articles import ImportRejected
from tracker.services.imports import SUPPORTED_SUFFIXES, ImportSummary, Rejection, check_size, import_file


def _files(paths: list[str]) -> list[Path]:
    found = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            raise CommandError(f"{raw}: no such file or folder.")
    return found


class Command(BaseCommand):
    help = "Import articles from .txt, .html and .jsonl files or folders of them."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--outlet", help="Outlet for files that do not name one.")
        parser.add_argument("--language", help="Language code; detected when absent.")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, paths, outlet=None, language=None, no_progress=False, **options):
        files = _files(paths)
        defaults = {k: v for k, v in {"outlet": outlet, "language": language}.items() if v}
        summary = ImportSummary()
        bar = tqdm(files, unit="file", disable=no_progress or not files, file=self.stderr._out)
        for path in bar:
            bar.set_postfix_str(path.name[-40:])
            try:
                check_size(path.stat().st_size, path.name)
                data = path.read_bytes()
            except ImportRejected as exc:
                summary.rejected.append(Rejection(str(path), " ".join(exc.messages)))
                continue
            summary.merge(import_file(name=str(path), data=data, defaults=defaults))
        self.stdout.write(
            f"Imported {len(summary.imported)}, duplicates skipped {len(summary.duplicates)}, "
            f"rejected {len(summary.rejected)} (limit {settings.TRACKER_MAX_IMPORT_BYTES:,} bytes per file)."
        )
        for rejection in summary.rejected:
            self.stdout.write(f"  rejected {rejection.source}: {rejection.reason}")
