"""The review page in a real browser: keyboard review, typeahead, adding a quote by selecting
Arabic text, and a conflict between two editors. Screenshots go to var/screenshots/."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from tests.factories import ArticleFactory, QuoteFactory, SpeakerAliasFactory, SpeakerFactory, UserFactory
from tracker.models import Article, Quote
from tracker.services.users import user_role_set

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

BODY = (
    'Kirby said the talks "will go on next week" in Doha 🙂.\n'
    'Blinken told reporters "we do not want the war to widen", adding that aid would follow.\n'
    "The ministry said 12 systems had been deployed."
)

# Selects the first occurrence of `needle` in the article text, across runs, like a mouse would.
SELECT_JS = """(needle) => {
  const box = document.getElementById("article-text");
  const walker = document.createTreeWalker(box, NodeFilter.SHOW_TEXT);
  const nodes = []; let text = "";
  while (walker.nextNode()) { nodes.push([walker.currentNode, text.length]); text += walker.currentNode.data; }
  const i = text.indexOf(needle);
  if (i < 0) return false;
  const j = i + needle.length;
  const range = document.createRange();
  const s = nodes.find(([n, o]) => o <= i && i < o + n.data.length);
  const e = nodes.find(([n, o]) => o < j && j <= o + n.data.length);
  range.setStart(s[0], i - s[1]);
  range.setEnd(e[0], j - e[1]);
  const sel = window.getSelection();
  sel.removeAllRanges();
  sel.addRange(range);
  return true;
}"""


def _editor(name="ed"):
    user = UserFactory(username=name)
    user_role_set(user=user, role="editor")
    return user


def _english_article():
    article = ArticleFactory(title="Envoys speak on the truce", body=BODY, language="en")
    doc = article.document
    kirby = SpeakerFactory(name="John Kirby")
    SpeakerAliasFactory(speaker=kirby)
    SpeakerAliasFactory(speaker=kirby, alias="Kirby")
    blinken = SpeakerFactory(name="Antony Blinken")
    SpeakerAliasFactory(speaker=blinken)
    SpeakerAliasFactory(speaker=blinken, alias="Blinken")
    quotes = []
    for text, speaker, kind in [
        ("will go on next week", kirby, "direct"),
        ("we do not want the war to widen", blinken, "direct"),
        ("12 systems had been deployed", None, "indirect"),
    ]:
        start = doc.index(text)
        quotes.append(
            QuoteFactory(
                article=article,
                quote_start=start,
                quote_end=start + len(text),
                quote_text=text,
                speaker=speaker,
                kind=kind,
            )
        )
    return article, quotes


def _open(page, live_server, article):
    page.goto(live_server.url + reverse("article-detail", args=[article.pk]))
    page.wait_for_selector(".qcard.selected")  # review.js ran


def test_review_by_keyboard_alone(page_as, live_server, screenshot):
    article, (first, second, third) = _english_article()
    page = page_as(_editor())
    _open(page, live_server, article)
    screenshot(page, "review-en")
    assert page.locator(".qcard.selected").get_attribute("data-quote-id") == str(first.pk)

    page.keyboard.press("a")  # accept the first; the second is selected next
    page.wait_for_selector(f"#card-{first.pk}.st-accepted")
    page.wait_for_selector(f'mark.q.st-accepted[data-quote-id="{first.pk}"]')  # the highlight too
    assert page.locator("#review-bar .count-accepted").inner_text() == "1 accepted"
    page.keyboard.press("x")
    page.keyboard.press("3")  # duplicate
    page.wait_for_selector(f"#card-{second.pk}.st-rejected")
    page.keyboard.press("u")  # undo the rejection
    page.wait_for_selector(f"#card-{second.pk}.st-pending")
    page.keyboard.press("k")
    page.keyboard.press("j")
    page.keyboard.press("j")
    assert page.locator(".qcard.selected").get_attribute("data-quote-id") == str(third.pk)

    # e: the span becomes the text selected in the article; offsets count the emoji as one.
    page.evaluate(SELECT_JS, "12 systems had been")
    page.keyboard.press("e")
    page.wait_for_selector(f"#card-{third.pk}.st-corrected")
    page.keyboard.press("?")
    assert page.locator("#keys-help").is_visible()
    page.keyboard.press("Escape")

    statuses = dict(Quote.objects.values_list("pk", "status"))
    assert statuses == {first.pk: "accepted", second.pk: "pending", third.pk: "corrected"}
    assert Quote.objects.get(pk=third.pk).quote_text == "12 systems had been"


def test_change_speaker_through_typeahead(page_as, live_server):
    article, (first, second, _third) = _english_article()
    envoy = SpeakerFactory(name="Steve Witkoff")
    SpeakerAliasFactory(speaker=envoy)
    page = page_as(_editor())
    _open(page, live_server, article)
    page.keyboard.press("s")
    expect(page.locator(f"#card-{first.pk} .speaker-input")).to_be_focused()
    page.keyboard.type("WITK")
    page.wait_for_selector(f'#sugg-{first.pk} .option[value="{envoy.pk}"]')
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator(f"#card-{first.pk} .speaker-name")).to_have_text("Steve Witkoff")
    assert Quote.objects.get(pk=first.pk).speaker == envoy
    # The legend follows and the highlight takes the new speaker's colour.
    assert "Steve Witkoff" in page.locator("#legend").inner_text()
    # Clicking a highlight selects its card; clicking a card shows and flashes its highlight.
    page.keyboard.press("Escape")
    page.click(f'#article-text mark[data-quote-id="{second.pk}"]')
    expect(page.locator(f"#card-{second.pk}")).to_have_class(re.compile(r"\bselected\b"))
    page.click(f"#card-{first.pk} blockquote")
    expect(page.locator(f"#q-{first.pk}")).to_have_class(re.compile(r"\bflash\b"))
    expect(page.locator(f"#card-{first.pk}")).to_have_class(re.compile(r"\bselected\b"))


def test_add_quote_by_selecting_arabic_text_on_demo(browser, live_server, roles, screenshot):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    article = Article.objects.get(language="ar")
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    try:
        page = context.new_page()
        page.goto(live_server.url + reverse("login") + "?next=" + reverse("article-detail", args=[article.pk]))
        page.fill("input[name=username]", "editor")
        page.fill("input[name=password]", "editor")
        page.click("form.card button[type=submit]")
        page.wait_for_selector("#article-text")
        # The English interface stays left to right; the article text is right to left.
        assert page.locator("html").get_attribute("dir") == "ltr"
        assert page.locator("#article-text").get_attribute("dir") == "rtl"
        screenshot(page, "review-ar")

        needle = "ما لا يقل عن 12 منظومة دفاع جوي"  # crosses the <bdi> around the number
        assert page.evaluate(SELECT_JS, needle)
        page.keyboard.press("n")
        page.wait_for_selector(".qcard.selected .badge.st-accepted")  # the new quote, selected
        added = Quote.objects.get(article=article, origin=Quote.Origin.EDITOR)
        assert added.quote_text == needle and article.document[added.quote_start : added.quote_end] == needle
        page.wait_for_selector(f'#article-text mark[data-quote-id="{added.pk}"]')
        page.wait_for_selector(f"#card-{added.pk}")
        screenshot(page, "review-ar-added")
    finally:
        context.close()


def test_conflict_between_two_editors(page_as, live_server, screenshot):
    article, (first, *_rest) = _english_article()
    one, two = page_as(_editor("one")), page_as(_editor("two"))
    _open(one, live_server, article)
    _open(two, live_server, article)
    one.keyboard.press("a")
    one.wait_for_selector(f"#card-{first.pk}.st-accepted")

    # The second editor uses the mouse (the keyboard has its own test): not a quote, on the
    # version the first editor has replaced meanwhile.
    two.click(f"#card-{first.pk} details.reject summary")
    two.click(f'#card-{first.pk} button.reason[value="not_a_quote"]')
    two.wait_for_selector(f"#card-{first.pk} .conflict")
    card = two.locator(f"#card-{first.pk}")
    assert "Not saved" in card.inner_text() and "Accepted" in card.inner_text() and "Not a quote" in card.inner_text()
    screenshot(two, "review-conflict")
    assert Quote.objects.get(pk=first.pk).status == "accepted"
    card.locator("button.apply-mine").click()
    two.wait_for_selector(f"#card-{first.pk}.st-rejected")
    quote = Quote.objects.get(pk=first.pk)
    assert quote.status == "rejected" and quote.reject_reason == "not_a_quote" and quote.version == 3


def test_a_change_queued_behind_another_keeps_its_reason(page_as, live_server):
    """Keys faster than the server: the reject waits (hx-sync) behind the accept still in flight,
    and the focus has moved on meanwhile; it must still carry the reason chosen."""
    article, (first, second, third) = _english_article()
    page = page_as(_editor())
    _open(page, live_server, article)
    held = []
    page.route(f"**/quotes/{first.pk}/accept/", lambda route: held.append(route))
    with page.expect_request(f"**/quotes/{first.pk}/accept/", timeout=15000):
        page.keyboard.press("a")
    page.keyboard.press("x")
    page.keyboard.press("2")  # wrong span: queued behind the accept
    expect(page.locator(f"#card-{third.pk}")).to_be_focused()  # the focus has moved on
    held[0].continue_()
    page.wait_for_selector(f"#card-{second.pk}.st-rejected")
    expect(page.locator("#review-flash .message")).to_contain_text("Rejected (wrong span)")
    assert Quote.objects.get(pk=second.pk).reject_reason == "wrong_span"
    assert Quote.objects.get(pk=first.pk).status == "accepted"
