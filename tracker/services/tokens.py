"""API tokens: created, used and revoked here; the secret itself is shown once and never stored."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from tracker.models import ApiToken

TOKEN_LIFETIME = dt.timedelta(days=90)
# "who said what": lets secret scanners and people recognise one.
TOKEN_PREFIX = "wsw_"  # noqa: S105 - a public marker, not a secret
# last_used_at is written at most this often per token, not on every request.
LAST_USED_RESOLUTION = dt.timedelta(minutes=1)
NAME_MAX = 100


class TokenInvalid(ValidationError):
    pass


def _digest(raw: str) -> str:
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()


def password_fingerprint(user) -> str:
    """Changes whenever the user's password does (a new salt makes a new hash)."""
    return salted_hmac("tracker.api.token.password", user.password or "").hexdigest()


def api_token_create(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token for ``user``; returns it with the secret, which only the caller ever sees."""
    name = " ".join((name or "").split())
    if not name:
        raise TokenInvalid("Give the token a name, such as the script or machine that will use it.")
    if len(name) > NAME_MAX:
        raise TokenInvalid(f"A token name is at most {NAME_MAX} characters; this one has {len(name):,}.")
    raw = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user,
        name=name,
        prefix=raw[: len(TOKEN_PREFIX) + 6],
        key_digest=_digest(raw),
        password_fingerprint=password_fingerprint(user),
        expires_at=timezone.now() + TOKEN_LIFETIME,
    )
    return token, raw


def api_token_revoke(*, user, token_id: int) -> ApiToken:
    """Revoke one of ``user``'s own tokens (ApiToken.DoesNotExist for anyone else's)."""
    token = ApiToken.objects.get(pk=token_id, user=user)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def api_token_authenticate(*, raw: str):
    """The user a presented token stands for, or None; records when the token was last used."""
    if not raw or len(raw) > 200:
        return None
    token = ApiToken.objects.select_related("user").filter(key_digest=_digest(raw)).first()
    now = timezone.now()
    if token is None or token.revoked_at is not None or token.expires_at <= now:
        return None
    user = token.user
    if not constant_time_compare(token.password_fingerprint, password_fingerprint(user)):
        return None
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return user
