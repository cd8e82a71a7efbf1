"""Hand-written sentences through the pinned model: every PLOVER type, passives, reciprocal
actors, negation, denial, plans and threats, and reported events.

Actors come from the Doc's entities through a small helper below (a demonym/country table
for the names these sentences use), so the tests do not depend on the actors extractor.
Attributions come from the real attributions extractor, run on those actors.
"""

from __future__ import annotations

import pytest

from newsgraph.extract.actors.dates import sentence_date
from newsgraph.extract.events import extract_events
from newsgraph.extract.speech.attributions import extract_attributions
from newsgraph.records import Actor, Article, Place, Span

pytestmark = pytest.mark.model

COUNTRY = {
    "russia": "RUS",
    "russian": "RUS",
    "moscow": "RUS",
    "kremlin": "RUS",
    "ukraine": "UKR",
    "ukrainian": "UKR",
    "kyiv": "UKR",
    "china": "CHN",
    "chinese": "CHN",
    "beijing": "CHN",
    "united states": "USA",
    "the united states": "USA",
    "us": "USA",
    "u.s.": "USA",
    "american": "USA",
    "washington": "USA",
    "france": "FRA",
    "french": "FRA",
    "paris": "FRA",
    "germany": "DEU",
    "german": "DEU",
    "berlin": "DEU",
    "britain": "GBR",
    "british": "GBR",
    "london": "GBR",
    "iran": "IRN",
    "iranian": "IRN",
    "tehran": "IRN",
    "iraq": "IRQ",
    "iraqi": "IRQ",
    "baghdad": "IRQ",
    "israel": "ISR",
    "israeli": "ISR",
    "turkey": "TUR",
    "turkish": "TUR",
    "ankara": "TUR",
    "syria": "SYR",
    "syrian": "SYR",
    "damascus": "SYR",
    "japan": "JPN",
    "japanese": "JPN",
    "tokyo": "JPN",
    "india": "IND",
    "indian": "IND",
    "pakistan": "PAK",
    "pakistani": "PAK",
    "egypt": "EGY",
    "egyptian": "EGY",
    "cairo": "EGY",
    "poland": "POL",
    "polish": "POL",
    "kenya": "KEN",
    "kenyan": "KEN",
    "serbia": "SRB",
    "serbian": "SRB",
    "brazil": "BRA",
    "brazilian": "BRA",
    "nigeria": "NGA",
    "nigerian": "NGA",
    "sudan": "SDN",
    "sudanese": "SDN",
    "venezuela": "VEN",
    "venezuelan": "VEN",
    "colombia": "COL",
    "colombian": "COL",
    "nato": "IGO",
    "the united nations": "IGO",
    "united nations": "IGO",
    "un": "IGO",
    "u.n.": "IGO",
    "the european union": "IGO",
    "european union": "IGO",
    "eu": "IGO",
}
CITIES = {
    "moscow": "RUS",
    "kyiv": "UKR",
    "beijing": "CHN",
    "paris": "FRA",
    "berlin": "DEU",
    "london": "GBR",
    "tehran": "IRN",
    "baghdad": "IRQ",
    "ankara": "TUR",
    "damascus": "SYR",
    "tokyo": "JPN",
    "cairo": "EGY",
    "geneva": "CHE",
    "nairobi": "KEN",
    "warsaw": "POL",
    "caracas": "VEN",
    "delhi": "IND",
    "new delhi": "IND",
}


def _country(text: str) -> str | None:
    low = text.lower().removesuffix("'s").strip()
    if low in COUNTRY:
        return COUNTRY[low]
    for word in low.split():
        if word in COUNTRY:
            return COUNTRY[word]
    return None


