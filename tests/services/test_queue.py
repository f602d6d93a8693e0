"""The work queue: assignments and "Next article" with its soft lock."""

import datetime as dt
import threading

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.utils import timezone

from tests.factories import ArticleFactory, UserFactory
from tracker.models import Article
from tracker.services.queue import AssignmentRefused, article_assign, article_next_take
from tracker.services.users import user_role_set

pytestmark = pytest.mark.django_db


def _user(name, role="editor"):
    user = UserFactory(username=name)
    user_role_set(user=user, role=role)
    return user


def _articles(n):
    now = timezone.now()
    made = []
    for i in range(n):
        article = ArticleFactory()
        # Oldest first: created i hours after the first.
        Article.objects.filter(pk=article.pk).update(created_at=now - dt.timedelta(hours=n - i))
        made.append(article)
    return made


def test_two_editors_get_different_articles_oldest_first():
    first, second, _third = _articles(3)
    ana, ben = _user("ana"), _user("ben")
    assert article_next_take(user=ana) == first
    assert article_next_take(user=ben) == second
    # Asking again keeps an editor on the article they hold.
    assert article_next_take(user=ana) == first
    first.refresh_from_db()
    assert first.locked_by == ana and first.locked_until > timezone.now()


def test_assigned_articles_go_to_their_editor_only_and_reviewed_ones_to_nobody():
    first, second, third = _articles(3)
    ana, ben, boss = _user("ana"), _user("ben"), _user("boss", "admin")
    article_assign(article=first, assignee=ben, by=boss)
    Article.objects.filter(pk=second.pk).update(status=Article.Status.REVIEWED)
    assert article_next_take(user=ana) == third
    assert article_next_take(user=ben) == first
    assert article_next_take(user=_user("cy")) is None


def test_an_expired_lock_frees_the_article(settings):
    (only,) = _articles(1)
    ana, ben = _user("ana"), _user("ben")
    assert article_next_take(user=ana) == only
    assert article_next_take(user=ben) is None
    Article.objects.filter(pk=only.pk).update(locked_until=timezone.now() - dt.timedelta(seconds=1))
    assert article_next_take(user=ben) == only


def test_skip_gives_the_next_one_and_one_lock_per_editor():
    first, second = _articles(2)
    ana = _user("ana")
    assert article_next_take(user=ana) == first
    assert article_next_take(user=ana, skip_id=first.pk) == second
    first.refresh_from_db()
    assert first.locked_by is None  # given up when ana took the next


def test_articles_still_in_detection_wait():
    (article,) = _articles(1)
    Article.objects.filter(pk=article.pk).update(detection_state=Article.Detection.RUNNING)
    assert article_next_take(user=_user("ana")) is None


def test_who_may_assign():
    (article,) = _articles(1)
    ana, ben, boss, vi = _user("ana"), _user("ben"), _user("boss", "admin"), _user("vi", "viewer")
    article_assign(article=article, assignee=ana, by=ana)  # take
    with pytest.raises(PermissionDenied):
        article_assign(article=article, assignee=ben, by=ben)  # take from another editor
    with pytest.raises(PermissionDenied):
        article_assign(article=article, assignee=None, by=ben)
    with pytest.raises(PermissionDenied):
        article_assign(article=article, assignee=vi, by=vi)
    with pytest.raises(AssignmentRefused, match="not an editor"):
        article_assign(article=article, assignee=vi, by=boss)
    article_assign(article=article, assignee=None, by=ana)  # give back
    article_assign(article=article, assignee=ben, by=boss)
    article.refresh_from_db()
    assert article.assigned_to == ben and article.assigned_at is not None
    assert article.history.first().history_change_reason == "assigned to ben"


@pytest.mark.django_db(transaction=True)
def test_editors_asking_at_once_never_share_an_article():
    if connection.vendor == "sqlite":
        pytest.skip("one writer at a time on SQLite; the race needs PostgreSQL")
    articles = _articles(4)
    users = [_user(f"ed{i}") for i in range(4)]
    got, barrier = {}, threading.Barrier(len(users))

    def ask(user):
        from django.db import connection as conn

        barrier.wait()
        try:
            got[user.username] = article_next_take(user=user)
        finally:
            conn.close()

    threads = [threading.Thread(target=ask, args=(u,)) for u in users]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    taken = [a.pk for a in got.values() if a is not None]
    assert len(taken) == len(set(taken)) == len(articles)
