"""The network page with 2,000 dyads in real Chromium: time to interactive, zoom/pan frames.

Fills a SQLite store with synthetic events between actors drawn with a skewed (Zipf-like)
popularity, as in news (a few actors in most events), serves it with ``newsgraph serve`` and
opens ``/network?top=2000`` in headless Debian Chromium (as the browser tests do). Prints:
the server's answer (which includes the layout, cold and then cached), the time from
navigation to a drawn, clickable network, and the cost of one redraw as a zoom or pan makes
it. The baseline is the same page with ``top=150`` (the default size) in the same run. The
target of issue 15: 2,000 dyads interactive in under a second.

    .venv/bin/python benchmarks/network_browser.py
    .venv/bin/python benchmarks/network_browser.py --dyads 2000 --chromium /usr/bin/chromium
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from newsgraph.records import PLOVER_TYPES, Actor, Analysis, Article, Event, EventDate, Span
from newsgraph.store import GraphFilters, open_store

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip


def synthetic(n_events: int, n_actors: int, seed: int = 7) -> list[Analysis]:
    """Articles of 20 events each between actors of Zipf-like popularity."""
    rng = random.Random(seed)
    names = [f"Actor {i:04d}" for i in range(n_actors)]
    weights = [1 / (i + 1) ** 0.8 for i in range(n_actors)]
    out = []
    for a in range(n_events // 20):
        text = f"Synthetic report {a}."
        sp = Span(0, 9, text[:9])
        actors: dict[str, Actor] = {}
        events = []
        for k in range(20):
            s, t = rng.choices(names, weights, k=2)
            if s == t:
                continue
            for name in (s, t):
                actors.setdefault(name, Actor(f"a{len(actors) + 1}", name, "person", (sp,)))
            plover = rng.choice(PLOVER_TYPES)
            day = f"2024-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            events.append(Event(
                id=f"e{k}", plover=plover, cameo="010", trigger=sp, evidence=sp,
                actors=(actors[s].id,), recipients=(actors[t].id,), quad_class=1,
                date=EventDate(day, day, None, "day", "text"), confidence=0.5,
            ))  # fmt: skip
        article = Article(
            id=Article.make_id(text, f"t{a}"), text=text, title=f"t{a}",
            source=f"outlet{a % 40}", published="2024-12-31", language="en",
        )  # fmt: skip
        out.append(Analysis(article=article, actors=tuple(actors.values()),
                            events=tuple(events), extractor="synthetic"))  # fmt: skip
    return out


def serve(db: Path, port: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", "from newsgraph.cli import main; main()", "serve", "--db",
         str(db), "--port", str(port), "--log-level", "warning"], text=True,
    )  # fmt: skip
    for _ in range(150):
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/stats", timeout=2).status_code == 200:
                return proc
        except httpx.TransportError:
            time.sleep(0.2)
    proc.kill()
    raise SystemExit("newsgraph serve did not start")


FRAME_JS = """async () => {
  const n = window.newsgraphNetwork, cam = n.renderer.getCamera(), times = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    cam.setState({ratio: cam.ratio * (i % 2 ? 1.25 : 0.8), x: cam.x + (i % 2 ? 0.01 : -0.01)});
    n.renderer.refresh();  // what a wheel or drag step costs, drawn synchronously
    times.push(performance.now() - t);
  }
  return times;
}"""


def measure(browser, base: str, top: int) -> dict[str, float]:
    t = time.perf_counter()
    r = httpx.get(f"{base}/network?top={top}", timeout=120)
    cold = time.perf_counter() - t
    t = time.perf_counter()
    httpx.get(f"{base}/network?top={top}", timeout=120)
    warm = time.perf_counter() - t
    assert r.status_code == 200, r.status_code
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    page.goto(f"{base}/network?top={top}")
    page.wait_for_selector("#network-canvas[data-ready]", timeout=60_000)
    ready = float(page.get_attribute("#network-canvas", "data-ready-at") or "nan")
    received = page.evaluate("performance.getEntriesByType('navigation')[0].responseEnd")
    draw = float(page.get_attribute("#network-canvas", "data-ready-ms") or "nan")
    edges = page.evaluate("window.newsgraphNetwork.graph.size")
    nodes = page.evaluate("window.newsgraphNetwork.graph.order")
    frames = page.evaluate(FRAME_JS)
    page.close()
    return {"top": top, "nodes": nodes, "edges": edges, "server_cold_s": cold,
            "server_warm_s": warm, "interactive_ms": ready, "browser_ms": ready - received,
            "draw_ms": draw,
            "frame_ms": statistics.median(frames), "frame_max_ms": max(frames)}  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=12_000)
    ap.add_argument("--actors", type=int, default=1_500)
    ap.add_argument("--chromium", default=os.environ.get("NEWSGRAPH_CHROMIUM", "/usr/bin/chromium"))
    ap.add_argument("--port", type=int, default=8791)
    args = ap.parse_args()
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "network.db"
        with open_store(db) as store:
            store.write_batch(synthetic(args.events, args.actors))
            n_dyads = len(store.network_dyads(GraphFilters(limit=100_000)))
        print(f"store: {args.events:,} events, {n_dyads:,} dyads (actor, recipient, type)")
        proc = serve(db, args.port)
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
                base = f"http://127.0.0.1:{args.port}"
                small = measure(browser, base, 150)
                large = measure(browser, base, 2000)
                browser.close()
        finally:
            proc.terminate()
            proc.wait(10)
    for m in (small, large):
        print(
            f"top={m['top']:>4}: {m['nodes']:>5} nodes {m['edges']:>5} edges | server "
            f"{m['server_cold_s']:.2f} s cold, {m['server_warm_s']:.2f} s cached | interactive "
            f"{m['browser_ms']:.0f} ms after the page arrived, {m['interactive_ms']:.0f} ms after "
            f"navigation (sigma set-up {m['draw_ms']:.0f} ms) "
            f"| zoom/pan frame median {m['frame_ms']:.1f} ms, max {m['frame_max_ms']:.1f} ms"
        )
    print(
        f"ratio 2000/150: browser {large['browser_ms'] / small['browser_ms']:.2f}x, "
        f"frame {large['frame_ms'] / max(small['frame_ms'], 0.01):.2f}x; target (browser: page "
        f"arrived -> interactive < 1000 ms, frames < 50 ms): "
        f"{'met' if large['browser_ms'] < 1000 and large['frame_max_ms'] < 50 else 'NOT met'}"
    )


if __name__ == "__main__":
    main()
