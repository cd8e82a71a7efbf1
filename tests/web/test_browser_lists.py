# ruff: noqa: F811 - the fixtures imported from web_support are parameters of the tests
"""Browser tests of the list pages, permalinks, codebook, side panel and accessibility.

Same set-up as test_browser.py: ``newsgraph serve`` in a subprocess over the hand-made
corpus, Debian Chromium driven by Playwright, every foreign request aborted. The
accessibility check runs axe-core (bundled with axe-playwright-python) in the page.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from test_browser import ARGS, Tab, need_chromium, serving
from web_support import corpus, store_path  # noqa: F401 - fixtures

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def chromium():
    executable = need_chromium()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def base(store_path) -> Iterator[str]:
    with serving(store_path) as url:
        yield url


def _luminance(rgb: tuple[int, int, int]) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two CSS rgb()/rgba() colours (alpha ignored)."""

    def parse(c: str) -> tuple[int, int, int]:
        nums = c[c.index("(") + 1 : c.index(")")].split(",")
        return int(float(nums[0])), int(float(nums[1])), int(float(nums[2]))

    la, lb = sorted((_luminance(parse(a)), _luminance(parse(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _tab(chromium, base: str) -> Tab:
    tab = Tab(chromium, base)
    tab.page.set_default_timeout(8000)
    return tab


def test_browser_lists_events_total_sort_facets_download_and_permalink(chromium, base, corpus):
    tab = _tab(chromium, base)
    page = tab.open("/events")
    assert page.locator(".total").inner_text() == "1–4 of 4 events"
    tab.shot("events-list", full_page=True)
    # facet: clicking the ACCUSE count filters the list to it, keeping the count it showed
    accuse = page.locator(".facet li", has_text="ACCUSE")
    shown = int(accuse.locator(".count").inner_text())
    accuse.locator("a").click()
    page.wait_for_url("**/events?plover=ACCUSE")
    assert page.locator("tbody tr").count() == shown == 1
    assert page.locator(".total").inner_text() == "1–1 of 1 events"
    # the row carries its source: the article's title and its URL
    row = page.locator("tbody tr").first
    strike = corpus["strike"].article
    assert row.locator(f'a[href="{strike.url}"]').count() == 1
    assert strike.title in row.inner_text()
    # "download this view": the CSV has the same rows, filters included
    href = page.locator(".download a", has_text="CSV").get_attribute("href")
    assert href is not None and "plover=ACCUSE" in href and "format=csv" in href
    got = page.request.get(base + href)
    rows = list(csv.DictReader(io.StringIO(got.text())))
    assert [r["plover"] for r in rows] == ["ACCUSE"] and rows[0]["url"] == strike.url
    # the permalink of the event opens its own page
    row.locator("td").first.locator("a").click()
    page.wait_for_url(f"**/events/{strike.id}/e1")
    assert "Accuse" in page.locator("dl.facts").inner_text()
    tab.shot("events-list-permalink")
    tab.close()


def test_browser_lists_claims_sort_by_check_worthiness(chromium, base):
    tab = _tab(chromium, base)
    page = tab.open("/claims")
    page.locator("th a", has_text="Check-worthy").click()
    page.wait_for_url("**/claims?sort=-check_worthiness")
    scores = [float(x) for x in page.locator("tbody td.num").all_inner_texts()]
    assert scores == sorted(scores, reverse=True) and len(scores) >= 5
    th = page.locator("th[aria-sort]")
    assert th.get_attribute("aria-sort") == "descending"
    page.locator("th a", has_text="Check-worthy").click()  # again: ascending
    page.wait_for_url("**/claims?sort=check_worthiness")
    again = [float(x) for x in page.locator("tbody td.num").all_inner_texts()]
    assert again == sorted(scores)
    tab.shot("claims-by-check-worthiness", full_page=True)
    tab.close()


def test_browser_lists_codebook_labels_and_legend(chromium, base, corpus):
    tab = _tab(chromium, base)
    page = tab.open("/events")
    pill = page.locator("tbody .pill.ev", has_text="CONSULT").first
    assert "Consult" in (pill.get_attribute("title") or "")
    assert "CAMEO 043" in (pill.get_attribute("title") or "")
    code = page.locator("tbody abbr", has_text="AUTGOV").first
    assert code.get_attribute("title") == "Austria · Government"
    # a legend names the colours used on the page; the colour is the type's, from one table
    assert page.locator(".plover-legend li", has_text="CONSULT").count() == 1
    colour = pill.evaluate("n => getComputedStyle(n).backgroundColor")
    swatch = page.locator(".plover-legend li", has_text="CONSULT").locator(".swatch")
    assert swatch.evaluate("n => getComputedStyle(n).backgroundColor") == colour
    # "denied" (REJECT here) is not drawn in a cooperation colour
    reject = page.locator("tbody .pill.ev", has_text="REJECT").first
    red = reject.evaluate("n => getComputedStyle(n).backgroundColor")
    assert red != colour
    page = tab.open("/codebook")
    assert page.locator("#cameo-016").inner_text().startswith("016")
    assert "Deny responsibility" in page.locator("#cameo-016").inner_text()
    assert "Legislature" in page.locator("#sector-LEG").inner_text()
    tab.close()


def test_browser_lists_clusters_and_actor_summary_first(chromium, base):
    tab = _tab(chromium, base)
    page = tab.open("/clusters")
    assert page.locator("tbody tr").count() == 1  # k1: two reports; no singletons stored
    page.locator("tbody a").first.click()
    page.wait_for_url("**/clusters/k1")
    heading = page.locator("h1").inner_text()
    assert "Consult" in heading and "Anna Weber" in heading and "Marco Rossi" in heading
    assert "16 April 2023" in page.locator(".lead").inner_text()

    page = tab.open("/actors/" + quote("Anna Weber", safe=""))
    order = page.evaluate("() => [...document.querySelectorAll('main section[id]')].map(s => s.id)")
    assert order.index("summary") < order.index("timeline") < order.index("events")
    assert order.index("events") < order.index("quotes")
    summary = page.locator("#summary").inner_text()
    assert "Austria" in summary and "Marco Rossi" in summary  # country, top counterpart
    tab.shot("actor-summary-first", full_page=True)
    tab.close()


def test_browser_lists_side_panel_shows_the_clicked_item_first(chromium, base, corpus):
    tab = _tab(chromium, base)
    page = tab.open(f"/articles/{corpus['meeting'].article.id}")
    # "Rossi" is both an actor mention and the source of a quote: the panel lists the notes
    # in the piece's order (narrowest highlight first, see test_highlight), the first one
    # selected; the wider unsourced claim is never explained before what was clicked.
    piece = page.locator(".article-body .hl-actor", has_text="Rossi").last
    piece.click()
    keys = (piece.get_attribute("data-notes") or "").split()
    shown = page.locator("#explain .note").evaluate_all("ns => ns.map(n => n.dataset.key)")
    assert shown == keys and len(keys) >= 2
    assert piece.evaluate("n => n.classList.contains('selected')")
    claim = page.locator(".article-body .hl-unsourced").first
    claim.click()
    assert (
        page.locator("#explain .note").first.get_attribute("data-key", timeout=2000)
        == ((claim.get_attribute("data-notes") or "").split()[0])
    )
    tab.close()


def test_browser_lists_focus_ring_skip_links_and_names(chromium, base, corpus):
    tab = _tab(chromium, base)
    page = tab.open(f"/articles/{corpus['meeting'].article.id}")
    # the highlights are buttons with names; the speaker is read out before the quote
    assert page.get_by_role("button", name="We are making real progress").count() >= 1
    tag = page.locator(".speaker-tag").first
    assert tag.get_attribute("aria-hidden") is None
    # skip links: the second Tab stop jumps to the article text, and one more reaches a
    # highlight (the issue measured 21 stops)
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to the article text"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('hl')")
    # focus ring: ≥ 3:1 against the page and not the selection outline
    hl = page.locator(".article-body .hl-quote").first
    hl.click()
    hl.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")
    focused = page.evaluate(
        "() => { const s = getComputedStyle(document.activeElement);"
        " return [s.outlineColor, s.outlineStyle, s.outlineWidth]; }"
    )
    assert contrast(focused[0], "rgb(255, 255, 255)") >= 3
    assert float(focused[2].rstrip("px")) >= 2
    other = page.locator(".article-body .hl.selected:not(:focus)").first
    if other.count():
        sel = other.evaluate(
            "n => [getComputedStyle(n).outlineColor, getComputedStyle(n).outlineStyle]"
        )
        assert (sel[0], sel[1]) != (focused[0], focused[1])
    tab.shot("article-focus-ring")
    # "next unsourced claim" moves focus to it and explains it
    page.locator("a[data-jump=unsourced]").click()
    assert page.evaluate("document.activeElement.classList.contains('hl-unsourced')")
    assert "Unsourced claim" in page.locator("#explain").inner_text()
    page.locator("a[data-jump=quote]").click()
    first_quote = page.evaluate("document.activeElement.dataset.notes")
    page.locator("a[data-jump=quote]").click()
    assert page.evaluate("document.activeElement.dataset.notes") != first_quote
    tab.close()


A11Y_PAGES = [
    "/articles/{meeting}", "/actors/Anna%20Weber", "/events", "/claims", "/actors",
    "/articles", "/clusters", "/clusters/k1", "/events/{meeting}/e1", "/claims/{meeting}/c3",
    "/codebook", "/network", "/map", "/",
]  # fmt: skip


def test_browser_lists_axe_finds_no_serious_violation(chromium, base, corpus):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    tab = _tab(chromium, base)
    problems = []
    for path in A11Y_PAGES:
        page = tab.open(path.format(meeting=corpus["meeting"].article.id))
        results = axe.run(page)
        for v in results.response["violations"]:
            if v["impact"] in ("serious", "critical"):
                nodes = [n["target"] for n in v["nodes"][:3]]
                problems.append(f"{path}: {v['id']} ({v['impact']}) {v['help']} {nodes}")
    tab.close()
    assert not problems, "\n".join(problems)
