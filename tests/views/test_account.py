import pytest
from django.urls import reverse

from tracker.models import ApiToken

pytestmark = pytest.mark.django_db


def test_token_page_makes_lists_and_revokes_tokens(viewer_client, viewer):
    page = viewer_client.get(reverse("api-tokens"))
    assert page.status_code == 200 and "No tokens yet" in page.content.decode()
    assert f'href="{reverse("api-tokens")}"' in page.content.decode()  # the nav links to it
    made = viewer_client.post(reverse("api-tokens"), {"name": "nightly export"})
    html = made.content.decode()
    token = ApiToken.objects.get()
    raw = html.split('class="token">')[1].split("<")[0]
    assert raw.startswith(token.prefix) and "will not be shown again" in html
    assert viewer_client.get(reverse("api-tokens")).content.decode().count(raw) == 0
    from django.test import Client

    Client().get("/api/articles", headers={"Authorization": f"Bearer {raw}"})
    listed = viewer_client.get(reverse("api-tokens")).content.decode()
    assert "nightly export" in listed and "active" in listed and "never" not in listed
    response = viewer_client.post(reverse("api-token-revoke", args=[token.pk]), follow=True)
    assert "revoked: it no longer works" in response.content.decode()
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_a_nameless_token_is_refused(viewer_client):
    response = viewer_client.post(reverse("api-tokens"), {"name": "   "})
    assert response.status_code == 400 and not ApiToken.objects.exists()
