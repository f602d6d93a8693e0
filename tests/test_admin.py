"""The Django admin: a role ceiling on users, and quotes changed only as new versions."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from tests.factories import QuoteFactory, SpeakerFactory, UserFactory
from tracker.models import Quote
from tracker.services.users import user_role_set

pytestmark = pytest.mark.django_db
User = get_user_model()


@pytest.fixture
def admin_user():
    user = UserFactory(username="boss")
    user_role_set(user=user, role="admin")
    return user


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def _roles(user):
    return set(user.groups.values_list("name", flat=True))


def _user_form(user, **changes):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "initial-date_joined_0": user.date_joined.strftime("%Y-%m-%d"),
        "initial-date_joined_1": user.date_joined.strftime("%H:%M:%S"),
        "groups": list(user.groups.values_list("pk", flat=True)),
    }
    data.update(changes)
    return {k: v for k, v in data.items() if v is not None}


def test_an_admin_cannot_make_itself_superuser(admin_client, admin_user):
    from django.contrib.auth.models import Permission

    everything = list(Permission.objects.values_list("pk", flat=True))
    data = _user_form(admin_user, role="admin", is_superuser="on", is_staff="on", user_permissions=everything)
    admin_client.post(reverse("admin:auth_user_change", args=[admin_user.pk]), data)
    admin_user.refresh_from_db()
    assert not admin_user.is_superuser and not admin_user.user_permissions.exists()
    assert admin_user.is_staff and _roles(admin_user) == {"admin"}


def test_an_admin_cannot_change_a_superusers_account(admin_client):
    root = User.objects.create_superuser("root", "root@example.org", "old password 2026")
    url = reverse("admin:auth_user_password_change", args=[root.pk])
    data = {"password1": "taken over 2026!", "password2": "taken over 2026!", "usable_password": "true"}
    assert admin_client.post(url, data).status_code == 403
    change = reverse("admin:auth_user_change", args=[root.pk])
    admin_client.post(change, _user_form(root, role="viewer", is_active=None))
    root.refresh_from_db()
    assert root.check_password("old password 2026") and root.is_active


def test_a_user_form_saved_without_a_role_keeps_the_role(admin_client):
    editor = UserFactory(username="someone")
    user_role_set(user=editor, role="editor")
    response = admin_client.post(reverse("admin:auth_user_change", args=[editor.pk]), _user_form(editor, groups=[]))
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert _roles(editor) == {"editor"}


def test_the_role_is_set_by_its_own_field(admin_client):
    editor = UserFactory(username="someone")
    user_role_set(user=editor, role="editor")
    url = reverse("admin:auth_user_change", args=[editor.pk])
    checked = re.findall(
        r'<input type="radio" name="role" value="(\w+)"[^>]* checked>', admin_client.get(url).content.decode()
    )
    assert checked == ["editor"]
    response = admin_client.post(url, _user_form(editor, role="admin"))
    assert response.status_code == 302
    editor.refresh_from_db()
    assert _roles(editor) == {"admin"} and editor.is_staff
    admin_client.post(url, _user_form(editor, role="viewer"))
    editor.refresh_from_db()
    assert _roles(editor) == {"viewer"} and not editor.is_staff


def test_a_new_user_gets_the_role_chosen(admin_client):
    data = {
        "username": "newcomer",
        "usable_password": "true",
        "password1": "a long password 2026",
        "password2": "a long password 2026",
        "role": "editor",
    }
    assert admin_client.post(reverse("admin:auth_user_add"), data).status_code == 302
    assert _roles(User.objects.get(username="newcomer")) == {"editor"}


def _quote_form(quote, **changes):
    data = {
        "kind": quote.kind,
        "speaker": quote.speaker_id or "",
        "via": quote.via_id or "",
        "status": quote.status,
        "reject_reason": quote.reject_reason,
        "confidence": quote.confidence,
        "seen_version": quote.version,
    }
    data.update(changes)
    return data


def test_quote_text_cannot_be_rewritten_in_the_admin(admin_client):
    quote = QuoteFactory()
    url = reverse("admin:tracker_quote_change", args=[quote.pk])
    page = admin_client.get(url).content.decode()
    assert 'name="quote_text"' not in page and 'name="quote_start"' not in page
    admin_client.post(url, _quote_form(quote, quote_text="words the article never said", quote_start=0))
    stored = Quote.objects.get(pk=quote.pk)
    assert stored.quote_text == quote.quote_text == stored.article.document[stored.quote_start : stored.quote_end]


def test_an_admin_change_is_a_new_version_in_history(admin_client, admin_user):
    quote = QuoteFactory()
    other = SpeakerFactory(name="Antony Blinken")
    url = reverse("admin:tracker_quote_change", args=[quote.pk])
    response = admin_client.post(url, _quote_form(quote, kind="direct", speaker=other.pk))
    assert response.status_code == 302
    stored = Quote.objects.get(pk=quote.pk)
    assert (stored.version, stored.kind, stored.speaker_id) == (2, "direct", other.pk)
    last = stored.history.latest("history_date")
    assert last.history_user == admin_user and last.history_change_reason == "admin: kind, speaker"
    assert "blinken" in stored.search_text


def test_an_admin_change_over_a_newer_version_is_refused(admin_client, editor):
    from tracker.services.quotes import quote_accept

    quote = QuoteFactory()
    quote_accept(quote_id=quote.pk, expected_version=1, user=editor)
    url = reverse("admin:tracker_quote_change", args=[quote.pk])
    response = admin_client.post(url, _quote_form(quote, kind="direct", seen_version=1))
    assert response.status_code == 200 and "Someone changed this quote" in response.content.decode()
    stored = Quote.objects.get(pk=quote.pk)
    assert (stored.version, stored.kind, stored.status) == (2, quote.kind, Quote.Status.ACCEPTED)
