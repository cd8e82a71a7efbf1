"""Reading place names (issue 13): each class with an example and a counterexample.

The geocoder's cases need no model (:func:`geocode` with a :class:`Context`); those that
depend on the sentence (a person's name, "Washington Democrat") run the pinned model.
"""

from __future__ import annotations

import pytest

from newsgraph.extract.actors.geocode import Context, geocode

US = frozenset({"USA"})


def _read(name, ctx=None):
    geo = geocode(name, ctx)
    return None if geo is None else (geo.kind, geo.country, geo.admin1, geo.geonames_id)


def test_places_geocode_continents_and_regions_are_no_towns():
    assert _read("Asia") == ("continent", None, None, 6255147)  # not Asia, Philippines
    assert _read("the Middle East")[:2] == ("region", None)
    assert _read("Siberia")[:2] == ("region", "RUS")
    assert _read("Scotland")[:2] == ("region", "GBR")
    # counterexample: a country whose name holds a continent's is the country
    assert _read("South Africa")[:2] == ("country", "ZAF")


def test_places_geocode_common_words_are_no_places():
    # "North" and "Media" are only alternate names of small towns (Utah, Morocco)
    assert geocode("North") is None and geocode("Media") is None
    # counterexample: an alternate name of a big city or a capital still reads it
    assert _read("Bombay")[:2] == ("city", "IND")
    assert _read("Kiev")[:2] == ("city", "UKR")


def test_places_geocode_us_states_are_admin1_with_codes():
    assert _read("Texas", Context(US)) == ("admin1", "USA", "US-TX", 4736286)
    # "the state of Oregon": the state, not Oregon, Ohio
    assert _read("Oregon", Context(US, admin1_cue=True)) == ("admin1", "USA", "US-OR", 5744337)
    assert _read("Oregon") == ("admin1", "USA", "US-OR", 5744337)
    # counterexample: the town when its state is written after it ("Oregon, Ohio")
    assert _read("Oregon", Context(US, state_after="US-OH"))[:3] == ("city", "USA", "US-OH")
    # "Washington": the capital, unless the text says the state
    assert _read("Washington", Context(US))[:3] == ("city", "USA", "US-DC")
    assert _read("Washington", Context(US, admin1_cue=True))[:3] == ("admin1", "USA", "US-WA")
    # New York is the city; New York State when the text says so
    assert _read("New York", Context(US))[:3] == ("city", "USA", "US-NY")
    assert _read("New York", Context(US, admin1_cue=True))[:3] == ("admin1", "USA", "US-NY")


def test_places_geocode_provinces_are_admin1_with_iso_codes():
    assert _read("Ontario")[:3] == ("admin1", "CAN", "CA-ON")  # not Ontario, California
    assert _read("Punjab")[0] == "admin1"
    # counterexample: "Ontario, Calif." is the Californian city
    assert _read("Ontario", Context(US, state_after="US-CA"))[:3] == ("city", "USA", "US-CA")


def test_places_geocode_foreign_town_names_need_support_to_be_american():
    # a biblical town is not the Pennsylvania steel town in an American story ...
    assert _read("Bethlehem", Context(US))[:2] == ("city", "PSE")
    assert _read("Nazareth", Context(US))[:2] == ("city", "ISR")
    assert _read("Moscow", Context(US))[:2] == ("city", "RUS")
    # ... unless the text names the state, after the town or elsewhere
    assert _read("Bethlehem", Context(US, state_after="US-PA"))[:3] == ("city", "USA", "US-PA")
    assert _read("Athens", Context(US, states=frozenset({"US-GA"})))[:3] == ("city", "USA", "US-GA")
    assert _read("Athens", Context(US))[:2] == ("city", "GRC")


def test_places_geocode_ranks_by_own_name_population_and_story_country():
    assert _read("Birmingham")[:2] == ("city", "GBR")  # the bigger city
    assert _read("Birmingham", Context(US, states=frozenset({"US-AL"})))[:3] == (
        "city",
        "USA",
        "US-AL",
    )
    assert _read("Tripoli", Context(frozenset({"LBN"})))[:2] == ("city", "LBN")


def test_places_geocode_state_named_like_a_country():
    assert (
        _read("Georgia", Context(frozenset({"USA", "GEO"}), states=frozenset({"US-IA"})))[0]
        == "admin1"
    )
    assert _read("Georgia")[:2] == ("country", "GEO")


def test_places_geocode_abbreviations_and_district():
    assert _read("S.C.")[:3] == ("admin1", "USA", "US-SC")
    assert _read("Washington, D.C.")[:3] == ("city", "USA", "US-DC")
    assert _read("D.C.")[:3] == ("city", "USA", "US-DC")


def _places(text):
    import newsgraph

    return {
        m.text: (p.kind, p.country, p.admin1)
        for p in newsgraph.analyze(text, published="2019-05-01").places
        for m in p.mentions
    }


@pytest.mark.model
def test_places_a_person_is_never_a_place(nlp):
    found = _places(
        "Sen. Marco Rubio spoke in Miami on Monday. Rubio said the vote would pass, and "
        "Sen. Elizabeth Warren said Warren would oppose it."
    )
    assert "Rubio" not in found and "Warren" not in found  # no Venezuelan or Michigan town
    assert found["Miami"][:2] == ("city", "USA")
    # counterexample: a capital keeps its reading when someone bears its name
    found = _places("Paris Hilton flew to Paris on Monday for the shows, her agent said.")
    assert found.get("Paris") == ("city", "FRA", None)


@pytest.mark.model
def test_places_state_read_from_the_sentence(nlp):
    found = _places(
        "Sen. Patty Murray, Washington Democrat, met Gov. Kate Brown in the state of Oregon. "
        "Lawmakers from Colorado, Washington, Alaska and Oregon will meet in Washington."
    )
    assert found["Oregon"] == ("admin1", "USA", "US-OR")
    kinds = {
        (p.kind, p.admin1)
        for p in __import__("newsgraph")
        .analyze("Lawmakers from Colorado, Washington, Alaska and Oregon will meet in Washington.")
        .places
    }
    assert ("admin1", "US-WA") in kinds and ("city", "US-DC") in kinds


@pytest.mark.model
def test_places_a_building_is_no_town(nlp):
    found = _places("Leaders met at the White House on Monday before flying to Casablanca.")
    assert ("city", "MAR", None) in found.values()
    assert "the White House" not in found and "White House" not in found
