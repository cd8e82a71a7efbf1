"""The codebook: one colour per PLOVER type, readable, and events coloured by type and
negation, never by the GDELT quad class of a CAMEO-only statement."""

from __future__ import annotations

import pytest

from newsgraph.records import PLOVER_TYPES
from newsgraph.web.codebook import (
    NO_TYPE_COLOUR,
    PLOVER_COLOURS,
    codebook_css,
    event_class,
    event_title,
    legend,
)


def _contrast(hex_a: str, hex_b: str) -> float:
    def lum(h: str) -> float:
        rgb = [int(h[i : i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    a, b = sorted((lum(hex_a), lum(hex_b)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_codebook_one_distinct_readable_colour_per_plover_type():
    assert tuple(PLOVER_COLOURS) == PLOVER_TYPES
    assert len(set(PLOVER_COLOURS.values())) == 16 and NO_TYPE_COLOUR not in PLOVER_COLOURS.values()
    for t, colour in PLOVER_COLOURS.items():
        assert _contrast(colour, "#ffffff") >= 4.5, t  # white text on it, it on white


def test_codebook_css_is_made_from_the_table():
    css = codebook_css()
    for t, colour in PLOVER_COLOURS.items():
        assert f"--plover-{t}: {colour};" in css and f".ev-{t} {{" in css


@pytest.mark.parametrize(
    "plover, negated, classes",
    [
        ("CONSULT", False, "ev ev-CONSULT"),
        ("CONSULT", True, "ev ev-CONSULT ev-negated"),
        (None, False, "ev ev-none"),  # 016 deny: GDELT quad 1, but no cooperation colour
        ("<x>", False, "ev ev-none"),
    ],
)
def test_codebook_event_class_by_type_and_negation(plover, negated, classes):
    assert event_class(plover, negated) == classes


def test_codebook_titles_and_legend():
    assert event_title(None, "016") == (
        "no PLOVER type (a CAMEO-only statement) — CAMEO 016: Deny responsibility"
    )
    assert event_title("CONSULT", "043", True).startswith("NOT (negated): Consult")
    html = str(legend(["ACCUSE", "CONSULT"]))
    assert html.index("CONSULT") < html.index("ACCUSE")  # codebook order
    assert "ASSAULT" not in html and "hollow: negated" in html
