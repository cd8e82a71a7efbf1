# ruff: noqa: F811 - the fixtures imported from web_support are parameters of the tests
"""Browser tests in headless Debian Chromium driven by Playwright (no Playwright browser download).

The app runs as ``newsgraph serve`` in a subprocess on a free loopback port over a temporary
SQLite store. Every request to another host is aborted and counted, so a page that needs
the network fails here. Screenshots go to ``test-artifacts/`` (gitignored).

Without Chromium these tests skip, saying how to get it (``scripts/services``); under
CI=true they fail instead.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from web_support import corpus, store_path  # noqa: F401 - fixtures
from webcorpus import ATTR, XSS

from newsgraph.store import open_store

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium")
IN_CI = os.environ.get("CI", "").lower() == "true"
ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip


def need_chromium() -> str:
    if not Path(CHROMIUM).is_file():
        msg = (
            f"Chromium is not at {CHROMIUM}: run scripts/services (installs Debian's chromium) "
            "or set NEWSGRAPH_CHROMIUM to a Chromium binary"
        )
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)
    return CHROMIUM


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def serving(db: Path) -> Iterator[str]:
    """``newsgraph serve`` over ``db`` on a free port; yields its base URL."""
    port = free_port()
    exe = Path(sys.executable).with_name("newsgraph")
    cmd = (
        [str(exe)]
        if exe.exists()
        else [sys.executable, "-c", "from newsgraph.cli import main; main()"]
    )
    proc = subprocess.Popen(
        [*cmd, "serve", "--db", str(db), "--port", str(port), "--log-level", "warning"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"newsgraph serve exited with {proc.returncode}: {proc.stdout.read()}")  # type: ignore[union-attr]
            try:
                if httpx.get(base + "/api/stats", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("newsgraph serve did not answer within 30 s")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


@pytest.fixture(scope="module")
def browser():
    executable = need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        yield b
        b.close()


class Tab:
    """A browser page that refuses to reach any host but the app, and records script errors."""

    def __init__(self, browser, base: str) -> None:
        self.base = base
        self.context = browser.new_context(viewport={"width": 1280, "height": 900})
        self.foreign: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        # Anything our own pages do that the Content Security Policy blocks is a bug too.
        self.page.on(
            "console",
            lambda m: self.errors.append(m.text) if "Content Security Policy" in m.text else None,
        )

    def _route(self, route) -> None:  # type: ignore[no-untyped-def]
        url = route.request.url
        if url.startswith(self.base) or url.startswith(("data:", "about:")):
            route.continue_()
        else:
            self.foreign.append(url)
            route.abort()

    def open(self, path: str):  # type: ignore[no-untyped-def]
        response = self.page.goto(self.base + path)
        assert response is not None and response.status < 400, (path, response and response.status)
        return self.page

    def shot(self, name: str, full_page: bool = False) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def close(self) -> None:
        self.context.close()
        assert self.errors == [], self.errors
        assert self.foreign == [], f"pages tried to load from other hosts: {self.foreign}"


@pytest.fixture(scope="module")
def corpus_server(store_path) -> Iterator[str]:
    with serving(store_path) as base:
        yield base


@pytest.fixture(scope="module")
def seed_server(tmp_path_factory, seed_analysis) -> Iterator[tuple[str, str]]:
    db = tmp_path_factory.mktemp("seed") / "seed.db"
    with open_store(db) as store:
        store.write_batch([seed_analysis])
    with serving(db) as base:
        yield base, seed_analysis.article.id


QUOTES_JS = """() => {
  const out = [];
  document.querySelectorAll('.article-body .speaker-tag').forEach(tag => {
    const key = 'quote:' + tag.dataset.quote;
    const text = [...document.querySelectorAll('.article-body .hl-quote')]
      .filter(n => n.dataset.notes.split(' ').includes(key)).map(n => n.textContent).join('');
    out.push({speaker: tag.textContent, text: text});
  });
  return out;
}"""

UNSOURCED_JS = """() => {
  const groups = {};
  document.querySelectorAll('.article-body .hl-unsourced').forEach(n => {
    n.dataset.notes.split(' ').filter(k => k.startsWith('unsourced:')).forEach(k => {
      groups[k] = (groups[k] || '') + n.textContent;
    });
  });
  return Object.values(groups);
}"""


@pytest.mark.model
def test_browser_seed_article_quotes_claim_and_actor_timeline(browser, seed_server):
    base, article_id = seed_server
    tab = Tab(browser, base)
    page = tab.open(f"/articles/{article_id}")

    quotes = page.evaluate(QUOTES_JS)
    putin = [q["text"] for q in quotes if q["speaker"] == "Vladimir Putin"]
    assert any(
        t.startswith("We are working actively through our military departments") for t in putin
    ), quotes
    assert any(t.startswith("Undoubtedly, this is another crucial area") for t in putin), quotes

    unsourced = page.evaluate(UNSOURCED_JS)
    assert any("the US is taking part in illegal combat" in t for t in unsourced), unsourced

    # Clicking a quote explains it in the side panel, naming the speaker.
    first = page.locator(".article-body .hl-quote", has_text="We are working actively").first
    first.click()
    assert "Said by Vladimir Putin" in page.locator("#explain").inner_text()
    tab.shot("article-page")
    tab.shot("article-page-full", full_page=True)

    # Through to the actor page: the Moscow meeting is on Putin's timeline.
    page.locator(".quotes a.speaker", has_text="Vladimir Putin").first.click()
    page.wait_for_url("**/actors/Vladimir%20Putin")
    assert page.locator("h1").inner_text() == "Vladimir Putin"
    moscow = page.locator("#events li", has_text="Moscow")  # paged events, after the summary
    assert moscow.count() >= 1
    assert "CONSULT" in moscow.first.inner_text()
    page.wait_for_selector("#actor-timeline .uplot-host[data-drawn]")
    assert "CONSULT" in page.locator("#actor-timeline .plover-legend").inner_text()
    tab.shot("actor-page", full_page=True)
    tab.close()


def test_browser_hostile_article_runs_no_script(browser, corpus_server, corpus):
    tab = Tab(browser, corpus_server)
    hostile = corpus["hostile"]
    paths = [
        f"/articles/{hostile.article.id}", "/", "/articles", "/events", "/claims", "/actors",
        "/actors/" + quote(hostile.actors[0].name, safe=""), "/network",
        "/search?q=" + quote("<script>window.__xss=5</script>"),
        "/articles/" + quote('<img src=x onerror="window.__xss=6">', safe=""),
    ]  # fmt: skip
    for path in paths:
        page = tab.page
        response = page.goto(corpus_server + path)
        assert response is not None and response.status in (200, 404)
        # Hover and click every highlight and link-free element the payload sits in.
        for node in page.locator(".hl").all():
            node.dispatch_event("mouseover")
            node.click()
        page.mouse.move(10, 10)
        page.wait_for_timeout(50)
        assert page.evaluate("typeof window.__xss") == "undefined", path
    tab.open(f"/articles/{hostile.article.id}")
    assert tab.page.locator("h1").inner_text() == hostile.article.title
    tab.shot("hostile-article")
    tab.close()


def test_browser_payloads_do_run_when_not_escaped(browser):
    # The control for the test above: the same payloads, pasted raw into a page without our
    # escaping or CSP, do set the flag, so "undefined" there means they were made inert.
    page = browser.new_page()
    page.set_content(f"<p>{XSS}</p>")
    page.wait_for_function("typeof window.__xss !== 'undefined'", timeout=5000)
    page.set_content(f'<p><span title="{ATTR}">hover</span></p>')
    page.evaluate("delete window.__xss")
    page.hover("span")
    assert page.evaluate("window.__xss") == 3
    page.close()


def test_browser_explain_panel_legend_and_network(browser, corpus_server, corpus):
    tab = Tab(browser, corpus_server)
    page = tab.open(f"/articles/{corpus['meeting'].article.id}")
    page.locator(".article-body .hl-hedge").first.click()
    panel = page.locator("#explain").inner_text()
    assert "Hedge “reportedly”" in panel and "Source: Marco Rossi" not in panel

    # Turning a highlight kind off in the legend removes its colour, not the text.
    quote_piece = page.locator(".article-body .hl-quote").first
    on = quote_piece.evaluate("n => getComputedStyle(n).backgroundColor")
    page.locator('.legend input[value="quote"]').uncheck()
    off = quote_piece.evaluate("n => getComputedStyle(n).backgroundColor")
    assert on != off and off in ("rgba(0, 0, 0, 0)", "transparent")
    assert page.locator(".speaker-tag").first.is_hidden()

    # The events filter form: pick a type, leave the other fields empty, submit.
    page = tab.open("/events")
    page.select_option('select[name="plover"]', "ACCUSE")
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url("**/events?*plover=ACCUSE*")
    assert page.locator("tbody tr").count() == 1

    page = tab.open("/network")
    page.wait_for_selector("#network-canvas[data-ready]")
    assert page.evaluate("window.newsgraphNetwork.graph.order") == 2
    assert page.evaluate("window.newsgraphNetwork.graph.size") == 1  # both directions, one line
    page.locator("tbody a", has_text="Marco Rossi").first.click()
    page.wait_for_url("**/network?actor=Marco%20Rossi")
    tab.shot("network-click-through")
    tab.close()
