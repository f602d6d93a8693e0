from django.core.management.base import BaseCommand, CommandError

from tracker.models import Feed


def _repeating_fetch_queued(task) -> bool:
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task.get_backend(), DatabaseBackend):
        return False
    return DBTaskResult.objects.filter(status__in=["READY", "RUNNING"], task_path=task.module_path).exists()


class Command(BaseCommand):
    help = (
        "Fetch outlets' RSS/Atom feeds and import new items by URL (for cron), or with --every put a "
        "self-repeating fetch on the task queue for the workers (db_worker)."
    )

    def add_arguments(self, parser):
        parser.add_argument("feeds", nargs="*", type=int, help="Feed ids (default: every active feed).")
        parser.add_argument(
            "--every",
            type=int,
            metavar="SECONDS",
            help="Queue the fetch to repeat every SECONDS instead of running it now.",
        )

    def handle(self, *args, feeds=None, every=None, **options):
        from tracker.services.feeds import feeds_fetch_all
        from tracker.tasks import fetch_feeds

        missing = set(feeds or []) - set(Feed.objects.filter(pk__in=feeds or []).values_list("pk", flat=True))
        if missing:
            raise CommandError(f"No feed with id {', '.join(map(str, sorted(missing)))}.")
        if every is not None:
            if every < 60:
                raise CommandError("--every takes at least 60 seconds.")
            if not fetch_feeds.get_backend().supports_defer:
                raise CommandError("The task backend cannot run tasks later; run this command from cron instead.")
            if _repeating_fetch_queued(fetch_feeds):
                # Idempotent, so `make run` can ask every time.
                self.stdout.write("A repeating feed fetch is already on the queue; nothing added.")
                return
            fetch_feeds.enqueue(every=every, feed_ids=feeds or None)
            self.stdout.write(f"Feed fetch queued, repeating every {every} s (a worker runs it: manage.py db_worker).")
            return
        runs = feeds_fetch_all(feed_ids=feeds or None)
        for run in runs:
            feed = Feed.objects.get(pk=run.feed_id)
            if run.error:
                self.stdout.write(f"{feed.url}: failed: {run.error}")
                continue
            self.stdout.write(
                f"{feed.url}: {run.entries} entries, {len(run.imported)} imported, {run.already_here} already here, "
                f"{len(run.failed)} failed" + (" (not modified)" if run.not_modified else "")
            )
            for link, reason in run.failed:
                self.stdout.write(f"  failed {link}: {reason}")
        imported = sum(len(r.imported) for r in runs)
        self.stdout.write(f"{len(runs)} feeds, {imported} articles imported.")
