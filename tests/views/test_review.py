import re

import pytest
from django.urls import reverse

from tests.factories import ArticleFactory, QuoteFactory, SpeakerAliasFactory, SpeakerFactory, UserFactory
from tracker.models import Article, Quote, Speaker
from tracker.services.users import user_role_set

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def quote():
    speaker = SpeakerFactory(name="John Kirby")
    SpeakerAliasFactory(speaker=speaker)
    return QuoteFactory(speaker=speaker)


def url(name, quote, **kw):
    return reverse(name, args=[quote.article_id, quote.pk])


# The page ---------------------------------------------------------------------------------------


def test_page_marks_quote_spans_and_mentions_in_stored_text(viewer_client, quote):
    article = quote.article
    article.body = 'John Kirby said on day 1 that "talks will go on".\nNothing else happened.'
    article.save()
    Quote.objects.filter(pk=quote.pk).update(
        quote_start=article.document.index("talks"), quote_end=article.document.index("talks") + 16
    )
    html = viewer_client.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert f'data-quote-id="{quote.pk}"' in html and f'id="q-{quote.pk}"' in html
    mark = re.search(rf'<mark id="q-{quote.pk}"[^>]*>(.*?)</mark>', html).group(1)
    assert re.sub(r"<[^>]+>", "", mark) == "talks will go on"
    assert 'class="who c' in html and f'data-speaker-id="{quote.speaker_id}"' in html  # the mention
    assert 'id="legend"' in html and "John Kirby" in html
    # Each run of text carries its offset in the stored text.
    start = article.document.index("Nothing")
    assert f'<span data-o="{start}">Nothing else happened.</span>' in html
    assert f'href="#q-{quote.pk}"' in html  # cards link to their span without JavaScript
    assert f'id="quote-{quote.pk}"' in html  # where search results and quote sheets link to


def test_arabic_article_is_rtl_inside_an_english_ltr_frame(viewer_client):
    article = ArticleFactory(title="عنوان", body="قال John Kirby إن 12 منظومة وصلت.", language="ar")
    html = viewer_client.get(reverse("article-detail", args=[article.pk])).content.decode()
    # The interface is English: the frame stays left to right, only the article turns.
    assert '<html lang="en" dir="ltr">' in html
    assert 'id="article-text" class="review-text" lang="ar" dir="rtl"' in html
    assert 'id="para-1" class="para" dir="rtl"' in html
    assert ">John Kirby</bdi>" in html and ">12</bdi>" in html


def test_mixed_paragraph_takes_its_own_direction(viewer_client):
    article = ArticleFactory(title="Truce", body="The envoy spoke.\nقال المتحدث إن المفاوضات مستمرة.", language="en")
    html = viewer_client.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert 'id="para-1" class="para" dir="ltr"' in html and 'id="para-2" class="para" dir="rtl"' in html


def test_overlapping_and_cross_paragraph_spans_nest(viewer_client):
    article = ArticleFactory(title="T", body="Alpha beta gamma delta.\nEpsilon zeta.")
    doc = article.document
    a = QuoteFactory(article=article, quote_start=2, quote_end=doc.index("gamma") + 5, quote_text="x")
    b = QuoteFactory(article=article, quote_start=doc.index("beta"), quote_end=doc.index("zeta"), quote_text="x")
    html = viewer_client.get(reverse("article-detail", args=[article.pk])).content.decode()
    text = re.search(r'<section id="article-text".*?</section>', html, re.S).group()
    assert text.count(f'data-quote-id="{a.pk}"') == 1 and text.count(f'data-quote-id="{b.pk}"') == 3
    assert text.count("<mark") == text.count("</mark>")
    assert text.count(f'id="q-{b.pk}"') == 1


def test_viewer_sees_no_controls_and_editor_does(client, viewer_client, quote):
    page = reverse("article-detail", args=[quote.article_id])
    assert "Accept" not in viewer_client.get(page).content.decode().split('id="quote-cards"')[1]
    client.logout()
    editor = UserFactory(username="e2")
    user_role_set(user=editor, role="editor")
    client.force_login(editor)
    assert 'class="accept"' in client.get(page).content.decode()


