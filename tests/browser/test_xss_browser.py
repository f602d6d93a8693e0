"""Hostile article text, names and queries are shown as text: nothing in them runs."""

import pytest

from tests.factories import UserFactory
from tracker.services.articles import article_import
from tracker.services.speakers import speaker_resolve
from tracker.services.users import user_role_set

pytestmark = pytest.mark.browser

TITLE = 'Minister <script>window.__pwned = "title"</script> speaks'
BODY = "\n".join(
    [
        "The minister said \"<img src=x onerror=window.__pwned='quote'> talks will go on\" in the capital.",
        "Click <a href=\"javascript:window.__pwned='link'\">here</a> for <b onmouseover=window.__pwned='b'>more</b>.",
        "<script>window.__pwned = 'body'</script><svg onload=window.__pwned='svg'></svg>",
    ]
)


def _visit(page, url):
    page.goto(url)
    page.mouse.move(200, 300)
    page.mouse.move(600, 400)
    return page.evaluate("window.__pwned === undefined")


def test_hostile_text_never_runs(page_as, live_server):
    editor = UserFactory(username="xss-editor")
    user_role_set(user=editor, role="editor")
    article = article_import(title=TITLE, body=BODY, outlet="<svg onload=alert(1)>", language="en").article
    speaker = speaker_resolve(name="<img src=x onerror=window.__pwned='speaker'>", kind="person")
    article.quotes.update(speaker=speaker)
    page = page_as(editor)
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    urls = [
        f"{live_server.url}/",
        f"{live_server.url}/articles/{article.pk}/",
        f"{live_server.url}/search/?q=%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E",
        f"{live_server.url}/search/?q=minister",
        f"{live_server.url}/speakers/{speaker.pk}/",
    ]
    for url in urls:
        assert _visit(page, url), url
        # Only the project's own script files are on the page.
        sources = page.eval_on_selector_all("script", "els => els.map(e => e.getAttribute('src') || 'INLINE')")
        assert all(src.startswith("/static/") for src in sources), (url, sources)
        assert page.locator("img[src='x'], svg[onload], a[href^='javascript:']").count() == 0, url

    page.goto(f"{live_server.url}/articles/{article.pk}/")
    # The markup is shown to the editor as the text it is.
    assert "<script>" in page.locator("body").inner_text()
    page.get_by_text("here", exact=False).first.click()
    assert page.evaluate("window.__pwned === undefined")
    assert dialogs == []
