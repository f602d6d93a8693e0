"""The bad-input catalogue: each case gets a clear refusal and changes nothing. Editors' actions
first, then imports (more import classes — oversized, wrongly encoded, malformed JSONL,
script-only HTML, whitespace-only and megabyte single-paragraph text — are in
tests/services/test_imports.py, tests/services/test_articles.py and tests/views/test_articles.py)."""

import json
from io import StringIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

from tests.factories import ArticleFactory, QuoteFactory, SpeakerFactory
from tracker.models import Article, Outlet, Quote, Speaker, SpeakerAlias
from tracker.services.articles import ImportRejected, article_import
from tracker.services.imports import import_file

pytestmark = pytest.mark.django_db
HX = {"HX-Request": "true"}


@pytest.fixture
def quote():
    return QuoteFactory(speaker=SpeakerFactory(name="John Kirby"))


def _url(name, quote, **kw):
    return reverse(name, kwargs={"article_id": quote.article_id, "quote_id": quote.pk, **kw})


def _unchanged(quote):
    stored = Quote.objects.get(pk=quote.pk)
    return (stored.version, stored.quote_start, stored.quote_end, stored.speaker_id) == (
        quote.version,
        quote.quote_start,
        quote.quote_end,
        quote.speaker_id,
    )


@pytest.mark.parametrize(
    ("start", "end"),
    [(5, 2), (10, 10), (-1, 4), (0, 10_000), (99_999, 100_000), ("a", "b")],
)
def test_span_out_of_range_or_reversed_is_refused(editor_client, quote, start, end):
    response = editor_client.post(_url("quote-span", quote), {"version": 1, "start": start, "end": end}, headers=HX)
    assert response.status_code == 400
    assert response.content  # a message, not an empty error
    assert _unchanged(quote)


@pytest.mark.parametrize(("start", "end"), [(7, 3), (0, 10_000), (-5, 2)])
def test_new_quote_out_of_range_or_reversed_is_refused(editor_client, quote, start, end):
    url = reverse("quote-new", args=[quote.article_id])
    response = editor_client.post(url, {"start": start, "end": end, "kind": "direct"}, headers=HX)
    assert response.status_code == 400
    assert Quote.objects.count() == 1


def test_unknown_ids_are_404(editor_client, quote):
    assert (
        editor_client.post(_url("quote-accept", quote, quote_id=987654), {"version": 1}, headers=HX).status_code == 404
    )
    missing_article = reverse("quote-accept", kwargs={"article_id": 987654, "quote_id": quote.pk})
    assert editor_client.post(missing_article, {"version": 1}, headers=HX).status_code == 404
    assert _unchanged(quote)


def test_a_quote_of_another_article_is_404(editor_client, quote):
    other = ArticleFactory()
    url = reverse("quote-accept", kwargs={"article_id": other.pk, "quote_id": quote.pk})
    assert editor_client.post(url, {"version": 1}, headers=HX).status_code == 404
    assert _unchanged(quote)


def test_unknown_speaker_id_is_refused(editor_client, quote):
    response = editor_client.post(_url("quote-speaker", quote), {"version": 1, "speaker": 987654}, headers=HX)
    assert response.status_code == 400 and _unchanged(quote)


@pytest.mark.parametrize("version", [0, 2, 99, -1, "x", ""])
def test_forged_version_is_refused(editor_client, quote, version):
    response = editor_client.post(_url("quote-accept", quote), {"version": version}, headers=HX)
    assert response.status_code in (400, 409)
    assert _unchanged(quote) and Quote.objects.get(pk=quote.pk).status == Quote.Status.PENDING


def test_ten_thousand_character_speaker_name_is_refused(editor_client, quote):
    data = {"version": 1, "speaker_name": "ن" * 10_000, "new": "on"}
    response = editor_client.post(_url("quote-speaker", quote), data, headers=HX)
    assert response.status_code == 400
    assert "300" in response.content.decode()
    assert _unchanged(quote) and Speaker.objects.count() == 1


def test_bidi_and_zero_width_characters_are_removed_from_new_speaker_names(editor_client, quote):
    name = "\u202eجون\u200b كيربي\u202c"
    data = {"version": 1, "speaker_name": name, "new": "on"}
    response = editor_client.post(_url("quote-speaker", quote), data, headers=HX)
    assert response.status_code == 200
    speaker = Quote.objects.get(pk=quote.pk).speaker
    assert speaker.name == "جون كيربي"
    assert SpeakerAlias.objects.filter(speaker=speaker, alias="جون كيربي").exists()


