import os
import subprocess
import sys

import pytest
from django.urls import reverse

from tests.conftest import REPO

pytestmark = pytest.mark.django_db


def test_pages_carry_a_strict_script_policy(client):
    response = client.get(reverse("home"))
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in policy


def test_base_page_has_no_inline_script(client):
    html = client.get(reverse("home")).content.decode()
    # Every <script> loads a file from static/; none carries code of its own.
    for chunk in html.split("<script")[1:]:
        tag, _, rest = chunk.partition(">")
        assert "src=" in tag
        assert rest.startswith("</script>")


def test_deploy_check_is_clean_with_production_settings():
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "x" * 20 + "-a-long-random-production-secret-key-0123456789",
        "DJANGO_ALLOWED_HOSTS": "quotes.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_secret_key_is_mandatory_without_debug():
    env = {k: v for k, v in os.environ.items() if k != "DJANGO_SECRET_KEY"}
    env["DJANGO_DEBUG"] = "0"
    result = subprocess.run(
        [sys.executable, "manage.py", "check"], cwd=REPO, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_login_is_throttled_after_repeated_failures(client, editor, settings):
    url = reverse("login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": editor.username, "password": "wrong"})
    # Even the right password is refused while locked out.
    response = client.post(url, {"username": editor.username, "password": "pass"})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_login_never_redirects_off_site(client, editor):
    url = reverse("login")
    for target in ("https://evil.example/", "//evil.example/x", "https:/\\evil.example"):
        response = client.post(f"{url}?next={target}", {"username": editor.username, "password": "pass"})
        assert response.status_code == 302
        assert response["Location"] == reverse("home"), target
        client.logout()


def test_login_follows_a_local_next(client, editor):
    response = client.post(f"{reverse('login')}?next=/articles/new/", {"username": editor.username, "password": "pass"})
    assert response["Location"] == "/articles/new/"


def test_json_logs_carry_import_and_detection_fields(tmp_path):
    import json as jsonlib

    env = {**os.environ, "DJANGO_DEBUG": "1", "DJANGO_LOG_FORMAT": "json", "TRACKER_TASKS_BACKEND": "immediate"}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=REPO, env=env, check=True)
    article = tmp_path / "a.txt"
    article.write_text("Talks resume\nThe envoy said on Monday that talks would resume.", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "manage.py", "import_articles", str(article), "--no-progress", "--language", "en"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    records = [jsonlib.loads(line) for line in result.stderr.splitlines() if line.startswith("{")]
    events = {r.get("event"): r for r in records}
    assert events["article_imported"]["language"] == "en" and events["article_imported"]["article_id"] == 1
    assert events["detected"]["article_id"] == 1 and events["detected"]["backend"] == "rules"
    assert {"time", "level", "logger", "message"} <= set(events["detected"])
