"""API tokens: stored as a digest, revocable, ended by a password change, with their last use."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from tests.factories import UserFactory
from tracker import selectors
from tracker.models import ApiToken
from tracker.services.tokens import (
    TokenInvalid,
    api_token_authenticate,
    api_token_create,
    api_token_revoke,
)

pytestmark = pytest.mark.django_db


def _api(token):
    return Client().get("/api/quotes", headers={"Authorization": f"Bearer {token}"}).status_code


def test_the_secret_is_not_stored_and_authenticates(viewer):
    token, raw = api_token_create(user=viewer, name="nightly export")
    assert raw not in {token.key_digest, token.prefix} and raw.startswith(token.prefix)
    assert raw[len(token.prefix) :] not in str(list(ApiToken.objects.values_list()))
    assert api_token_authenticate(raw=raw) == viewer
    assert api_token_authenticate(raw=raw + "x") is None and api_token_authenticate(raw="") is None
    assert _api(raw) == 200


def test_a_revoked_token_stops_working(viewer):
    token, raw = api_token_create(user=viewer, name="laptop")
    assert _api(raw) == 200
    api_token_revoke(user=viewer, token_id=token.pk)
    assert _api(raw) == 401
    assert [t.state for t in selectors.api_token_list(user=viewer)] == ["revoked"]


def test_a_password_change_ends_every_token(viewer):
    _, first = api_token_create(user=viewer, name="one")
    _, second = api_token_create(user=viewer, name="two")
    assert _api(first) == _api(second) == 200
    viewer.set_password("a new password 2026")
    viewer.save()
    assert _api(first) == _api(second) == 401
    assert {t.state for t in selectors.api_token_list(user=viewer)} == {"ended by a password change"}
    _, third = api_token_create(user=viewer, name="after the change")
    assert _api(third) == 200


def test_an_expired_token_stops_working(viewer):
    token, raw = api_token_create(user=viewer, name="old")
    ApiToken.objects.filter(pk=token.pk).update(expires_at=timezone.now() - dt.timedelta(seconds=1))
    assert _api(raw) == 401
    assert selectors.api_token_list(user=viewer)[0].state == "expired"


def test_last_use_is_recorded(viewer):
    token, raw = api_token_create(user=viewer, name="script")
    assert token.last_used_at is None
    before = timezone.now()
    assert _api(raw) == 200
    token.refresh_from_db()
    assert token.last_used_at >= before


def test_nobody_revokes_another_users_token(viewer, editor):
    token, raw = api_token_create(user=viewer, name="mine")
    with pytest.raises(ApiToken.DoesNotExist):
        api_token_revoke(user=editor, token_id=token.pk)
    token.refresh_from_db()
    assert token.revoked_at is None and _api(raw) == 200


@pytest.mark.parametrize("name", ["", "   ", "n" * 101])
def test_a_token_needs_a_short_name(viewer, name):
    with pytest.raises(TokenInvalid):
        api_token_create(user=viewer, name=name)
    assert not ApiToken.objects.exists()


def test_a_user_without_a_role_gets_nothing_from_a_token():
    nobody = UserFactory(username="norole")
    _, raw = api_token_create(user=nobody, name="x")
    assert _api(raw) == 401
