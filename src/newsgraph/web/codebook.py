"""What the codes mean, for people: labels, the one colour of each PLOVER type, the legend.

The colours live here and nowhere else. ``/codebook.css`` turns them into CSS custom
properties (``--plover-ASSAULT``) and classes (``.ev-ASSAULT``) that every page and chart
uses; ``/api/codebook`` gives them to scripts. An event is coloured by its PLOVER type;
a CAMEO-only statement (016 "deny responsibility", whose GDELT quad class is "verbal
cooperation") is neutral grey, and a negated event is drawn hollow and says "not", so a
denial never looks like cooperation.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup, escape

from ..vocab import (
    QUAD_NAMES,
    actor_code_label,
    cameo_codes,
    cameo_label,
    country_name,
    igo_codes,
    plover_label,
    plover_types,
    sectors,
)

# One colour per PLOVER type: cooperation in greens and blues, conflict in ambers, reds and
# purples; every one has at least 4.5:1 contrast with white (white text on it, and marks on
# a white page, are readable). tests/web/test_codebook.py checks the contrast.
PLOVER_COLOURS: dict[str, str] = {
    "AGREE": "#166534",
    "CONSULT": "#0f766e",
    "SUPPORT": "#3f6212",
    "CONCEDE": "#047857",
    "COOPERATE": "#1d4ed8",
    "AID": "#0369a1",
    "RETREAT": "#4338ca",
    "REQUEST": "#a16207",
    "ACCUSE": "#c2410c",
    "REJECT": "#9a3412",
    "THREATEN": "#854d0e",
    "PROTEST": "#7e22ce",
    "SANCTION": "#be185d",
    "MOBILIZE": "#9f1239",
    "COERCE": "#b91c1c",
    "ASSAULT": "#7f1d1d",
}
NO_TYPE_COLOUR = "#57606a"  # CAMEO-only statements: no PLOVER type, no cooperation colour


def event_class(plover: str | None, negated: Any = False) -> str:
    """The CSS classes of an event mark: its type's colour, hollow when negated."""
    kind = f"ev-{plover}" if plover in PLOVER_COLOURS else "ev-none"
    return f"ev {kind} ev-negated" if negated else f"ev {kind}"


def event_title(plover: str | None, cameo: str | None, negated: Any = False) -> str:
    """A tooltip: the PLOVER type's meaning and the CAMEO code's name."""
    parts = [("NOT (negated): " if negated else "") + plover_label(plover)]
    if cameo:
        name = cameo_label(cameo)
        parts.append(f"CAMEO {cameo}" + (f": {name}" if name else ""))
    return " — ".join(parts)


def code_title(code: str | None) -> str:
    """A tooltip for an actor code or a country code ('' when nothing is known)."""
    if not code:
        return ""
    return actor_code_label(code) or (country_name(code) or "")


def sector_label(code: str | None) -> str:
    """'LEG' → 'Legislature' ('' when unknown)."""
    found = sectors().get((code or "").upper())
    return found.label if found else ""


def legend(types: Any = None) -> Markup:
    """The colour key of PLOVER types (those given, or all), as a list of swatches."""
    wanted = [t for t in plover_types() if types is None or t in set(types)]
    if not wanted:
        return Markup("")
    items = "".join(
        f'<li><span class="{event_class(t)} swatch" aria-hidden="true"></span>'
        f'<abbr title="{escape(plover_label(t))}">{escape(t)}</abbr></li>'
        for t in wanted
    )
    return Markup(  # noqa: S704 - built from escaped parts
        f'<ul class="plover-legend" aria-label="Event type colours">{items}'
        '<li><span class="ev ev-none swatch" aria-hidden="true"></span>no PLOVER type</li>'
        '<li><span class="ev ev-CONSULT ev-negated swatch" aria-hidden="true"></span>'
        "hollow: negated</li></ul>"
    )


def codebook_css() -> str:
    """The stylesheet made from the colours above."""
    lines = [":root {"]
    lines += [f"  --plover-{t}: {c};" for t, c in PLOVER_COLOURS.items()]
    lines += [f"  --plover-none: {NO_TYPE_COLOUR};", "}"]
    for t in (*PLOVER_COLOURS, "none"):
        lines.append(f".ev-{t} {{ --ev: var(--plover-{t}); }}")
    lines += [
        ".ev { background: var(--ev); border: 1px solid var(--ev); color: #fff; }",
        ".ev.ev-negated { background: #fff; color: var(--ev); border-style: dashed; }",
        "svg .ev, svg .ev-mark { fill: var(--ev); stroke: var(--ev); }",
    ]
    return "\n".join(lines) + "\n"


def codebook_data() -> dict[str, Any]:
    """Everything the ``/codebook`` page and ``/api/codebook`` show."""
    return {
        "plover": [
            {
                "type": t.type,
                "label": t.label,
                "quad_class": t.quad_class,
                "definition": t.definition,
                "colour": PLOVER_COLOURS[t.type],
            }
            for t in plover_types().values()
        ],  # fmt: skip
        "quad_classes": [{"quad_class": k, "name": v} for k, v in QUAD_NAMES.items()],
        "cameo": [
            {
                "code": c.code,
                "name": c.name,
                "quad_class": c.quad_class,
                "goldstein": c.goldstein,
                "plover": c.plover,
            }
            for c in cameo_codes().values()
        ],  # fmt: skip
        "sectors": [{"code": s.code, "kind": s.kind, "label": s.label} for s in sectors().values()],
        "organisations": [{"code": k, "name": v} for k, v in sorted(igo_codes().items())],
    }


# Names the templates call (registered as Jinja globals by the app).
TEMPLATE_HELPERS = {
    "event_class": event_class,
    "event_title": event_title,
    "code_title": code_title,
    "plover_legend": legend,
    "cameo_label": cameo_label,
    "plover_label": plover_label,
    "country_name": country_name,
    "sector_label": sector_label,
}

__all__ = [
    "PLOVER_COLOURS",
    "TEMPLATE_HELPERS",
    "code_title",
    "codebook_css",
    "codebook_data",
    "event_class",
    "event_title",
    "legend",
]
