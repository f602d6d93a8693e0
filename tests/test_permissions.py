"""The permission matrix: every URL pattern, as anonymous, viewer, editor and admin.

Each row says who may use the URL; a URL that is not in the table fails the test, so a new
endpoint cannot ship without its row. Refused means: anonymous users are sent to log in (the
API answers 401), signed-in users get 403, and nothing changes.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.factories import QuoteFactory, SpeakerAliasFactory, SpeakerFactory, UserFactory
from tracker.models import ApiToken, Article, Feed, Outlet, Quote, Speaker, SpeakerAlias, SpeakerMerge
from tracker.services.speakers import speaker_alias_remove, speaker_merge
from tracker.services.tokens import api_token_create
from tracker.services.users import user_role_set

ROLES = ["anonymous", "viewer", "editor", "admin"]
EVERYONE = set(ROLES)
READERS = {"viewer", "editor", "admin"}
EDITORS = {"editor", "admin"}
ADMINS = {"admin"}

# name: (method, who may, data builder(world) -> dict, url kwargs builder(world) -> dict)
ARTICLE = lambda w: {"article_id": w["quote"].article_id}  # noqa: E731
QUOTE = lambda w: {"article_id": w["quote"].article_id, "quote_id": w["quote"].pk}  # noqa: E731
MINE = lambda w: {"article_id": w["mine"].article_id, "quote_id": w["mine"].pk}  # noqa: E731
SPEAKER = lambda w: {"speaker_id": w["speaker"].pk}  # noqa: E731
NONE = lambda w: {}  # noqa: E731
V = lambda w: {"version": 1}  # noqa: E731

MATRIX = {
    "home": ("get", READERS, NONE, NONE),
    "article-new": ("get", EDITORS, NONE, NONE),
    "article-new#post": ("post", EDITORS, lambda w: {"title": "Bridge", "text": "The mayor said it reopens."}, NONE),
    "article-upload": ("post", EDITORS, lambda w: {"file": w["upload"]()}, NONE),
    # An address already stored: the import answers with the stored copy, without fetching.
    "article-import-url": ("post", EDITORS, lambda w: {"url": _stored_url(w)}, NONE),
    "article-detail": ("get", READERS, NONE, ARTICLE),
    "article-assign": ("post", EDITORS, lambda w: {"assignee": "me"}, ARTICLE),
    "queue-next": ("post", EDITORS, NONE, NONE),
    "quote-card": ("get", READERS, NONE, QUOTE),
    "quote-new": ("post", EDITORS, lambda w: {"start": w["free"][0], "end": w["free"][1], "kind": "direct"}, ARTICLE),
    "quote-accept": ("post", EDITORS, V, QUOTE),
    "quote-reject": ("post", EDITORS, lambda w: {"version": 1, "reason": "other"}, QUOTE),
    "quote-kind": ("post", EDITORS, lambda w: {"version": 1, "kind": "direct"}, QUOTE),
    "quote-speaker": ("post", EDITORS, lambda w: {"version": 1, "speaker": w["other"].pk}, QUOTE),
    "quote-via": ("post", EDITORS, lambda w: {"version": 1, "via": w["other"].pk}, QUOTE),
    "quote-span": ("post", EDITORS, lambda w: {"version": 1, "start": 0, "end": 8}, QUOTE),
    "quote-delete": ("post", EDITORS, V, MINE),
    "review-undo": ("post", EDITORS, NONE, ARTICLE, lambda w, user: _accept(w, user)),
    "review-accept-all": ("post", EDITORS, NONE, ARTICLE),
    "review-done": ("post", EDITORS, NONE, ARTICLE, lambda w, user: Quote.objects.update(status="accepted")),
    "review-redetect": ("post", EDITORS, NONE, ARTICLE),
    "review-reject-rule": ("post", EDITORS, lambda w: {"rule": "en.said"}, ARTICLE),
    "review-progress": ("get", READERS, NONE, ARTICLE),
    "speaker-suggest": ("get", READERS, lambda w: {"speaker_name": "Kir"}, NONE),
    "article-export": ("get", READERS, lambda w: {"format": "csv"}, ARTICLE),
    "search": ("get", READERS, lambda w: {"q": "talks"}, NONE),
    "outlet-list": ("get", READERS, NONE, NONE),
    "outlet-detail": ("get", READERS, NONE, lambda w: {"outlet_id": w["quote"].article.outlet_id}),
    "outlet-feed-add": (
        "post",
        ADMINS,
        lambda w: {"url": "https://news.example.org/feed.xml"},
        lambda w: {"outlet_id": w["quote"].article.outlet_id},
    ),
    # The feed's address is refused (loopback): the fetch is tried and its error recorded.
    "feed-fetch": ("post", EDITORS, NONE, lambda w: {"feed_id": w["feed"].pk}),
    "dashboard": ("get", READERS, lambda w: {"language": "en", "date_from": "2024-01-01"}, NONE),
    "search-export": ("get", READERS, lambda w: {"q": "talks", "format": "json"}, NONE),
    "quote-versions": ("get", READERS, NONE, lambda w: {"quote_id": w["quote"].pk}),
    "speaker-list": ("get", READERS, NONE, NONE),
    "speaker-detail": ("get", READERS, NONE, SPEAKER),
    "speaker-export": ("get", READERS, lambda w: {"format": "csv"}, SPEAKER),
    "speaker-alias-create": ("post", EDITORS, lambda w: {"alias": "Kirby", "language": "en"}, SPEAKER),
    "speaker-alias-delete": (
        "post",
        EDITORS,
        NONE,
        lambda w: {"speaker_id": w["speaker"].pk, "alias_id": w["alias"].pk},
    ),
    "speaker-alias-restore": (
        "post",
        EDITORS,
        NONE,
        lambda w: {"speaker_id": w["speaker"].pk, "history_id": w["removed"]},
    ),
    "speaker-merge": ("post", EDITORS, lambda w: {"source": w["other"].pk}, SPEAKER),
    "speaker-merge-undo": ("post", EDITORS, NONE, lambda w: {"merge_id": w["merge"].pk}),
    "quote-speaker-alias": ("post", EDITORS, lambda w: {"alias": "J. K."}, QUOTE),
    "quote-speaker-merge": ("post", EDITORS, lambda w: {"into": w["other"].pk}, QUOTE),
    "speaker-facts": (
        "post",
        EDITORS,
        lambda w: {"kind": "person", "gender": "male", "wikidata_id": "Q57660"},
        SPEAKER,
    ),
    "health": ("get", EVERYONE, NONE, NONE),
    "login": ("get", EVERYONE, NONE, NONE),
    "logout": ("post", EVERYONE, NONE, NONE),
    # Each user's own API tokens; revoking needs a token of one's own (made by the prepare step).
    "api-tokens": ("get", READERS, NONE, NONE),
    "api-tokens#post": ("post", READERS, lambda w: {"name": "nightly script"}, NONE),
    "api-token-revoke": ("post", READERS, NONE, lambda w: {"token_id": w["token"].pk}, lambda w, u: _token(w, u)),
    # The admin site guards itself (staff: the admin role); its index stands for all its pages.
    "admin:index": ("get", ADMINS, NONE, NONE),
    # The schema, like the data, needs a role (session or token).
    "api:openapi-json": ("get", READERS, NONE, NONE),
    "api:quotes": ("get", READERS, NONE, NONE),
    "api:quote": ("get", READERS, NONE, lambda w: {"quote_id": w["quote"].pk}),
    "api:speakers": ("get", READERS, NONE, NONE),
    "api:speaker": ("get", READERS, NONE, SPEAKER),
    "api:speaker_quotes": ("get", READERS, NONE, SPEAKER),
    "api:articles": ("get", READERS, NONE, NONE),
    "api:article": ("get", READERS, NONE, ARTICLE),
}


def _names(patterns, namespace=None):
    for p in patterns:
        if isinstance(p, URLResolver):
            if p.namespace == "admin":
                continue
            yield from _names(p.url_patterns, p.namespace or namespace)
        elif isinstance(p, URLPattern) and p.name and p.name != "api-root":  # django-ninja's empty root
            yield f"{namespace}:{p.name}" if namespace else p.name


def test_every_url_pattern_has_a_row():
    names = set(_names(get_resolver().url_patterns))
    assert names - {n.partition("#")[0] for n in MATRIX} == set(), "add these URLs to the permission matrix"


def test_the_api_root_serves_nothing(client, viewer):
    client.force_login(viewer)
    assert client.get(reverse("api:api-root")).status_code == 404


@pytest.fixture
def world(db):
    from django.core.files.uploadedfile import SimpleUploadedFile

    speaker = SpeakerFactory(name="John Kirby")
    alias = SpeakerAliasFactory(speaker=speaker, alias="جون كيربي")
    other = SpeakerFactory(name="Antony Blinken")
    merged_away = SpeakerFactory(name="J. Kirby")
    quote = QuoteFactory(speaker=speaker)
    mine = QuoteFactory(article=quote.article, speaker=speaker, origin=Quote.Origin.EDITOR, quote_start=0, quote_end=8)
    mine.quote_text = quote.article.document[0:8]
    mine.save()
    merge = speaker_merge(source=merged_away, target=other, user=None)
    token, _ = api_token_create(user=UserFactory(username="token-owner"), name="someone else's")
    removed = speaker_alias_remove(alias=SpeakerAliasFactory(speaker=speaker, alias="J. Kirby"))
    document = quote.article.document
    feed = Feed.objects.create(outlet=quote.article.outlet, url="http://127.0.0.1:9/feed.xml")
    return {
        "feed": feed,
        "free": (document.index("Nothing"), document.index("Nothing") + len("Nothing")),
        "speaker": speaker,
        "alias": alias,
        "other": other,
        "quote": quote,
        "mine": mine,
        "merge": merge,
        "token": token,
        "removed": removed,
        "upload": lambda: SimpleUploadedFile("a.txt", b"A title\nThe mayor said the bridge would reopen."),
    }


def _stored_url(world):
    url = "https://news.example.org/2024/talks"
    Article.objects.filter(pk=world["quote"].article_id).update(url=url)
    return url


def _accept(world, user):
    from tracker.services.quotes import quote_accept

    quote_accept(quote_id=world["quote"].pk, expected_version=1, user=user)


def _token(world, user):
    world["token"], _ = api_token_create(user=user, name="mine")


def _login(client, role):
    if role == "anonymous":
        return None
    user = UserFactory(username=f"matrix-{role}")
    user_role_set(user=user, role=role)
    client.force_login(user)
    return user


def _snapshot():
    """Everything a refused request could have changed: quotes, articles, speakers, outlets."""
    return (
        sorted(Quote.objects.values_list("pk", "version", "status", "kind", "speaker_id", "via_id")),
        sorted(Article.objects.values_list("pk", "status", "detection_state")),
        sorted(Speaker.objects.values_list("pk", "name")),
        sorted(SpeakerAlias.objects.values_list("pk", "speaker_id")),
        sorted(SpeakerMerge.objects.values_list("pk", "undone_at")),
        Outlet.objects.count(),
        sorted(ApiToken.objects.values_list("pk", "revoked_at")),
    )


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(MATRIX))
def test_permission_matrix(client, world, name, role):
    method, allowed, data, kwargs, *prepare = MATRIX[name]
    user = _login(client, role)
    if prepare and user is not None:
        prepare[0](world, user)
    url = reverse(name.partition("#")[0], kwargs=kwargs(world))  # "name#variant": another method
    payload = data(world)
    before = _snapshot()
    response = getattr(client, method)(url, payload, headers={"HX-Request": "true"} if method == "post" else {})
    location = response.get("Location", "")
    sent_to_login = response.status_code == 302 and ("/login/" in location)
    if role in allowed:
        assert response.status_code < 400 and not sent_to_login, (name, role, response.status_code, location)
        return
    if role == "anonymous":
        assert sent_to_login or response.status_code == 401, (name, response.status_code, location)
    else:
        assert response.status_code == 403 or sent_to_login, (name, role, response.status_code, location)
    assert _snapshot() == before, (name, role)