def entity_actors(doc) -> tuple[list[Actor], list[Place]]:
    """Actors from the Doc's entities: a demonym before a name gives the person a country."""
    text = doc.text
    found: dict[str, dict] = {}
    places: dict[str, Place] = {}
    ents = list(doc.ents)
    for k, e in enumerate(ents):
        if e.label_ not in ("GPE", "NORP", "ORG", "PERSON"):
            continue
        start, country = e.start_char, _country(e.text)
        between = doc[ents[k - 1].end : e.start] if k else None
        if (
            e.label_ == "PERSON"
            and k
            and ents[k - 1].label_ in ("NORP", "GPE")
            and (
                all(t.is_title for t in between)  # "Russian President Vladimir Putin"
            )
        ):
            country, start = _country(ents[k - 1].text), ents[k - 1].start_char
        key = e.text.lower()
        kind = (
            "person" if e.label_ == "PERSON" else "country" if e.label_ != "ORG" else "organization"
        )
        entry = found.setdefault(key, {"name": e.text, "type": kind, "country": country, "m": []})
        entry["m"].append(Span.of(text, start, e.end_char))
        if e.label_ == "GPE" and key in CITIES:
            p = places.get(key)
            mention = Span.of(text, e.start_char, e.end_char)
            places[key] = Place(
                f"p{len(places) + 1}" if p is None else p.id,
                e.text,
                (*(p.mentions if p else ()), mention),
                country=CITIES[key],
            )
    actors = [
        Actor(
            f"a{i}",
            v["name"],
            v["type"],
            tuple(v["m"]),
            country=v["country"],
            code=(v["country"] or "") + ("GOV" if v["type"] != "person" else "") or None,
        )
        for i, v in enumerate(found.values(), 1)
    ]
    return actors, list(places.values())


def analyse(nlp, text: str):
    doc = nlp(text)
    actors, places = entity_actors(doc)
    article = Article(id="t", text=text, published="2024-03-04")
    attributions = extract_attributions(doc, article, actors)
    events = extract_events(doc, article, actors, places, attributions, date_of=sentence_date)
    return events, {a.id: a for a in actors}, attributions


