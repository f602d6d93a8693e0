"""Outlet pages: feeds with their last fetch, errors and counts; adding and fetching feeds."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, OutletFactory, UserFactory
from tests.services.test_feeds import _serve_stories, rss
from tracker.models import Article, Feed
from tracker.services.users import user_role_set

pytestmark = pytest.mark.django_db


def _login(client, role):
    user = UserFactory(username=role)
    user_role_set(user=user, role=role)
    client.force_login(user)
    return user


def test_admin_adds_a_feed_editor_fetches_it_twice(client, web_server):
    outlet = OutletFactory(name="Courier")
    ArticleFactory(outlet=outlet)
    feed_url = web_server.page(
        "/feed.xml", rss(web_server, _serve_stories(web_server)), Content_Type="application/rss+xml"
    )
    _login(client, "admin")
    response = client.post(reverse("outlet-feed-add", args=[outlet.pk]), {"url": feed_url}, follow=True)
    assert "Feed added" in response.content.decode()
    feed = Feed.objects.get()
    response = client.post(reverse("outlet-feed-add", args=[outlet.pk]), {"url": feed_url})
    assert response.status_code == 400 and "already a feed" in response.content.decode()

    _login(client, "editor")
    page = client.get(reverse("outlet-detail", args=[outlet.pk])).content.decode()
    assert "never" in page and "Add feed" not in page and "Fetch now" in page
    response = client.post(reverse("feed-fetch", args=[feed.pk]), follow=True)
    assert "Feed fetched: 3 new articles." in response.content.decode()
    response = client.post(reverse("feed-fetch", args=[feed.pk]), follow=True)
    page = response.content.decode()
    assert "Feed fetched: 0 new articles." in page
    assert Article.objects.filter(outlet=outlet).count() == 4
    row = page[page.index(f'id="feed-{feed.pk}"') :]
    row = row[: row.index("</tr>")]
    assert [c.split(">")[-1] for c in row.split("</td>") if 'class="num' in c] == ["0", "3", "3", "0"]
    assert "Council approves budget" in page  # latest entries link their articles


def test_feed_errors_show_on_the_outlet_page(client, web_server):
    outlet = OutletFactory(name="Courier")
    feed = Feed.objects.create(outlet=outlet, url=web_server.url + "/gone.xml")
    _login(client, "editor")
    response = client.post(reverse("feed-fetch", args=[feed.pk]), follow=True)
    page = response.content.decode()
    assert "The feed could not be fetched" in page and "answered 404" in page
    assert 'class="errorlist feed-error"' in page


def test_outlet_list_counts(client):
    outlet = OutletFactory(name="الميادين")
    ArticleFactory(outlet=outlet)
    ArticleFactory(outlet=outlet)
    Feed.objects.create(outlet=outlet, url="https://almayadeen.example/rss")
    _login(client, "viewer")
    page = client.get(reverse("outlet-list")).content.decode()
    assert "<bdi>الميادين</bdi>" in page and '<td class="num">2</td><td class="num">1</td>' in page


def test_fuzzed_page_parameters_never_fail(client):
    import random

    outlet = OutletFactory()
    _login(client, "viewer")
    rng = random.Random(8)
    for _ in range(30):
        value = rng.choice(["", "0", "-1", "2", "999999999999999999999", "x", "<b>", "\x00", "٣", "1.5"])
        assert client.get(reverse("outlet-list"), {"page": value}).status_code == 200
        assert client.get(reverse("outlet-detail", args=[outlet.pk]), {"page": value, "x": value}).status_code == 200
