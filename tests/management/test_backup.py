from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from tests.factories import QuoteFactory, SpeakerAliasFactory
from tracker.models import Article, Outlet, Quote, Speaker, SpeakerAlias

pytestmark = pytest.mark.django_db

MODELS = [Article, Outlet, Quote, Speaker, SpeakerAlias]


def _snapshot():
    """Every row of every backed-up table, history included, as plain values."""
    rows = {}
    for model in MODELS:
        rows[model.__name__] = sorted(model.objects.values_list(), key=repr)
        history = model.history.model if hasattr(model, "history") else None
        if history is not None:
            rows[f"history:{model.__name__}"] = sorted(
                history.objects.values_list(
                    *[f.attname for f in history._meta.fields if f.attname != "history_user_id"]
                ),
                key=repr,
            )
    rows["users"] = sorted(get_user_model().objects.values_list("username", "password"))
    return rows


def test_backup_and_restore_round_trip_everything(tmp_path, editor):
    quote = QuoteFactory(speaker__name="وزارة الخارجية")
    SpeakerAliasFactory(speaker=quote.speaker, alias="الخارجية")
    quote.status = Quote.Status.ACCEPTED
    quote._history_user = editor
    quote.save()
    before = _snapshot()
    assert before["history:Quote"]  # there is history to carry

    path = tmp_path / "backup.xml.gz"
    call_command("backup", str(path), stdout=StringIO())
    for model in (Quote, SpeakerAlias, Speaker, Article, Outlet):
        model.objects.all().delete()
    for model in (Quote, SpeakerAlias, Speaker, Article):
        model.history.model.objects.all().delete()
    get_user_model().objects.all().delete()
    assert not Quote.objects.exists()

    out = StringIO()
    call_command("restore", str(path), stdout=out)
    assert "Restored 1 articles, 1 quotes, 1 speakers" in out.getvalue()
    assert _snapshot() == before
    restored = Quote.history.order_by("history_date").last()
    assert restored.history_user.username == editor.username


def test_restore_refuses_a_database_with_data(tmp_path):
    path = tmp_path / "b.xml"
    call_command("backup", str(path), stdout=StringIO())
    assert path.read_text().startswith("<?xml")
    QuoteFactory()
    with pytest.raises(CommandError, match="empty"):
        call_command("restore", str(path), stdout=StringIO())


def test_backup_refuses_a_lossy_format(tmp_path):
    with pytest.raises(CommandError, match=r"\.xml"):
        call_command("backup", str(tmp_path / "b.json"), stdout=StringIO())