# (sentence, PLOVER type, an actor's country, a recipient's country or None, certainty)
CASES = [
    # AGREE
    ("Russia and China agreed to expand military cooperation.", "AGREE", "RUS", None, "asserted"),
    ("Japan promised to send humanitarian aid to Kenya.", "AGREE", "JPN", None, "asserted"),
    ("Poland offered to mediate between Ukraine and Russia.", "AGREE", "POL", None, "asserted"),
    ("The Egyptian president will visit Turkey next month.", "AGREE", "EGY", "TUR", "asserted"),
    (
        "Brazil is willing to host talks between Venezuela and Colombia.",
        "AGREE",
        "BRA",
        None,
        "asserted",
    ),
    (
        "India and Pakistan agreed on a ceasefire along the border.",
        "AGREE",
        "IND",
        None,
        "asserted",
    ),
    # CONSULT
    (
        "Russian President Vladimir Putin met with Chinese President Xi Jinping in Moscow on "
        "Monday.",
        "CONSULT",
        "RUS",
        "CHN",
        "asserted",
    ),
    (
        "French President Emmanuel Macron visited Beijing last week.",
        "CONSULT",
        "FRA",
        "CHN",
        "asserted",
    ),
    (
        "Iranian and Iraqi officials held talks in Baghdad on Tuesday.",
        "CONSULT",
        "IRN",
        None,
        "asserted",
    ),
    (
        "German Chancellor Olaf Scholz telephoned Polish President Andrzej Duda.",
        "CONSULT",
        "DEU",
        "POL",
        "asserted",
    ),
    (
        "Turkey hosted Syrian officials for negotiations on refugees.",
        "CONSULT",
        "TUR",
        "SYR",
        "asserted",
    ),
    (
        "Kenyan and Ukrainian diplomats discussed grain exports in Nairobi.",
        "CONSULT",
        "KEN",
        None,
        "asserted",
    ),
    # SUPPORT
    ("The United States praised India for its election.", "SUPPORT", "USA", "IND", "asserted"),
    ("Japan welcomed the Egyptian peace proposal.", "SUPPORT", "JPN", "EGY", "asserted"),
    ("Serbia and Kenya signed a trade agreement on Friday.", "SUPPORT", "SRB", None, "asserted"),
    ("Germany apologized to Poland for the remarks.", "SUPPORT", "DEU", "POL", "asserted"),
    ("Britain endorsed the Ukrainian plan.", "SUPPORT", "GBR", "UKR", "asserted"),
    # CONCEDE
    ("Egypt lifted the curfew in Cairo on Sunday.", "CONCEDE", "EGY", None, "asserted"),
    ("Sudan eased restrictions on Nigerian journalists.", "CONCEDE", "SDN", None, "asserted"),
    ("Iran pardoned two British nationals.", "CONCEDE", "IRN", "GBR", "asserted"),
    # COOPERATE
    (
        "Japanese and Indian warships held joint exercises in the Indian Ocean.",
        "COOPERATE",
        "JPN",
        None,
        "asserted",
    ),
    (
        "Israel shared intelligence with the United States about the plot.",
        "COOPERATE",
        "ISR",
        "USA",
        "asserted",
    ),
    ("Kenya extradited a Nigerian suspect to Nigeria.", "COOPERATE", "KEN", "NGA", "asserted"),
    # AID
    ("Germany sent weapons to Ukraine last year.", "AID", "DEU", "UKR", "asserted"),
    ("Japan donated medicine to Sudan.", "AID", "JPN", "SDN", "asserted"),
    ("Britain granted asylum to a Russian journalist.", "AID", "GBR", "RUS", "asserted"),
    ("The European Union provided humanitarian aid to Syria.", "AID", "IGO", "SYR", "asserted"),
    # RETREAT
    ("Russia withdrew its troops from the Ukrainian border.", "RETREAT", "RUS", None, "asserted"),
    ("Iran released two French prisoners on Thursday.", "RETREAT", "IRN", "FRA", "asserted"),
    (
        "Sudan allowed United Nations inspectors to enter the country.",
        "RETREAT",
        "SDN",
        None,
        "asserted",
    ),
    ("The Serbian prime minister resigned on Monday.", "RETREAT", "SRB", None, "asserted"),
    # REQUEST
    ("France urged Iran to release the prisoners.", "REQUEST", "FRA", "IRN", "asserted"),
    ("Kenya called on Sudan to end the fighting.", "REQUEST", "KEN", "SDN", "asserted"),
    ("Poland demanded that Russia withdraw its forces.", "REQUEST", "POL", "RUS", "asserted"),
    ("Egypt asked the European Union for economic aid.", "REQUEST", "EGY", "IGO", "asserted"),
    ("Turkey said Syria must stop the attacks.", "REQUEST", "TUR", "SYR", "asserted"),
    # ACCUSE
    ("Ukraine accused Russia of shelling civilians.", "ACCUSE", "UKR", "RUS", "asserted"),
    ("China criticized Japan over the visit.", "ACCUSE", "CHN", "JPN", "asserted"),
    ("Israel condemned the Iranian missile test.", "ACCUSE", "ISR", "IRN", "asserted"),
    (
        "Brazil launched an investigation into the Venezuelan company.",
        "ACCUSE",
        "BRA",
        None,
        "asserted",
    ),
    ("Pakistan blamed India for the bombing.", "ACCUSE", "PAK", "IND", "asserted"),
    # REJECT
    ("Iran rejected the American proposal.", "REJECT", "IRN", "USA", "asserted"),
    ("Serbia refused to recognize Kosovo.", "REJECT", "SRB", None, "asserted"),
    ("Turkey vetoed the Swedish request.", "REJECT", "TUR", None, "asserted"),
    ("Venezuela declined to meet Colombian officials.", "REJECT", "VEN", None, "asserted"),
    ("India will not accept any mediation by Pakistan.", "REJECT", "IND", None, "asserted"),
    # THREATEN
    ("Iran threatened to close the Strait of Hormuz.", "THREATEN", "IRN", None, "asserted"),
    (
        "Russia warned Poland that it would respond with force.",
        "THREATEN",
        "RUS",
        "POL",
        "asserted",
    ),
    (
        "China threatened to impose sanctions on American firms.",
        "THREATEN",
        "CHN",
        None,
        "asserted",
    ),
    ("Turkey vowed to attack Syrian militias.", "THREATEN", "TUR", None, "asserted"),
    (
        "Egypt's interior minister warned that police will no longer tolerate rallies.",
        "THREATEN",
        "EGY",
        None,
        "asserted",
    ),
    (
        "Britain will expel Russian diplomats unless Moscow cooperates.",
        "THREATEN",
        "GBR",
        None,
        "asserted",
    ),
    # PROTEST
    (
        "Thousands of Kenyan students protested in Nairobi against Kenya's tax plan.",
        "PROTEST",
        "KEN",
        None,
        "asserted",
    ),
    ("Polish farmers blocked roads near Warsaw.", "PROTEST", "POL", None, "asserted"),
    ("Nigerian workers staged a general strike on Monday.", "PROTEST", "NGA", None, "asserted"),
    ("Iranian women rallied in Tehran on Friday.", "PROTEST", "IRN", None, "asserted"),
    # SANCTION
    ("The United States imposed sanctions on Iran.", "SANCTION", "USA", "IRN", "asserted"),
    ("Germany expelled two Russian diplomats.", "SANCTION", "DEU", "RUS", "asserted"),
    ("Japan suspended aid to Sudan.", "SANCTION", "JPN", "SDN", "asserted"),
    ("Egypt recalled its ambassador from Israel.", "SANCTION", "EGY", None, "asserted"),
    # MOBILIZE
    ("Russia deployed troops near the Ukrainian border.", "MOBILIZE", "RUS", None, "asserted"),
    ("China mobilized its navy after the incident.", "MOBILIZE", "CHN", None, "asserted"),
    ("India put its army on high alert.", "MOBILIZE", "IND", None, "asserted"),
    # COERCE
    ("Egyptian police arrested twelve activists in Cairo.", "COERCE", "EGY", None, "asserted"),
    ("Turkey imposed a curfew in Ankara.", "COERCE", "TUR", None, "asserted"),
    ("Iran banned the British newspaper.", "COERCE", "IRN", None, "asserted"),
    ("Russia deported three Ukrainian citizens.", "COERCE", "RUS", "UKR", "asserted"),
    # ASSAULT
    ("Russian forces shelled Kyiv on Tuesday.", "ASSAULT", "RUS", "UKR", "asserted"),
    (
        "Israeli aircraft struck Syrian positions near Damascus.",
        "ASSAULT",
        "ISR",
        "SYR",
        "asserted",
    ),
    ("Iraqi militants kidnapped two Turkish engineers.", "ASSAULT", "IRQ", "TUR", "asserted"),
    ("Sudanese soldiers killed five Nigerian traders.", "ASSAULT", "SDN", "NGA", "asserted"),
    # passive voice
    (
        "Ukrainian villages were shelled by Russian forces overnight.",
        "ASSAULT",
        "RUS",
        "UKR",
        "asserted",
    ),
    ("Two Syrian diplomats were expelled by Turkey.", "SANCTION", "TUR", "SYR", "asserted"),
    ("The Iranian proposal was rejected by Israel.", "REJECT", "ISR", "IRN", "asserted"),
    # reciprocal actors
    ("China and India held talks on the border dispute.", "CONSULT", "IND", "CHN", "asserted"),
    (
        "Serbian and Kenyan ministers signed an agreement in Geneva.",
        "SUPPORT",
        "SRB",
        "KEN",
        "asserted",
    ),
    # negation
    ("Russia did not attack Ukraine on Sunday.", "ASSAULT", "RUS", None, "negated"),
    ("India has not imposed sanctions on Iran.", "SANCTION", "IND", None, "negated"),
    ("There are no signs of China supplying weapons to Russia.", "AID", "CHN", "RUS", "negated"),
    # denial
    ("China denied sending weapons to Russia.", "AID", "CHN", "RUS", "negated"),
    ("Iran denied supplying drones to Russia.", "AID", "IRN", "RUS", "negated"),
    # plans and hypotheticals
    # an event inside an "if" clause is a condition, no event: see test_sense.py
    ("Germany may send tanks to Ukraine.", "AID", "DEU", "UKR", "speculative"),
    ("Iran plans to attack Israeli ships.", "THREATEN", "IRN", None, "asserted"),
    # reported events, hedged or not
    ("Ukraine said Russian forces shelled Kyiv.", "ASSAULT", "RUS", "UKR", "asserted"),
    (
        "Syrian officials said Israel struck Damascus overnight.",
        "ASSAULT",
        "ISR",
        "SYR",
        "asserted",
    ),
    ("It seems that Turkey attacked Syrian militias.", "ASSAULT", "TUR", None, "hedged"),
    ("Russian forces reportedly shelled Kyiv on Monday.", "ASSAULT", "RUS", "UKR", "hedged"),
    ("Egypt allegedly arrested Sudanese activists.", "COERCE", "EGY", None, "hedged"),
]