def test_page_queries_do_not_grow_with_quotes(client, django_assert_max_num_queries):
    article = ArticleFactory(title="T", body=" ".join(f"w{i}" for i in range(400)))
    for i in range(30):
        speaker = SpeakerFactory()
        SpeakerAliasFactory(speaker=speaker)
        QuoteFactory(article=article, quote_start=i * 10, quote_end=i * 10 + 5, quote_text="x", speaker=speaker)
    with django_assert_max_num_queries(8):
        client.get(reverse("article-detail", args=[article.pk]))


# Actions ---------------------------------------------------------------------------------------


def test_accept_swaps_card_paragraph_and_counters(editor_client, quote):
    response = editor_client.post(url("quote-accept", quote), {"version": 1}, headers=HX)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith(f'<article id="card-{quote.pk}"') and "st-accepted" in html
    assert 'id="para-1" class="para"' in html and 'hx-swap-oob="true"' in html
    assert re.search(r'id="review-bar"[^>]*hx-swap-oob="true"', html) and "1 accepted" in html
    assert "<html" not in html and "quote-changed" in response["HX-Trigger"]
    assert Quote.objects.get(pk=quote.pk).status == Quote.Status.ACCEPTED


def test_accept_without_htmx_redirects_back(editor_client, quote):
    response = editor_client.post(url("quote-accept", quote), {"version": 1})
    assert response.status_code == 302 and response["Location"].endswith(f"#card-{quote.pk}")


def test_reject_with_reason(editor_client, quote):
    response = editor_client.post(url("quote-reject", quote), {"version": 1, "reason": "duplicate"}, headers=HX)
    assert response.status_code == 200 and "Rejected: Duplicate" in response.content.decode()
    response = editor_client.post(url("quote-reject", quote), {"version": 2, "reason": "nonsense"}, headers=HX)
    assert response.status_code == 400 and response["HX-Retarget"] == "#review-flash"


def test_kind(editor_client, quote):
    editor_client.post(url("quote-kind", quote), {"version": 1, "kind": "indirect"}, headers=HX)
    assert Quote.objects.get(pk=quote.pk).kind == "indirect"


def test_speaker_existing_new_and_typed_name(editor_client, quote):
    other = SpeakerFactory(name="Antony Blinken")
    SpeakerAliasFactory(speaker=other)
    response = editor_client.post(url("quote-speaker", quote), {"version": 1, "speaker": other.pk}, headers=HX)
    assert response.status_code == 200 and 'id="article-text"' in response.content.decode()  # whole text
    assert Quote.objects.get(pk=quote.pk).speaker == other
    editor_client.post(url("quote-speaker", quote), {"version": 2, "speaker_name": "Jane Roe", "new": "1"}, headers=HX)
    assert Quote.objects.get(pk=quote.pk).speaker.name == "Jane Roe"
    # Without the typeahead, a typed name must be a known speaker's.
    editor_client.post(url("quote-speaker", quote), {"version": 3, "speaker_name": "ANTONY blinken"})
    assert Quote.objects.get(pk=quote.pk).speaker == other
    response = editor_client.post(url("quote-speaker", quote), {"version": 4, "speaker_name": "Nobody"}, headers=HX)
    assert response.status_code == 400 and "create new speaker" in response.content.decode()


def test_via_set_and_clear(editor_client, quote):
    relay = SpeakerFactory(name="Al Mayadeen")
    editor_client.post(url("quote-via", quote), {"version": 1, "via": relay.pk}, headers=HX)
    assert Quote.objects.get(pk=quote.pk).via == relay
    editor_client.post(url("quote-via", quote), {"version": 2, "clear": "1"}, headers=HX)
    assert Quote.objects.get(pk=quote.pk).via is None


