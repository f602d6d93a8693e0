"""Imports by URL against a real HTTP server on 127.0.0.1 (with TRACKER_FETCH_ALLOW_PRIVATE on,
as only the tests have it), and the SSRF guard with the setting off."""

import gzip
import random
import socket

import pytest

from tests.conftest import article_page
from tracker.models import Article
from tracker.services.articles import ImportRejected
from tracker.services.fetch import FetchRefused, resolve_public, url_fetch
from tracker.services.url_import import article_import_url

pytestmark = pytest.mark.django_db

PARAGRAPHS = [
    "The city council said on Tuesday that the bridge over the river would reopen in March after repairs.",
    '"We have waited long enough," the mayor, Ana Lopes, told reporters outside the town hall.',
    "Engineers found that the main supports had corroded faster than the last survey predicted.",
]


def test_page_imported_with_text_and_metadata(web_server):
    url = web_server.page(
        "/news/bridge?utm_source=feed",
        article_page(
            title="Bridge to reopen in March",
            paragraphs=PARAGRAPHS,
            canonical=web_server.url + "/news/bridge",
            date="2024-03-05T10:00:00Z",
            author="Sam Reporter",
            site="Riverside Courier",
        ),
    )
    result = article_import_url(url=url)
    article = result.article
    assert result.created
    assert article.title == "Bridge to reopen in March"
    assert article.body.startswith("The city council said")  # the <h1> is not the text's first line
    assert "the mayor, Ana Lopes, told reporters" in article.body
    assert "Copyright" not in article.body and "alert" not in article.body and "World" not in article.body
    assert article.url == web_server.url + "/news/bridge"
    assert article.source_url == url
    assert str(article.published) == "2024-03-05"
    assert article.byline == "Sam Reporter"
    assert article.outlet.name == "Riverside Courier"
    assert article.language == "en"
    _path, headers = web_server.requests[-1]
    assert "QuoteTracker" in headers["User-Agent"]


def test_same_article_stored_once_by_canonical_url(web_server):
    canonical = web_server.url + "/a/1"
    page = article_page(title="Talks resume", paragraphs=PARAGRAPHS, canonical=canonical)
    first = article_import_url(url=web_server.page("/a/1?ref=home", page))
    # The same article under another address, with the same canonical link.
    second = article_import_url(url=web_server.page("/amp/a/1", page.replace("Engineers", "The engineers")))
    assert first.created and not second.created and second.article == first.article
    requests = len(web_server.requests)
    again = article_import_url(url=web_server.url + "/a/1?ref=home")
    assert again.article == first.article and len(web_server.requests) == requests  # known address: no fetch
    assert Article.objects.count() == 1


def test_tracking_parameters_do_not_make_another_article(web_server):
    page = article_page(title="Talks resume", paragraphs=PARAGRAPHS)
    first = article_import_url(url=web_server.page("/b/2?utm_source=newsletter", page))
    assert first.article.url == web_server.url + "/b/2"
    requests = len(web_server.requests)
    again = article_import_url(url=web_server.url + "/b/2?utm_medium=social&utm_campaign=x")
    assert again.article == first.article and not again.created and len(web_server.requests) == requests


def test_arabic_paths_are_fetched_and_found_again(web_server):
    from urllib.parse import quote

    slug = "المحادثات-مستمرة"
    web_server.page(
        f"/news/{quote(slug)}", article_page(title="المحادثات مستمرة", paragraphs=[PARAGRAPHS[0]], lang="ar")
    )
    first = article_import_url(url=f"{web_server.url}/news/{slug}")
    assert first.created and first.article.url == f"{web_server.url}/news/{quote(slug)}"
    for address in (f"{web_server.url}/news/{slug}", f"{web_server.url}/news/{quote(slug)}"):
        assert article_import_url(url=address).article == first.article
    assert Article.objects.count() == 1


def test_redirects_followed_and_checked(web_server):
    target = web_server.page("/final", article_page(title="After redirect", paragraphs=PARAGRAPHS))
    start = web_server.page("/short", b"", status=302, Location="/final")
    article = article_import_url(url=start).article
    assert article.title == "After redirect" and article.url == target


@pytest.mark.parametrize(
    ("status", "headers", "body", "message"),
    [
        (404, {}, b"gone", "answered 404"),
        (200, {"Content-Type": "image/png"}, b"\x89PNG....", "not an HTML article"),
        (200, {}, b"<html><body><script>x()</script></body></html>", "no article text"),
        (302, {"Location": "/loop"}, b"", "redirects"),
    ],
)
def test_bad_pages_refused_with_message_and_nothing_stored(web_server, status, headers, body, message):
    web_server.pages["/loop"] = (status, headers, body)
    with pytest.raises(ImportRejected, match=message):
        article_import_url(url=web_server.url + "/loop")
    assert Article.objects.count() == 0


