"""GDELT geo types of places: countries, US states, US and world cities, world states."""

from __future__ import annotations

import pytest

from newsgraph.export.geo import place_geo
from newsgraph.records import Place, Span

S = (Span.of("x", 0, 1),)


@pytest.mark.parametrize(
    ("place", "geo_type", "adm1"),
    [
        (Place("p", "Russia", S, "RUS", geonames_id=2017370, kind="country"), "1", "RS"),
        (Place("p", "Oregon", S, "USA", kind="admin1", admin1="US-OR"), "2", "USOR"),
        (
            Place(
                "p",
                "Portland",
                S,
                "USA",
                45.5,
                -122.7,
                geonames_id=5746545,
                kind="city",
                admin1="US-OR",
            ),
            "3",
            "USOR",
        ),  # fmt: skip
        (
            Place("p", "Moscow", S, "RUS", 55.75, 37.62, geonames_id=524901, kind="city"),
            "4",
            "RS48",
        ),
        (Place("p", "Ontario", S, "CAN", kind="admin1", admin1="CA-ON"), "5", "CA"),
        # a record of before place kinds: coordinates make it a city
        (Place("p", "Moscow", S, "RUS", 55.75, 37.62), "4", "RS"),
    ],
)
def test_gdelt_geo_type_and_adm1(place, geo_type, adm1):
    row = place_geo(place).fields()
    assert (row[0], row[3]) == (geo_type, adm1)
    assert row[1].startswith(place.name)


def test_gdelt_geo_continent_has_no_geo_type():
    assert place_geo(Place("p", "Asia", S, None, kind="continent")) is None
