"""Event clusters: the same happening reported by several articles, and by how many outlets.

Two events are linked when they share a block — the same PLOVER type, the same parties on
both sides (the same specific actor and recipient codes, or the same actor and recipient
countries) and the same date precision (a year-only date clusters only with year-only
dates) — and their dates are no more than ``window`` days apart. An event with a side
unknown ("USA → ?") or only a bare role code ("GOV") never links: it is a single report.
A cluster is a connected group of linked events; it counts its articles, its distinct
outlets (by registered domain: edition.cnn.com and cnn.com are one) and its independent
reports (near-duplicates fold into one). Negated events are not
happenings and are left out.

Everything a cluster depends on is in the blocks of its events, which is what lets
``link`` recompute only the blocks that new articles touch (``incremental.py``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from typing import Any

from ..records import EventCluster, content_id, country_of_code

Key = tuple[str, str]  # (article_id, event_id)
# (plover, date precision, "code" or "country", actor, recipient)
Block = tuple[str, str, str, str, str]


def _day(value: str) -> int | None:
    try:
        return dt.date.fromisoformat(value[:10]).toordinal()
    except (TypeError, ValueError):
        return None


def _specific(code: str | None) -> str | None:
    """The code if it names someone in particular; a bare role code (``GOV``, ``JUD``) does not."""
    if not code:
        return None
    return code if len(code) > 3 or country_of_code(code) else None


def precision(row: dict[str, Any]) -> str:
    """How precise an event's date is, from its stored start and end: day, week, month or
    year (an event with no date of its own is dated by its publication day)."""
    start, end = _day(row.get("date_start") or ""), _day(row.get("date_end") or "")
    if start is None or end is None or end <= start:
        return "day"
    span = end - start
    return "week" if span <= 7 else "month" if span <= 31 else "year"


def blocks(row: dict[str, Any]) -> list[Block]:
    """The blocks an event row belongs to (none when it cannot be linked)."""
    if row["negated"] or not row["plover"] or _day(row["day"] or "") is None:
        return []
    out: list[Block] = []
    a_code, r_code = _specific(row["actor_code"]), _specific(row["recipient_code"])
    exact = precision(row)
    if a_code and r_code:
        out.append((row["plover"], exact, "code", a_code, r_code))
    if row["actor_country"] and row["recipient_country"]:
        sides = (row["actor_country"], row["recipient_country"])
        out.append((row["plover"], exact, "country", *sides))
    return out


def cluster_events(rows: Iterable[dict[str, Any]], window: int = 3) -> list[EventCluster]:
    """Cluster event rows (as ``Store.link_inputs`` gives them)."""
    events: dict[Key, dict[str, Any]] = {}
    buckets: dict[Block, list[tuple[int, Key]]] = {}
    for r in rows:
        if r["negated"] or not r["plover"]:
            continue
        day = _day(r["day"] or "")
        if day is None:
            continue
        key = (r["article_id"], r["local_id"])
        events[key] = r
        for block in blocks(r):
            buckets.setdefault(block, []).append((day, key))
    parent = {k: k for k in events}

    def find(k: Key) -> Key:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for members in buckets.values():
        members.sort()
        # Segments start at an event and take what follows within the window of that start,
        # so a daily recurring event does not chain into one endless cluster.
        start_day, start_key = members[0]
        for day, key in members[1:]:
            if day - start_day <= window:
                a, b = find(start_key), find(key)
                if a != b:
                    parent[max(a, b)] = min(a, b)
            else:
                start_day, start_key = day, key
    groups: dict[Key, list[Key]] = {}
    for k in events:
        groups.setdefault(find(k), []).append(k)
    return [_cluster(sorted(keys), events) for keys in groups.values()]


def _outlets(rows: list[dict[str, Any]]) -> list[str]:
    """One name per distinct outlet (keyed by registered domain, ``outlet_key``): the name
    its articles give most often, sorted."""
    names: dict[str, Counter[str]] = {}
    for r in rows:
        key = r.get("outlet_key") or r["outlet"]
        if key:
            names.setdefault(key, Counter())[r["outlet"] or key] += 1
    return sorted(min(c, key=lambda n: (-c[n], n)) for c in names.values())


def _cluster(keys: list[Key], events: dict[Key, dict[str, Any]]) -> EventCluster:
    rows = [events[k] for k in keys]
    days = sorted(r["day"][:10] for r in rows)
    outlets = _outlets(rows)
    articles = {r["article_id"] for r in rows}
    independent = {r["group_id"] or r["article_id"] for r in rows}

    def label(side: str) -> str | None:
        values = Counter(r[f"{side}_country"] or _specific(r[f"{side}_code"]) for r in rows)
        values.pop(None, None)
        return min(values, key=lambda v: (-values[v], v)) if values else None

    return EventCluster(
        cluster_id=content_id(*(f"{a}/{e}" for a, e in keys)),
        plover=rows[0]["plover"],
        actor=label("actor"),
        recipient=label("recipient"),
        day_first=days[0],
        day_last=days[-1],
        members=tuple(keys),
        n_articles=len(articles),
        n_outlets=len(outlets),
        n_independent=len(independent),
        outlets=tuple(outlets),
    )
