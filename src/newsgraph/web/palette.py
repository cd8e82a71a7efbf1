"""Colours for charts: the codebook's one colour per PLOVER type (``codebook.PLOVER_COLOURS``,
the only place the UI's type colours are defined), looked up by type and listed in order."""

from __future__ import annotations

from ..records import PLOVER_TYPES
from .codebook import NO_TYPE_COLOUR as NO_TYPE
from .codebook import PLOVER_COLOURS


def plover_colour(plover: str | None) -> str:
    """The colour of a PLOVER type (grey for none or an unknown one)."""
    return PLOVER_COLOURS.get((plover or "").upper(), NO_TYPE)


def legend() -> list[tuple[str, str]]:
    """(type, colour) in PLOVER's order, then CAMEO-only."""
    return [(t, PLOVER_COLOURS[t]) for t in PLOVER_TYPES] + [("CAMEO only", NO_TYPE)]


__all__ = ["NO_TYPE", "PLOVER_COLOURS", "legend", "plover_colour"]
