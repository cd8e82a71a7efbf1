# ruff: noqa: F811 - the fixtures imported from other modules are parameters of the tests
"""The charts in headless Debian Chromium: timelines and their brush, the network (ego view,
edge evidence, zoom and pan) and the map, over the chart corpus (a page dated 0001-01-01, a
year-only event date, a self-loop). Screenshots go to ``test-artifacts/``."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
from test_browser import Tab, browser, serving  # noqa: F401 - fixture and helpers
from viz_support import viz_store_path  # noqa: F401 - fixture

from newsgraph.web.codebook import PLOVER_COLOURS

pytestmark = [pytest.mark.browser, pytest.mark.slow]

# wait_for_function takes arrow functions here: a bare expression string is run with eval
# when it has to poll, and the pages' Content Security Policy (rightly) forbids eval.


@pytest.fixture(scope="module")
def viz_server(viz_store_path) -> Iterator[str]:
    with serving(viz_store_path) as base:
        yield base


def drag(page, box, start: float, end: float) -> None:
    """Drag across a chart's plot area from ``start`` to ``end`` (fractions of its width)."""
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * start, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * (start + end) / 2, y, steps=4)
    page.mouse.move(box["x"] + box["width"] * end, y, steps=4)
    page.mouse.up()


def test_viz_browser_overview_timelines_and_brush(browser, viz_server):
    tab = Tab(browser, viz_server)
    page = tab.open("/")
    page.wait_for_selector("#events-timeline .uplot-host[data-drawn]")
    page.wait_for_selector("#articles-timeline .uplot-host[data-drawn]")
    notes = page.locator("#articles-timeline .chart-notes").inner_text()
    assert "implausible date (0001-01-01)" in notes
    assert "(1935)" in page.locator("#events-timeline .chart-notes").inner_text()
    # The axis spans the real dates, not year 1 to 2023.
    span = page.evaluate(
        """() => { const u = document.querySelector('#events-timeline .uplot-host').uplot;
                   return [u.scales.x.min, u.scales.x.max].map(
                     s => new Date(s * 1000).toISOString().slice(0, 10)); }"""
    )
    assert span[0] == "2023-04-16" and "2023-05-19" < span[1] < "2023-05-21", span
    tab.shot("overview")
    box = page.locator("#events-timeline .u-over").bounding_box()
    drag(page, box, 0.02, 0.3)
    page.wait_for_url("**/?since=*")
    query = parse_qs(urlsplit(page.url).query)
    assert query["since"] == ["2023-04-16"] and query["until"][0] < "2023-05-01"
    page.wait_for_selector("#events-timeline .uplot-host[data-drawn]")
    link = page.locator(".range-views a", has_text="network").get_attribute("href")
    assert link == f"/network?since=2023-04-16&until={query['until'][0]}"
    page.locator(".range-views a", has_text="events").click()
    page.wait_for_url("**/events?since=*")
    assert page.locator("tbody tr").count() == 2  # the two Vienna meetings, not the May accusation
    tab.close()


def viewport(page, node: str) -> tuple[float, float]:
    """Where sigma draws a node, in page coordinates."""
    xy = page.evaluate(
        """(node) => { const n = window.newsgraphNetwork;
             const p = n.renderer.framedGraphToViewport(n.renderer.getNodeDisplayData(node));
             const r = n.renderer.getContainer().getBoundingClientRect();
             return [p.x + r.left, p.y + r.top]; }""",
        node,
    )
    return xy[0], xy[1]


def test_viz_browser_network_ego_view_evidence_zoom_and_pan(browser, viz_server):
    tab = Tab(browser, viz_server)
    page = tab.open("/network")
    page.wait_for_selector("#network-canvas[data-ready]")
    names = set(page.evaluate("window.newsgraphNetwork.graph.nodes()"))
    assert names == {"Anna Weber", "Marco Rossi", "Italy", "Austria"}  # no Donald Trump loop

    # Click an actor: the panel offers its ego view.
    page.mouse.click(*viewport(page, "Anna Weber"))
    page.locator("#network-panel .ego-link").click()
    page.wait_for_url("**/network?actor=Anna+Weber")
    page.wait_for_selector("#network-canvas[data-ready]")
    assert set(page.evaluate("window.newsgraphNetwork.graph.nodes()")) == {
        "Anna Weber", "Marco Rossi"}  # fmt: skip
    assert page.locator("h1").inner_text() == "Who acts on whom: Anna Weber"

    # Click the edge between them: its sentences, from both outlets, in both directions.
    (ax, ay), (bx, by) = viewport(page, "Anna Weber"), viewport(page, "Marco Rossi")
    page.mouse.move((ax + bx) / 2, (ay + by) / 2)  # sigma picks what is under the pointer
    page.wait_for_timeout(150)
    page.mouse.click((ax + bx) / 2, (ay + by) / 2)
    page.wait_for_selector("#network-panel .evidence-list li")
    panel = page.locator("#network-panel")
    try:
        page.wait_for_function(
            "() => document.querySelectorAll('#network-panel .evidence-block h3').length >= 3"
        )
    except Exception as e:  # noqa: BLE001 - say what the panel showed
        raise AssertionError(f"{panel.inner_html()} {tab.errors}") from e
    text = panel.inner_text()
    assert "Anna Weber → Marco Rossi" in text and "Marco Rossi → Anna Weber" in text
    assert "Daily Ledger (1)" in text and "Morning Star Tribune (1)" in text
    assert "accused Anna Weber of stalling" in text
    tab.shot("network-ego")

    # Zoom with the buttons and pan by dragging.
    ratio = page.evaluate("window.newsgraphNetwork.renderer.getCamera().ratio")
    page.locator('[data-zoom="in"]').click()
    page.wait_for_function(f"() => window.newsgraphNetwork.renderer.getCamera().ratio < {ratio}")
    x0 = page.evaluate("window.newsgraphNetwork.renderer.getCamera().x")
    box = page.locator("#network-canvas").bounding_box()
    page.mouse.move(box["x"] + 40, box["y"] + 40)
    page.mouse.down()
    page.mouse.move(box["x"] + 240, box["y"] + 60, steps=8)
    page.mouse.up()
    assert page.evaluate("window.newsgraphNetwork.renderer.getCamera().x") != x0

    # The timeline strip's brush keeps the ego view and sets its dates.
    page.locator(".brush-strip summary").click()
    page.wait_for_selector("#network-timeline .uplot-host[data-drawn]")
    drag(page, page.locator("#network-timeline .u-over").bounding_box(), 0.5, 0.99)
    page.wait_for_url("**/network?actor=*since=*")
    query = parse_qs(urlsplit(page.url).query)
    assert query["actor"] == ["Anna Weber"] and query["until"] == ["2023-05-19"]
    page.wait_for_selector("#network-canvas[data-ready]")
    assert page.evaluate("window.newsgraphNetwork.graph.size") == 1  # only the May accusation
    tab.close()


