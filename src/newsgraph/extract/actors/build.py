"""Actors: people, organisations, countries, groups, media and IGOs, with every mention.

How an article's actors are found (spaCy NER plus rules over the lexicons of
:mod:`.gazetteer` and the word lists of :mod:`.vocab`, all in ``newsgraph/lexicons``):

1. Named institutions, media outlets, IGOs and user-dictionary names (phrase matches).
2. People: a title followed by a name ("Chinese Defense Minister Li Shangfu"), PERSON
   entities, and a capitalised name followed by ", who …". Roles and countries come from
   the text: the title, a country word before it ("Russian", "Taiwan's"), "of <country>"
   after it, an apposition or relative clause after the name. A person with a role but no
   country stated takes one from the sentence (:func:`.people.infer_missing_countries`).
3. Countries acting (subject, object, recipient — not "in Ukraine", which is only a
   place); a capital used for its government ("Beijing supplying weapons") is a mention
   of that country's actor with sector GOV. A country word that modifies a title or a
   group noun gives that actor its country instead of being an actor itself.
4. Groups: a country word + a group noun ("Ukrainian soldiers" → UKR MIL), or a plural
   demonym as a subject ("Palestinians").
5. Other ORG entities, with country and sector read from their own words.
6. Coreference: surnames and given names join the full name's actor (never a second actor
   for a partial name; :func:`.people.cluster_people`), then (:mod:`.coref`) offices,
   title-alone mentions and he/she pronouns join the person they clearly refer back to,
   and "both parties" after two people (or countries) is a mention of each.

7. Country and role where the text gives none (:mod:`.homes`): dated office holders at the
   publication date (:mod:`.offices`), the sentence, the dateline, the outlet, the story;
   ``country_source`` says which, or why there is none. An office holder the book knows is
   named one way across the corpus ("Trump" → "Donald Trump").

``code`` is the CAMEO-style actor code: country + primary sector (``RUSGOV``, ``CHNMIL``);
IGOs carry their CAMEO code from ``lexicons/igos.tsv`` (NATO = ``IGOWSTNAT``); media
``<country>MED``. A capital used metonymically is both an actor mention (of the country,
GOV) and a place mention (see places.py): the actor says who acted, the place where.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Doc

from ...records import Actor, Article, Span
from .candidates import Cand, State, non_overlapping
from .collectives import (
    add_countries,
    add_named,
    add_orgs,
    add_other_groups,
    collect_country_words,
    join_short_forms,
)
from .coref import resolve_references
from .gazetteer import gazetteer, matchers
from .homes import article_home, outlet_journalists, settle
from .offices import OfficeBook, office_book
from .parties import add_party_members
from .people import add_people, apply_user_people, cluster_people, infer_missing_countries

if TYPE_CHECKING:
    from ..context import ExtractOptions


def _build(st: State, article: Article, book: OfficeBook) -> list[Actor]:
    text = article.text
    doc = st.doc
    home = article_home(st, article)
    clusters: dict[str, list[Cand]] = {}
    for c in st.cands:
        if c.kind == "ref":
            continue
        clusters.setdefault(c.key or f"{c.kind}:{c.name.lower()}", []).append(c)
    order = sorted(clusters, key=lambda k: min(c.start for c in clusters[k]))
    actors: list[Actor] = []
    for n, key in enumerate(order, start=1):
        cs = sorted(clusters[key], key=lambda c: c.start)
        # the name: the longest written name, not an office that joined it ("the French
        # president" is Emmanuel Macron's mention, not his name)
        named = [c for c in cs if c.kind != "coref" and c.country_source != "office-mention"]
        main = max(
            named or [c for c in cs if c.kind != "coref"],
            key=lambda c: (len(c.name.split()), -c.start),
        )
        sectors: list[str] = []
        for c in sorted(cs, key=lambda c: (not c.roles, c.start)):
            for s in c.sectors:
                if s not in sectors:
                    sectors.append(s)
        if main.type == "country" and any(c.metonym for c in cs) and "GOV" not in sectors:
            sectors.append("GOV")
        roles: list[str] = []
        for c in cs:
            for r in c.roles:
                if r.lower() not in (x.lower() for x in roles):
                    roles.append(r)
        igo = any((c.code or "").startswith("IGO") for c in cs)
        kind = "igo" if igo else main.type
        settled = settle(cs, kind, sectors, home, book, st.g.titles, named=main.kind == "named")
        country, sectors = settled.country, settled.sectors
        if settled.role and not roles:
            roles.append(settled.role)
        code = (
            next((c.code for c in cs if c.code), None)
            or settled.code
            or actor_code(country, sectors, main.type)
        )
        spans = []
        for c in cs:
            c.actor = n - 1
            s_char, e_char = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
            spans.append(Span.of(text, s_char, e_char))
        name = settled.name or main.name
        if main.type == "country" and country:
            name = st.g.countries[country].name
        actors.append(
            Actor(
                f"a{n}",
                name,
                main.type,
                tuple(_dedupe(spans)),
                country,
                tuple(sectors),
                tuple(roles),
                code,
                settled.source,
            )
        )
    return actors


def _dedupe(spans: list[Span]) -> list[Span]:
    seen: set[tuple[int, int]] = set()
    out = []
    for s in sorted(spans, key=lambda s: (s.start, s.end)):
        if (s.start, s.end) not in seen:
            seen.add((s.start, s.end))
            out.append(s)
    return out


def actor_code(country: str | None, sectors: list[str], kind: str) -> str | None:
    """The CAMEO-style code: country + primary sector ("RUSGOV"); media "<country>MED"."""
    if kind == "media":
        return (country or "") + "MED"
    primary = sectors[0] if sectors else ""
    return (country or "") + primary or None


def find_candidates(doc: Doc, user_dictionaries: tuple[str, ...] = ()) -> list[Cand]:
    """Every actor mention the rules find in ``doc``, clustered by ``key`` (no coreference yet)."""
    return _find(doc, user_dictionaries).cands


Match = tuple[str, int, int]  # lexicon kind, token start, token end


def matched_state(
    doc: Doc, user_dictionaries: tuple[str, ...] = ()
) -> tuple[State, list[Match], list[Match]]:
    """Before any rule: the lexicon matches of ``doc`` in a fresh State (country words,
    titles and named institutions set), with the user-dictionary and group-noun matches."""
    g = gazetteer(user_dictionaries)
    m = matchers(user_dictionaries)
    labels = m.labels
    name_matches = [(labels[i], s, e) for i, s, e in m.names(doc)]
    common = [(labels[i], s, e) for i, s, e in m.common(doc)]
    st = State(doc, g, [False] * len(doc))
    collect_country_words(st, name_matches)
    st.title_matches = non_overlapping([x for x in common if x[0] == "TITLE"])
    st.named_matches = [x for x in name_matches if x[0] == "NAMED"]
    user = [x for x in common if x[0] == "USER"]
    groups = [x for x in common if x[0] == "GROUP"]
    return st, user, groups


def _find(doc: Doc, user_dictionaries: tuple[str, ...]) -> State:
    st, user, groups = matched_state(doc, user_dictionaries)
    add_named(st, st.named_matches, user)  # 1
    add_people(st, st.title_matches)  # 2
    add_countries(st, groups)  # 3 and 4 (country word + group noun)
    add_other_groups(st, groups)  # 4 (group nouns without a country word)
    add_party_members(st)  # 4 ("Republicans", "Democratic leaders"): parties.py
    cluster_people(st)  # 6, first half: partial names join the full name
    add_orgs(st)  # 5
    join_short_forms(st)  # "the Post" joins "The Washington Post"
    apply_user_people(st, user)
    outlet_journalists(st)  # 2: "NPR's Tamara Keith"
    infer_missing_countries(st)  # 2, last part: a person's country from the sentence
    st.cands.sort(key=lambda c: c.start)
    return st


def extract_actors(doc: Doc, article: Article, options: ExtractOptions) -> list[Actor]:
    """The article's actors in order of first mention (ids a1, a2, …), each with every mention."""
    st = _find(doc, tuple(options.actor_dictionaries))
    resolve_references(doc, st.cands, st.lower)
    return _build(st, article, office_book(tuple(options.actor_dictionaries)))


__all__ = ["Cand", "extract_actors", "find_candidates", "matched_state"]
