"""The API token page and a refused query parameter, at 1400 and 900 px."""

import pytest

from tests.factories import UserFactory
from tracker.services.users import user_role_set

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _in_viewport(page, selector):
    box = page.locator(selector).bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"] and box["width"] > 0


@pytest.mark.parametrize("width", [1400, 900])
def test_token_page_shows_the_new_token_and_revokes_it(page_as, live_server, screenshot, width):
    user = UserFactory(username="reader")
    user_role_set(user=user, role="viewer")
    page = page_as(user)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/")
    page.click("nav >> text=API tokens")
    page.fill("#id_name", "نسخة ليلية")
    page.click('button:has-text("Create token")')
    assert _in_viewport(page, ".new-token")
    assert page.inner_text(".token").startswith("wsw_")
    screenshot(page, f"api-tokens-{width}")
    page.click('button:has-text("Revoke")')
    assert _in_viewport(page, ".messages") and "revoked" in page.inner_text(".messages")
    assert "revoked" in page.inner_text("table")
    assert page.locator("nav >> text=Import").count() == 0  # viewers do not import


def test_an_id_parameter_out_of_range_says_why(page_as, live_server, screenshot):
    user = UserFactory(username="reader")
    user_role_set(user=user, role="viewer")
    page = page_as(user)
    page.set_viewport_size({"width": 900, "height": 900})
    response = page.goto(f"{live_server.url}/search/?speaker=99999999999999999999")
    assert response.status == 400
    assert _in_viewport(page, "[role=alert]") and "“speaker” must be a whole number" in page.inner_text("main")
    screenshot(page, "bad-parameter-900")
