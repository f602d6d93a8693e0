"""`make bench-load`: gunicorn + PostgreSQL on loopback, 50 simulated editors for 60 seconds.

Starts a throw-away PostgreSQL 15 server (as the `postgres` OS user, unix socket in a temporary
folder) unless DATABASE_URL is set, fills it with a synthetic corpus, serves the app with
gunicorn on 127.0.0.1 with production settings, runs locust headless, prints throughput,
percentiles and errors, and stops everything. Bounded in time; sends traffic to loopback only.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PG_BIN = Path("/usr/lib/postgresql/15/bin")
USERS = int(os.environ.get("BENCH_USERS", "50"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "60"))
QUOTES = int(os.environ.get("BENCH_QUOTES", "20000"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def as_postgres(*cmd: str) -> None:
    subprocess.run(["runuser", "-u", "postgres", "--", *cmd], check=True, stdout=subprocess.DEVNULL)


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="tracker-load-"))
    started_pg = False
    server = None
    env = {
        **os.environ,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "bench-" + os.urandom(24).hex(),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL": "0",  # plain HTTP on loopback
        "DJANGO_LOG_LEVEL": "WARNING",
        "AXES_FAILURE_LIMIT": "1000",
        "TRACKER_VAR_DIR": str(tmp / "var"),
    }
    try:
        if "DATABASE_URL" not in os.environ:
            shutil.chown(tmp, "postgres", "postgres")
            as_postgres(str(PG_BIN / "initdb"), "-D", str(tmp / "data"), "-U", "postgres", "-A", "trust", "-E", "UTF8")
            as_postgres(
                str(PG_BIN / "pg_ctl"), "-D", str(tmp / "data"), "-l", str(tmp / "pg.log"), "-w",
                "-o", f"-k {tmp} -c listen_addresses='' -c max_connections=200", "start",
            )  # fmt: skip
            started_pg = True
            as_postgres(str(PG_BIN / "createdb"), "-h", str(tmp), "-U", "postgres", "tracker")
            env["DATABASE_URL"] = f"postgresql://postgres@/tracker?host={tmp}"
        manage = [sys.executable, "manage.py"]
        run = {"cwd": REPO, "env": env, "check": True}
        subprocess.run([*manage, "migrate", "-v0"], **run)
        subprocess.run([*manage, "collectstatic", "--noinput", "-v0"], **run)
        subprocess.run([*manage, "generate_corpus", "--quotes", str(QUOTES)], **run, stdout=subprocess.DEVNULL)
        plan_path = tmp / "plan.json"
        # Editors are already signed in when the day's work starts: each simulated editor gets
        # a session of its own, so the run measures reviewing, not password hashing.
        setup = f"""
import json
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model
from django.contrib.sessions.backends.db import SessionStore
from tracker.models import Article
from tracker.services.users import user_role_set
User = get_user_model()
editors = []
for i in range({USERS}):
    user, _ = User.objects.get_or_create(username=f"bench{{i}}")
    user.set_unusable_password(); user.save(); user_role_set(user=user, role="editor")
    session = SessionStore()
    session[SESSION_KEY] = str(user.pk)
    session[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    editors.append(session.session_key)
articles = list(Article.objects.order_by("id").values_list("id", flat=True)[:{USERS * 10}])
json.dump({{"sessions": editors, "articles": articles}}, open({str(plan_path)!r}, "w"))
"""
        subprocess.run([*manage, "shell", "-c", setup], **run)

        port = free_port()
        workers = os.environ.get("BENCH_GUNICORN_WORKERS", "3")
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "tracker.wsgi", "--workers", workers, "--threads", "2",
             "--bind", f"127.0.0.1:{port}", "--log-level", "warning"],
            cwd=REPO, env=env,
        )  # fmt: skip
        time.sleep(3)
        out = tmp / "locust"
        subprocess.run(
            [sys.executable, "-m", "locust", "-f", str(REPO / "bench" / "locustfile.py"), "--headless",
             "-u", str(USERS), "-r", str(max(1, USERS // 5)), "-t", f"{SECONDS}s", "--stop-timeout", "5",
             "--host", f"http://127.0.0.1:{port}", "--csv", str(out), "--only-summary", "--reset-stats"],
            cwd=REPO, env={**env, "BENCH_PLAN": str(plan_path)}, check=False, timeout=SECONDS + 120,
        )  # fmt: skip
        report(out, port)
    finally:
        if server is not None:
            server.terminate()
            server.wait(timeout=30)
        if started_pg:
            subprocess.run(
                ["runuser", "-u", "postgres", "--", str(PG_BIN / "pg_ctl"), "-D", str(tmp / "data"), "-m", "fast",
                 "stop"], check=False, stdout=subprocess.DEVNULL,
            )  # fmt: skip
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


def report(prefix: Path, port: int) -> None:
    with open(f"{prefix}_stats.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    print(f"\n{USERS} simulated editors, {SECONDS} s, gunicorn on 127.0.0.1:{port}, PostgreSQL, {QUOTES:,} quotes")
    print(f"{'request':<14}{'count':>8}{'errors':>8}{'req/s':>8}{'p50':>7}{'p95':>7}{'p99':>7}  (ms)")
    for row in rows:
        print(
            f"{row['Name']:<14}{row['Request Count']:>8}{row['Failure Count']:>8}{float(row['Requests/s']):>8.1f}"
            f"{row['50%']:>7}{row['95%']:>7}{row['99%']:>7}"
        )
    print(json.dumps({r["Name"]: {"p95_ms": r["95%"], "errors": r["Failure Count"]} for r in rows}))


if __name__ == "__main__":
    sys.exit(main())