def test_span(editor_client, quote):
    doc = quote.article.document
    start = doc.index("minister")
    response = editor_client.post(
        url("quote-span", quote), {"version": 1, "start": start, "end": start + 8}, headers=HX
    )
    assert response.status_code == 200
    assert Quote.objects.get(pk=quote.pk).quote_text == "minister"
    response = editor_client.post(url("quote-span", quote), {"version": 2, "start": 0, "end": 10_000}, headers=HX)
    assert response.status_code == 400 and "outside" in response.content.decode()


def test_new_quote_and_delete(editor_client, article):
    new_url = reverse("quote-new", args=[article.pk])
    response = editor_client.post(new_url, {"start": 4, "end": 12, "kind": "direct"}, headers=HX)
    added = Quote.objects.get(article=article)
    assert response.status_code == 200 and 'hx-swap-oob="beforeend:#quote-cards"' in response.content.decode()
    assert added.origin == Quote.Origin.EDITOR and added.quote_text == article.document[4:12]
    response = editor_client.post(url("quote-delete", added), {"version": added.version}, headers=HX)
    assert response.status_code == 200 and not Quote.objects.exists()


def test_delete_of_a_detected_quote_is_refused(editor_client, quote):
    response = editor_client.post(url("quote-delete", quote), {"version": 1}, headers=HX)
    assert response.status_code == 400 and Quote.objects.filter(pk=quote.pk).exists()


def test_undo_restores_the_last_change(editor_client, quote):
    editor_client.post(url("quote-reject", quote), {"version": 1, "reason": "other"}, headers=HX)
    response = editor_client.post(reverse("review-undo", args=[quote.article_id]), headers=HX)
    assert response.status_code == 200 and f'id="card-{quote.pk}"' in response.content.decode()
    assert Quote.objects.get(pk=quote.pk).status == Quote.Status.PENDING
    response = editor_client.post(reverse("review-undo", args=[quote.article_id]), headers=HX)
    assert response.status_code == 400 and "Nothing" in response.content.decode()


def test_accept_all_and_mark_reviewed(editor_client, quote):
    article_id = quote.article_id
    response = editor_client.post(reverse("review-done", args=[article_id]), headers=HX)
    assert response.status_code == 400 and "pending" in response.content.decode()
    response = editor_client.post(reverse("review-accept-all", args=[article_id]), headers=HX)
    assert response.status_code == 200 and 'id="review-body"' in response.content.decode()
    assert Quote.objects.get(pk=quote.pk).status == Quote.Status.ACCEPTED
    editor_client.post(reverse("review-done", args=[article_id]), headers=HX)
    assert Article.objects.get(pk=article_id).status == Article.Status.REVIEWED


def test_redetect_keeps_touched_quotes(editor_client):
    article = ArticleFactory(title="Talks", body='The minister said "talks will go on".')
    added = QuoteFactory(article=article, origin=Quote.Origin.EDITOR, quote_start=0, quote_end=5, quote_text="Talks")
    response = editor_client.post(reverse("review-redetect", args=[article.pk]), headers=HX)
    # No reload: the body comes back with the new cards, and the bar says what happened.
    html = response.content.decode()
    assert response.status_code == 200 and response["HX-Retarget"] == "#review-body" and "HX-Refresh" not in response
    assert 'id="review-body"' in html and "Detection re-run" in html
    assert Quote.objects.filter(pk=added.pk).exists()


def test_page_polls_while_detection_runs_then_swaps_in_the_cards(editor_client):
    article = ArticleFactory(title="Talks", body='The minister said "talks will go on".')
    Article.objects.filter(pk=article.pk).update(detection_state=Article.Detection.QUEUED)
    html = editor_client.get(reverse("article-detail", args=[article.pk])).content.decode()
    progress = reverse("review-progress", args=[article.pk])
    assert f'hx-get="{progress}" hx-trigger="every 2s"' in html and "Detecting quotes (queued)" in html
    assert "reload" not in html
    response = editor_client.get(progress, headers=HX)
    assert 'id="review-progress"' in response.content.decode() and "HX-Retarget" not in response
    QuoteFactory(article=article)
    Article.objects.filter(pk=article.pk).update(detection_state=Article.Detection.DONE)
    response = editor_client.get(progress, headers=HX)
    html = response.content.decode()
    assert response["HX-Retarget"] == "#review-body" and 'class="qcard' in html
    assert "Detection finished: 1 quote to review." in html and 'id="review-progress"' not in html


