import os
import subprocess
import sys
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from tests.conftest import REPO

# Loopback only: port 9 (discard) is closed, so the connection is refused at once.
CLOSED = "http://127.0.0.1:9"


def test_status_without_models(settings, tmp_path):
    settings.STANZA_DIR = tmp_path
    out = StringIO()
    call_command("nlp_models", "status", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0] == f"STANZA_DIR: {tmp_path}"
    assert lines[1:] == [
        "ar: absent (missing resources.json) — built-in rules only",
        "en: absent (missing resources.json) — built-in rules only",
    ]


def test_status_with_models(settings, fake_stanza_models):
    settings.STANZA_DIR = fake_stanza_models
    (fake_stanza_models / "en" / "ner" / "ontonotes.pt").unlink()
    out = StringIO()
    call_command("nlp_models", "status", stdout=out)
    assert "ar: present — stanza entities with the built-in rules" in out.getvalue()
    assert "en: absent (missing en/ner/ontonotes.pt) — built-in rules only" in out.getvalue()


def test_download_refused_by_the_network_is_a_clean_error(settings, tmp_path):
    settings.STANZA_DIR = tmp_path / "models"
    err = StringIO()
    with pytest.raises(CommandError, match="not downloaded for ar, en"):
        call_command("nlp_models", "download", "ar", "en", "--resources-url", CLOSED, stdout=StringIO(), stderr=err)
    assert "ar: download failed: ConnectionError" in err.getvalue()
    assert "en: download failed: ConnectionError" in err.getvalue()
    assert not (tmp_path / "models" / "resources.json").exists()


def test_download_of_a_language_without_rules_is_refused_before_any_network(settings, tmp_path):
    settings.STANZA_DIR = tmp_path
    with pytest.raises(CommandError, match="no rules for zz"):
        call_command("nlp_models", "download", "ar", "zz", stdout=StringIO(), stderr=StringIO())
    assert list(tmp_path.iterdir()) == []


def test_download_failure_from_the_shell_exits_non_zero_without_traceback(tmp_path):
    env = {**os.environ, "DJANGO_DEBUG": "1", "STANZA_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "manage.py", "nlp_models", "download", "ar", "--resources-url", CLOSED],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode != 0
    assert "Traceback" not in done.stderr + done.stdout
    assert "CommandError: stanza models not downloaded for ar" in done.stderr