def test_size_limit_counts_decompressed_bytes(web_server, settings):
    settings.TRACKER_FETCH_MAX_BYTES = 10_000
    big = gzip.compress(b"<p>" + b"a" * 200_000 + b"</p>")
    web_server.page("/bomb", big, Content_Encoding="gzip")
    with pytest.raises(FetchRefused, match="over the limit"):
        url_fetch(url=web_server.url + "/bomb")
    web_server.page("/declared", b"x" * 20_000)
    with pytest.raises(FetchRefused, match="20,000 bytes, over the limit"):
        url_fetch(url=web_server.url + "/declared")


def test_timeout_is_a_message(web_server, settings):
    import time

    settings.TRACKER_FETCH_TIMEOUT = 0.5

    def slow(handler):
        time.sleep(2)
        return b"late"

    web_server.pages["/slow"] = (200, {"Content-Length": "4"}, slow)
    with pytest.raises(FetchRefused, match="longer than"):
        url_fetch(url=web_server.url + "/slow")


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x",
        "http://localhost/x",
        "http://10.0.0.8/",
        "http://192.168.1.1/admin",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]/",
        "http://[::ffff:127.0.0.1]/",
        "http://0.0.0.0/",
        "http://100.64.0.1/",
    ],
)
def test_private_and_loopback_addresses_refused(settings, url):
    settings.TRACKER_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(FetchRefused, match="private or local address"):
        article_import_url(url=url)
    assert Article.objects.count() == 0


def test_the_resolved_address_is_checked_not_the_name(settings, monkeypatch):
    # A public-looking name that resolves to loopback (DNS rebinding, an internal record).
    settings.TRACKER_FETCH_ALLOW_PRIVATE = False
    real = socket.getaddrinfo

    def fake(host, *args, **kwargs):
        if host == "news.example.com":
            return real("127.0.0.1", *args, **kwargs)
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
    with pytest.raises(FetchRefused, match=r"news\.example\.com resolves to 127\.0\.0\.1"):
        resolve_public("news.example.com", 80)


def test_redirect_to_a_private_address_refused(web_server, settings, monkeypatch):
    web_server.page("/hop", b"", status=302, Location="http://10.1.2.3/internal")
    # Loopback is allowed for the test server itself, but not 10/8: check the hop against that.
    monkeypatch.setattr(
        "tracker.services.fetch._allowed", lambda address: address.startswith("127.") or address == "::1"
    )
    settings.TRACKER_FETCH_ALLOW_PRIVATE = False
    with pytest.raises(FetchRefused, match=r"10\.1\.2\.3, a private or local address"):
        url_fetch(url=web_server.url + "/hop")


@pytest.mark.parametrize(
    "bad", ["", "ftp://example.com/a", "file:///etc/passwd", "javascript:alert(1)", "http://", "x" * 3000]
)
def test_invalid_urls_refused(bad):
    with pytest.raises(FetchRefused):
        article_import_url(url=bad)


def test_fuzzed_pages_never_raise_anything_but_a_refusal(web_server):
    rng = random.Random(12)
    alphabet = "<>/\"' =&;#\nabcdefgh صحفي قال\u202e\x00\ufeff"
    for i in range(40):
        body = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 600)))
        if rng.random() < 0.5:
            body = article_page(title=body[:40] or "t", paragraphs=[body, PARAGRAPHS[i % 3]])
        web_server.page(f"/f{i}", body.encode("utf-8", "surrogatepass"))
        try:
            result = article_import_url(url=f"{web_server.url}/f{i}")
        except ImportRejected as exc:
            assert exc.messages and exc.messages[0]
            continue
        article = result.article
        assert article.body and "<script" not in article.body and "\x00" not in article.document


@pytest.fixture
def tls_server(web_server, tmp_path):
    """The same pages over HTTPS, with a certificate for "localhost" made here by openssl."""
    import shutil
    import ssl
    import subprocess
    import threading

    if not shutil.which("openssl"):
        pytest.skip("openssl not installed")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
         "-days", "1", "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost"],
        check=True, capture_output=True,
    )  # fmt: skip
    from http.server import ThreadingHTTPServer

    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server = ThreadingHTTPServer(("127.0.0.1", 0), web_server.server.RequestHandlerClass)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield {"port": server.server_address[1], "cert": str(cert)}
    server.shutdown()
    server.server_close()


def test_https_checks_the_certificate_against_the_host_name(web_server, tls_server, settings):
    web_server.page("/secure", article_page(title="Over TLS", paragraphs=PARAGRAPHS))
    port = tls_server["port"]
    # Not trusted: refused with a message.
    with pytest.raises(FetchRefused, match="secure connection failed"):
        url_fetch(url=f"https://localhost:{port}/secure")
    settings.TRACKER_FETCH_CA_BUNDLE = tls_server["cert"]
    fetched = url_fetch(url=f"https://localhost:{port}/secure")
    assert fetched.status == 200 and b"Over TLS" in fetched.data
    assert web_server.requests[-1][1]["Host"] == f"localhost:{port}"
    # The certificate names localhost, not 127.0.0.1: connecting by address is refused.
    with pytest.raises(FetchRefused, match="secure connection failed"):
        url_fetch(url=f"https://127.0.0.1:{port}/secure")