def test_every_action_says_what_it_did_in_the_sticky_message_box(editor_client, quote):
    html = editor_client.post(url("quote-accept", quote), {"version": 1}, headers=HX).content.decode()
    assert '<div id="review-flash" hx-swap-oob="innerHTML">' in html
    assert 'Accepted: «<bdi class="said">talks will go on</bdi>»' in html
    html = editor_client.post(url("quote-reject", quote), {"version": 2, "reason": "duplicate"}, headers=HX)
    assert "Rejected (duplicate): " in html.content.decode()
    html = editor_client.post(reverse("review-undo", args=[quote.article_id]), headers=HX).content.decode()
    assert 'Undone: reject: «<bdi class="said">talks will go on</bdi>»' in html
    html = editor_client.post(reverse("review-undo", args=[quote.article_id]), headers=HX).content.decode()
    assert "Undone: accept: " in html
    # A refusal goes to the same box, and the page shows the box inside the sticky bar.
    response = editor_client.post(reverse("review-done", args=[quote.article_id]), headers=HX)
    assert response["HX-Retarget"] == "#review-flash" and "1 quote is still pending" in response.content.decode()
    page = editor_client.get(reverse("article-detail", args=[quote.article_id])).content.decode()
    sticky = page[page.index('<div class="review-sticky">') :]
    assert sticky.index('id="review-bar"') < sticky.index('id="review-flash"') < sticky.index('id="review-body"')


def test_undo_takes_back_accept_all_in_one_step(editor_client, editor):
    article = ArticleFactory(body='A said "one". B said "two". C said "three".')
    doc = article.document
    quotes = [
        QuoteFactory(article=article, quote_start=doc.index(w), quote_end=doc.index(w) + len(w), quote_text=w)
        for w in ("one", "two", "three")
    ]
    # The editor's own earlier change stays when the batch is undone.
    editor_client.post(url("quote-reject", quotes[0]), {"version": 1, "reason": "other"}, headers=HX)
    html = editor_client.post(reverse("review-accept-all", args=[article.pk]), headers=HX).content.decode()
    assert "Accepted 2 quotes. Undo (u) takes them all back." in html
    response = editor_client.post(reverse("review-undo", args=[article.pk]), headers=HX)
    html = response.content.decode()
    assert "Undone: accept of 2 quotes" in html and response["HX-Retarget"] == "#review-body"
    assert f'"review-select": {{"id": {quotes[1].pk}}}' in response["HX-Trigger"]
    statuses = dict(Quote.objects.values_list("pk", "status"))
    assert statuses == {quotes[0].pk: "rejected", quotes[1].pk: "pending", quotes[2].pk: "pending"}
    editor_client.post(reverse("review-undo", args=[article.pk]), headers=HX)
    assert Quote.objects.get(pk=quotes[0].pk).status == "pending"


