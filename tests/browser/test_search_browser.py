"""Active search in a real browser: debounced htmx requests, the URL follows, Arabic reads RTL."""

import datetime as dt

import pytest

from tests.factories import OutletFactory, UserFactory, quote_with_text
from tracker.services.speakers import speaker_resolve
from tracker.services.users import user_role_set

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_active_search_updates_results_and_url(page_as, live_server, screenshot):
    user = UserFactory(username="searcher")
    user_role_set(user=user, role="viewer")
    kirby = speaker_resolve(name="جون كيربي", kind="person", language="ar", mentions=("كيربي",))
    outlet = OutletFactory(name="الميادين", language="ar")
    quote_with_text(
        "لا ندعم وقف إطلاق النار في الوقت الحالي", language="ar", speaker=kirby, outlet=outlet,
        published=dt.date(2023, 11, 6),
    )  # fmt: skip
    quote_with_text("A ceasefire is not on the table", speaker=speaker_resolve(name="John Kirby", kind="person"))
    page = page_as(user)
    page.goto(f"{live_server.url}/search/")
    page.fill("#id_q", "كيربى وقف")
    page.wait_for_url("**/search/?*q=*")
    page.wait_for_selector("#results mark")
    results = page.inner_text("#results")
    assert "لا ندعم وقف إطلاق النار" in results and "A ceasefire" not in results
    assert page.locator("#results .quote-text").first.evaluate("e => getComputedStyle(e).direction") == "rtl"
    screenshot(page, "search-arabic")
    page.fill("#id_q", "ceasefire")
    page.wait_for_selector("#results mark >> text=ceasefire")
    assert "A ceasefire is not on the table" in page.inner_text("#results")


def test_speaker_page_renders_aliases_timeline_and_quotes(page_as, live_server, screenshot):
    user = UserFactory(username="admin1")
    user_role_set(user=user, role="admin")
    kirby = speaker_resolve(name="جون كيربي", kind="person", language="ar", mentions=("كيربي",))
    for day, text in ((6, "لا ندعم وقف إطلاق النار في الوقت الحالي"), (20, "المحادثات حول الأسرى مستمرة")):
        quote_with_text(text, language="ar", speaker=kirby, published=dt.date(2023, 11, day))
    quote_with_text("Talks on hostages go on", speaker=kirby, published=dt.date(2023, 12, 1))
    page = page_as(user)
    page.goto(f"{live_server.url}/speakers/{kirby.pk}/")
    assert "3 quotes" in page.inner_text("header.speaker-head")
    assert page.locator(".timeline li").count() == 2
    page.fill("#id_q", "الاسرى")
    page.wait_for_selector("#speaker-quotes mark")
    assert page.locator("#speaker-quotes .result").count() == 1
    screenshot(page, "speaker-page")
