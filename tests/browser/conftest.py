"""Playwright driving Debian's Chromium against pytest-django's live server."""

import threading
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test import Client
from django.test.testcases import LiveServerThread

from tracker.roles import ROLES, permissions_for

CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class _OneRequestAtATime(ThreadedWSGIServer):
    """The live server's threads share the test's in-memory SQLite connection, and two requests
    at once on it fail with "database table is locked". Connections are still accepted by
    threads (an idle connection Chromium opens ahead must not block the others); the application
    runs for one request at a time."""

    _lock = threading.Lock()

    def set_app(self, application):
        def one_at_a_time(environ, start_response):
            with self._lock:
                result = application(environ, start_response)
                try:
                    body = b"".join(result)
                finally:
                    if hasattr(result, "close"):
                        result.close()
            return [body]

        super().set_app(one_at_a_time)


@pytest.fixture(scope="session", autouse=True)
def _serial_live_server():
    # Before pytest-django's live_server starts its thread (it is created on first use).
    LiveServerThread.server_class = _OneRequestAtATime


@pytest.fixture(scope="package", autouse=True)
def _allow_orm_beside_playwright():
    # Playwright's sync API runs an event loop in this thread, and Django refuses ORM calls there
    # (the tests' own, and the database flush after each test); they are synchronous. Only for
    # this package: a variable left in the environment would reach other tests' subprocesses
    # (manage.py check --deploy warns about it).
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="package")
def browser(_allow_orm_beside_playwright):
    # Package scope: Playwright's event loop must be gone before other transactional tests run.
    if not CHROMIUM.exists():
        pytest.skip("Chromium not installed (apt-get install chromium fonts-noto-core)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def roles(transactional_db):
    """The role groups: a transactional test's flush removes the rows migration 0002 made."""
    for role in ROLES:
        group, _ = Group.objects.get_or_create(name=role)
        group.permissions.set(Permission.objects.filter(codename__in=permissions_for(role)))


@pytest.fixture
def page_as(browser, live_server, roles):
    """page_as(user) -> a Playwright page logged in as user (session cookie, no login form)."""
    contexts = []

    def make(user):
        client = Client()
        client.force_login(user)
        context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="en-GB")
        context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
        context.set_default_timeout(5000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def screenshot():
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))

    return take
