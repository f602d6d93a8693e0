from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from tracker.models import Article
from tracker.services.detection import DetectionTimeout, article_detect


class Command(BaseCommand):
    help = "Detect quotes now in the given articles, or in all; editors' work is kept."

    def add_arguments(self, parser):
        parser.add_argument("article_ids", nargs="*", type=int, metavar="ARTICLE_ID")
        parser.add_argument("--all", action="store_true", help="Every article.")
        parser.add_argument("--no-progress", action="store_true", help="Hide the progress bar.")

    def handle(self, *args, article_ids, no_progress=False, **options):
        if options["all"] == bool(article_ids):
            raise CommandError("Give article ids or --all (not both).")
        articles = Article.objects.order_by("pk")
        if article_ids:
            missing = sorted(set(article_ids) - set(articles.filter(pk__in=article_ids).values_list("pk", flat=True)))
            if missing:
                raise CommandError(f"No article with id {', '.join(map(str, missing))}.")
            articles = articles.filter(pk__in=article_ids)
        ids = list(articles.values_list("pk", flat=True))
        new = kept = 0
        failed: list[str] = []
        for pk in tqdm(ids, unit=" articles", disable=no_progress or not ids, file=self.stderr._out):
            article = Article.objects.get(pk=pk)
            try:
                created = article_detect(article=article)
            except (Exception, DetectionTimeout) as exc:  # one bad article must not stop the others
                failed.append(f"  article {pk}: {type(exc).__name__}: {exc}")
                continue
            new += len(created)
            kept += article.quotes.count() - len(created)
        self.stdout.write(
            f"Detected {len(ids) - len(failed)} articles: {new} quotes found, {kept} kept from editors, "
            f"{len(failed)} failed."
        )
        for line in failed:
            self.stdout.write(line)
        if failed:
            raise CommandError(f"Detection failed in {len(failed)} articles.")