def test_accept_above_a_confidence_and_reject_one_rule(editor_client):
    article = ArticleFactory(body='A said "one". B said "two". C said "three".')
    doc = article.document
    rows = [("one", 0.9, "r.high"), ("two", 0.5, "r.low"), ("three", 0.6, "r.low")]
    quotes = [
        QuoteFactory(
            article=article,
            quote_start=doc.index(w),
            quote_end=doc.index(w) + len(w),
            quote_text=w,
            confidence=c,
            rule=r,
        )
        for w, c, r in rows
    ]
    page = editor_client.get(reverse("article-detail", args=[article.pk]), {"sort": "confidence"}).content.decode()
    assert page.index(f'id="card-{quotes[1].pk}"') < page.index(f'id="card-{quotes[2].pk}"')
    assert page.index(f'id="card-{quotes[2].pk}"') < page.index(f'id="card-{quotes[0].pk}"')
    assert '<option value="r.low">r.low (2)</option>' in page
    accept_all = reverse("review-accept-all", args=[article.pk])
    response = editor_client.post(accept_all, {"min_confidence": "0.8"}, headers=HX)
    assert "Accepted 1 quote at or above 0.80 confidence." in response.content.decode()
    response = editor_client.post(reverse("review-reject-rule", args=[article.pk]), {"rule": "r.low"}, headers=HX)
    assert "Rejected 2 quotes found by “r.low”." in response.content.decode()
    assert dict(Quote.objects.values_list("pk", "status")) == {
        quotes[0].pk: "accepted",
        quotes[1].pk: "rejected",
        quotes[2].pk: "rejected",
    }
    bad = editor_client.post(reverse("review-accept-all", args=[article.pk]), {"min_confidence": "7"}, headers=HX)
    assert bad.status_code == 400


def test_cards_hide_rule_and_confidence_behind_details_and_explain_kinds(viewer_client, quote):
    html = viewer_client.get(reverse("article-detail", args=[quote.article_id])).content.decode()
    assert 'class="detail conf"' in html and 'id="details-toggle"' in html
    assert 'title="Mixed: reported speech with some of the speaker&#x27;s own words quoted' in html
    assert 'class="styles" aria-label="Highlight styles"' in html
    assert 'rel="icon"' in html


def test_speaker_suggest(editor_client, quote):
    SpeakerAliasFactory(speaker=quote.speaker, alias="جون كيربي")
    response = editor_client.get(reverse("speaker-suggest"), {"speaker_name": "كيربى"}, headers=HX)
    html = response.content.decode()
    assert f'name="speaker" value="{quote.speaker_id}"' in html and "Create new speaker" in html
    html = editor_client.get(reverse("speaker-suggest"), {"via_name": "kirby"}, headers=HX).content.decode()
    assert f'name="via" value="{quote.speaker_id}"' in html


# The conflict ----------------------------------------------------------------------------------


def test_conflict_shows_current_value_and_keeps_what_was_typed(editor_client, quote):
    other = UserFactory(username="other")
    user_role_set(user=other, role="editor")
    from tracker.services.quotes import quote_accept

    quote_accept(quote_id=quote.pk, expected_version=1, user=other)
    response = editor_client.post(
        url("quote-speaker", quote), {"version": 1, "speaker_name": "Jane Roe", "new": "1"}, headers=HX
    )
    html = response.content.decode()
    assert response.status_code == 409
    assert "Not saved" in html and "Accepted" in html and ">other</bdi>" in html
    assert 'value="Jane Roe"' in html  # what the editor typed is still there
    assert '<input type="hidden" name="version" value="2">' in html  # "Apply mine" carries the new version
    assert not Speaker.objects.filter(name="Jane Roe").exists()
    # Applying it again with the current version works.
    editor_client.post(url("quote-speaker", quote), {"version": 2, "speaker_name": "Jane Roe", "new": "1"}, headers=HX)
    assert Quote.objects.get(pk=quote.pk).speaker.name == "Jane Roe"


def test_keep_theirs_reloads_the_card(editor_client, quote):
    response = editor_client.get(url("quote-card", quote), headers=HX)
    assert response.status_code == 200 and f'id="card-{quote.pk}"' in response.content.decode()
    assert editor_client.get(url("quote-card", quote)).status_code == 302


# Roles -----------------------------------------------------------------------------------------

WRITES = [
    ("quote-accept", {"version": 1}),
    ("quote-reject", {"version": 1, "reason": "other"}),
    ("quote-kind", {"version": 1, "kind": "direct"}),
    ("quote-speaker", {"version": 1, "speaker_name": "X", "new": "1"}),
    ("quote-via", {"version": 1, "clear": "1"}),
    ("quote-span", {"version": 1, "start": 0, "end": 4}),
    ("quote-delete", {"version": 1}),
]
ARTICLE_WRITES = ["quote-new", "review-undo", "review-accept-all", "review-done", "review-redetect"]