def _certainty(e) -> str:
    return "negated" if e.negated else e.certainty


@pytest.mark.parametrize(
    ("text", "plover", "actor", "recipient", "certainty"), CASES, ids=[c[0][:48] for c in CASES]
)
def test_events_sentences(nlp, text, plover, actor, recipient, certainty):
    events, actors, _ = analyse(nlp, text)

    def fits(e) -> bool:
        ac = {actors[i].country for i in e.actors}
        rc = {actors[i].country for i in e.recipients}
        return (
            e.plover == plover
            and actor in ac | (rc if e.actors == e.recipients else set())
            and (recipient is None or recipient in rc | ac)
            and (recipient is None or recipient in rc)
            and _certainty(e) == certainty
        )

    got = [
        (
            e.plover,
            e.cameo,
            [actors[i].name for i in e.actors],
            [actors[i].name for i in e.recipients],
            _certainty(e),
        )
        for e in events
    ]
    assert any(fits(e) for e in events), got


def test_events_sentences_cover_every_plover_type():
    from newsgraph.records import PLOVER_TYPES

    assert {c[1] for c in CASES} == set(PLOVER_TYPES)
    assert len(CASES) >= 80


@pytest.mark.parametrize(
    "text",
    [
        "China denied sending weapons to Russia.",
        "There are no signs of China supplying weapons to Russia.",
        "NATO and the US have suggested that they have seen no signs of Beijing supplying weapons "
        "to Moscow.",
    ],
)
def test_events_sentences_denied_or_negated_transfer_is_never_asserted(nlp, text):
    events, actors, _ = analyse(nlp, text)
    assert not [e for e in events if e.plover == "AID" and _certainty(e) == "asserted"]


