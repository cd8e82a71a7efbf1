"""A corpus for the chart tests: the web corpus plus the dates and dyads that broke the charts.

One article dated 0001-01-01 (a page-parsing accident), an event known only as "in 1935"
(stored as 1935-01-01 … 1935-12-31), a "Donald Trump → Donald Trump" self-loop, and events
at located places (Vienna, Rome, Washington). Built by hand, like webcorpus.py.
"""

from __future__ import annotations

from webcorpus import meeting_article, sp, strike_article

from newsgraph.records import Actor, Analysis, Article, Event, EventDate, Place


def event(
    eid: str, plover: str, cameo: str, quad: int, text: str, trigger: str, sentence: str,
    actors: tuple[str, ...], recipients: tuple[str, ...], codes: tuple[tuple[str, ...], ...],
    place: str | None, date: EventDate | None,
) -> Event:  # fmt: skip
    return Event(
        eid, plover, cameo, sp(text, trigger), sp(text, sentence), actors, recipients,
        codes[0], codes[1], None, (), 0.0, quad, place, date, False, "asserted", None, 0.7,
    )  # fmt: skip


def old_page_article() -> Analysis:
    """Dated 0001-01-01; recalls a 1935 treaty (a year-only date); Trump accuses himself."""
    title = "Trump recalls the 1935 treaty in Rome"
    text = (
        "Donald Trump criticised Donald Trump in Washington on Monday.\n\n"
        "Italy signed a treaty with Austria in Rome in 1935."
    )
    aid = Article.make_id(text, title)
    art = Article(
        id=aid, text=text, title=title, source="Old Pages", published="0001-01-01",
        url=f"https://old.example.net/{aid}", language="en",
    )  # fmt: skip
    actors = (
        Actor("a1", "Donald Trump", "person", (sp(text, "Donald Trump"),), "USA", ("GOV",), (),
              "USAGOV"),
        Actor("a2", "Italy", "country", (sp(text, "Italy"),), "ITA", (), (), "ITA"),
        Actor("a3", "Austria", "country", (sp(text, "Austria"),), "AUT", (), (), "AUT"),
    )  # fmt: skip
    places = (
        Place("p1", "Washington", (sp(text, "Washington"),), "USA", 38.895, -77.036, 4140963),
        Place("p2", "Rome", (sp(text, "Rome"),), "ITA", 41.894, 12.483, 3169070),
    )
    events = (
        event("e1", "ACCUSE", "111", 3, text, "criticised",
              "Donald Trump criticised Donald Trump in Washington on Monday.", ("a1",), ("a1",),
              (("USAGOV",), ("USAGOV",)), "p1", None),
        event("e2", "AGREE", "057", 1, text, "signed",
              "Italy signed a treaty with Austria in Rome in 1935.", ("a2",), ("a3",),
              (("ITA",), ("AUT",)), "p2", EventDate("1935-01-01", "1935-12-31", "in 1935", "year",
                                                    "text")),
    )  # fmt: skip
    return Analysis(article=art, actors=actors, places=places, events=events, extractor="test")


def viz_corpus() -> dict[str, Analysis]:
    return {
        "meeting": meeting_article(),
        "meeting2": meeting_article(
            source="Morning Star Tribune", published="2023-04-18", suffix=" Critics disagree."
        ),
        "strike": strike_article(),
        "old": old_page_article(),
    }
