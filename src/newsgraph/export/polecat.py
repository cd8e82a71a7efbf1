"""POLECAT-style export: one flat tab-separated row per PLOVER event, POLECAT's 40 columns.

The columns, their order and names are those of the POLECAT weekly files
(``lexicons/polecat_columns.txt``), so code written for POLECAT reads these files as they
are. A missing value is ``None``, as in POLECAT; several values in one cell (every actor
of an event, every context) are joined by ``"; "``, and an event's actors line up across
Actor Name, Actor Country and Actor Name Raw. What newsgraph has no source for stays
``None``: COW codes, Wikipedia ids, districts and provinces.

Meanings that differ from POLECAT's own: Event Intensity is the event's Goldstein score
(−10…10, CAMEO's scale; POLECAT's intensity is its own on the same range); Event Date
follows the GDELT export's rule (the event's date, else the publication date, never after
the row was stored); Event ID is ``<article id>_<event id>``, as POLECAT's ids are
``<story id>_<n>``. Events with no PLOVER type (CAMEO 01 statements) and negated events
are not written.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from functools import cache
from importlib import resources
from typing import IO, Any

from .. import __version__
from ..lexicons import load_pairs
from ..records import Analysis
from ..store import Filters, Store
from .events import EventDetail, Party, detail, sectors_of
from .gdelt import event_day
from .geo import COUNTRY, US_STATE, place_geo

NONE = "None"
FEATURE_TYPES = {COUNTRY: "PCLI", US_STATE: "ADM1"}  # GeoNames feature codes; cities: PPL


@cache
def _columns() -> tuple[str, ...]:
    text = resources.files("newsgraph.lexicons").joinpath("polecat_columns.txt").read_text("utf-8")
    return tuple(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


POLECAT_COLUMNS = _columns()


def _cell(value: Any) -> str:
    if value is None or value == "" or value == []:
        return NONE
    if isinstance(value, list | tuple):
        return "; ".join(_cell(v) for v in value)
    return " ".join(str(value).split())  # no tabs or newlines inside a cell


def _side(side: Sequence[Party]) -> list[Any]:
    """Name, Country, COW, Primary Sector, Sectors, Title, Name Raw, Wikipedia ID."""
    sectors = sectors_of(side)
    return [
        [p.name or p.code for p in side],
        [p.country for p in side] if any(p.country for p in side) else None,
        None,
        sectors[0] if sectors else None,
        sectors,
        list(dict.fromkeys(r for p in side for r in p.roles)),
        [p.mention or p.name or p.code for p in side],
        None,
    ]


def _place(d: EventDetail) -> list[Any]:
    """Placename, City, District, Province, Country, Latitude, Longitude, GeoNames ID,
    Raw Placename, Feature Type."""
    place = d.place
    geo = place_geo(place) if place else None
    if place is None or geo is None:
        return [None] * 10
    city = geo.type not in FEATURE_TYPES
    return [
        place.name,
        place.name if city else None,
        None,
        place.name if geo.type == US_STATE else None,
        place.country,
        place.lat,
        place.lon,
        place.geonames_id,
        place.mentions[0].text if place.mentions else None,
        FEATURE_TYPES.get(geo.type, "PPL"),
    ]


def _story(analysis: Analysis, kinds: set[str]) -> list[str]:
    return [a.name for a in analysis.actors if a.type in kinds]


def polecat_row(d: EventDetail, added: dt.date, outlet: str | None) -> list[str]:
    """One event as the 40 POLECAT cells."""
    a, e = d.analysis.article, d.event
    quads = dict(load_pairs("plover_quads.tsv"))
    row: list[Any] = [
        f"{a.id}_{e.id}",
        event_day(e, a.published, added).isoformat(),
        e.plover,
        e.mode,
        e.goldstein,
        quads.get(e.plover or ""),
        list(e.contexts),
        *_side(d.actors),
        *_side(d.recipients),
        *_place(d),
        outlet or a.source,
        a.published,
        _story(d.analysis, {"person"}),
        _story(d.analysis, {"organization", "igo", "media", "group"}),
        [p.name for p in d.analysis.places],
        a.language,
        f"newsgraph {__version__}",
    ]
    return [_cell(v) for v in row]


def polecat_rows(store: Store, filters: Filters | None = None) -> Iterator[list[str]]:
    """POLECAT rows of every non-negated PLOVER event of the matching articles."""
    every = Filters(limit=0)
    meta = {r["id"]: (r["ingested_at"] or "", r["outlet"]) for r in store.articles(every)}
    for analysis in store.iter_analyses(filters or every):
        stamp, outlet = meta.get(analysis.article.id, ("", None))
        try:
            added = dt.date.fromisoformat(stamp[:10])
        except ValueError:
            added = dt.datetime.now(dt.UTC).date()
        for e in analysis.events:
            if e.plover and not e.negated:
                yield polecat_row(detail(analysis, e), added, outlet)


def write_polecat(store: Store, filters: Filters, out: IO[str]) -> int:
    """Write the POLECAT TSV with its header row; return the row count."""
    out.write("\t".join(POLECAT_COLUMNS) + "\n")
    n = 0
    for row in polecat_rows(store, filters):
        out.write("\t".join(row) + "\n")
        n += 1
    return n
