import datetime as dt
import re

import pytest
from django.urls import reverse

from tests.factories import OutletFactory, UserFactory, quote_with_text
from tracker.models import Speaker, SpeakerAlias, SpeakerMerge
from tracker.services.speakers import speaker_resolve
from tracker.services.users import user_role_set

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _signed_in(client, viewer):
    """Every page needs a signed-in reader (tracker.middleware.ReadersOnlyMiddleware)."""
    client.force_login(viewer)


@pytest.fixture
def admin_client(client):
    user = UserFactory(username="ad")
    user_role_set(user=user, role="admin")
    client.force_login(user)
    return client


@pytest.fixture
def kirby():
    speaker = speaker_resolve(name="جون كيربي", kind="person", mentions=("كيربي",))
    outlet = OutletFactory(name="الميادين")
    quote_with_text("المحادثات مستمرة", language="ar", speaker=speaker, outlet=outlet, published=dt.date(2023, 11, 6))
    quote_with_text("Talks on a ceasefire go on", speaker=speaker, published=dt.date(2023, 12, 1))
    return speaker


def test_speaker_list_finds_by_alias_in_any_script(client, kirby):
    html = client.get(reverse("speaker-list"), {"q": "كيربى"}).content.decode()
    assert "<bdi>جون كيربي</bdi>" in html and "Possible duplicates" not in html


def test_speaker_page(client, kirby):
    html = client.get(reverse("speaker-detail", args=[kirby.pk])).content.decode()
    assert "2 quotes" in html and "2023-11" in html and "2023-12" in html
    assert "<bdi>الميادين</bdi>" in html and '<bdi lang="">كيربي</bdi>' in html
    assert "Add alias" not in html  # viewers and anonymous users get no management forms
    assert f"/speakers/{kirby.pk}/export/?format=pdf" in html


def test_speaker_page_filters_quotes(client, kirby):
    html = client.get(reverse("speaker-detail", args=[kirby.pk]), {"q": "ceasefire"}).content.decode()
    assert "<mark>ceasefire</mark>" in html and "المحادثات مستمرة" not in html


def test_speaker_export_csv(client, kirby):
    response = client.get(reverse("speaker-export", args=[kirby.pk]), {"format": "csv", "language": "ar"})
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    assert "المحادثات مستمرة" in body and "ceasefire" not in body


@pytest.mark.parametrize("role", [None, "viewer"])
def test_alias_management_and_merge_need_an_editor(client, kirby, role):
    client.logout()
    if role:
        user = UserFactory(username=f"u-{role}")
        user_role_set(user=user, role=role)
        client.force_login(user)
    other = speaker_resolve(name="John Kirby", kind="person")
    responses = [
        client.post(reverse("speaker-alias-create", args=[kirby.pk]), {"alias": "Kirby"}),
        client.post(reverse("speaker-alias-delete", args=[kirby.pk, kirby.aliases.first().pk])),
        client.post(reverse("speaker-merge", args=[kirby.pk]), {"source": other.pk}),
    ]
    expected = 302 if role is None else 403
    assert [r.status_code for r in responses] == [expected] * 3
    assert SpeakerAlias.objects.filter(speaker=kirby).count() == 2 and Speaker.objects.count() == 2


def test_admin_adds_alias_merges_and_undoes(admin_client, kirby):
    admin_client.post(reverse("speaker-alias-create", args=[kirby.pk]), {"alias": "Kirby", "language": "en"})
    assert kirby.aliases.filter(normalized="kirby").exists()
    html = admin_client.get(reverse("speaker-list")).content.decode()
    other = speaker_resolve(name="John Kirby", kind="person")
    html = admin_client.get(reverse("speaker-list")).content.decode()
    assert "Possible duplicates" in html
    admin_client.post(reverse("speaker-merge", args=[kirby.pk]), {"source": other.pk})
    assert not Speaker.objects.filter(pk=other.pk).exists()
    merge = SpeakerMerge.objects.get()
    html = admin_client.get(reverse("speaker-detail", args=[kirby.pk])).content.decode()
    assert "undo" in html
    admin_client.post(reverse("speaker-merge-undo", args=[merge.pk]))
    assert Speaker.objects.filter(pk=other.pk).exists()


@pytest.fixture
def editor_client(client):
    user = UserFactory(username="ed2")
    user_role_set(user=user, role="editor")
    client.force_login(user)
    return client


def test_editor_adds_an_alias_and_undoes_it(editor_client, kirby):
    response = editor_client.post(reverse("speaker-alias-create", args=[kirby.pk]), {"alias": "Kirby"})
    alias = kirby.aliases.get(normalized="kirby")
    assert response["Location"].endswith(f"?added={alias.pk}")
    html = editor_client.get(response["Location"]).content.decode()
    assert "“<bdi>Kirby</bdi>” added." in html and reverse("speaker-alias-delete", args=[kirby.pk, alias.pk]) in html
    response = editor_client.post(reverse("speaker-alias-delete", args=[kirby.pk, alias.pk]))
    assert not kirby.aliases.filter(normalized="kirby").exists()
    html = editor_client.get(response["Location"]).content.decode()
    assert "Alias removed." in html and "/aliases/restore/" in html
    restore = re.search(r'action="([^"]*/aliases/restore/\d+/)"', html).group(1)
    editor_client.post(restore)
    assert kirby.aliases.filter(normalized="kirby").exists()


def test_alias_removal_asks_first(editor_client, kirby):
    html = editor_client.get(reverse("speaker-detail", args=[kirby.pk])).content.decode()
    assert "Yes, remove</button>" in html and "<details" in html


def test_editor_merges_a_suggested_duplicate_in_one_click_and_undoes(editor_client, kirby):
    latin = speaker_resolve(name="John Kirby", kind="person")
    html = editor_client.get(reverse("speaker-detail", args=[kirby.pk])).content.decode()
    assert "Possibly the same speaker" in html and "Arabic and Latin script" in html
    assert f'<input type="hidden" name="source" value="{latin.pk}">' in html
    editor_client.post(reverse("speaker-merge", args=[kirby.pk]), {"source": latin.pk})
    assert not Speaker.objects.filter(pk=latin.pk).exists()
    merge = SpeakerMerge.objects.get()
    assert merge.merged_by.username == "ed2"
    editor_client.post(reverse("speaker-merge-undo", args=[merge.pk]))
    assert Speaker.objects.filter(pk=latin.pk).exists()


def test_merge_by_typed_name_and_the_typeahead_offers_no_new_speaker(editor_client, kirby):
    latin = speaker_resolve(name="John Kirby", kind="person")
    html = editor_client.get(
        reverse("speaker-suggest"), {"source_name": "kirby", "exclude": kirby.pk}, headers={"HX-Request": "true"}
    ).content.decode()
    assert f'name="source" value="{latin.pk}"' in html and "Create new speaker" not in html
    assert f'value="{kirby.pk}"' not in html
    response = editor_client.post(reverse("speaker-merge", args=[kirby.pk]), {"source_name": "JOHN KIRBY"})
    assert response.status_code == 302 and not Speaker.objects.filter(pk=latin.pk).exists()
    response = editor_client.post(reverse("speaker-merge", args=[kirby.pk]), {"source_name": "nobody"})
    assert Speaker.objects.count() == 1
