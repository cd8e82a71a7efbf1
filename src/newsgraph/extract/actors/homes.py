"""An actor's country and sectors when the text around it does not say them.

Each actor's ``country_source`` says where its country came from, in the order tried:

``text``      the article says it: a title's country word ("Russian President …"), a
              demonym or possessive, "of <country>", an apposition, a named institution;
``office``    dated knowledge of office holders (:mod:`.offices`) at the publication date:
              "Lavrov" in 2017 is Russia's foreign minister (a person the text places in
              another country keeps the text's);
``sentence``  a country the person's sentence places them in (``people.infer_missing_countries``);
``dateline``  a titled person (a role, no country) in a story datelined in a country's city;
``outlet``    a domestic title (Sen., Gov., Attorney General…; ``lexicons/domestic_titles.txt``)
              in an outlet whose home country is known from its web address
              (``lexicons/outlet_domains.tsv``); then a person with no role that nothing
              else places: a reporter who gives no nationality is, most often, writing of
              a compatriot (checked on the hand-labelled AllSides actors, ``newsgraph eval
              actors``);
``story``     an official (a person with a role) or an organisation in a story whose
              country words are mostly one country's (a person with no role: when the
              outlet is unknown);
``none-igo``  no country by nature: an international organisation or its officer;
``none-lexicon`` a lexicon entry without a country (the Islamic State);
``none-unknown`` no source gave one.

"<Outlet>'s <Name>" ("NPR's Tamara Keith") is the outlet's journalist: its country and
sector MED, from the text (:func:`outlet_journalists`).

Lookups are per actor, on the mentions it already has: no pass over the document per
actor (the story's country is counted once from the country words already collected).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import cache
from urllib.parse import urlparse

from ...lexicons import load_table, load_words
from ...records import Article
from .candidates import Cand, State
from .gazetteer import Gazetteer
from .offices import OfficeBook

# a dateline opening the story: "BEIRUT, Lebanon —", "NEW YORK/WASHINGTON (Reuters) -",
# "Washington (CNN)", "ABU DHABI, United Arab Emirates —"
_DATELINE = re.compile(
    r"\A\s*(?P<city>[A-Z][A-Za-z .'-]{1,40}?)(?:/[A-Z][A-Za-z .'/-]*?)?"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z. ]{1,30}?))?\s*(?:\((?P<agency>[A-Za-z .&]{2,30})\))?"
    r"\s*(?:[-\u2013\u2014]{1,2}|(?<=\))\s)"
)
_US_STATES = frozenset(
    "ala. alaska ariz. ark. calif. colo. conn. del. fla. ga. hawaii idaho ill. ind. iowa "
    "kan. ky. la. maine md. mass. mich. minn. miss. mo. mont. neb. nev. n.h. n.j. n.m. "
    "n.y. n.c. n.d. ohio okla. ore. pa. r.i. s.c. s.d. tenn. texas utah vt. va. wash. "
    "w.va. wis. wyo. d.c.".split()
)
# big datelined cities that are no capital (capitals come from the country lexicon)
_CITIES = {
    "new york": "USA", "los angeles": "USA", "san francisco": "USA", "chicago": "USA",
    "miami": "USA", "boston": "USA", "houston": "USA", "atlanta": "USA", "seattle": "USA",
    "geneva": "CHE", "davos": "CHE", "zurich": "CHE", "dubai": "ARE", "istanbul": "TUR",
    "shanghai": "CHN", "hong kong": "HKG", "mumbai": "IND", "sydney": "AUS",
    "toronto": "CAN", "montreal": "CAN", "frankfurt": "DEU", "munich": "DEU",
    "st. petersburg": "RUS", "saint petersburg": "RUS", "jerusalem": "ISR",
    "tel aviv": "ISR", "gaza": "PSE", "karachi": "PAK", "lagos": "NGA", "sao paulo": "BRA",
    "rio de janeiro": "BRA", "johannesburg": "ZAF", "osaka": "JPN", "milan": "ITA",
}  # fmt: skip


@dataclass
class Home:
    """Where the article stands: its day, dateline country, outlet country, main country."""

    day: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    story: str | None = None
    votes: Counter[str] = field(default_factory=Counter)


@cache
def _domains() -> dict[str, str]:
    return {r["domain"].lower(): r["country"] for r in load_table("outlet_domains.tsv")}


def outlet_country(article: Article) -> str | None:
    """The outlet's home country from its web address (a subdomain matches its domain)."""
    host = (urlparse(article.url or "").hostname or "").lower()
    if not host and article.source and "." in article.source:
        host = article.source.lower().removeprefix("https://").removeprefix("http://")
        host = host.split("/")[0]
    labels = host.split(".")
    for k in range(len(labels) - 1):
        hit = _domains().get(".".join(labels[k:]))
        if hit:
            return None if hit == "-" else hit
    return None


def dateline_country(text: str, g: Gazetteer) -> str | None:
    """The country of the dateline's city, region or state ("ALEXANDRIA, Va. (AP) —" → USA)."""
    m = _DATELINE.match(text[:200])
    if not m:
        return None
    city = m.group("city").strip()
    if not (city.isupper() or m.group("agency")):
        return None  # a sentence, not a dateline
    region = (m.group("region") or "").strip()
    if region.lower() in _US_STATES:
        return "USA"
    for part in (region, city):
        key = part.lower()
        iso = g.country_names.get(key) or g.capitals.get(key) or _CITIES.get(key)
        if iso:
            return iso
    return None


