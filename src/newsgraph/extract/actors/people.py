"""People: titles with names, PERSON entities, appositions, partial names, inferred countries.

"Chinese Defense Minister Li Shangfu" → a person with role, country and sectors from the
title; "Shangfu" later joins him (never a second actor for a partial name); "Vladyslav
Vlasiuk, who helps the president's chief of staff" → a person whose role is that clause.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from ..index import SpanIndex
from ..syntax import sentence_end, sentence_start, span_head
from .candidates import (
    PERSON_LABELS,
    Cand,
    State,
    country_after,
    country_before,
    is_locative,
    is_name_token,
    of_country_start,
    strip_possessive,
)
from .gazetteer import Entry
from .names import apposition, name_run, orgish
from .vocab import NAME_PARTICLES, NAME_SUFFIXES, NOT_NAME_WORDS


def add_people(st: State, title_matches: list[tuple[str, int, int]]) -> None:
    """People from titles (with or without a name), PERSON entities and appositions.

    In four passes, each taking the tokens it uses so later passes skip them:

    1. a title with a name after it, or an office known by its country ("Taiwan's Vice
       Foreign Minister"), or a title said alone ("the president", resolved in coref);
    2. PERSON entities not yet covered;
    3. a capitalised pair before ", who …" or a role apposition ("Kenzo Oshima, the …");
    4. roles, sectors and country of the people found, from their appositions.
    """
    for _lab, s, e in title_matches:
        if st.free(s, e):
            _person_from_title(st, _read_title(st, s, e))
    _people_from_entities(st, title_matches)
    _people_before_clauses(st)
    _roles_from_appositions(st)


@dataclass(frozen=True)
class _Title:
    """One title match and what stands around it in its sentence."""

    start: int
    end: int
    text: str  # the title as written ("Defense Minister")
    sectors: tuple[str, ...]  # CAMEO sectors of the title
    name_start: int  # where a name after it would start (past stacked ranks)
    name_end: int  # where that name ends (== name_start when there is none)
    country: str | None  # a country word just before the title ("Russian", "Iran's")
    pre_start: int  # start of that country word (the title's start when there is none)
    sent_end: int


def _read_title(st: State, s: int, e: int) -> _Title:
    doc, g = st.doc, st.g
    sent_end = sentence_end(doc, s)
    title_text = doc[s:e].text
    sectors = g.titles.get(title_text.lower().replace("’", "'"), ())
    name_start = e
    # stacked ranks the matcher split ("Lt." + "Gen."): the title runs on
    while name_start < sent_end and doc[name_start].lower_ in g.titles:
        name_start += 1
    name_end = name_run(st, name_start, sent_end)
    country, pre_start = country_before(st, s)
    return _Title(s, e, title_text, sectors, name_start, name_end, country, pre_start, sent_end)


def _person_from_title(st: State, t: _Title) -> None:
    """Pass 1 for one free title match: the person it names, an office, or a bare title."""
    doc = st.doc
    if not t.country and _name_after_of_country(st, t):
        return
    if t.country:
        st.person_country_words.add(t.pre_start)
    if t.name_end > t.name_start and st.free(t.name_start, t.name_end):
        _titled_person(st, t)
        return
    after = country_after(st, t.end)
    if t.start >= 2 and st.lower[t.start - 1] == "," and is_name_token(doc[t.start - 2]):
        return  # "Jamal Abdi, president of …": an apposition, read with the name
    if t.country and _named_in_apposition(st, t):
        return
    if t.country or after:
        _office_holder(st, t, after)
        return
    _bare_title(st, t)


def _named_in_apposition(st: State, t: _Title) -> bool:
    """ "Britain's foreign minister, Boris Johnson, said": one person, the name with the
    title's country and sectors (the name must end at a comma or the sentence's end)."""
    doc = st.doc
    n0 = t.end + 1
    if n0 >= t.sent_end or st.lower[t.end] != ",":
        return False
    n_end = name_run(st, n0, t.sent_end)
    if n_end - n0 < 2 or not st.free(n0, n_end):
        return False
    if n_end < t.sent_end and st.lower[n_end] not in (",", ".", ";"):
        return False
    st.take(t.pre_start, n_end)
    st.cands.append(
        Cand(n0, n_end, "person", doc[n0:n_end].text, "person", t.country,
             t.sectors, (t.text,), head=span_head(doc, n0, n_end))
    )  # fmt: skip
    return True


def _name_after_of_country(st: State, t: _Title) -> bool:
    """A name after "of <country>,": "the president of France, Emmanuel Macron,"."""
    doc = st.doc
    of_country = of_country_start(st, t.end)
    if not of_country or t.name_end != t.name_start:
        return False
    cw_end = st.country_words_starting(of_country[0], of_country[0] + 1)[0][1]
    if cw_end >= t.sent_end or doc[cw_end].text != ",":
        return False
    n0 = cw_end + 1
    n_end = name_run(st, n0, t.sent_end)
    if not (n_end > n0 and st.free(n0, n_end)):
        return False
    country = country_after(st, t.end)
    st.person_country_words.add(of_country[0])
    st.take(t.start, n_end)
    st.cands.append(
        Cand(n0, n_end, "person", doc[n0:n_end].text, "person", country,
             t.sectors, (t.text,), head=span_head(doc, n0, n_end))
    )  # fmt: skip
    return True


def _claim_of_country(st: State, *ends: int) -> None:
    """'of <country>' after a name or title qualifies the person: not an actor of its own."""
    starts = of_country_start(st, *ends)
    st.person_country_words.update(starts)
    for start in set(starts):
        for cs, ce, _iso in st.country_words_starting(start, start + 1):
            st.take(cs, ce)


def _titled_person(st: State, t: _Title) -> None:
    """A title followed by a name: "Chinese Defense Minister Li Shangfu"."""
    doc = st.doc
    s, e = t.start, t.end
    country = t.country
    if country:
        st.take(t.pre_start, s)  # "Iran's" in "Iran's Supreme Leader …" is not an actor here
    else:
        country = country_after(st, t.name_end) or country_after(st, e)
        _claim_of_country(st, t.name_end, e)  # "King Hassan of Morocco"
    st.take(s, t.name_end)
    # "European Commission President Jean-Claude Juncker": an IGO's officer
    igo = next((c for c in st.igo_cands().overlapping(s - 3, s) if s - 2 <= c.end <= s), None)
    code = igo.code if igo and not country else None
    person_sectors = ("IGO", *t.sectors) if code else t.sectors
    st.cands.append(
        Cand(t.name_start, t.name_end, "person", doc[t.name_start:t.name_end].text, "person",
             country, person_sectors, (t.text,), code=code,
             head=span_head(doc, t.name_start, t.name_end))
    )  # fmt: skip


def _office_holder(st: State, t: _Title, after: str | None) -> None:
    """A person known by office: "a Russian official", "Taiwan's Vice Foreign Minister"."""
    doc = st.doc
    s, e = t.start, t.end
    if not t.country:
        _claim_of_country(st, e)
    country = t.country or after
    st.take(t.pre_start, e)
    start = t.pre_start
    if start > 0 and doc[start - 1].tag_ == "DT":
        start -= 1
    st.cands.append(
        Cand(start, e, "person", doc[start:e].text, "person", country, t.sectors, (t.text,),
             key=f"office:{country}:{t.text.lower()}", head=span_head(doc, s, e))
    )  # fmt: skip


def _bare_title(st: State, t: _Title) -> None:
    """A title with no name ("the president"): a reference for coref to resolve or drop."""
    doc = st.doc
    s, e = t.start, t.end
    if (
        s > 0
        and doc[s - 1].lower_ in ("the", "this")
        and (e >= len(doc) or doc[e].tag_ not in ("NN", "NNS"))
    ):
        st.cands.append(
            Cand(s - 1, e, "ref", doc[s - 1 : e].text, "person", title=t.text.lower(), head=e - 1)
        )


def _people_from_entities(st: State, title_matches: list[tuple[str, int, int]]) -> None:
    """Pass 2: PERSON entities no earlier rule covered."""
    doc = st.doc
    title_ends: dict[int, list[int]] = {}
    for _lab, ts, te in title_matches:
        title_ends.setdefault(ts, []).append(te)
    for ent in st.ents:
        if ent.label_ not in PERSON_LABELS:
            continue
        s, e = ent.start, strip_possessive(doc, ent.start, ent.end)
        # "Trump’s Miss Universe": the name ends at a possessive inside the entity
        e = next((k for k in range(s + 1, e) if st.lower[k] in ("'s", "’s")), e)
        # a title inside the entity ("President Bush"): the name is what follows it
        # (title_matches are sorted by start, so only a title starting where the name now
        # starts can move it on)
        while (moved := next((te for te in title_ends.get(s, ()) if te < e), None)) is not None:
            s = moved
        if not st.free(s, e) or not any(is_name_token(t) for t in doc[s:e]):
            continue
        inside = st.country_words_within(s, e)
        if inside and sum(ce - cs for cs, ce, _ in inside) == e - s:
            continue  # "Sri Lanka", "Bosnian Serbs" tagged PERSON: the country rules take them
        if orgish(st, s, e):
            continue  # "New Hampshire Democratic Party" tagged PERSON: not a person
        st.take(s, e)
        st.cands.append(Cand(s, e, "person", doc[s:e].text, "person", head=span_head(doc, s, e)))


def _people_before_clauses(st: State) -> None:
    """Pass 3: "Vladyslav Vlasiuk, who …" / "Kenzo Oshima, the … Coordinator,": a
    capitalised pair before a relative clause or a role apposition."""
    doc, lower = st.doc, st.lower
    for i in [k for k in range(len(doc) - 2) if lower[k] == ","]:
        if (
            lower[i + 1] in ("who", "whose")
            or lower[i + 1] in ("the", "a", "an")
            and apposition(st, i)[0]
        ):
            e = i
            s = e
            while s > 0 and e - s < 4 and is_name_token(doc[s - 1]) and not st.taken[s - 1]:
                s -= 1
            if e - s >= 2 and st.free(s, e) and not orgish(st, s, e) and not st.in_country_word(s):
                st.take(s, e)
                st.cands.append(Cand(s, e, "person", doc[s:e].text, "person", head=e - 1))


def _roles_from_appositions(st: State) -> None:
    """Pass 4: a person's role, sectors and country from the apposition or relative clause
    after the name; the words of that phrase are taken (no organisation from them)."""
    doc, g = st.doc, st.g
    for c in st.cands:
        if c.kind != "person" or c.roles and c.country:
            continue
        role, sectors, country, igo_name = apposition(st, c.end)
        if role:
            c.roles = c.roles or (role,)
            c.sectors = c.sectors or sectors
            c.country = c.country or country
            if igo_name and not c.country:
                c.sectors = ("IGO", *[x for x in c.sectors if x != "IGO"])
                entry = g.named.get(igo_name.lower())
                c.code = entry.code if entry else None
            # the apposition describes this person: no separate organisation from it
            stop = c.end + 1
            while stop < len(doc) and doc[stop].text not in (",", ".", ";", ":"):
                stop += 1
            for k in range(c.end + 1, stop):
                st.taken[k] = True


def _governs(doc: Doc, group: Cand, head: int) -> bool:
    """Whether ``group`` is the subject of a verb above token ``head`` in the parse."""
    tok = doc[head]
    for _ in range(12):
        if any(
            ch.dep_ in ("nsubj", "nsubjpass") and group.start <= ch.i < group.end
            for ch in tok.children
        ):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _suffixes(tokens: list[str]) -> set[str]:
    return {t for t in tokens if t in NAME_SUFFIXES}


def cluster_people(st: State) -> None:
    """Join partial names to full names; never a separate actor for 'Shangfu'."""
    doc = st.doc
    people = [c for c in st.cands if c.kind == "person" and not c.key.startswith("office:")]
    people.sort(key=lambda c: (-(c.end - c.start), c.start))
    full: list[tuple[list[str], Cand]] = []
    holding: dict[str, list[int]] = {}  # name word → the full names (by position) that hold it
    for c in people:
        # "Ms Merkel" joins "Angela Merkel": honorifics are no part of the name
        toks = [
            t.lower()
            for t in c.name.replace("’", "'").split()
            if t.lower() not in NAME_PARTICLES and t.lower().rstrip(".") not in NOT_NAME_WORDS
        ]
        if len(toks) > 1 and doc[c.start].tag_ in ("MD", "VB", "VBG", "JJ", "RB", "DT", "IN"):
            toks = toks[1:]  # a headline's "Will Meadows …": the word before is no first name
        # "Donald Trump" is not "Donald Trump Jr.": generational suffixes must agree, except
        # that a lone surname may join the only bearer of it
        some = holding.get(toks[0], []) if toks else []
        same = [full[k] for k in some if all(t in full[k][0] for t in toks)]
        exact = [(ft, f) for ft, f in same if _suffixes(ft) == _suffixes(toks)]
        pick = exact or (same if len(toks) == 1 else [])
        if pick:
            c.key = pick[0][1].key
        else:
            c.key = f"person:{c.name.lower()}"
            for word in dict.fromkeys(toks):
                holding.setdefault(word, []).append(len(full))
            full.append((toks, c))
    # single tokens the tagger called something else ("Shangfu" as ORG): join by name part
    parts: dict[str, str] = {}
    for _ftoks, f in sorted(full, key=lambda x: bool(_suffixes(x[0]))):
        for t in doc[f.start : f.end]:
            if len(t.text) > 2 and t.is_alpha and t.lower_ not in NAME_PARTICLES:
                parts.setdefault(t.lower_, f.key)
    if not parts:
        return
    ent_of = {i: ent for ent in st.ents for i in range(ent.start, ent.end)}
    lower = st.lower
    for i, low in enumerate(lower):
        key = parts.get(low)
        if key is None or st.taken[i] or not is_name_token(doc[i]):
            continue
        e = i + 1
        while e < len(doc) and not st.taken[e]:
            if parts.get(lower[e]) == key:
                e += 1
            elif lower[e] == "-" and e + 1 < len(doc) and parts.get(lower[e + 1]) == key:
                e += 2  # "Ocasio-Cortez" is three tokens
            else:
                break
        # inside an entity with other words ("Democratic Party"), a name part is not a name
        ent = ent_of.get(i)
        if ent is not None and ent.label_ not in PERSON_LABELS:
            rest = [t for t in doc[ent.start : ent.end] if not (i <= t.i < e)]
            if any(t.is_alpha and t.text[:1].isupper() and t.lower_ != "the" for t in rest):
                continue
        st.take(i, e)
        st.cands.append(
            Cand(i, e, "person", doc[i:e].text, "person", key=key, head=span_head(doc, i, e))
        )


def infer_missing_countries(st: State) -> None:
    """A person with an official role and no stated country takes it from the sentence.

    Before the person, the nearest nationality of a group ("… Ukrainian soldiers continue
    to find …, with Vladyslav Vlasiuk, who helps the president's chief of staff" → UKR);
    a country that acts in the sentence is never taken ("was the work of Iran, Secretary
    of State Mike Pompeo said" gives Pompeo nothing). After the person, only a country
    that is where something happens ("resigned without returning to Kyrgyzstan").
    """
    doc = st.doc
    by_key: dict[str, list[Cand]] = {}
    for c in st.cands:
        by_key.setdefault(c.key, []).append(c)
    # read once for every person (this pass changes only the persons' countries)
    in_media = {k for c in st.cands if c.type == "media" for k in range(c.start, c.end)}
    acting = {c.start for c in st.cands if c.kind == "country"}
    groups_at = SpanIndex(
        [c for c in st.cands if c.kind == "group" and c.type == "group" and c.country],
        lambda c: (c.start, c.start + 1),
    )
    for key, cs in by_key.items():
        if not key.startswith("person:") or any(c.country for c in cs):
            continue
        if not any(c.sectors for c in cs):
            continue
        first = min(cs, key=lambda c: c.start)
        lo = sentence_start(doc, first.start)
        # only a group that is the subject of a clause this person hangs from
        # a people group ("soldiers", not "a German court") that is the subject of the clause
        # the person joins as a companion ("…, with Vladyslav Vlasiuk, who …")
        head = doc[first.head]
        companion = head.dep_ == "pobj" and head.head.lower_ in ("with", "including", "among")
        groups = [
            c for c in (groups_at.overlapping(lo, first.start) if companion else [])
            if lo <= c.start < first.start and _governs(doc, c, first.head)
        ]  # fmt: skip
        if groups:
            first.country, first.country_source = groups[-1].country, "sentence"
            continue
        hi = sentence_end(doc, first.start)
        after = [
            iso for s, _e, iso in st.country_words_starting(first.end, hi)
            if s not in st.person_country_words and s not in acting
            and is_locative(doc[s]) and s not in in_media
        ]  # fmt: skip
        if after:
            first.country, first.country_source = after[0], "sentence"


def apply_user_people(st: State, user: list[tuple[str, int, int]]) -> None:
    """People in a user dictionary: fill country/sectors the text did not give."""
    if not user:
        return
    by_key: dict[str, list[Cand]] = {}
    for c in st.cands:
        by_key.setdefault(c.key, []).append(c)
    spans = SpanIndex(st.cands, lambda c: (c.start, c.end))
    for _lab, s, e in user:
        key = st.doc[s:e].text.replace("’", "'").lower()
        entry: Entry | None = st.g.named.get(key)
        if entry is None or entry.type != "person":
            continue
        for c in spans.overlapping(s, e):
            if c.kind == "person" and c.start <= s and e <= c.end or (c.start == s and c.end == e):
                for d in by_key[c.key]:
                    d.country = d.country or entry.country
                    d.sectors = d.sectors or entry.sectors
                    d.code = d.code or entry.code
