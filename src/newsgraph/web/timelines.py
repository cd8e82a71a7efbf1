"""Timelines scaled to the data: dates judged, outliers clipped and said, counts binned.

Stored dates can be wrong in ways that ruin an axis: a page dated 0001-11-30, an event in
2999, an event known only as "in 1935" (stored as 1935-01-01 … 1935-12-31). Here a date
before 1900 or more than a year ahead of today is *implausible* and counted as undated; a
date known only to the month or year is *coarse* and kept off a day axis; and the axis
spans the bulk of the remaining dates (0.5 % to 99.5 % of the count, widened by a margin),
so one stray date far from the rest is *clipped*. Every one of those is counted and named
under the chart: nothing leaves the axis silently.

The payload is what ``static/timeline.js`` draws with uPlot (stacked bars, one colour per
PLOVER type from :mod:`.palette`, a drag brush that sets ``since``/``until``).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..records import PLOVER_TYPES
from .palette import NO_TYPE, plover_colour

FIRST_YEAR = 1900  # earlier dates in news corpora are parsing accidents (year 1, 1753 …)
AHEAD = dt.timedelta(days=366)  # later than a year from today: a typo or a misread number
COARSE_DAYS = 31  # a range longer than this is a month or year, not a day
TAIL = 0.005  # share of the count allowed to sit outside the axis at each end
EXAMPLES = 3


def parse_day(value: str | None) -> dt.date | None:
    """A ``YYYY-MM-DD`` string (longer ISO strings are cut) as a date; None when it is not one."""
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def judge(day: str | None, end: str | None = None, today: dt.date | None = None) -> str:
    """``ok``, ``unknown`` (missing, unreadable or implausible) or ``coarse`` (month/year only)."""
    start = parse_day(day)
    today = today or dt.date.today()
    if start is None or start.year < FIRST_YEAR or start > today + AHEAD:
        return "unknown"
    last = parse_day(end)
    if last is not None and (last - start).days > COARSE_DAYS:
        return "coarse"
    return "ok"


@dataclass
class Judged:
    """Counts by day and series, with what was kept off the axis and why."""

    noun: str
    days: dict[dt.date, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    unknown: int = 0
    implausible: Counter[str] = field(default_factory=Counter)  # the bad dates themselves
    coarse: Counter[str] = field(default_factory=Counter)  # by year
    outside: int = 0  # outside a since/until selection

    @property
    def total(self) -> int:
        return sum(sum(c.values()) for c in self.days.values())


def judge_rows(
    rows: Iterable[dict[str, Any]],
    noun: str,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    today: dt.date | None = None,
) -> Judged:
    """Sort day-count rows (``day``, optional ``date_end`` and ``plover``, ``n``) by verdict."""
    out = Judged(noun)
    for r in rows:
        n = int(r["n"])
        verdict = judge(r.get("day"), r.get("date_end"), today)
        if verdict == "unknown":
            out.unknown += n
            if r.get("day"):
                out.implausible[str(r["day"])[:10]] += n
        elif verdict == "coarse":
            out.coarse[str(r["day"])[:4]] += n
        else:
            day = parse_day(r["day"])
            assert day is not None
            if (since and day < since) or (until and day > until):
                out.outside += n
                continue
            series = r.get("plover") or ("CAMEO only" if "plover" in r else noun)
            out.days[day][series] += n
    return out


def axis(days: dict[dt.date, Counter[str]]) -> tuple[dt.date, dt.date] | None:
    """The span holding the bulk of the counts: ``TAIL`` cut at each end, then a margin of a
    quarter of that span (two weeks at least) added back, so only far strays fall outside."""
    if not days:
        return None
    ordered = sorted((d, sum(c.values())) for d, c in days.items())
    total = sum(n for _, n in ordered)
    cut = total * TAIL
    seen, lo = 0, ordered[0][0]
    for d, n in ordered:
        seen += n
        if seen > cut:
            lo = d
            break
    seen, hi = 0, ordered[-1][0]
    for d, n in reversed(ordered):
        seen += n
        if seen > cut:
            hi = d
            break
    margin = max((hi - lo) / 4, dt.timedelta(days=14))
    return max(lo - margin, ordered[0][0]), min(hi + margin, ordered[-1][0])


def grain_of(first: dt.date, last: dt.date) -> str:
    span = (last - first).days
    return "day" if span <= 92 else "week" if span <= 730 else "month" if span <= 7300 else "year"


def bin_start(day: dt.date, grain: str) -> dt.date:
    if grain == "week":
        return day - dt.timedelta(days=day.weekday())
    if grain == "month":
        return day.replace(day=1)
    if grain == "year":
        return day.replace(month=1, day=1)
    return day


def next_bin(day: dt.date, grain: str) -> dt.date:
    if grain == "day":
        return day + dt.timedelta(days=1)
    if grain == "week":
        return day + dt.timedelta(days=7)
    if grain == "month":
        return (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
    return day.replace(year=day.year + 1)


def _epoch(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp())


def payload(judged: Judged) -> dict[str, Any]:
    """The chart: bins on the axis, one stacked series per type, and the notes under it."""
    span = axis(judged.days)
    notes = _notes(judged)
    if span is None:
        return {"noun": judged.noun, "x": [], "series": [], "notes": notes, "total": 0}
    first, last = span
    grain = grain_of(first, last)
    bins: list[dt.date] = []
    at = bin_start(first, grain)
    while at <= last:
        bins.append(at)
        at = next_bin(at, grain)
    index = {b: i for i, b in enumerate(bins)}
    names = sorted({s for c in judged.days.values() for s in c}, key=_series_order)
    values = {s: [0] * len(bins) for s in names}
    before: list[dt.date] = []
    after: list[dt.date] = []
    for day, counts in judged.days.items():
        if day < first or day > last:
            (before if day < first else after).extend([day] * sum(counts.values()))
            continue
        i = index[bin_start(day, grain)]
        for s, n in counts.items():
            values[s][i] += n
    if before or after:
        notes.append(_clipped_note(judged.noun, first, last, before, after))
    return {
        "noun": judged.noun, "grain": grain, "first": first.isoformat(), "last": last.isoformat(),
        "x": [_epoch(b) for b in bins], "total": judged.total,
        "series": [{"label": s, "colour": _colour(s, judged.noun), "values": values[s]}
                   for s in names],
        "notes": notes,
    }  # fmt: skip


def _series_order(name: str) -> tuple[int, str]:
    return (PLOVER_TYPES.index(name) if name in PLOVER_TYPES else len(PLOVER_TYPES), name)


def _colour(series: str, noun: str) -> str:
    if series in PLOVER_TYPES:
        return plover_colour(series)
    return "#3b5b92" if series == noun else NO_TYPE


def _n(n: int, noun: str) -> str:
    """``1 event``, ``2 events``."""
    return f"{n} {noun[:-1] if n == 1 and noun.endswith('s') else noun}"


def _notes(j: Judged) -> list[str]:
    notes = []
    if j.implausible:
        shown = ", ".join(sorted(j.implausible)[:EXAMPLES])
        n = sum(j.implausible.values())
        notes.append(f"{_n(n, j.noun)} with an implausible date ({shown}) counted as undated")
    if j.unknown - sum(j.implausible.values()) > 0:
        notes.append(f"{_n(j.unknown - sum(j.implausible.values()), j.noun)} without a date")
    if j.coarse:
        years = ", ".join(sorted(j.coarse)[:EXAMPLES]) + ("…" if len(j.coarse) > EXAMPLES else "")
        notes.append(
            f"{_n(sum(j.coarse.values()), j.noun)} dated only to a month or year ({years}) "
            "kept off the day axis"
        )
    if j.outside:
        notes.append(f"{_n(j.outside, j.noun)} outside the selected dates")
    return notes


def _clipped_note(
    noun: str, first: dt.date, last: dt.date, before: list[dt.date], after: list[dt.date]
) -> str:
    parts = []
    if before:
        strays = ", ".join(d.isoformat() for d in sorted(set(before))[:EXAMPLES])
        parts.append(f"{_n(len(before), noun)} before {first} ({strays})")
    if after:
        strays = ", ".join(d.isoformat() for d in sorted(set(after))[-EXAMPLES:])
        parts.append(f"{_n(len(after), noun)} after {last} ({strays})")
    return f"Clipped, far from the rest: {' and '.join(parts)}"


def corpus_charts(
    store: Any, since: dt.date | None = None, until: dt.date | None = None
) -> dict[str, dict[str, Any]]:
    """The overview's two timelines (events by type, articles), cut to ``since``/``until``."""
    return {
        what: payload(judge_rows(store.day_counts(what), what, since=since, until=until))
        for what in ("events", "articles")
    }


def events_chart(store: Any) -> dict[str, Any]:
    """All events over time, stacked by PLOVER type (the brush strip of the network and map)."""
    return payload(judge_rows(store.day_counts("events"), "events"))


def actor_chart(store: Any, actor: str) -> dict[str, Any]:
    """One actor's events over time, stacked by PLOVER type."""
    return payload(judge_rows(store.day_counts("events", actor=actor), "events"))


__all__ = [
    "Judged",
    "actor_chart",
    "axis",
    "corpus_charts",
    "events_chart",
    "judge",
    "judge_rows",
    "payload",
]
