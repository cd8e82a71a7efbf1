"""A small corpus ingested with the pinned model from HTML, JSONL and text files written on
the fly: the same meeting story in all three forms (paragraphs as HTML <p>, as JSONL blank
lines, as a text file with no date or URL), a year-end story, and one with a plan dated 2049.

Not a conftest.py (see tests/store/store_support.py); export tests import ``model_store``.
"""

from __future__ import annotations

import functools
import json
import tempfile
from pathlib import Path

LEAD = (
    "Russian President Vladimir Putin met Chinese Defense Minister Li Shangfu in Moscow on Sunday."
)
PARAGRAPHS = (
    LEAD,
    "On Monday, Ukrainian Foreign Minister Dmytro Kuleba accused Russia of attacking civilians "
    "in Kharkiv.",
    "The talks in Moscow lasted three hours, officials said.",
)
YEAR_END = (
    "Iranian Foreign Minister Javad Zarif met Japanese Prime Minister Shinzo Abe in Tokyo on "
    "Tuesday.",
    "The two leaders discussed trade.",
)
PLANS = (
    "President Joe Biden met Mexican President Andres Manuel Lopez Obrador in Washington on "
    "Tuesday.",
    "German Chancellor Olaf Scholz will visit India in 2049, officials said.",
    "Russian forces attacked Kharkiv on Sunday, Ukraine said.",
)
HTML_URL = "https://edition.cnn.com/2023/04/16/europe/putin-li-shangfu"
JSONL_URL = "https://www.cnn.com/2023/04/16/putin-li-wire"


def _html() -> str:
    body = "\n".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html>
<html lang="en"><head>
<title>Putin meets Chinese defense chief in Moscow | CNN</title>
<meta property="og:site_name" content="CNN">
<meta property="og:title" content="Putin meets Chinese defense chief in Moscow">
<meta property="article:published_time" content="2023-04-17T08:00:00Z">
<link rel="canonical" href="{HTML_URL}">
</head><body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Putin meets Chinese defense chief in Moscow</h1>
{body}
</article>
<footer>© 2023 Cable News Network. All rights reserved.</footer>
</body></html>
"""


def _jsonl() -> str:
    records = [
        {
            "title": "Putin hosts China's defense minister",
            "url": JSONL_URL,
            "published": "2023-04-17",
            "text": "\n\n".join(PARAGRAPHS),
        },
        {
            "title": "Year-end talks in Tokyo",
            "url": "https://apnews.com/article/iran-japan-talks",
            "source": "AP",
            "published": "2019-12-31",
            "text": "\n\n".join(YEAR_END),
        },
        {
            "title": "Leaders meet, plans for decades ahead",
            "url": "https://www.bbc.co.uk/news/world-1",
            "published": "2023-04-18",
            "text": "\n\n".join(PLANS),
        },
    ]
    return "".join(json.dumps(r) + "\n" for r in records)


def _text() -> str:
    return "Putin and Li Shangfu hold talks in Moscow\n\n" + "\n\n".join(PARAGRAPHS) + "\n"


@functools.cache
def model_store() -> str:
    """The path of a SQLite store holding the corpus, ingested and linked once per session."""
    from click.testing import CliRunner

    from newsgraph.cli import cli

    folder = Path(tempfile.mkdtemp(prefix="newsgraph-export-"))
    inputs = folder / "inputs"
    inputs.mkdir()
    (inputs / "meeting.html").write_text(_html(), encoding="utf-8")
    (inputs / "stories.jsonl").write_text(_jsonl(), encoding="utf-8")
    (inputs / "meeting.txt").write_text(_text(), encoding="utf-8")
    db = str(folder / "corpus.db")
    result = CliRunner().invoke(cli, ["ingest", str(inputs), "--db", db, "-q"])
    assert result.exit_code == 0, result.output
    return db
