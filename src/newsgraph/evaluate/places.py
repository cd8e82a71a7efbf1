"""Places: hand-checked place mentions in AllSides articles, scored by accuracy.

The gold is the project's own (``labels/places.tsv``): for each mention its article, line and
offset in the line of the corpus ``text`` field, and the right reading — kind (continent,
region, country, admin1, city, or none: not a place), country, ISO 3166-2 code and GeoNames
id. Each article is analysed as a JSONL record would be (body cleaned, title given), and a
mention is right when the Place whose mention holds it has that kind and country (and that GeoNames
id and admin-1 code where the gold has one), or, for "none", when no Place holds it. A
mention on a line the cleaner removed is counted apart (``mentions_on_removed_lines``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..records import Place
from . import Report, split_labels
from .furniture import CORPUS, load_articles

# split → labels file: the mentions the rules were revised against, and a held-out check
LABELS = {"dev": "places.tsv", "heldout": "places_heldout.tsv"}
NOT_A_PLACE = "none"


@dataclass(frozen=True)
class GoldPlace:
    """One hand-checked mention and its right reading."""

    article: str
    line: int
    offset: int  # in the stripped line
    mention: str
    kind: str
    country: str | None
    admin1: str | None
    geonames_id: int | None

    def matches(self, place: Place | None) -> bool:
        if self.kind == NOT_A_PLACE:
            return place is None
        if place is None or place.kind != self.kind or place.country != self.country:
            return False
        if self.geonames_id is not None and place.geonames_id != self.geonames_id:
            return False
        return self.admin1 is None or place.admin1 == self.admin1


def load_gold(split: str = "dev") -> list[GoldPlace]:
    """The hand-checked mentions of ``split`` (dev, heldout)."""
    rows = split_labels("places", LABELS, split)
    return [
        GoldPlace(
            r["article"],
            int(r["line"]),
            int(r["offset"]),
            r["mention"],
            r["kind"],
            r["country"] or None,
            r["admin1"] or None,
            int(r["geonames_id"]) if r["geonames_id"] else None,
        )  # fmt: skip
        for r in rows
    ]


def _kept_line(stripped: str, offset: int) -> tuple[str, int | None]:
    """A raw line as the cleaner keeps it (hover cards cut out), and where ``offset`` lands
    in it (None: inside a card)."""
    from ..clean.furniture import strip_hover_cards

    kept, cards = strip_hover_cards(stripped)
    shift = 0
    pos = 0
    for card in cards:
        at = stripped.find(card, pos)
        if at <= offset < at + len(card):
            return kept, None
        if at + len(card) <= offset:
            shift += len(card) + 1  # the card and the space before it
        pos = at + len(card)
    return kept, offset - shift


def body_offset(raw_text: str, body: str, line: int, offset: int) -> int | None:
    """Where a raw line's character lands in the cleaned body (lines are kept whole, but for
    hover cards), or None when the cleaner removed that line or that piece."""
    lines = raw_text.split("\n")
    pos = 0
    for k, raw in enumerate(lines):
        stripped = raw.strip()
        if not stripped:
            continue
        kept, at = _kept_line(stripped, offset) if k == line else (stripped, 0)
        found = body.find(kept, pos)
        if k == line:
            return None if found < 0 or at is None else found + at
        if found >= 0:
            pos = found + len(kept)
    return None


def run(
    data_dir: Path,
    settings: Settings | None = None,
    split: str | None = None,
    limit: int | None = None,
) -> Report:
    """Accuracy of place readings on the hand-checked AllSides mentions of ``split``."""
    from ..api import load

    gold = load_gold(split or "dev")
    ids = list(dict.fromkeys(g.article for g in gold))[:limit]
    records = load_articles(data_dir.joinpath(*CORPUS), set(ids))
    pipeline = load(settings=settings)
    tally: Counter[str] = Counter()
    wrong: list[dict[str, Any]] = []
    for art in ids:
        rec = records[art]
        analysis = pipeline.analyze(rec["text"], title=rec.get("title"))
        body = analysis.article.text
        spans = [(m.start, m.end, p) for p in analysis.places for m in p.mentions]
        for g in (x for x in gold if x.article == art):
            at = body_offset(rec["text"], body, g.line, g.offset)
            if at is None or body[at : at + len(g.mention)] != g.mention:
                tally["mentions_on_removed_lines"] += 1
                continue
            # the Place whose mention holds this one ("D.C." in "Washington, D.C.")
            end = at + len(g.mention)
            place = next((p for s, e, p in spans if s <= at and end <= e), None)
            ok = g.matches(place)
            tally["right" if ok else "wrong"] += 1
            tally[f"{g.kind}:{'right' if ok else 'wrong'}"] += 1
            if not ok:
                got = (
                    (place.kind, place.country, place.admin1, place.geonames_id) if place else None
                )
                wrong.append({"article": art, "mention": g.mention, "gold": g.kind, "got": got})
    scored = tally["right"] + tally["wrong"]
    kinds = sorted({k.split(":")[0] for k in tally if ":" in k})
    metrics: dict[str, float | int] = {
        "articles": len(ids),
        "mentions": scored,
        "accuracy": tally["right"] / scored if scored else 0.0,
        "mentions_on_removed_lines": tally["mentions_on_removed_lines"],
    }
    for k in kinds:
        n = tally[f"{k}:right"] + tally[f"{k}:wrong"]
        metrics[f"accuracy_{k}"] = tally[f"{k}:right"] / n if n else 0.0
    return Report(
        f"places: hand-checked place mentions in AllSides articles ({split or 'dev'})",
        metrics,
        {"wrong": wrong},
    )
