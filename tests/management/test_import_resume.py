"""An import killed half-way resumes without duplicates and leaves no half-written article.

Runs the real command in child processes against a database file of its own, and kills the
first one with SIGKILL. TRACKER_RESUME_ARTICLES sets the size (the README reports a 50,000
article run).
"""

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from tests.conftest import REPO

ARTICLES = int(os.environ.get("TRACKER_RESUME_ARTICLES", "1000"))


def _count(db) -> int:
    try:
        with sqlite3.connect(db, timeout=30) as conn:
            return conn.execute("select count(*) from tracker_article").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


def test_killed_import_resumes_without_duplicates(tmp_path):
    path = tmp_path / "wire.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(ARTICLES):
            body = f"The spokesman said on day {i} that the talks would resume. Officials declined to comment."
            fh.write(json.dumps({"title": f"Story {i}", "text": body, "language": "en", "outlet": "Wire"}) + "\n")
    db = tmp_path / "db.sqlite3"
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{db}",
        "DJANGO_DEBUG": "1",
        "TRACKER_TASKS_BACKEND": "database",
        "DJANGO_LOG_LEVEL": "WARNING",
    }
    manage = [sys.executable, "manage.py"]
    subprocess.run([*manage, "migrate", "-v0"], cwd=REPO, env=env, check=True)

    cmd = [*manage, "import_articles", str(path), "--no-progress"]
    first = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while _count(db) < ARTICLES // 4 and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.05)
    first.send_signal(signal.SIGKILL)
    first.wait()
    stored = _count(db)
    assert 0 < stored < ARTICLES, "the import should have been killed half-way"

    second = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, check=True)
    assert f"duplicates skipped {stored}" in second.stdout
    with sqlite3.connect(db) as conn:
        titles = [r[0] for r in conn.execute("select title from tracker_article")]
        assert len(titles) == len(set(titles)) == ARTICLES
        # Every stored article is whole: its text and its queued detection were written together.
        assert conn.execute("select count(*) from tracker_article where body = '' or title = ''").fetchone()[0] == 0
        tasks = conn.execute("select count(*) from django_tasks_database_dbtaskresult").fetchone()[0]
        assert tasks == ARTICLES
        assert conn.execute("select count(distinct detection_state) from tracker_article").fetchone()[0] == 1


pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")