def test_a_name_of_only_invisible_characters_is_refused(editor_client, quote):
    data = {"version": 1, "speaker_name": "\u202e\u200b\u2066", "new": "on"}
    response = editor_client.post(_url("quote-speaker", quote), data, headers=HX)
    assert response.status_code == 400 and _unchanged(quote)


# Issue 10: exports, roles, parameters, tokens, undo ------------------------------------------


def _formula_article():
    text = '=HYPERLINK("http://evil.example","click")'
    article = ArticleFactory(title="غزة: واشنطن / موقف؟ *[عاجل]*", body=f"Report.\n«{text}»")
    start = article.document.index(text)
    speaker = SpeakerFactory(name="@SUM(1)")
    return QuoteFactory(article=article, quote_start=start, quote_end=start + len(text), speaker=speaker)


def test_xlsx_export_of_a_title_excel_refuses_as_sheet_name(viewer_client):
    import io

    from openpyxl import load_workbook

    quote = _formula_article()
    response = viewer_client.get(reverse("article-export", args=[quote.article_id]), {"format": "xlsx"})
    assert response.status_code == 200
    ws = load_workbook(io.BytesIO(response.content)).active
    assert ws.title == "غزة - واشنطن - موقف؟ - عاجل"  # the Arabic ؟ is allowed
    assert ws["A2"].data_type == "s" and ws["A2"].value == quote.quote_text and ws["B2"].data_type == "s"