@pytest.mark.parametrize(("name", "data"), WRITES)
@pytest.mark.parametrize("who", ["anonymous", "viewer"])
def test_quote_writes_refused_to_anonymous_and_viewers(client, viewer, quote, name, data, who):
    if who == "viewer":
        client.force_login(viewer)
    response = client.post(url(name, quote), data, headers=HX)
    # Viewers are refused; anonymous users are sent to log in first.
    assert response.status_code == (403 if who == "viewer" else 302)
    stored = Quote.objects.get(pk=quote.pk)
    assert stored.version == 1 and stored.status == Quote.Status.PENDING


@pytest.mark.parametrize("name", ARTICLE_WRITES)
@pytest.mark.parametrize("who", ["anonymous", "viewer"])
def test_article_writes_refused_to_anonymous_and_viewers(client, viewer, quote, name, who):
    if who == "viewer":
        client.force_login(viewer)
    response = client.post(reverse(name, args=[quote.article_id]), {"start": 0, "end": 4, "kind": "direct"}, headers=HX)
    assert response.status_code == (403 if who == "viewer" else 302)
    assert Quote.objects.count() == 1 and Quote.objects.get().version == 1


def test_writes_need_post_and_csrf(quote, editor):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor)
    assert strict.post(url("quote-accept", quote), {"version": 1}, headers=HX).status_code == 403
    page = strict.get(reverse("article-detail", args=[quote.article_id]))
    token = re.search(r'"X-CSRFToken": "([^"]+)"', page.content.decode()).group(1)
    response = strict.post(url("quote-accept", quote), {"version": 1}, headers={**HX, "X-CSRFToken": token})
    assert response.status_code == 200
    assert strict.get(url("quote-accept", quote)).status_code == 405


def test_suggest_refused_to_anonymous_and_to_users_without_a_role(client):
    from tests.factories import UserFactory

    response = client.get(reverse("speaker-suggest"), {"speaker_name": "x"})
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))
    client.force_login(UserFactory(username="no-role"))
    assert client.get(reverse("speaker-suggest"), {"speaker_name": "x"}).status_code == 403


# The article list ------------------------------------------------------------------------------


def test_article_list_counts_and_filters(viewer_client):
    from tests.factories import OutletFactory

    wire = OutletFactory(name="Wire")
    busy = ArticleFactory(title="Busy one", outlet=wire)
    QuoteFactory(article=busy)
    QuoteFactory(article=busy, quote_start=0, quote_end=5, quote_text="x", status="accepted")
    QuoteFactory(article=busy, quote_start=1, quote_end=5, quote_text="x", status="rejected")
    done = ArticleFactory(title="Done one")
    QuoteFactory(article=done, status="accepted")
    html = viewer_client.get(reverse("home")).content.decode()
    row = re.search(r"Busy one.*?</tr>", html, re.S).group()
    assert re.findall(r'class="num count-\w+">(\d+)<', row) == ["1", "1", "1"]
    html = viewer_client.get(reverse("home"), {"pending": "on"}).content.decode()
    assert "Busy one" in html and "Done one" not in html
    html = viewer_client.get(reverse("home"), {"outlet": wire.pk}).content.decode()
    assert "Busy one" in html and "Done one" not in html


def test_article_list_pages_keep_filters(viewer_client):
    for i in range(27):
        ArticleFactory(title=f"Article {i}", language="ar")
    html = viewer_client.get(reverse("home"), {"language": "ar"}).content.decode()
    assert 'href="?language=ar&amp;page=2"' in html


def test_without_javascript_edit_link_opens_the_full_card(editor_client, quote):
    page = reverse("article-detail", args=[quote.article_id])
    html = editor_client.get(page).content.decode()
    assert f'href="?edit={quote.pk}#card-{quote.pk}"' in html and 'name="speaker_name"' not in html
    html = editor_client.get(page, {"edit": quote.pk}).content.decode()
    assert 'name="speaker_name"' in html and 'name="kind"' in html


