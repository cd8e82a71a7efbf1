"""A small hand-made corpus for the web tests.

The articles are written for these tests (not gold data); their analyses are built by
hand so the API and pages can be tested whatever state the extractors are in.
"""

from __future__ import annotations

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

XSS = '<script>window.__xss = 1</script><img src=x onerror="window.__xss=2">'
ATTR = '" onmouseover="window.__xss=3" x="'


def sp(text: str, sub: str, nth: int = 0) -> Span:
    """The span of the nth occurrence of ``sub`` in ``text``."""
    at = -1
    for _ in range(nth + 1):
        at = text.index(sub, at + 1)
    return Span.of(text, at, at + len(sub))


def meeting_article(
    source: str = "Daily Ledger",
    published: str = "2023-04-17",
    day: str = "2023-04-16",
    suffix: str = "",
) -> Analysis:
    """Two ministers meet in Vienna: a quote, a hedged report, a sourced and an unsourced claim."""
    title = "Ministers meet in Vienna as border talks resume" + suffix
    text = (
        "Austrian Foreign Minister Anna Weber met with Italian Defence Minister Marco Rossi "
        "in Vienna on Sunday.\n\n"
        'Weber said: "We are making real progress on border cooperation."\n\n'
        "Rossi reportedly told reporters that the talks had been productive, "
        "according to Reuters.\n\n"
        "The agreement will change the region forever." + suffix
    )
    aid = Article.make_id(text, title)
    art = Article(
        id=aid,
        text=text,
        title=title,
        source=source,
        published=published,
        # each outlet its own domain: outlets are keyed by registered domain
        url=f"https://www.{''.join(ch for ch in source.lower() if ch.isalnum())}.com/{aid}",
        language="en",
    )
    actors = (
        Actor(
            "a1",
            "Anna Weber",
            "person",
            (sp(text, "Anna Weber"), sp(text, "Weber", 1)),
            "AUT",
            ("GOV",),
            ("Foreign Minister",),
            "AUTGOV",
        ),
        Actor(
            "a2",
            "Marco Rossi",
            "person",
            (sp(text, "Marco Rossi"), sp(text, "Rossi", 1)),
            "ITA",
            ("MIL", "GOV"),
            ("Defence Minister",),
            "ITAMIL",
        ),
        Actor("a3", "Reuters", "media", (sp(text, "Reuters"),), None, ("MED",), (), "MED"),
    )
    places = (Place("p1", "Vienna", (sp(text, "Vienna"),), "AUT", 48.2, 16.37, 2761369),)
    atts = (
        Attribution(
            "q1",
            "direct",
            sp(text, "We are making real progress on border cooperation."),
            "a1",
            sp(text, "Weber", 1),
            sp(text, "said"),
            (),
            0.9,
            "person",
        ),
        Attribution(
            "q2",
            "indirect",
            sp(text, "the talks had been productive"),
            "a2",
            sp(text, "Rossi", 1),
            sp(text, "told"),
            (sp(text, "reportedly"),),
            0.7,
            "person",
        ),
    )
    claims = (
        Claim(
            "c1",
            sp(text, 'Weber said: "We are making real progress on border cooperation."'),
            True,
            "person",
            "q1",
            (),
            "asserted",
            0.4,
        ),
        Claim(
            "c2",
            sp(
                text,
                "Rossi reportedly told reporters that the talks had been productive, "
                "according to Reuters.",
            ),
            True,
            "person",
            "q2",
            (sp(text, "reportedly"),),
            "hedged",
            0.3,
        ),
        Claim(
            "c3",
            sp(text, "The agreement will change the region forever." + suffix),
            False,
            "none",
            None,
            (),
            "asserted",
            0.8,
        ),
    )
    events = (
        Event(
            "e1",
            "CONSULT",
            "043",
            sp(text, "met"),
            sp(
                text,
                "Austrian Foreign Minister Anna Weber met with Italian Defence Minister "
                "Marco Rossi in Vienna on Sunday.",
            ),
            ("a1",),
            ("a2",),
            ("AUTGOV",),
            ("ITAMIL",),
            "visit",
            (),
            1.0,
            1,
            "p1",
            EventDate(day, day, "on Sunday", "day", "text"),
            False,
            "asserted",
            None,
            0.8,
        ),
    )
    return Analysis(
        article=art,
        actors=actors,
        places=places,
        attributions=atts,
        claims=claims,
        events=events,
        extractor="test",
    )


def strike_article() -> Analysis:
    """A second happening with a different type, dyad and month, from another outlet."""
    title = "Rossi accuses Weber of stalling"
    text = "Italian Defence Minister Marco Rossi accused Anna Weber of stalling the talks in May."
    aid = Article.make_id(text, title)
    art = Article(
        id=aid,
        text=text,
        title=title,
        source="Evening Post",
        published="2023-05-20",
        url=f"https://post.example.com/{aid}",
        language="en",
    )
    actors = (
        Actor(
            "a1",
            "Marco Rossi",
            "person",
            (sp(text, "Marco Rossi"),),
            "ITA",
            ("MIL", "GOV"),
            ("Defence Minister",),
            "ITAMIL",
        ),
        Actor(
            "a2", "Anna Weber", "person", (sp(text, "Anna Weber"),), "AUT", ("GOV",), (), "AUTGOV"
        ),
    )
    claims = (Claim("c1", sp(text, text), False, "none", None, (), "asserted", 0.6),)
    events = (
        Event(
            "e1",
            "ACCUSE",
            "112",
            sp(text, "accused"),
            sp(text, text),
            ("a1",),
            ("a2",),
            ("ITAMIL",),
            ("AUTGOV",),
            None,
            (),
            -2.0,
            3,
            None,
            EventDate("2023-05-19", "2023-05-19", None, "day", "text"),
            False,
            "asserted",
            None,
            0.7,
        ),
    )
    return Analysis(article=art, actors=actors, claims=claims, events=events, extractor="test")


def hostile_article() -> Analysis:
    """Title, text, names and URL carry script and attribute-breaking payloads."""
    title = f"Breaking {XSS} {ATTR} news"
    text = (
        f"Officials {XSS} said nothing.\n\nThe minister {ATTR} denied it.\n\n"
        "A claim with ' OR 1=1 -- in it."
    )
    aid = Article.make_id(text, title)
    art = Article(
        id=aid,
        text=text,
        title=title,
        source=f"Outlet {XSS}",
        published="2023-06-01",
        url="javascript:window.__xss=4",
        language="en",
        authors=(XSS,),
    )
    actors = (
        Actor("a1", f"Evil {ATTR}", "person", (sp(text, "minister"),), "XSS", (), (XSS,), "XSS"),
    )
    atts = (
        Attribution(
            "q1",
            "indirect",
            sp(text, "nothing"),
            None,
            sp(text, "Officials"),
            sp(text, "said"),
            (),
            0.5,
            "anonymous",
        ),
    )
    claims = (
        Claim(
            "c1",
            sp(text, f"The minister {ATTR} denied it."),
            False,
            "none",
            None,
            (),
            "asserted",
            0.5,
        ),
    )
    events = (
        Event(
            "e1",
            "REJECT",
            "12",
            sp(text, "denied"),
            sp(text, f"The minister {ATTR} denied it."),
            ("a1",),
            (),
            ("XSS",),
            (),
            None,
            (),
            -4.0,
            3,
            None,
            None,
            False,
            "asserted",
            None,
            0.5,
        ),
    )
    return Analysis(
        article=art,
        actors=actors,
        attributions=atts,
        claims=claims,
        events=events,
        extractor="test",
    )
