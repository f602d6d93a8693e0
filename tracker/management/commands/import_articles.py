from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tracker.services.articles import ImportRejected
from tracker.services.imports import SUPPORTED_SUFFIXES, ImportSummary, Rejection, import_path
from tracker.services.url_import import article_import_url


def _is_url(raw: str) -> bool:
    return raw.lower().startswith(("http://", "https://"))


def _files(paths: list[str]) -> list[Path]:
    found = []
    for raw in paths:
        if _is_url(raw):
            continue
        path = Path(raw)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_SUFFIXES))
        elif path.is_file():
            found.append(path)
        else:
            raise CommandError(f"{raw}: no such file or folder.")
    return found


class Command(BaseCommand):
    help = "Import articles from .txt, .html and .jsonl files, folders of them, or http(s) URLs of article pages."

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--outlet", help="Outlet for files that do not name one.")
        parser.add_argument("--language", help="Language code; detected when absent.")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, paths, outlet=None, language=None, no_progress=False, **options):
        files = _files(paths)
        urls = [raw for raw in paths if _is_url(raw)]
        defaults = {k: v for k, v in {"outlet": outlet, "language": language}.items() if v}
        bar = tqdm(unit=" articles", disable=no_progress or not (files or urls), file=self.stderr._out)
        summary = ImportSummary(on_article=bar.update)
        for url in urls:
            bar.set_postfix_str(url[-40:])
            try:
                summary.add(article_import_url(url=url, **defaults))
            except ImportRejected as exc:
                summary.rejected.append(Rejection(url, " ".join(exc.messages)))
        for path in files:
            bar.set_postfix_str(path.name[-40:])
            import_path(path=path, summary=summary, defaults=defaults)
        bar.close()
        self.stdout.write(
            f"Imported {len(summary.imported)}, duplicates skipped {len(summary.duplicates)}, "
            f"rejected {len(summary.rejected)}."
        )
        for rejection in summary.rejected:
            self.stdout.write(f"  rejected {rejection.source}: {rejection.reason}")