def test_csv_export_neutralises_formulas(viewer_client):
    quote = _formula_article()
    response = viewer_client.get(reverse("article-export", args=[quote.article_id]), {"format": "csv"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "'=HYPERLINK(" in body and "'@SUM(1)" in body
    response = viewer_client.get(reverse("article-export", args=[quote.article_id]), {"format": "json"})
    assert b"".join(response.streaming_content).decode().count("'=") == 0


def test_a_viewer_posting_an_import_is_refused_and_nothing_is_stored(viewer_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tracker.models import Article

    data = {"title": "Bridge", "text": "The mayor said the bridge would reopen."}
    assert viewer_client.post(reverse("article-new"), data).status_code == 403
    upload = SimpleUploadedFile("a.jsonl", b'{"title": "Bridge", "text": "The mayor said it would reopen."}\n')
    assert viewer_client.post(reverse("article-upload"), {"file": upload}).status_code == 403
    assert not Article.objects.exists()


def test_undo_that_loses_a_race_is_a_409(editor_client, editor, quote, monkeypatch):
    """Another editor saves the quote between the moment undo picks its change and the moment it
    claims the quote's version: the undo is refused as a conflict (409), like any other."""
    from tests.factories import UserFactory
    from tracker.services import quotes as quote_services
    from tracker.services.users import user_role_set

    editor_client.post(_url("quote-reject", quote), {"version": 1, "reason": "other"}, headers=HX)
    other = UserFactory(username="other-editor")
    user_role_set(user=other, role="editor")
    pick = quote_services.article_last_change

    def pick_then_someone_else_accepts(**kwargs):
        found = pick(**kwargs)
        for quote_id, version in found.quotes:
            quote_services.quote_accept(quote_id=quote_id, expected_version=version, user=other)
        return found

    monkeypatch.setattr(quote_services, "article_last_change", pick_then_someone_else_accepts)
    response = editor_client.post(reverse("review-undo", args=[quote.article_id]), headers=HX)
    assert response.status_code == 409
    assert "Someone else changed that quote" in response.content.decode()
    # The batch undo is one transaction: refused, it leaves the quote as it was (not pending again).
    # (In this one-connection test the other editor's accept is rolled back with it.)
    assert Quote.objects.get(pk=quote.pk).status != Quote.Status.PENDING


HUGE = "99999999999999999999"  # beyond 64 bits: SQLite cannot even bind it


@pytest.mark.parametrize(
    ("url", "needle"),
    [
        (f"/search/?speaker={HUGE}", "speaker"),
        ("/search/?speaker=-3", "speaker"),
        ("/search/?speaker=abc", "speaker"),
        (f"/search/?outlet={HUGE}", "outlet"),
        (f"/search/export/?speaker={HUGE}&format=csv", "speaker"),
        (f"/?outlet={HUGE}", "outlet"),
        ("/?outlet=x", "outlet"),
    ],
)
def test_id_parameters_out_of_range_are_a_400_with_a_message(viewer_client, quote, url, needle):
    response = viewer_client.get(url)
    assert response.status_code == 400
    assert f"“{needle}” must be a whole number" in response.content.decode()


def test_id_parameters_of_speaker_and_article_pages_are_checked(viewer_client, quote):
    speaker = reverse("speaker-detail", args=[quote.speaker_id])
    assert viewer_client.get(speaker, {"outlet": HUGE}).status_code == 400
    assert viewer_client.get(reverse("speaker-export", args=[quote.speaker_id]), {"outlet": HUGE}).status_code == 400
    assert viewer_client.get(reverse("article-export", args=[quote.article_id]), {"outlet": HUGE}).status_code == 400
    assert viewer_client.get(speaker, {"outlet": quote.article.outlet_id}).status_code == 200


@pytest.mark.parametrize(
    ("url", "field"),
    [
        (f"/api/quotes?offset={HUGE}", "offset"),
        (f"/api/articles?offset={HUGE}", "offset"),
        (f"/api/speakers?offset={HUGE}", "offset"),
        ("/api/quotes?offset=-1", "offset"),
        (f"/api/quotes?limit={HUGE}", "limit"),
        ("/api/quotes?limit=0", "limit"),
        (f"/api/quotes?speaker={HUGE}", "speaker"),
        (f"/api/quotes?outlet={HUGE}", "outlet"),
        (f"/api/quotes?article={HUGE}", "article"),
        ("/api/quotes?article=0", "article"),
        (f"/api/articles?outlet={HUGE}", "outlet"),
        ("/api/articles?outlet=ten", "outlet"),
    ],
)
def test_api_integer_parameters_out_of_range_are_a_400(viewer_client, quote, url, field):
    response = viewer_client.get(url)
    assert response.status_code == 400
    assert [e["loc"][-1] for e in response.json()["detail"]] == [field]


def test_api_largest_offset_and_limit_still_answer(viewer_client, quote):
    from tracker.api import LIMIT_MAX, OFFSET_MAX

    body = viewer_client.get("/api/quotes", {"offset": OFFSET_MAX, "limit": LIMIT_MAX}).json()
    assert body == {"items": [], "count": 1}
    assert viewer_client.get("/api/articles", {"offset": OFFSET_MAX}).json()["items"] == []


def _fuzz_value(rng):
    """One bounded random query-parameter value: numbers at the edges, odd text, broken UTF-8."""
    from urllib.parse import quote as urlquote

    pick = rng.randrange(9)
    if pick == 0:
        return str(rng.choice([0, -1, 1, 2**31, 2**31 - 1, 2**63 - 1, 2**63, 2**64, 10**40]))
    if pick == 1:
        return str(rng.randint(-(10**30), 10**30))
    if pick == 2:
        return rng.choice(["1.5", "1e9", "0x10", " 7 ", "٣", "NaN", "inf", "-0", "+5", "true", "[]", "{}"])
    if pick == 3:
        chars = (rng.choice([rng.randint(1, 0xD7FF), rng.randint(0xE000, 0x2FFFF)]) for _ in range(rng.randint(0, 12)))
        return urlquote("".join(map(chr, chars)), safe="")
    if pick == 4:  # bytes that are not UTF-8 (lone surrogates encoded, stray continuation bytes)
        return "".join(f"%{rng.randrange(128, 256):02X}" for _ in range(rng.randint(1, 6)))
    if pick == 5:
        return rng.choice(["", "%00", "%0A%0D", "'", '"', "%", "&", "=", ";--", "<b>", "..%2F"])
    if pick == 6:
        return rng.choice(["2023-11-06", "2023-02-30", "99999-01-01", "0000-00-00", "-date", "date", "relevance"])
    if pick == 7:
        return "9" * rng.randint(1, 5000)
    return urlquote(rng.choice(["كيربي", "talks", "ar", "en", "direct", "accepted", "csv", "json"]))


FUZZED_PARAMS = [
    *["q", "speaker", "outlet", "article", "language", "kind", "status", "date_from", "date_to", "sort"],
    *["accepted", "page", "offset", "limit", "format", "edit", "full"],
]
FUZZED_PATHS = ["/search/", "/search/export/", "/", "/speakers/", "SPEAKER", "SPEAKER_QUOTES"]
FUZZED_PATHS += ["ARTICLE", "ARTICLE_EXPORT", "/api/quotes", "/api/articles", "/api/speakers"]


@pytest.mark.parametrize("path", FUZZED_PATHS)
def test_fuzzed_query_parameters_never_give_a_500(viewer_client, quote, path):
    """Bounded random query strings (a fixed seed per path, 60 requests each): 200 or a 4xx,
    never an exception."""
    import random

    path = path.replace("SPEAKER_QUOTES", f"/api/speakers/{quote.speaker_id}/quotes")
    path = path.replace("SPEAKER", f"/speakers/{quote.speaker_id}/")
    path = path.replace("ARTICLE_EXPORT", f"/articles/{quote.article_id}/export/")
    path = path.replace("ARTICLE", f"/articles/{quote.article_id}/")
    rng = random.Random(f"issue-10-{path}")
    for _ in range(60):
        names = rng.sample(FUZZED_PARAMS, rng.randint(1, 5))
        query = "&".join(f"{name}={_fuzz_value(rng)}" for name in names)
        if path.endswith("/export/") and "format=" not in query:
            query += "&format=json"
        response = viewer_client.get(f"{path}?{query}")
        assert response.status_code in (200, 400), (path, query, response.status_code)
        if response.streaming:
            b"".join(response.streaming_content)


def test_the_api_schema_needs_a_login_or_a_token(client, viewer):
    from tracker.services.tokens import api_token_create

    assert client.get("/api/openapi.json").status_code == 401
    assert client.get("/api/openapi.json", headers={"Authorization": "Bearer wsw_nonsense"}).status_code == 401
    _, raw = api_token_create(user=viewer, name="schema")
    assert client.get("/api/openapi.json", headers={"Authorization": f"Bearer {raw}"}).status_code == 200


@pytest.mark.parametrize("how", ["revoked", "password changed", "garbage", "empty", "huge"])
def test_dead_or_forged_tokens_are_refused(client, viewer, how):
    from django.utils import timezone

    from tracker.services.tokens import api_token_create

    token, raw = api_token_create(user=viewer, name="script")
    if how == "revoked":
        token.revoked_at = timezone.now()
        token.save()
    elif how == "password changed":
        viewer.set_password("another password 2026")
        viewer.save()
    else:
        raw = {"garbage": "wsw_" + "x" * 43, "empty": "", "huge": "wsw_" + "x" * 100_000}[how]
    assert client.get("/api/quotes", headers={"Authorization": f"Bearer {raw}"}).status_code == 401


def test_revoking_someone_elses_token_changes_nothing(editor_client, viewer):
    from tracker.models import ApiToken
    from tracker.services.tokens import api_token_create

    token, _ = api_token_create(user=viewer, name="not yours")
    response = editor_client.post(reverse("api-token-revoke", args=[token.pk]), follow=True)
    assert "No such token of yours" in response.content.decode()
    assert ApiToken.objects.get(pk=token.pk).revoked_at is None


def test_forged_admin_posts_change_no_role_and_no_quote_text(client):
    """An admin posting is_superuser, no role, or new quote text: none of it is stored (the
    admin's own tests are in tests/test_admin.py)."""
    from tests.factories import UserFactory
    from tracker.services.users import user_role_set

    boss = UserFactory(username="boss")
    user_role_set(user=boss, role="admin")
    client.force_login(boss)
    joined = {"date_joined_0": "2026-01-01", "date_joined_1": "00:00:00"}
    data = {"username": "boss", "is_active": "on", "is_superuser": "on", "role": "admin", **joined}
    client.post(reverse("admin:auth_user_change", args=[boss.pk]), data)
    boss.refresh_from_db()
    assert not boss.is_superuser
    data = {"username": "boss", "is_active": "on", "groups": [], **joined}
    assert client.post(reverse("admin:auth_user_change", args=[boss.pk]), data).status_code == 200
    assert list(boss.groups.values_list("name", flat=True)) == ["admin"]
    quote = QuoteFactory()
    form = {"kind": "direct", "status": "pending", "confidence": 1, "seen_version": 1, "quote_text": "forged"}
    assert client.post(reverse("admin:tracker_quote_change", args=[quote.pk]), form).status_code == 302
    stored = Quote.objects.get(pk=quote.pk)
    assert stored.quote_text == quote.quote_text and stored.version == 2


# Imports (issue 10 item 4) --------------------------------------------------------------------

BAD_JSONL_LINES = [
    json.dumps({"title": "Good before", "text": "The mayor said the bridge would reopen.", "language": "en"}),
    json.dumps({"title": "No text at all", "language": "en"}),
    json.dumps({"title": "Empty text", "text": "", "language": "en"}),
    '{"title": "Surrogate", "text": "Broken \\ud800 character here.", "language": "en"}',
    '{"title": "Surrogate title \\udfff", "text": "A body that is fine.", "language": "en"}',
    json.dumps({"title": "Bad language", "text": "Some body text here.", "language": "<script>"}),
    "[" * 50_000 + "]" * 50_000,
    '{"title": "Huge number", "text": "x", "n": ' + "9" * 5000 + "}",
    json.dumps({"title": "Good after", "text": "The council said the budget would pass.", "language": "en"}),
]
BAD_LINE_WORDS = {2: "empty", 3: "empty", 4: "surrogate", 5: "surrogate", 6: "language", 7: "JSON", 8: "JSON"}


def _upload(client, name: str, data: bytes, **extra):
    upload = SimpleUploadedFile(name, data)
    return client.post(reverse("article-upload"), {"file": upload, **extra}, follow=True)


def _page_messages(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


def test_jsonl_upload_reports_each_bad_line_and_imports_the_good_ones(editor_client):
    response = _upload(editor_client, "batch.jsonl", "\n".join(BAD_JSONL_LINES).encode())
    assert response.status_code == 200
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Good after", "Good before"]
    errors = [m for m in _page_messages(response) if m.startswith("batch.jsonl:")]
    assert len(errors) == len(BAD_LINE_WORDS), errors
    for line, word in BAD_LINE_WORDS.items():
        message = next(m for m in errors if m.startswith(f"batch.jsonl:{line}: "))
        assert word.lower() in message.lower(), message
        # The file name and the line number are said once.
        assert message.count("batch.jsonl") == 1 and f"line {line}" not in message


def test_import_command_reports_the_same_bad_lines(tmp_path):
    path = tmp_path / "batch.jsonl"
    path.write_bytes("\n".join(BAD_JSONL_LINES).encode())
    out = StringIO()
    call_command("import_articles", str(path), "--no-progress", stdout=out, stderr=StringIO())
    assert sorted(Article.objects.values_list("title", flat=True)) == ["Good after", "Good before"]
    text = out.getvalue()
    assert f"Imported 2, duplicates skipped 0, rejected {len(BAD_LINE_WORDS)}" in text
    for line in BAD_LINE_WORDS:
        assert f"batch.jsonl:{line}: " in text


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e"])
def test_upload_and_command_agree_on_separators_inside_json_strings(editor_client, tmp_path, separator):
    lines = [
        json.dumps(
            {"title": "One", "text": f"First part.{separator}Second part.", "language": "en"}, ensure_ascii=False
        ),
        json.dumps({"title": "Two", "text": "Another article.", "language": "en"}, ensure_ascii=False),
    ]
    data = "\n".join(lines).encode()
    _upload(editor_client, "sep.jsonl", data)
    uploaded = sorted(Article.objects.values_list("title", "body"))
    Article.objects.all().delete()
    path = tmp_path / "sep.jsonl"
    path.write_bytes(data)
    call_command("import_articles", str(path), "--no-progress", stdout=StringIO(), stderr=StringIO())
    commanded = sorted(Article.objects.values_list("title", "body"))
    assert uploaded == commanded and len(uploaded) == 2


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_text_files_are_decoded(editor_client, encoding):
    text = "عنوان الخبر\nقال المتحدث إنّ الاجتماع انتهى دون اتفاق."
    response = _upload(editor_client, "utf16.txt", text.encode(encoding))
    assert response.status_code == 200, _page_messages(response)
    article = Article.objects.get()
    assert article.title == "عنوان الخبر" and "الاجتماع" in article.body


def test_utf16_jsonl_through_the_command(tmp_path):
    path = tmp_path / "wide.jsonl"
    line = json.dumps({"title": "Wide", "text": "قال المتحدث إنّ الاجتماع انتهى.", "language": "ar"}, ensure_ascii=False)
    path.write_bytes(line.encode("utf-16"))
    call_command("import_articles", str(path), "--no-progress", stdout=StringIO(), stderr=StringIO())
    assert Article.objects.get().title == "Wide"


def test_real_binary_is_still_refused_once_named(editor_client):
    response = _upload(editor_client, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    errors = _page_messages(response)
    assert any("binary" in m for m in errors) and not Article.objects.exists()
    assert all(m.count("photo.txt") <= 1 for m in errors), errors


def test_oversized_form_post_gets_a_message_page(editor_client, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    data = {"title": "Too long", "text": "word " * 5_000, "language": "en"}
    response = editor_client.post(reverse("article-new"), data)
    assert response.status_code == 413
    body = response.content.decode()
    assert "too large" in body and "10,000 bytes" in body and "Nothing was stored" in body and "<html" in body
    assert not Article.objects.exists()


@pytest.mark.parametrize(("given", "stored"), [("AR", "ar"), ("en-GB", "en"), ("ar_EG", "ar")])
def test_jsonl_language_is_normalised(given, stored):
    line = json.dumps({"title": "T", "text": "The minister said talks go on.", "language": given})
    summary = import_file(name="l.jsonl", data=line.encode())
    assert not summary.rejected and Article.objects.get().language == stored


@pytest.mark.parametrize("given", ["<script>", "english language", "a", "12", "ar;drop"])
def test_jsonl_language_that_is_no_code_is_refused(given):
    line = json.dumps({"title": "T", "text": "The minister said talks go on.", "language": given})
    summary = import_file(name="l.jsonl", data=line.encode())
    assert summary.rejected and "language" in summary.rejected[0].reason.lower()
    assert not Article.objects.exists()


def test_nul_and_control_characters_are_removed_on_every_database():
    result = article_import(
        title="Nul\x00 title", body="Body with NUL\x00 and \x07bell and \x1b escape.", outlet="Wire\x00", language="en"
    )
    article = Article.objects.get(pk=result.article.pk)
    assert article.title == "Nul title"
    assert article.body == "Body with NUL and bell and escape."
    assert article.outlet.name == "Wire"


def test_surrogates_in_any_field_are_refused_and_nothing_is_written():
    for fields in (
        {"title": "T", "body": "x\ud800y"},
        {"title": "T\udc00", "body": "fine"},
        {"title": "T", "body": "fine", "outlet": "\ud83d"},
        {"title": "T", "body": "fine", "byline": "\udfff"},
    ):
        with pytest.raises(ImportRejected, match="surrogate"):
            article_import(language="en", **fields)
    assert not Article.objects.exists() and not Outlet.objects.exists()


# Diacritics at span edges (issue 10 item 12) ------------------------------------------------


@pytest.fixture
def arabic_quote():
    article = ArticleFactory(title="عنوان", body="قال الوزير إنّ الرجل بقي وحيداً، وإنّ البيت بقي أجوفَ.", language="ar")
    doc = article.document
    start = doc.index("الرجل")
    # A quote stored cut before its tanween, as the detector used to store them.
    end = doc.index("وحيداً") + len("وحيدا")
    return QuoteFactory(article=article, quote_start=start, quote_end=end, quote_text=doc[start:end])


def test_a_selection_ending_before_a_tanween_takes_it(editor_client, arabic_quote):
    doc = arabic_quote.article.document
    start, end = doc.index("البيت"), doc.index("أجوفَ") + len("أجوف")
    response = editor_client.post(
        _url("quote-span", arabic_quote), {"version": 1, "start": start, "end": end}, headers=HX
    )
    assert response.status_code == 200
    assert Quote.objects.get(pk=arabic_quote.pk).quote_text == "البيت بقي أجوفَ"


def test_a_new_quote_ending_before_a_tanween_takes_it(editor_client, arabic_quote):
    doc = arabic_quote.article.document
    url = reverse("quote-new", args=[arabic_quote.article_id])
    start, end = doc.index("البيت"), doc.index("أجوفَ") + len("أجوف")
    response = editor_client.post(url, {"start": start, "end": end, "kind": "indirect"}, headers=HX)
    assert response.status_code == 200
    assert Quote.objects.exclude(pk=arabic_quote.pk).get().quote_text == "البيت بقي أجوفَ"


def test_the_highlight_of_a_quote_stored_cut_shows_the_tanween(editor_client, arabic_quote):
    page = editor_client.get(reverse("article-detail", args=[arabic_quote.article_id])).content.decode()
    highlight = page[page.index(f'id="q-{arabic_quote.pk}"') :]
    highlight = highlight[: highlight.index("</mark>")]
    assert "وحيداً" in highlight


# A quote that vanished under the editor (issue 10 item 6) -----------------------------------


@pytest.mark.parametrize("action", ["quote-accept", "quote-reject", "quote-kind", "quote-span"])
def test_acting_on_a_quote_removed_by_redetection_is_a_clear_410(editor_client, quote, action):
    url = _url(action, quote)
    data = {"version": 1, "reason": "other", "kind": "direct", "start": 0, "end": 5}
    quote.delete()  # as re-detection does with a quote it no longer finds
    response = editor_client.post(url, data, headers=HX)
    assert response.status_code == 410
    assert "no longer in the article" in response.content.decode()
    assert not Quote.objects.exists()


def test_a_quote_that_never_existed_is_still_404(editor_client, quote):
    response = editor_client.post(_url("quote-accept", quote, quote_id=quote.pk + 1000), {"version": 1}, headers=HX)
    assert response.status_code == 404


def test_a_quote_deleted_between_loading_and_claiming_is_a_410_not_a_500(editor_client, quote, monkeypatch):
    from tracker import selectors

    real = selectors.quote_get

    def load_then_vanish(**kwargs):
        found = real(**kwargs)
        Quote.objects.filter(pk=found.pk).delete()
        return found

    monkeypatch.setattr(selectors, "quote_get", load_then_vanish)
    response = editor_client.post(_url("quote-accept", quote), {"version": 1}, headers=HX)
    assert response.status_code == 410


# Detection that runs too long (issue 10 item 7) ----------------------------------------------


def test_an_article_that_detection_cannot_finish_in_time_is_shown_failed(editor_client, settings):
    settings.TRACKER_DETECTION_TIME_LIMIT = 0.01
    paragraph = 'The minister said on Monday that "the talks will continue until there is a deal". ' * 20
    data = {"title": "Long", "text": "\n".join(f"{paragraph} Day {i}." for i in range(300)), "language": "en"}
    response = editor_client.post(reverse("article-new"), data, follow=True)
    assert response.status_code == 200
    article = Article.objects.get()
    assert article.detection_state == Article.Detection.FAILED and "time limit" in article.detection_error
    assert not article.quotes.exists()
    listing = editor_client.get(reverse("home")).content.decode()
    assert "Detection failed" in listing


def _noise(rng) -> str:
    alphabet = "ab1-.,%\u202e\u200bكيربي\x00\U0001f642 \"'<>&=?#"
    return "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))


def test_review_page_parameters_and_bulk_forms_never_fail(editor_client, quote):
    """Bounded random input to the parameters issue 11 added: the page and the speaker
    suggestions always answer, bulk actions refuse or do their job, nothing raises."""
    import random

    rng = random.Random(11)
    article_id = quote.article_id
    for _ in range(60):
        page = editor_client.get(
            reverse("article-detail", args=[article_id]), {"sort": _noise(rng), "edit": _noise(rng)}
        )
        assert page.status_code == 200
        suggest = editor_client.get(
            reverse("speaker-suggest"),
            {"speaker_name": _noise(rng), "quote": _noise(rng), "exclude": _noise(rng)},
            headers=HX,
        )
        assert suggest.status_code == 200
        response = editor_client.post(
            reverse("review-accept-all", args=[article_id]), {"min_confidence": _noise(rng)}, headers=HX
        )
        assert response.status_code in (200, 400)
        response = editor_client.post(
            reverse("review-reject-rule", args=[article_id]), {"rule": _noise(rng), "reason": _noise(rng)}, headers=HX
        )
        assert response.status_code in (200, 400)
        response = editor_client.post(_url("quote-speaker-merge", quote), {"into": _noise(rng)}, headers=HX)
        assert response.status_code == 400
    assert Quote.objects.get(pk=quote.pk).speaker.name == "John Kirby"


@pytest.mark.parametrize("url", ["https://example.org/a\x00b", "https://example.org/a\x07b", "https://example.org/a b"])
def test_a_url_with_nul_or_controls_is_refused_on_every_database(url):
    with pytest.raises(ImportRejected, match="URL"):
        article_import(title="T", body="The minister said talks go on.", outlet="Wire", url=url, language="en")
    assert not Article.objects.exists() and not Outlet.objects.exists()
