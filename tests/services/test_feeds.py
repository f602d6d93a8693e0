"""Outlet feeds against a real HTTP server on 127.0.0.1: three items bring three articles, once."""

import random
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import article_page
from tests.factories import OutletFactory
from tracker.models import Article, Feed, FeedItem
from tracker.services.articles import ImportRejected
from tracker.services.feeds import FeedRefused, feed_add, feed_fetch, feeds_fetch_all

pytestmark = pytest.mark.django_db

STORIES = [
    (
        "Council approves budget",
        "The council said on Monday that the budget had passed by a wide margin after a long debate.",
    ),
    ("Port strike ends", "Dock workers said the strike was over after the union and employers agreed a new pay deal."),
    (
        "Flood defences opened",
        "The minister said the new flood defences would protect four thousand homes in the valley.",
    ),
]


def rss(server, items):
    entries = "".join(
        f"<item><title>{title}</title><link>{server.url}{path}</link><guid>{server.url}{path}</guid></item>"
        for title, path in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Courier</title>{entries}</channel></rss>'


def _serve_stories(server, prefix="/news"):
    items = []
    for i, (title, text) in enumerate(STORIES):
        path = f"{prefix}/{i}"
        server.page(path, article_page(title=title, paragraphs=[text, "Officials said more details would follow."]))
        items.append((title, path))
    return items


@pytest.fixture
def feed(web_server):
    items = _serve_stories(web_server)
    url = web_server.page("/feed.xml", rss(web_server, items), Content_Type="application/rss+xml")
    return feed_add(outlet=OutletFactory(name="Courier"), url=url)


def test_three_items_bring_three_articles_once(feed, web_server):
    run = feed_fetch(feed=feed)
    assert run.entries == 3 and len(run.imported) == 3 and not run.failed
    assert sorted(Article.objects.values_list("title", flat=True)) == sorted(t for t, _ in STORIES)
    assert set(Article.objects.values_list("outlet__name", flat=True)) == {"Courier"}
    pages_fetched = sum(1 for path, _ in web_server.requests if path.startswith("/news/"))
    assert pages_fetched == 3

    again = feed_fetch(feed=feed)
    assert again.imported == [] and again.already_here == 3
    assert Article.objects.count() == 3 and FeedItem.objects.count() == 3
    # Known entries are not fetched again.
    assert sum(1 for path, _ in web_server.requests if path.startswith("/news/")) == 3
    feed.refresh_from_db()
    assert feed.last_fetched_at and feed.last_ok_at and feed.last_error == "" and feed.last_new == 0


def test_command_run_twice_imports_once(feed):
    out = StringIO()
    call_command("fetch_feeds", stdout=out)
    assert "3 entries, 3 imported, 0 already here, 0 failed" in out.getvalue()
    out = StringIO()
    call_command("fetch_feeds", str(feed.pk), stdout=out)
    assert "3 entries, 0 imported, 3 already here, 0 failed" in out.getvalue()
    assert Article.objects.count() == 3
    with pytest.raises(CommandError, match="No feed with id 999"):
        call_command("fetch_feeds", "999", stdout=StringIO())


def test_the_task_runs_on_the_queue(feed):
    from tracker.tasks import fetch_feeds

    result = fetch_feeds.enqueue()  # inline in tests (the immediate backend)
    assert result.return_value == "1 feeds, 3 articles imported"
    assert Article.objects.count() == 3


@pytest.mark.django_db(transaction=True)  # the worker commits and reconnects like a real one
def test_every_queues_one_repeating_fetch_for_the_workers(feed, settings):
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    out = StringIO()
    call_command("fetch_feeds", "--every", "900", stdout=out)
    assert "repeating every 900 s" in out.getvalue()
    queued = DBTaskResult.objects.get(task_path="tracker.tasks.fetch_feeds")
    assert queued.args_kwargs["kwargs"]["every"] == 900
    out = StringIO()
    call_command("fetch_feeds", "--every", "900", stdout=out)
    assert "already on the queue; nothing added" in out.getvalue()
    assert DBTaskResult.objects.filter(task_path="tracker.tasks.fetch_feeds").count() == 1
    # A worker runs it: the feed is fetched and the next run is queued for later.
    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        "--interval",
        "0",
        stdout=StringIO(),
        stderr=StringIO(),
    )
    assert Article.objects.filter(outlet__name="Courier").count() == 3
    later = DBTaskResult.objects.filter(task_path="tracker.tasks.fetch_feeds", status="READY").get()
    assert later.run_after is not None


