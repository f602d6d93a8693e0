from pathlib import Path

import pytest

from tests.factories import ArticleFactory, UserFactory
from tracker.services.users import user_role_set

REPO = Path(__file__).resolve().parent.parent
GOLD_DEV = REPO.parent / "shared" / "gold" / "dev"


@pytest.fixture
def gold_dev() -> Path:
    if not GOLD_DEV.is_dir():
        pytest.skip(f"gold files not found at {GOLD_DEV}")
    return GOLD_DEV


@pytest.fixture
def editor(db):
    user = UserFactory(username="ed")
    user_role_set(user=user, role="editor")
    return user


@pytest.fixture
def viewer(db):
    user = UserFactory(username="vi")
    user_role_set(user=user, role="viewer")
    return user


@pytest.fixture
def editor_client(client, editor):
    client.force_login(editor)
    return client


@pytest.fixture
def article(db):
    return ArticleFactory()


@pytest.fixture(autouse=True)
def _tasks_run_inline(settings):
    # Tests see detection finish within the request; the queue has its own tests.
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
