import pytest
from django.core.management import call_command
from django.test import Client

from tests.factories import OutletFactory, SpeakerFactory, UserFactory, quote_with_text
from tracker.services.speakers import speaker_resolve
from tracker.services.tokens import api_token_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def data():
    kirby = speaker_resolve(name="جون كيربي", kind="person", mentions=("كيربي",))
    outlet = OutletFactory(name="Wire")
    return {
        "kirby": kirby,
        "ar": quote_with_text("المحادثات حول الهدنة مستمرة", language="ar", speaker=kirby, outlet=outlet),
        "en": quote_with_text("A ceasefire is not on the table", speaker=SpeakerFactory(name="John Kirby")),
    }


def test_api_needs_login_or_token(client, data):
    assert client.get("/api/quotes").status_code == 401
    assert client.get("/api/quotes", headers={"Authorization": "Bearer nonsense"}).status_code == 401
    no_role = UserFactory(username="norole")
    client.force_login(no_role)
    assert client.get("/api/quotes").status_code == 401


def test_api_quotes_with_search_filters_over_token(client, viewer, data):
    _, token = api_token_create(user=viewer, name="test")
    response = client.get("/api/quotes", {"q": "كيربى", "language": "ar"}, headers={"Authorization": f"Bearer {token}"})
    body = response.json()
    assert response.status_code == 200 and body["count"] == 1
    item = body["items"][0]
    assert item["text"] == "المحادثات حول الهدنة مستمرة" and item["speaker"]["name"] == "جون كيربي"
    assert item["article"]["outlet"]["name"] == "Wire" and item["link"].endswith(f"#quote-{data['ar'].pk}")


def test_api_session_speakers_and_articles(client, viewer, data):
    client.force_login(viewer)
    speakers = client.get("/api/speakers", {"q": "كيربي"}).json()
    assert [s["name"] for s in speakers["items"]] == ["جون كيربي"]
    assert {a["alias"] for a in speakers["items"][0]["aliases"]} == {"جون كيربي", "كيربي"}
    one = client.get(f"/api/speakers/{data['kirby'].pk}").json()
    assert one["quote_count"] == 1
    quotes = client.get(f"/api/speakers/{data['kirby'].pk}/quotes").json()
    assert quotes["count"] == 1
    articles = client.get("/api/articles", {"language": "en"}).json()
    assert articles["count"] == 1 and articles["items"][0]["quote_count"] == 1
    assert client.get(f"/api/articles/{data['en'].article_id}").json()["language"] == "en"
    assert client.get("/api/quotes/999999").status_code == 404


def test_openapi_schema(client, viewer):
    client.force_login(viewer)
    schema = client.get("/api/openapi.json").json()
    assert {"/api/quotes", "/api/speakers", "/api/articles"} <= set(schema["paths"])
    params = {p["name"] for p in schema["paths"]["/api/quotes"]["get"]["parameters"]}
    assert {
        "q",
        "speaker",
        "outlet",
        "language",
        "kind",
        "status",
        "date_from",
        "date_to",
        "sort",
        "accepted",
    } <= params


def test_api_token_command(viewer, capsys):
    call_command("api_token", viewer.username, "--name", "cron")
    token = capsys.readouterr().out.strip()
    assert token.startswith("wsw_") and viewer.api_tokens.get().name == "cron"
    assert Client().get("/api/quotes", headers={"Authorization": f"Bearer {token}"}).status_code == 200