def article_home(st: State, article: Article) -> Home:
    """The article's home: dateline, outlet, and the country most of its words name."""
    home = Home(day=article.published)
    home.dateline = dateline_country(article.text, st.g)
    home.outlet = outlet_country(article)
    votes: Counter[str] = Counter(iso for _s, _e, iso in st.country_words)
    if home.dateline:
        votes[home.dateline] += 2
    if home.outlet:
        votes[home.outlet] += 1
    home.votes = votes
    if votes:
        (top, n), *rest = votes.most_common(2) + [("", 0)]
        # the story's country: clearly ahead of the next one
        if n >= 2 and n >= 1.5 * rest[0][1]:
            home.story = top
    return home


@dataclass
class Settled:
    """What one actor's cluster ends with."""

    country: str | None
    sectors: list[str]
    source: str
    name: str | None = None  # a fuller name the office book knows it by
    code: str | None = None  # an IGO officer's code
    role: str | None = None


def outlet_journalists(st: State) -> None:
    """'NPR's Corey Flintoff': a person right after a media outlet's possessive writes for it."""
    media_end = {c.end: c for c in st.cands if c.type == "media"}
    for c in st.cands:
        if c.kind != "person" or c.country or c.start < 2:
            continue
        if st.lower[c.start - 1] not in ("'s", "’s", "'", "’"):
            continue
        outlet = media_end.get(c.start - 1)
        if outlet is not None and outlet.country:
            c.country = outlet.country
            c.sectors = c.sectors or ("MED",)


def _untitled(name: str, titles: dict[str, tuple[str, ...]]) -> str:
    """'National Security Adviser Dina Powell' → 'Dina Powell' (a title the parse kept)."""
    words = name.split()
    for k in range(len(words) - 1, 0, -1):
        if " ".join(words[:k]).lower() in titles:
            return " ".join(words[k:])
    return name


def _names(cs: list[Cand], titles: dict[str, tuple[str, ...]]) -> list[str]:
    written = {_untitled(c.name, titles) for c in cs if c.kind in ("person", "named")}
    names = sorted(written, key=lambda n: (-len(n.split()), n))
    multi = [n for n in names if len(n.split()) >= 2]
    return multi or names  # a lone surname only when no fuller name is written


@cache
def _domestic() -> frozenset[str]:
    return load_words("domestic_titles.txt")


def settle(
    cs: list[Cand],
    kind: str,
    sectors: list[str],
    home: Home,
    book: OfficeBook,
    titles: dict[str, tuple[str, ...]],
    named: bool = False,
) -> Settled:
    """Country, sectors and their source for one actor (its mentions ``cs``).

    ``kind`` is the actor type (``igo`` for an IGO's officer); ``named`` says the actor is
    a lexicon entry (an institution, outlet, IGO), whose lexicon country is final.
    """
    text = next((c.country for c in cs if c.country and c.country_source == "text"), None)
    said = next((c.country for c in cs if c.country and c.country_source != "text"), None)
    names = _names(cs, titles)
    if text:
        out = Settled(text, sectors, "text")
        if kind == "person" and not sectors:
            _from_office(out, names, cs, home, book, keep_country=True)
        return out
    if kind == "person" or kind == "organization" and not named:
        out = Settled(None, sectors, "none-unknown")
        if _from_office(out, names, cs, home, book, keep_country=False):
            return out
    if "IGO" in sectors or kind == "igo":
        return Settled(None, sectors, "none-igo")
    if said:
        return Settled(said, sectors, "sentence")
    if named:
        return Settled(None, sectors, "none-lexicon")
    if kind == "person":
        roles = {r.lower() for c in cs for r in c.roles}
        if roles & _domestic() and home.outlet:
            return Settled(home.outlet, sectors, "outlet")
        if sectors and home.dateline and home.story in (None, home.dateline):
            return Settled(home.dateline, sectors, "dateline")
        # an official with no country in a story about one country ("opposition leader …")
        if sectors and home.story:
            return Settled(home.story, sectors, "story")
        # anyone else the reporter gives no country is, most often, of the readers' country
        if home.outlet:
            return Settled(home.outlet, sectors, "outlet")
    if kind in ("person", "organization") and (home.story or home.outlet):
        return Settled(home.story or home.outlet, sectors, "story" if home.story else "outlet")
    return Settled(None, sectors, "none-unknown")


def _from_office(
    out: Settled, names: list[str], cs: list[Cand], home: Home, book: OfficeBook,
    keep_country: bool,
) -> bool:  # fmt: skip
    hit = book.lookup(names, home.day)
    if hit is None:
        return False
    holder, period = hit
    if keep_country and period.country != out.country:
        return False  # the text places this person elsewhere: another person of that name
    if not out.sectors:
        out.sectors = list(period.sectors)
    if not keep_country:
        out.country = period.country
        out.source = "office" if period.country else "none-igo"
        if period.country is None:
            out.code = period.code
    if holder.source == "team" or all(len(c.name.split()) < 2 for c in cs if c.kind == "person"):
        out.name = holder.name
    out.role = period.role or None
    return True


__all__ = [
    "Home",
    "Settled",
    "article_home",
    "dateline_country",
    "outlet_country",
    "outlet_journalists",
    "settle",
]