def test_viz_browser_network_type_filter_and_threshold(browser, viz_server):
    tab = Tab(browser, viz_server)
    page = tab.open("/network")
    page.wait_for_selector("#network-canvas[data-ready]")
    assert page.evaluate("window.newsgraphNetwork.graph.size") == 2  # Weber↔Rossi, Italy→Austria
    page.select_option('select[name="plover"]', "AGREE")
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url("**/network?*plover=AGREE*")
    page.wait_for_selector("#network-canvas[data-ready]")
    assert set(page.evaluate("window.newsgraphNetwork.graph.nodes()")) == {"Italy", "Austria"}
    colour = page.evaluate(
        "(() => { const g = window.newsgraphNetwork.graph;"
        " return g.getEdgeAttribute(g.edges()[0], 'color'); })()"
    )
    assert colour == PLOVER_COLOURS["AGREE"]  # AGREE's colour, as in the legend
    page = tab.open("/network")
    page.wait_for_selector("#network-canvas[data-ready]")
    page.fill('input[name="min_events"]', "2")
    page.locator(".filters button[type=submit]").click()
    page.wait_for_url("**/network?*min_events=2*")
    page.wait_for_selector("#network-canvas[data-ready]")
    assert page.evaluate("window.newsgraphNetwork.graph.size") == 1
    assert page.locator("tbody tr").count() == 1
    tab.close()


def test_viz_browser_map_click_lists_the_events_there(browser, viz_server):
    tab = Tab(browser, viz_server)
    page = tab.open("/map")
    page.wait_for_selector("#map[data-ready]")
    assert page.locator("#map .land path").count() > 150  # Natural Earth 110m countries
    circles = page.locator("#map circle.place")
    assert circles.count() == 3
    radius = {c.get_attribute("data-name"): float(c.get_attribute("r")) for c in circles.all()}
    assert radius["Vienna"] > radius["Rome"] == radius["Washington"]
    page.locator('#map circle[data-name="Vienna"]').click()
    page.wait_for_selector("#map-panel .evidence-list li")
    items = page.locator("#map-panel .evidence-list li").all_inner_texts()
    assert len(items) == 2 and all("Anna Weber → Marco Rossi" in i for i in items)
    tab.shot("map")
    # Keyboard: a place is a button.
    page.locator('#map circle[data-name="Rome"]').focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('#map-panel h2').textContent.includes('Rome')"
    )
    tab.close()


def test_viz_browser_actor_timeline_brush_opens_its_events(browser, viz_server):
    tab = Tab(browser, viz_server)
    page = tab.open("/actors/Anna%20Weber")
    page.wait_for_selector("#actor-timeline .uplot-host[data-drawn]")
    legend = page.locator("#actor-timeline .plover-legend").inner_text()
    assert "CONSULT" in legend and "ACCUSE" in legend
    tab.shot("actor-page", full_page=True)
    # Hovering a bar reads out its date and counts by type.
    box = page.locator("#actor-timeline .u-over").bounding_box()
    page.mouse.move(box["x"] + 3, box["y"] + box["height"] / 2)
    page.wait_for_function(
        "() => document.querySelector('#actor-timeline .chart-readout')"
        ".textContent.includes('CONSULT 2')"
    )
    box = page.locator("#actor-timeline .u-over").bounding_box()
    drag(page, box, 0.6, 0.99)
    page.wait_for_url("**/events?actor=*since=*")
    query = parse_qs(urlsplit(page.url).query)
    assert query["actor"] == ["Anna Weber"] and query["until"] == ["2023-05-19"]
    rows = page.locator("tbody tr")
    assert rows.count() == 1 and "ACCUSE" in rows.first.inner_text()
    tab.close()