def test_events_sentences_speculation_is_never_asserted(nlp):
    text = (
        "Some of the influence seems to suggest that the US has its own soldiers directly "
        "combatting Russian soldiers."
    )
    events, actors, _ = analyse(nlp, text)
    assert not [e for e in events if e.plover == "ASSAULT" and _certainty(e) == "asserted"]


def test_events_sentences_threat_does_not_assert_the_threatened_act(nlp):
    events, _, _ = analyse(nlp, "Iran threatened to attack Israeli ships in the Gulf.")
    assert [e.plover for e in events] == ["THREATEN"]


def test_events_sentences_reported_event_links_its_attribution(nlp):
    events, _, attributions = analyse(nlp, "Ukraine said that Russian forces shelled Kyiv.")
    [e] = [e for e in events if e.plover == "ASSAULT"]
    assert e.attribution is not None
    att = next(a for a in attributions if a.id == e.attribution)
    assert att.content.start <= e.trigger.start < att.content.end


@pytest.mark.parametrize(
    ("text", "plover"),
    [
        ("Gallup released a new survey of American voters on Monday.", "RETREAT"),
        ("Before politics, Donald Trump hosted a television show.", "CONSULT"),
        ('"We must return to the facts," James Comey wrote.', "REQUEST"),
        ("ABC's Jeff Zeleny contributed to this report.", "AID"),
        ("MSNBC offered mostly positive coverage of Barack Obama.", "AGREE"),
        # a warning about what is coming is a pessimistic comment (CAMEO 012), not a threat
        ("U.S. health officials warned that transmission of the virus is inevitable.", "THREATEN"),
    ],
)
def test_events_sentences_everyday_words_are_not_events(nlp, text, plover):
    events, _, _ = analyse(nlp, text)
    assert not [e for e in events if e.plover == plover], [
        (e.plover, e.trigger.text) for e in events
    ]


