"""A quote re-detection removed while the page was open: the editor's action gets a message on
screen (410), not an error page."""

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, QuoteFactory, UserFactory
from tracker.models import Quote
from tracker.services.users import user_role_set

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("width", [1400, 900])
def test_accepting_a_quote_that_vanished_says_so_in_view(page_as, live_server, screenshot, width):
    user = UserFactory(username=f"gone{width}")
    user_role_set(user=user, role="editor")
    article = ArticleFactory(title="Minister speaks on the truce", language="en")
    quote = QuoteFactory(article=article)
    page = page_as(user)
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(live_server.url + reverse("article-detail", args=[article.pk]))
    page.wait_for_selector(".qcard.selected")
    Quote.objects.filter(pk=quote.pk).delete()  # as a re-detection that no longer finds it
    page.keyboard.press("a")
    flash = page.locator("#review-flash")
    flash.get_by_text("no longer in the article").wait_for()
    box = flash.bounding_box()
    assert box and box["y"] >= 0 and box["y"] + box["height"] <= 900
    screenshot(page, f"review-quote-gone-{width}")


def test_highlight_keeps_the_final_tanween_in_chromium(page_as, live_server, screenshot):
    user = UserFactory(username="tanween")
    user_role_set(user=user, role="editor")
    body = "قال الوزير إنّ الرجل بقي وحيداً، وإنّ البيت بقي أجوفَ."
    article = ArticleFactory(title="عنوان الخبر", body=body, language="ar")
    doc = article.document
    start, end = doc.index("الرجل"), doc.index("وحيداً") + len("وحيدا")  # stored cut, as before the fix
    quote = QuoteFactory(article=article, quote_start=start, quote_end=end, quote_text=doc[start:end])
    page = page_as(user)
    page.goto(live_server.url + reverse("article-detail", args=[article.pk]))
    page.wait_for_selector(".qcard.selected")
    text = page.locator(f'#article-text mark[data-quote-id="{quote.pk}"]').first.inner_text()
    assert text.endswith("وحيداً"), text
    screenshot(page, "review-tanween-ar")