def test_review_page_links_to_its_quote_sheets(viewer_client, quote):
    html = viewer_client.get(reverse("article-detail", args=[quote.article_id])).content.decode()
    export = reverse("article-export", args=[quote.article_id])
    for fmt in ("csv", "xlsx", "pdf", "json"):
        assert f'href="{export}?format={fmt}"' in html
    response = viewer_client.get(f"{export}?format=csv")
    assert response.status_code == 200 and "talks will go on" in b"".join(response.streaming_content).decode(
        "utf-8-sig"
    )


# Speakers fixed from the card (issue 11) --------------------------------------------------------


def test_card_typeahead_offers_alias_and_merge_to_editors(editor_client, viewer, quote):
    other = SpeakerFactory(name="جون كيربي")
    SpeakerAliasFactory(speaker=other)
    params = {"speaker_name": "كيربي", "quote": quote.pk}
    html = editor_client.get(reverse("speaker-suggest"), params, headers=HX).content.decode()
    base = reverse("quote-card", args=[quote.article_id, quote.pk])
    assert f'name="into" value="{other.pk}" formaction="{base}speaker/merge/"' in html
    assert f'name="alias" value="كيربي" formaction="{base}speaker/alias/"' in html
    editor_client.force_login(viewer)
    html = editor_client.get(reverse("speaker-suggest"), params, headers=HX).content.decode()
    assert "formaction" not in html


def test_card_adds_the_typed_name_as_an_alias(editor_client, quote):
    response = editor_client.post(url("quote-speaker-alias", quote), {"alias": "Admiral Kirby"}, headers=HX)
    html = response.content.decode()
    assert response.status_code == 200 and "is now also a name of <bdi>John Kirby</bdi>" in html
    alias = quote.speaker.aliases.get(normalized="admiral kirby")
    assert reverse("speaker-alias-delete", args=[quote.speaker_id, alias.pk]) in html  # its undo
    response = editor_client.post(url("quote-speaker-alias", quote), {"alias": "john kirby"}, headers=HX)
    assert response.status_code == 400 and "already a name of John Kirby" in response.content.decode()


def test_card_merges_its_speaker_into_another_and_the_merge_can_be_undone(editor_client, quote):
    other = SpeakerFactory(name="جون كيربي")
    SpeakerAliasFactory(speaker=other)
    source_id = quote.speaker_id
    response = editor_client.post(url("quote-speaker-merge", quote), {"into": other.pk}, headers=HX)
    html = response.content.decode()
    assert response["HX-Retarget"] == "#review-body" and "Merged <bdi>John Kirby</bdi> into" in html
    assert "1 quote moved" in html and Quote.objects.get(pk=quote.pk).speaker_id == other.pk
    undo = re.search(r'action="([^"]*/merges/\d+/undo/)"', html).group(1)
    response = editor_client.post(undo, {"next": reverse("article-detail", args=[quote.article_id])})
    assert response["Location"] == reverse("article-detail", args=[quote.article_id])
    assert Quote.objects.get(pk=quote.pk).speaker_id == source_id
    # "next" never leaves the site.
    merge = editor_client.post(url("quote-speaker-merge", quote), {"into": other.pk}, headers=HX)
    undo = re.search(r'action="([^"]*/merges/\d+/undo/)"', merge.content.decode()).group(1)
    assert editor_client.post(undo, {"next": "https://evil.example/"})["Location"].startswith("/speakers/")


def test_failed_detection_is_said_on_the_page(viewer_client):
    article = ArticleFactory(title="Talks", body='The minister said "talks will go on".')
    Article.objects.filter(pk=article.pk).update(detection_state="failed", detection_error="RuntimeError: boom")
    html = viewer_client.get(reverse("article-detail", args=[article.pk])).content.decode()
    assert "Detection failed: RuntimeError: boom" in html and 'hx-trigger="every 2s"' not in html
