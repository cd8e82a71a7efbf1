"""One colour per PLOVER event type, the only place the UI's type colours are defined.

Hues follow the quad classes, so a chart reads at a glance: greens and teals for verbal
cooperation, blues for material cooperation, ambers and oranges for verbal conflict, reds,
magentas and purples for material conflict. Every colour has at least 3:1 contrast on
white (WCAG 2.1 non-text contrast), so a thin edge or a small dot stays visible.
"""

from __future__ import annotations

from ..records import PLOVER_TYPES

PLOVER_COLOURS: dict[str, str] = {
    "AGREE": "#1a7a3a",
    "CONSULT": "#3f8f2f",
    "SUPPORT": "#0f7c6e",
    "REQUEST": "#5b7d16",
    "CONCEDE": "#2f6db0",
    "COOPERATE": "#1d4f91",
    "AID": "#0b7fa8",
    "RETREAT": "#5a5fb0",
    "ACCUSE": "#b85c00",
    "REJECT": "#a34e14",
    "THREATEN": "#c2410c",
    "PROTEST": "#b0127a",
    "SANCTION": "#7a2a8f",
    "MOBILIZE": "#8a5a14",
    "COERCE": "#b3152a",
    "ASSAULT": "#7f0a1c",
}
NO_TYPE = "#6b6b6b"  # CAMEO-only events (no PLOVER type)

assert set(PLOVER_COLOURS) == set(PLOVER_TYPES)


def plover_colour(plover: str | None) -> str:
    """The colour of a PLOVER type (grey for none or an unknown one)."""
    return PLOVER_COLOURS.get((plover or "").upper(), NO_TYPE)


def legend() -> list[tuple[str, str]]:
    """(type, colour) in PLOVER's order, then CAMEO-only."""
    return [(t, PLOVER_COLOURS[t]) for t in PLOVER_TYPES] + [("CAMEO only", NO_TYPE)]


__all__ = ["NO_TYPE", "PLOVER_COLOURS", "legend", "plover_colour"]
