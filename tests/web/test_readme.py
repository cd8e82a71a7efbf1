"""The README shows a screenshot of the article page, small enough to keep in the repository."""

from __future__ import annotations

import struct
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_readme_shows_the_article_page_screenshot():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "## Web UI" in readme
    assert "](docs/article-page.png)" in readme
    png = (ROOT / "docs" / "article-page.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", png[16:24])  # IHDR
    assert width >= 1000 and height >= 600
    assert len(png) < 1_000_000


def test_readme_shows_the_chart_screenshots():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in ("overview", "network-ego", "map", "actor-page", "events-list"):
        assert f"](docs/{name}.png)" in readme, name
        png = (ROOT / "docs" / f"{name}.png").read_bytes()
        assert png[:8] == b"\x89PNG\r\n\x1a\n", name
        width, height = struct.unpack(">II", png[16:24])
        assert width == 1400 and 800 <= height <= 1400, name
        assert len(png) < 400_000, name
