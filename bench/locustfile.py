"""Simulated editors for `make bench-load`: review actions, speaker typeahead and search.

Each simulated editor works in a signed-in session of its own on its own articles, as editors
do; bench/load.py writes the sessions and article ids to $BENCH_PLAN.
"""

import itertools
import json
import os
import random
import re

from locust import HttpUser, between, task

PLAN = json.loads(open(os.environ["BENCH_PLAN"], encoding="utf-8").read())  # noqa: SIM115
_next_editor = itertools.count()
CARD = re.compile(r'quotes/(\d+)/accept/".*?name="version" value="(\d+)"', re.S)
VERSION = re.compile(r'name="version" value="(\d+)"')
TYPEAHEAD = ["كير", "بلين", "Kir", "Blin", "نتنيا", "Guter", "الخارج", "Mill", "ماكرو", "Abb"]
SEARCHES = ["ceasefire", "وقف إطلاق النار", "كيربى", "hostages", "Kirby", "المساعدات الانسانيه", "talks", "غزة"]


class Editor(HttpUser):
    wait_time = between(0.5, 2.0)

    def on_start(self):
        n = next(_next_editor) % len(PLAN["sessions"])
        self.client.cookies.set("sessionid", PLAN["sessions"][n])
        self.articles = PLAN["articles"][n :: len(PLAN["sessions"])] or PLAN["articles"]
        self.open_article()

    def open_article(self):
        self.article = random.choice(self.articles)
        page = self.client.get(f"/articles/{self.article}/", name="review page")
        self.versions = {int(q): int(v) for q, v in CARD.findall(page.text)}

    def _post(self, quote_id: int, action: str, data: dict):
        url = f"/articles/{self.article}/quotes/{quote_id}/{action}/"
        headers = {"HX-Request": "true", "X-CSRFToken": self.client.cookies.get("csrftoken", "")}
        body = {"version": self.versions[quote_id], **data}
        with self.client.post(url, body, headers=headers, name=action, catch_response=True) as response:
            if response.status_code in (200, 409):  # 409: someone else changed it first, as it may be
                found = VERSION.search(response.text)
                if found:
                    self.versions[quote_id] = int(found.group(1))
                response.success()

    @task(2)
    def review_another_article(self):
        self.open_article()

    @task(3)
    def accept(self):
        if self.versions:
            self._post(random.choice(list(self.versions)), "accept", {})

    @task(1)
    def change_kind(self):
        if self.versions:
            self._post(random.choice(list(self.versions)), "kind", {"kind": random.choice(["direct", "mixed"])})

    @task(3)
    def typeahead(self):
        prefix = random.choice(TYPEAHEAD)
        self.client.get(
            "/review/speaker-suggest/",
            params={"speaker_name": prefix},
            headers={"HX-Request": "true"},
            name="typeahead",
        )

    @task(2)
    def search(self):
        self.client.get(
            "/search/", params={"q": random.choice(SEARCHES)}, headers={"HX-Request": "true"}, name="search"
        )
