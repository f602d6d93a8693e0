"""The newsroom's day in a real browser: import by URL from a local server, the work queue with
two editors, the dashboard. Screenshots go to var/screenshots/."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.conftest import article_page
from tests.factories import UserFactory
from tracker.models import Article
from tracker.services.users import user_role_set

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _user(name, role="editor"):
    user = UserFactory(username=name)
    user_role_set(user=user, role=role)
    return user


def test_import_by_url(page_as, live_server, web_server, screenshot):
    url = web_server.page(
        "/2024/03/ceasefire",
        article_page(
            title="وزير الخارجية: المحادثات مستمرة",
            paragraphs=[
                "قال وزير الخارجية إن المحادثات ستستمر الأسبوع المقبل في الدوحة بمشاركة الوسطاء.",
                "وأضاف أن الهدف هو التوصل إلى اتفاق يوقف القتال ويسمح بدخول المساعدات.",
            ],
            date="2024-03-05",
            site="الشرق",
            lang="ar",
        ),
    )
    page = page_as(_user("ed"))
    page.goto(live_server.url + reverse("article-new"))
    page.get_by_label("Article URL").fill(url)
    page.get_by_role("button", name="Fetch and import").click()
    expect(page.get_by_text("Article imported from the link.")).to_be_visible()
    article = Article.objects.get()
    assert page.url.endswith(reverse("article-detail", args=[article.pk]))
    assert article.language == "ar" and article.outlet.name == "الشرق" and str(article.published) == "2024-03-05"
    expect(page.locator("#article-text")).to_contain_text("المحادثات ستستمر الأسبوع المقبل")
    screenshot(page, "import-url-ar")

    # The same link again: the stored copy, said so, in view.
    page.goto(live_server.url + reverse("article-new"))
    page.get_by_label("Article URL").fill(url)
    page.get_by_role("button", name="Fetch and import").click()
    message = page.get_by_text("This article was already here")
    expect(message).to_be_in_viewport()
    assert Article.objects.count() == 1

    # A refused link: the reason beside the field, in view, and nothing stored.
    page.goto(live_server.url + reverse("article-new"))
    page.get_by_label("Article URL").fill(web_server.url + "/nothing-here")
    page.get_by_role("button", name="Fetch and import").click()
    expect(page.get_by_text("answered 404")).to_be_in_viewport()
    assert Article.objects.count() == 1
    page.set_viewport_size({"width": 900, "height": 900})
    screenshot(page, "import-url-refused-900")


def test_two_editors_take_next_article_and_get_different_ones(page_as, live_server, screenshot):
    from tests.factories import ArticleFactory

    older = ArticleFactory(title="Older article on the ceasefire talks")
    newer = ArticleFactory(title="Newer article on the port strike")
    ana, ben = page_as(_user("ana")), page_as(_user("ben"))
    ana.goto(live_server.url + reverse("home"))
    ana.locator("main").get_by_role("button", name="Next article").click()
    expect(ana.get_by_text("Next article: yours until")).to_be_in_viewport()
    assert ana.url.endswith(reverse("article-detail", args=[older.pk]))

    ben.goto(live_server.url + reverse("home"))
    ben.get_by_role("banner").get_by_role("button", name="Next article").click()
    assert ben.url.endswith(reverse("article-detail", args=[newer.pk]))
    expect(ben.locator("#article-text")).to_contain_text("port strike")

    # The list shows who holds what; "Mine" lists ana's.
    ana.goto(live_server.url + reverse("home") + "?queue=mine")
    expect(ana.locator("table.articles tbody tr")).to_have_count(1)
    expect(ana.locator("table.articles")).to_contain_text("taken by ana")
    ben.goto(live_server.url + reverse("home"))
    expect(ben.locator("table.articles")).to_contain_text("taken by ben")
    screenshot(ben, "queue-list")
    ben.set_viewport_size({"width": 900, "height": 900})
    screenshot(ben, "queue-list-900")

    # Nothing else left: a third editor is told so, in view.
    cy = page_as(_user("cy"))
    cy.goto(live_server.url + reverse("home"))
    cy.locator("main").get_by_role("button", name="Next article").click()
    expect(cy.get_by_text("Nothing left to review")).to_be_in_viewport()


def test_dashboard_renders_in_a_browser(page_as, live_server, screenshot):
    from tests.newsroom import build_newsroom
    from tracker.models import Quote

    world = build_newsroom()
    page = page_as(world["editors"][0])
    for language in ("ar", "en"):
        page.goto(live_server.url + reverse("dashboard") + f"?language={language}")
        quoted = Quote.objects.filter(article__language=language).exclude(status="rejected")
        expect(page.locator('[data-figure="quotes"]')).to_have_text(str(quoted.count()))
        expect(page.locator("svg.chart")).to_have_count(10)
        top = page.locator("#table-speakers tbody tr").first
        first_speaker = top.locator("th").inner_text()
        assert quoted.filter(speaker__name=first_speaker).count() == int(top.locator("td.num").inner_text())
        for width in (1400, 900):
            page.set_viewport_size({"width": width, "height": 900})
            # Nothing wider than the window: no sideways scrolling.
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            page.screenshot(path=str(_shot_path(f"dashboard-{language}-{width}")), full_page=True)
    # The filters are in the URL: the same address shows the same figures.
    page.goto(live_server.url + reverse("dashboard"))
    page.locator("#id_language").select_option("en")
    page.locator("#id_outlet").select_option(label="BBC News")
    page.get_by_role("button", name="Apply").click()
    assert "language=en" in page.url and "outlet=" in page.url
    bbc = Quote.objects.filter(article__outlet__name="BBC News").exclude(status="rejected").count()
    expect(page.locator('[data-figure="quotes"]')).to_have_text(str(bbc))


def _shot_path(name):
    from tests.browser.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


def test_feed_with_three_items_imports_three_articles_once(page_as, live_server, web_server, screenshot):
    from tests.factories import OutletFactory
    from tests.services.test_feeds import _serve_stories, rss
    from tracker.models import Feed

    outlet = OutletFactory(name="Courier")
    feed_url = web_server.page(
        "/feed.xml", rss(web_server, _serve_stories(web_server)), Content_Type="application/rss+xml"
    )
    page = page_as(_user("boss", "admin"))
    page.goto(live_server.url + reverse("outlet-detail", args=[outlet.pk]))
    page.get_by_label("Feed URL (RSS or Atom)").fill(feed_url)
    page.get_by_role("button", name="Add feed").click()
    expect(page.get_by_text("Feed added")).to_be_in_viewport()
    for expected in ("3 new articles", "0 new articles"):
        page.get_by_role("button", name="Fetch now").click()
        expect(page.get_by_text(f"Feed fetched: {expected}.")).to_be_in_viewport()
    assert Article.objects.filter(outlet=outlet).count() == 3
    feed = Feed.objects.get()
    expect(page.locator(f"#feed-{feed.pk} td.num")).to_have_text(["0", "3", "3", "0"])
    expect(page.locator("table.articles").last.locator("tbody tr")).to_have_count(3)
    screenshot(page, "outlet-feeds")


def test_editor_sets_speaker_facts_from_the_suggestion(page_as, live_server, screenshot):
    from tests.factories import ArticleFactory, QuoteFactory, SpeakerFactory
    from tracker.models import Speaker

    speaker = SpeakerFactory(name="ماريا زاخاروفا")
    article = ArticleFactory(body="قالت ماريا زاخاروفا إن «الحوار ممكن».", language="ar")
    doc = article.document
    start, cue = doc.index("الحوار ممكن"), doc.index("قالت")
    QuoteFactory(
        article=article,
        speaker=speaker,
        quote_start=start,
        quote_end=start + len("الحوار ممكن"),
        cue_text="قالت",
        cue_start=cue,
        cue_end=cue + 4,
    )
    page = page_as(_user("ed"))
    page.goto(live_server.url + reverse("speaker-detail", args=[speaker.pk]))
    expect(page.locator(".gender-hint")).to_contain_text("suggest a woman")
    page.get_by_label("Gender").select_option("female")
    page.get_by_label("Wikidata id").fill("Q4225379")
    page.get_by_role("button", name="Save facts").click()
    expect(page.get_by_text("Speaker facts saved.")).to_be_in_viewport()
    expect(page.locator("a.wikidata")).to_have_attribute("href", "https://www.wikidata.org/wiki/Q4225379")
    assert Speaker.objects.get(pk=speaker.pk).gender == "female"
    screenshot(page, "speaker-facts-ar")