def test_events_sentences_calling_out_is_blame_not_a_request(nlp):
    events, actors, _ = analyse(
        nlp, "Bernie Sanders called out Donald Trump for withdrawing his offer."
    )
    assert [e.plover for e in events] == ["ACCUSE"]


@pytest.mark.parametrize(
    ("text", "plover", "present"),
    [
        # a cyberattack or the downing of an aircraft is force; a cyber "attack" on a
        # policy is not (the figurative rows)
        ("Israel launched a cyberattack against Iran.", "ASSAULT", True),
        ("Russia's downing of a Ukrainian airliner angered Kyiv.", "ASSAULT", True),
        ("Israel attacked the Iranian proposal in a speech.", "ASSAULT", False),
        # "ripped into" / "tore into" someone is criticism; tearing into a thing is nothing
        ("Germany ripped into Russia over the blockade.", "ACCUSE", True),
        ("Germany tore into Russia over the blockade.", "ACCUSE", True),
        ("Germany tore into the package.", "ACCUSE", False),
        # expressing dismay at someone disapproves of them; expressing support does not
        ("Germany expressed dismay at Russia's decision.", "ACCUSE", True),
        ("Germany expressed support for Ukraine.", "ACCUSE", False),
        # huddling with someone is a meeting; huddling in the cold is none
        ("German officials huddled with Russian diplomats.", "CONSULT", True),
        ("German officials huddled in the cold.", "CONSULT", False),
        # declining an appeal rejects it; declining alone ("declined to comment") does not
        ("France declined urgings from Germany to recognise the state.", "REJECT", True),
        ("The Kremlin declined to comment on the report.", "REJECT", False),
    ],
)
def test_events_sentences_new_trigger_rows_and_their_limits(nlp, text, plover, present):
    events, _, _ = analyse(nlp, text)
    found = [e for e in events if e.plover == plover]
    assert bool(found) == present, [(e.plover, e.trigger.text) for e in events]


def test_events_sentences_object_of_a_prompting_verb_does_the_complement(nlp):
    # "prompting Germany to accuse Russia": Germany accuses (object control), not the subject
    events, actors, _ = analyse(nlp, "The blockade prompted Germany to accuse Russia of piracy.")
    (e,) = [e for e in events if e.plover == "ACCUSE"]
    assert [actors[i].country for i in e.actors] == ["DEU"]
    assert [actors[i].country for i in e.recipients] == ["RUS"]
    # counterexample: "Germany prompted to accuse" has no object: the subject does it
    events, actors, _ = analyse(nlp, "Germany moved to accuse Russia of piracy.")
    (e,) = [e for e in events if e.plover == "ACCUSE"]
    assert [actors[i].country for i in e.actors] == ["DEU"]
