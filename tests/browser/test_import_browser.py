"""Import refusals in a real browser: each message is on screen where the editor is looking."""

import json

import pytest

from tests.factories import UserFactory
from tracker.models import Article
from tracker.services.users import user_role_set

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _in_viewport(page, locator) -> bool:
    box = locator.bounding_box()
    size = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= size["height"] and box["x"] >= 0


@pytest.mark.parametrize("width", [1400, 900])
def test_jsonl_upload_with_bad_lines_shows_one_message_a_line(page_as, live_server, screenshot, tmp_path, width):
    user = UserFactory(username=f"importer{width}")
    user_role_set(user=user, role="editor")
    lines = [
        json.dumps({"title": "Good one", "text": "The mayor said the bridge would reopen.", "language": "en"}),
        json.dumps({"title": "No text", "language": "en"}),
        '{"title": "Surrogate", "text": "Broken \\ud800 here.", "language": "en"}',
        json.dumps({"title": "مقال جيد", "text": "قال المتحدث إنّ الاجتماع انتهى.", "language": "xx-bad!"}),
        json.dumps({"title": "Good two", "text": "The council said the budget would pass.", "language": "en"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    page = page_as(user)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(f"{live_server.url}/articles/new/")
    page.set_input_files("#id_file", str(path))
    page.click("form[action$='/upload/'] button[type=submit]")
    page.wait_for_selector(".messages")
    errors = page.locator(".message.error")
    assert errors.count() == 3
    for i in range(errors.count()):
        text = errors.nth(i).inner_text()
        assert text.startswith("batch.jsonl:") and text.count("batch.jsonl") == 1
        assert _in_viewport(page, errors.nth(i)), text
    assert _in_viewport(page, page.locator(".message.success"))
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Good one", "Good two"]
    screenshot(page, f"import-jsonl-rejections-{width}")


def test_oversized_post_shows_a_message_page(page_as, live_server, screenshot, settings):
    user = UserFactory(username="bigposter")
    user_role_set(user=user, role="editor")
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 20_000
    page = page_as(user)
    page.goto(f"{live_server.url}/articles/new/")
    page.fill("#id_title", "Too long")
    page.fill("#id_text", "word " * 10_000)
    page.click("form[action$='/new/'] button[type=submit]")
    alert = page.locator("[role=alert]")
    alert.wait_for()
    assert "too large" in alert.inner_text() and "20,000 bytes" in alert.inner_text()
    assert _in_viewport(page, alert)
    assert not Article.objects.exists()
    screenshot(page, "import-too-large")