def test_atom_feed_and_relative_links(web_server):
    _serve_stories(web_server, prefix="/atom")
    entries = "".join(
        f"<entry><title>{t}</title><id>tag:courier,{i}</id><link href='/atom/{i}'/></entry>"
        for i, (t, _) in enumerate(STORIES)
    )
    url = web_server.page(
        "/atom.xml",
        f'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>C</title>{entries}</feed>',
        Content_Type="application/atom+xml",
    )
    feed = feed_add(outlet=OutletFactory(name="Courier"), url=url)
    assert len(feed_fetch(feed=feed).imported) == 3


def test_a_broken_feed_is_an_error_on_the_feed_and_others_go_on(feed, web_server):
    broken_url = web_server.page("/broken.xml", "<html><body>No feed here</body></html>")
    broken = feed_add(outlet=feed.outlet, url=broken_url)
    gone = feed_add(outlet=feed.outlet, url=web_server.url + "/gone.xml")
    runs = {run.feed_id: run for run in feeds_fetch_all()}
    assert len(runs[feed.pk].imported) == 3
    assert "not an RSS or Atom feed" in runs[broken.pk].error
    gone.refresh_from_db()
    assert "answered 404" in gone.last_error and gone.last_ok_at is None


def test_failing_items_are_tried_again_then_left(feed, web_server, settings):
    settings.TRACKER_FEED_ITEM_ATTEMPTS = 2
    web_server.pages.pop("/news/1")
    for expected_attempts in (1, 2, 2):
        run = feed_fetch(feed=feed)
        item = FeedItem.objects.get(link__endswith="/news/1")
        assert item.attempts == expected_attempts and "answered 404" in item.error
    assert len(run.failed) == 0 and Article.objects.count() == 2


def test_not_modified_feeds_are_not_parsed_again(feed, web_server):
    web_server.pages["/feed.xml"] = (
        200,
        {"Content-Type": "application/rss+xml", "ETag": '"v1"'},
        web_server.pages["/feed.xml"][2],
    )
    feed_fetch(feed=feed)
    feed.refresh_from_db()
    assert feed.etag == '"v1"'

    def conditional(handler):
        return b""

    web_server.pages["/feed.xml"] = (304, {"ETag": '"v1"'}, conditional)
    run = feed_fetch(feed=feed)
    assert run.not_modified and run.imported == []
    assert web_server.requests[-1][1].get("If-None-Match") == '"v1"'


def test_private_feed_addresses_refused_without_the_setting(settings):
    settings.TRACKER_FETCH_ALLOW_PRIVATE = False
    feed = feed_add(outlet=OutletFactory(), url="http://127.0.0.1:9/feed.xml")
    run = feed_fetch(feed=feed)
    assert "private or local address" in run.error


def test_feed_add_refuses_bad_and_duplicate_urls(feed):
    with pytest.raises(FeedRefused, match="already a feed"):
        feed_add(outlet=feed.outlet, url=feed.url)
    with pytest.raises(ImportRejected, match="not a valid http"):
        feed_add(outlet=feed.outlet, url="javascript:alert(1)")
    assert Feed.objects.count() == 1


def test_fuzzed_feeds_never_raise(web_server):
    rng = random.Random(5)
    pieces = [
        "<rss>",
        "<channel>",
        "<item>",
        "<link>",
        "</link>",
        "</item>",
        "<title>",
        "&amp;",
        "&bogus;",
        "]]>",
        "<![CDATA[",
        web_server.url + "/x",
        "قال",
        "\x00",
        "<?xml version='1.0'?>",
        "<entry>",
        "<feed>",
    ]
    outlet = OutletFactory()
    for i in range(30):
        body = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 40)))
        feed = feed_add(outlet=outlet, url=web_server.page(f"/fz{i}.xml", body, Content_Type="application/rss+xml"))
        run = feed_fetch(feed=feed)
        assert run.error or run.entries >= 0
