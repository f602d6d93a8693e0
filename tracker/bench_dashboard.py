"""How long the server takes to render /dashboard/ over a synthetic corpus (generate_corpus).
Not a test: run ``make bench-dashboard`` (``BENCH_QUOTES``, default 100,000) and read the figures.

It works in a throw-away test database (SQLite, or PostgreSQL when DATABASE_URL says so) and
renders the page as a viewer for four filter sets, printing median and minimum wall-clock time.
"""

from __future__ import annotations

import datetime as dt
import os
import statistics
import time

RUNS = 7


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    os.environ.setdefault("DJANGO_DEBUG", "1")
    import django

    django.setup()
    from io import StringIO

    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.urls import reverse

    quotes = int(os.environ.get("BENCH_QUOTES", "100000"))
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    old_name = connection.settings_dict["NAME"]
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    try:
        from django.contrib.auth import get_user_model

        from tracker.models import Article, Outlet
        from tracker.services.users import user_role_set

        call_command("generate_corpus", "--quotes", str(quotes), stdout=StringIO())
        user = get_user_model().objects.create_user("bench")
        user_role_set(user=user, role="viewer")
        client = Client()
        client.force_login(user)
        outlet = Outlet.objects.order_by("pk").first()
        first = Article.objects.exclude(published=None).order_by("published").values_list("published", flat=True)[0]
        cases = {
            "everything": {},
            "language=ar": {"language": "ar"},
            "one outlet": {"outlet": outlet.pk},
            "30 days": {"date_from": first.isoformat(), "date_to": (first + dt.timedelta(days=30)).isoformat()},
        }
        articles = Article.objects.count()
        print(f"dashboard render, {quotes:,} quotes, {articles:,} articles, {connection.vendor}, {RUNS} runs:")
        for label, params in cases.items():
            client.get(reverse("dashboard"), params)  # warm up
            wall = []
            for _ in range(RUNS):
                start = time.perf_counter()
                response = client.get(reverse("dashboard"), params)
                wall.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200
            print(f"  {label:12s} median {statistics.median(wall):.0f} ms (min {min(wall):.0f})")
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


if __name__ == "__main__":
    main()
