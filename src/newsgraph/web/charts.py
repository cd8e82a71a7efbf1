"""Small charts drawn on the server as inline SVG: no chart library, no script needed.

Every label is escaped; numbers are formatted by us. The SVG uses presentation
attributes and CSS classes only (no inline ``style``), so the page's Content Security
Policy can forbid inline styles.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from markupsafe import Markup, escape


def pick_grain(first: str | None, last: str | None) -> str:
    """``day`` for a few weeks of data, ``month`` for a few years, else ``year``."""
    a, b = _date(first), _date(last)
    if a is None or b is None:
        return "month"
    span = (b - a).days
    return "day" if span <= 62 else "month" if span <= 366 * 6 else "year"


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _periods(first: str, last: str, grain: str) -> list[str]:
    """Every period label from ``first`` to ``last`` inclusive, so gaps show as gaps."""
    out: list[str] = []
    if grain == "day":
        a, b = _date(first), _date(last)
        if a is None or b is None:
            return [first, last] if first != last else [first]
        while a <= b and len(out) < 5000:
            out.append(a.isoformat())
            a += dt.timedelta(days=1)
    elif grain == "month":
        y, m = int(first[:4]), int(first[5:7])
        ly, lm = int(last[:4]), int(last[5:7])
        while (y, m) <= (ly, lm) and len(out) < 5000:
            out.append(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    else:
        out = [f"{y:04d}" for y in range(int(first[:4]), int(last[:4]) + 1)]
    return out


def bar_timeline(
    series: Sequence[tuple[str, int]],
    grain: str,
    noun: str = "events",
    width: int = 720,
    height: int = 160,
) -> Markup:
    """A bar chart of counts per period (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``)."""
    clean = [(p, n) for p, n in series if p and _valid_period(p, grain)]
    if not clean:
        return Markup('<p class="empty">No dated {} yet.</p>').format(noun)
    counts = dict(clean)
    periods = _periods(clean[0][0], clean[-1][0], grain)
    top = max(counts.values()) or 1
    left, bottom, pad = 34, 22, 6
    plot_w, plot_h = width - left - pad, height - bottom - pad
    step = plot_w / len(periods)
    bar_w = max(step * 0.8, 1.0)
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(noun)} per {grain}, {len(periods)} {grain}s">',
        f'<line class="axis" x1="{left}" y1="{pad + plot_h}" '
        f'x2="{width - pad}" y2="{pad + plot_h}"/>',
        f'<text x="{left - 4}" y="{pad + 9}" text-anchor="end">{top}</text>',
        f'<text x="{left - 4}" y="{pad + plot_h}" text-anchor="end">0</text>',
    ]
    for i, period in enumerate(periods):
        n = counts.get(period, 0)
        if not n:
            continue
        h = max(plot_h * n / top, 1.0)
        x = left + i * step + (step - bar_w) / 2
        parts.append(
            f'<rect class="bar" x="{x:.1f}" y="{pad + plot_h - h:.1f}" width="{bar_w:.1f}" '
            f'height="{h:.1f}"><title>{escape(period)}: {n} {escape(noun)}</title></rect>'
        )
    for i in sorted({0, len(periods) // 2, len(periods) - 1}):
        anchor = "start" if i == 0 else "end" if i == len(periods) - 1 else "middle"
        x = left + i * step + (step / 2 if anchor == "middle" else 0 if anchor == "start" else step)
        parts.append(
            f'<text x="{x:.1f}" y="{height - 6}" text-anchor="{anchor}">{escape(periods[i])}</text>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - built from escaped parts


def _valid_period(p: str, grain: str) -> bool:
    if grain == "year":
        return len(p) == 4 and p.isdigit()
    if grain == "month":
        return len(p) == 7 and _date(p + "-01") is not None
    return len(p) == 10 and _date(p) is not None


@dataclass(frozen=True)
class Dot:
    """One event on an actor's timeline."""

    day: str
    lane: str  # PLOVER type (or CAMEO code when it has none)
    quad: int
    label: str
    href: str
    css: str = ""  # classes colouring the dot (codebook.event_class); else by quad class


def event_timeline(dots: Sequence[Dot], width: int = 720) -> Markup:
    """Events as dots on a date axis, one lane per event type; each dot links to its article."""
    dated: list[tuple[Dot, dt.date]] = []
    for d in dots:
        day = _date(d.day)
        if day is not None:
            dated.append((d, day))
    if not dated:
        return Markup('<p class="empty">No dated events for this actor yet.</p>')
    lanes = sorted({d.lane for d, _ in dated})
    first = min(day for _, day in dated)
    last = max(day for _, day in dated)
    span = max((last - first).days, 1)
    left, right, top, lane_h, bottom = 96, 16, 10, 26, 24
    height = top + lane_h * len(lanes) + bottom
    plot_w = width - left - right
    parts = [
        f'<svg class="chart timeline" viewBox="0 0 {width} {height}" role="group" '
        f'aria-label="timeline of {len(dated)} events from {first} to {last}">'
    ]
    for i, lane in enumerate(lanes):
        y = top + lane_h * i + lane_h / 2
        parts.append(f'<line class="lane" x1="{left}" y1="{y}" x2="{width - right}" y2="{y}"/>')
        parts.append(f'<text x="{left - 8}" y="{y + 4}" text-anchor="end">{escape(lane)}</text>')
    base = top + lane_h * len(lanes)
    parts.append(f'<line class="axis" x1="{left}" y1="{base}" x2="{width - right}" y2="{base}"/>')
    parts.append(f'<text x="{left}" y="{base + 16}" text-anchor="start">{first}</text>')
    if last != first:
        parts.append(f'<text x="{width - right}" y="{base + 16}" text-anchor="end">{last}</text>')
    for d, day in dated:
        x = left + plot_w * ((day - first).days / span if last != first else 0.5)
        y = top + lane_h * lanes.index(d.lane) + lane_h / 2
        css = escape(d.css or f"quad{int(d.quad or 0)}")
        parts.append(
            f'<a href="{escape(d.href)}"><circle class="dot {css}" cx="{x:.1f}" '
            f'cy="{y:.1f}" r="6"><title>{escape(d.label)}</title></circle></a>'
        )
    parts.append("</svg>")
    return Markup("".join(parts))  # noqa: S704 - built from escaped parts


__all__ = ["Dot", "bar_timeline", "event_timeline", "pick_grain"]
