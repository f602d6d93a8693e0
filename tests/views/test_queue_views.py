"""The article list's queue tabs, "Next article" and the assign forms."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ArticleFactory, UserFactory
from tracker.models import Article
from tracker.services.queue import article_assign, article_next_take
from tracker.services.users import user_role_set

pytestmark = pytest.mark.django_db


def _user(name, role="editor"):
    user = UserFactory(username=name)
    user_role_set(user=user, role=role)
    return user


def _titles(client, **params):
    page = client.get(reverse("home"), params).content.decode()
    return {a.title for a in Article.objects.all() if a.title in page}


def test_queue_tabs(client):
    ana, ben, boss = _user("ana"), _user("ben"), _user("boss", "admin")
    taken = ArticleFactory(title="Mine by next")
    mine = ArticleFactory(title="Mine by assignment")
    theirs = ArticleFactory(title="For Ben")
    ArticleFactory(title="For nobody")
    ArticleFactory(title="Done", status=Article.Status.REVIEWED)
    ArticleFactory(title="Being edited", status=Article.Status.IN_REVIEW)
    article_assign(article=mine, assignee=ana, by=boss)
    article_assign(article=theirs, assignee=ben, by=boss)
    # A lock that ran out is no one's: it shows under no tab of its own.
    Article.objects.exclude(pk=taken.pk).update(locked_by=ben, locked_until=timezone.now() - dt.timedelta(minutes=1))
    assert article_next_take(user=ana) == taken  # the oldest unassigned one
    client.force_login(ana)
    assert _titles(client, queue="mine") == {"Mine by assignment", "Mine by next"}
    assert _titles(client, queue="unassigned") == {"Mine by next", "For nobody", "Being edited"}
    assert _titles(client, queue="in_review") == {"Being edited", "Mine by next"}
    assert _titles(client, queue="reviewed") == {"Done"}
    assert len(_titles(client)) == 6
    page = client.get(reverse("home"), {"queue": "mine"}).content.decode()
    assert 'aria-current="page">Mine<' in page and "taken by <bdi>ana</bdi>" in page


def test_next_article_opens_it_and_says_until_when(editor_client):
    article = ArticleFactory()
    response = editor_client.post(reverse("queue-next"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("article-detail", args=[article.pk])
    assert "Next article: yours until" in response.content.decode()
    other = UserFactory(username="other")
    user_role_set(user=other, role="editor")
    editor_client.force_login(other)
    response = editor_client.post(reverse("queue-next"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "Nothing left to review" in response.content.decode()


def test_admin_assigns_from_the_list_and_editors_take(client):
    ana, boss = _user("ana"), _user("boss", "admin")
    article = ArticleFactory()
    client.force_login(boss)
    page = client.get(reverse("home")).content.decode()
    assert f'<option value="{ana.pk}">ana</option>' in page
    response = client.post(reverse("article-assign", args=[article.pk]), {"assignee": ana.pk, "next": "/?queue=mine"})
    assert response["Location"] == "/?queue=mine"
    article.refresh_from_db()
    assert article.assigned_to == ana
    client.force_login(_user("ben"))
    assert client.post(reverse("article-assign", args=[article.pk]), {"assignee": "me"}).status_code == 403
    article.refresh_from_db()
    assert article.assigned_to == ana
    response = client.post(
        reverse("article-assign", args=[article.pk]), {"assignee": "999999", "next": "//evil.example/"}
    )
    assert response["Location"] == "/"  # no open redirect; the unknown user is a message
    article.refresh_from_db()
    assert article.assigned_to == ana


def test_fuzzed_queue_parameters_never_fail(client):
    import random

    boss = _user("boss", "admin")
    articles = [ArticleFactory() for _ in range(3)]
    client.force_login(boss)
    rng = random.Random(3)
    values = [
        "",
        "me",
        "mine",
        "unassigned",
        "in_review",
        "reviewed",
        "0",
        "-5",
        "1" * 30,
        "<b>",
        "\x00",
        "عربي",
        "None",
    ]
    for _ in range(60):
        value = rng.choice(values) + rng.choice(["", rng.choice(values)])
        assert client.get(reverse("home"), {"queue": value, "page": rng.choice(values)}).status_code == 200
        assert client.post(reverse("queue-next"), {"skip": value}).status_code == 302
        article = rng.choice(articles)
        response = client.post(reverse("article-assign", args=[article.pk]), {"assignee": value, "next": value})
        assert response.status_code in (302, 403), (value, response.status_code)


def test_next_article_from_an_article_page_moves_on(editor_client):
    first, second = ArticleFactory(), ArticleFactory()
    response = editor_client.post(reverse("queue-next"))
    assert response["Location"] == reverse("article-detail", args=[first.pk])
    page = editor_client.get(response["Location"]).content.decode()
    assert f'<input type="hidden" name="skip" value="{first.pk}">' in page
    response = editor_client.post(reverse("queue-next"), {"skip": first.pk})
    assert response["Location"] == reverse("article-detail", args=[second.pk])
