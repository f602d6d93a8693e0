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
def viewer_client(client, viewer):
    client.force_login(viewer)
    return client


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


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    # PBKDF2 takes most of a second per user on CI machines; tests need no real hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="session")
def _empty_stanza_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("stanza-empty")


@pytest.fixture(autouse=True)
def _no_stanza_models(settings, _empty_stanza_dir):
    # Models a developer downloaded into var/stanza must not change what the tests see.
    settings.STANZA_DIR = _empty_stanza_dir


FAKE_STANZA_RESOURCES = {
    # The shape of stanza's resources.json, cut down to what the tokenize/mwt/ner pipeline reads.
    "ar": {
        "lang_name": "Arabic",
        "packages": {"default": {"tokenize": "padt", "mwt": "padt", "ner": "aqmar_charlm"}},
        "tokenize": {"padt": {"md5": "0"}},
        "mwt": {"padt": {"md5": "0"}},
        "ner": {
            "aqmar_charlm": {
                "md5": "0",
                "dependencies": [
                    {"model": "pretrain", "package": "conll17"},
                    {"model": "forward_charlm", "package": "ccwiki"},
                ],
            }
        },
        "pretrain": {"conll17": {"md5": "0"}},
        "forward_charlm": {"ccwiki": {"md5": "0"}},
    },
    "arabic": {"alias": "ar"},
    "en": {
        "lang_name": "English",
        "packages": {"default": {"tokenize": "combined", "ner": "ontonotes"}},
        "tokenize": {"combined": {"md5": "0"}},
        "ner": {"ontonotes": {"md5": "0"}},
    },
    "url": "http://127.0.0.1:9/{lang}/{filename}",
}


@pytest.fixture
def fake_stanza_models(tmp_path) -> Path:
    """A STANZA_DIR whose resources.json and model files are all there, but the files are
    empty: models_present says yes and loading them fails, as a corrupt download would."""
    import json

    folder = tmp_path / "stanza"
    folder.mkdir()
    (folder / "resources.json").write_text(json.dumps(FAKE_STANZA_RESOURCES), encoding="utf-8")
    for rel in [
        "ar/tokenize/padt.pt",
        "ar/mwt/padt.pt",
        "ar/ner/aqmar_charlm.pt",
        "ar/pretrain/conll17.pt",
        "ar/forward_charlm/ccwiki.pt",
        "en/tokenize/combined.pt",
        "en/ner/ontonotes.pt",
    ]:
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(b"")
    return folder


class WebServer:
    """A real HTTP server on 127.0.0.1 serving canned pages: ``pages[path] = (status, headers, body)``."""

    def __init__(self):
        import http.server
        import threading

        self.pages: dict[str, tuple[int, dict[str, str], bytes]] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        owner = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                owner.requests.append((self.path, dict(self.headers)))
                status, headers, body = owner.pages.get(self.path, (404, {}, b"not found"))
                if callable(body):
                    body = body(self)
                self.send_response(status)
                headers = {"Content-Type": "text/html; charset=utf-8", **headers}
                for key, value in headers.items():
                    self.send_header(key, value)
                if "Content-Length" not in headers:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def page(self, path: str, body: str | bytes, *, status: int = 200, **headers) -> str:
        data = body.encode() if isinstance(body, str) else body
        self.pages[path] = (status, {k.replace("_", "-"): v for k, v in headers.items()}, data)
        return self.url + path

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def web_server(settings):
    """A local web server, and the setting that lets the fetcher reach loopback addresses."""
    settings.TRACKER_FETCH_ALLOW_PRIVATE = True
    server = WebServer()
    yield server
    server.close()


def article_page(
    *,
    title: str,
    paragraphs: list[str],
    canonical: str = "",
    date: str = "",
    author: str = "",
    site: str = "",
    lang: str = "en",
) -> str:
    """An article page as news sites write them: metadata in the head, text in <article>."""
    from html import escape

    head = [f"<title>{escape(title)}</title>", f'<meta property="og:title" content="{escape(title)}">']
    if canonical:
        head.append(f'<link rel="canonical" href="{escape(canonical)}">')
    if date:
        head.append(f'<meta property="article:published_time" content="{date}">')
    if author:
        head.append(f'<meta name="author" content="{escape(author)}">')
    if site:
        head.append(f'<meta property="og:site_name" content="{escape(site)}">')
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    direction = "rtl" if lang == "ar" else "ltr"
    return (
        f'<!doctype html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">{"".join(head)}</head>'
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{escape(title)}</h1>{body}</article>"
        f"<footer>Copyright the publisher. <script>alert(1)</script></footer></body></html>"
    )
