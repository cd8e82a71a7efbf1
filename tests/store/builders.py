"""Hand-built Analysis records for store, link and export tests (no model needed)."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.records import (
    Actor,
    Analysis,
    Article,
    Attribution,
    Claim,
    Event,
    EventDate,
    Place,
    Span,
)


@dataclass(frozen=True)
class Who:
    name: str
    country: str | None
    code: str | None
    sectors: tuple[str, ...] = ()
    type: str = "person"


PUTIN = Who("Vladimir Putin", "RUS", "RUSGOV", ("GOV",))
LI = Who("Li Shangfu", "CHN", "CHNMIL", ("MIL",))
XI = Who("Xi Jinping", "CHN", "CHNGOV", ("GOV",))
BIDEN = Who("Joe Biden", "USA", "USAGOV", ("GOV",))
ZELENSKY = Who("Volodymyr Zelensky", "UKR", "UKRGOV", ("GOV",))


def span(text: str, piece: str) -> Span:
    start = text.index(piece)
    return Span.of(text, start, start + len(piece))


def make_analysis(
    title: str,
    text: str,
    *,
    published: str | None = "2023-04-17",
    source: str | None = "Example News",
    url: str | None = None,
    events: tuple[tuple[str | None, str, Who, Who | None, str | None, str], ...] = (),
    quotes: tuple[tuple[Who, str], ...] = (),
    unsourced: tuple[str, ...] = (),
    place: tuple[str, str, float, float] | None = None,
    negated: tuple[int, ...] = (),
    origin: str | None = None,
) -> Analysis:
    """An analysis of ``text``: events are (plover, cameo, actor, recipient, date, trigger)."""
    article = Article(
        id=Article.make_id(text, title),
        text=text,
        title=title,
        url=url,
        source=source,
        published=published,
        language="en",
        origin=origin or f"{title}.txt",
    )
    people: dict[str, Actor] = {}

    def actor(w: Who) -> Actor:
        if w.name not in people:
            people[w.name] = Actor(
                id=f"a{len(people) + 1}",
                name=w.name,
                type=w.type,
                mentions=(span(text, w.name),),
                country=w.country,
                sectors=w.sectors,
                code=w.code,
            )
        return people[w.name]

    places = ()
    if place:
        name, country, lat, lon = place
        places = (Place("p1", name, (span(text, name),), country, lat, lon, 524901),)
    evs = []
    for i, (plover, cameo, src, tgt, day, trigger) in enumerate(events):
        a = actor(src)
        r = actor(tgt) if tgt else None
        evs.append(
            Event(
                id=f"e{i + 1}",
                plover=plover,
                cameo=cameo,
                trigger=span(text, trigger),
                evidence=Span.of(text, 0, len(text)),
                actors=(a.id,),
                recipients=(r.id,) if r else (),
                actor_codes=(a.code,) if a.code else (),
                recipient_codes=(r.code,) if r and r.code else (),
                goldstein=2.8,
                quad_class=1,
                place="p1" if places else None,
                date=EventDate(day, day, "on Sunday", "day", "text") if day else None,
                negated=i in negated,
                certainty="negated" if i in negated else "asserted",
                confidence=0.8,
            )
        )
    atts, claims = [], []
    for i, (who, content) in enumerate(quotes):
        a = actor(who)
        atts.append(
            Attribution(
                id=f"q{i + 1}",
                kind="direct",
                content=span(text, content),
                source=a.id,
                source_text=span(text, who.name),
                confidence=0.9,
                source_kind="person",
            )
        )
        claims.append(
            Claim(
                id=f"c{i + 1}",
                sentence=span(text, content),
                sourced=True,
                source_kind="person",
                attribution=f"q{i + 1}",
            )
        )
    for j, sentence in enumerate(unsourced):
        claims.append(
            Claim(
                id=f"c{len(quotes) + j + 1}",
                sentence=span(text, sentence),
                sourced=False,
                check_worthiness=0.7,
            )
        )
    return Analysis(
        article=article,
        actors=tuple(people.values()),
        places=places,
        attributions=tuple(atts),
        claims=tuple(claims),
        events=tuple(evs),
        extractor="newsgraph test",
    )


MEETING = (
    "Russian President Vladimir Putin met Chinese Defense Minister Li Shangfu in Moscow on Sunday. "
    '"Our ties are strong," Vladimir Putin said. The talks lasted three hours.'
)


def corpus() -> list[Analysis]:
    """Four articles from three outlets: a meeting reported three times, one other story."""
    a = make_analysis(
        "Putin meets Li",
        MEETING,
        source="Reuters",
        url="https://www.reuters.com/a",
        events=(("CONSULT", "043", PUTIN, LI, "2023-04-16", "met"),),
        quotes=((PUTIN, "Our ties are strong"),),
        unsourced=("The talks lasted three hours.",),
        place=("Moscow", "RUS", 55.75, 37.62),
    )
    b_text = (
        "Vladimir Putin hosted Li Shangfu for talks in Moscow, officials said. "
        "Xi Jinping was absent."
    )
    b = make_analysis(
        "Putin hosts Chinese minister",
        b_text,
        source="BBC News",
        url="https://www.bbc.co.uk/b",
        published="2023-04-18",
        events=(("CONSULT", "042", PUTIN, LI, "2023-04-17", "hosted"),),
        unsourced=("Xi Jinping was absent.",),
    )
    c_text = "Li Shangfu and Vladimir Putin held talks near Moscow. Both sides praised cooperation."
    c = make_analysis(
        "Li and Putin hold talks",
        c_text,
        source="Reuters",
        url="https://www.reuters.com/c",
        published="2023-04-17",
        events=(("CONSULT", "040", PUTIN, LI, "2023-04-16", "held talks"),),
    )
    d_text = (
        "Joe Biden accused Volodymyr Zelensky of nothing; "
        "instead Joe Biden praised Volodymyr Zelensky in Kyiv."
    )
    d = make_analysis(
        "Biden praises Zelensky",
        d_text,
        source="AP",
        url="https://apnews.com/d",
        published="2022-12-21",
        events=(
            ("ACCUSE", "112", BIDEN, ZELENSKY, "2022-12-21", "accused"),
            ("SUPPORT", "051", BIDEN, ZELENSKY, "2022-12-21", "praised"),
        ),
        negated=(0,),
    )
    return [a, b, c, d]
