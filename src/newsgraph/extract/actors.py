"""Actors: people, organisations, countries, groups, media and IGOs, with every mention.

How an article's actors are found (spaCy NER plus rules over the lexicons of
:mod:`newsgraph.extract.gazetteer`):

1. Named institutions, media outlets, IGOs and user-dictionary names (phrase matches).
2. People: a title followed by a name ("Chinese Defense Minister Li Shangfu"), PERSON
   entities, and a capitalised name followed by ", who …". Roles and countries come from
   the text: the title, a country word before it ("Russian", "Taiwan's"), "of <country>"
   after it, an apposition or relative clause after the name. A person with a role but no
   country stated takes the nearest country word before it in the sentence.
3. Countries acting (subject, object, recipient — not "in Ukraine", which is only a
   place); a capital used for its government ("Beijing supplying weapons") is a mention
   of that country's actor with sector GOV. A country word that modifies a title or a
   group noun gives that actor its country instead of being an actor itself.
4. Groups: a country word + a group noun ("Ukrainian soldiers" → UKR MIL), or a plural
   demonym as a subject ("Palestinians").
5. Other ORG entities, with country and sector read from their own words.
6. Coreference (:mod:`newsgraph.extract.coref`): surnames and given names join the full
   name's actor (never a second actor for a partial name), title-alone mentions and
   he/she pronouns join the person they clearly refer back to.

``code`` is the CAMEO-style actor code: country + primary sector (``RUSGOV``, ``CHNMIL``);
IGOs carry their CAMEO code from ``lexicons/igos.tsv`` (NATO = ``IGOWSTNAT``); media
``<country>MED``. A capital used metonymically is both an actor mention (of the country,
GOV) and a place mention (see places.py): the actor says who acted, the place where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..records import Actor, Article, Span
from .coref import resolve_references
from .gazetteer import Entry, Gazetteer, gazetteer, matchers

if TYPE_CHECKING:
    from . import ExtractOptions

LOCATIVE_PREPS = frozenset(
    "in at near inside within throughout across around outside into from over along beyond "
    "across toward towards via".split()
)
# Verbs after which a capital is where someone went, not a government acting.
MOTION_VERBS = frozenset(
    "visit visited visits visiting travel travelled traveled travels travelling traveling go went "
    "goes going come came comes coming fly flew flies flying arrive arrived arrives arriving "
    "return "
    "returned returns returning head headed heads heading move moved moves leave left leaves "
    "leaving reach reached reaches tour toured flee fled relocate relocated".split()
)
NAME_PARTICLES = frozenset(
    "al al- el bin ibn de da di del van von der le la du dos das ben abu".split()
)
PRONOUN_TAGS = frozenset({"PRP"})
PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG", "FAC"})
MEDIA_WORDS = frozenset(
    "times news post journal herald tribune gazette daily radio television tv press agency "
    "broadcasting chronicle telegraph observer courier standard monitor".split()
)
ORG_SECTOR_WORDS = {
    "court": "JUD", "tribunal": "JUD", "army": "MIL", "navy": "MIL", "military": "MIL",
    "police": "COP", "party": "PTY", "front": "REB", "rebels": "REB", "liberation": "REB",
    "ministry": "GOV", "government": "GOV", "parliament": "LEG", "assembly": "LEG",
    "council": "GOV", "committee": "NGO", "association": "NGO", "union": "LAB",
    "university": "EDU", "bank": "BUS", "company": "BUS", "corporation": "BUS", "inc": "BUS",
    "church": "REL", "foundation": "NGO", "institute": "NGO", "coalition": "OPP",
    "forum": "NGO", "movement": "OPP",
}  # fmt: skip
NOT_NAME_WORDS = frozenset(
    "the a an of and or but in on at to for with by from mr mrs ms dr sir".split()
)


@dataclass
class Cand:
    """One actor mention before clustering: token range plus what the text says about it."""

    start: int
    end: int
    kind: str  # person|country|named|group|org|ref (title/pronoun: resolved in coref)
    name: str
    type: str
    country: str | None = None
    sectors: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    code: str | None = None
    metonym: bool = False
    key: str = ""
    title: str | None = None  # for kind=ref: the title said alone ("the president")
    pronoun: bool = False
    head: int = -1  # syntactic head token of the mention
    actor: int | None = None  # cluster index once clustered


@dataclass
class _State:
    doc: Doc
    g: Gazetteer
    taken: list[bool]
    cands: list[Cand] = field(default_factory=list)
    country_words: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, iso3
    title_matches: list[tuple[str, int, int]] = field(default_factory=list)
    named_matches: list[tuple[str, int, int]] = field(default_factory=list)
    person_country_words: set[int] = field(default_factory=set)  # starts used by a person's title
    ents: list[SpacySpan] = field(
        default_factory=list
    )  # doc.ents, read once (it is rebuilt per call)
    lower: list[str] = field(default_factory=list)  # lower-cased token texts, read once

    def __post_init__(self) -> None:
        self.ents = []
        for ent in self.doc.ents:
            # an entity never runs across a paragraph break ("Associated Press\n\nContributing")
            pieces, s = [], ent.start
            for i in range(ent.start, ent.end):
                if self.doc[i].is_space:
                    pieces.append((s, i))
                    s = i + 1
            pieces.append((s, ent.end))
            for s, e in pieces:
                if s < e and any(t.is_alpha for t in self.doc[s:e]):
                    self.ents.append(
                        ent
                        if (s, e) == (ent.start, ent.end)
                        else SpacySpan(self.doc, s, e, label=ent.label)
                    )
        strings = self.doc.vocab.strings
        self.lower = [strings[h] for h in self.doc.to_array("LOWER").tolist()]
        self.person_ent_end = {e.start: e.end for e in self.ents if e.label_ in PERSON_LABELS}

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def take(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.taken[i] = True


def _longest_first(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    return sorted(matches, key=lambda m: (-(m[2] - m[1]), m[1]))


def _span_head(doc: Doc, start: int, end: int) -> int:
    """The token of start:end whose head lies outside it (the last one when unparsed)."""
    for i in range(end - 1, start - 1, -1):
        h = doc[i].head.i
        if h < start or h >= end or h == i:
            return i
    return end - 1


def _strip_possessive(doc: Doc, start: int, end: int) -> int:
    while (
        end > start + 1
        and doc[end - 1].tag_ == "POS"
        or (end > start + 1 and doc[end - 1].text in ("'s", "’s", "'", "’"))
    ):
        end -= 1
    return end


def _is_name_token(tok: Token) -> bool:
    t = tok.text
    if not t or not t[0].isupper() or t.lower() in NOT_NAME_WORDS:
        return False
    if tok.tag_ and tok.tag_ not in ("NNP", "NNPS", "NN", "JJ", "FW"):
        return False
    return bool(re.fullmatch(r"[A-Z][\w'’.\-]*", t))


def _country_before(st: _State, start: int, limit: int = 6) -> tuple[str | None, int]:
    """A country word in the words just before ``start`` (same phrase): iso3 and its start.

    Walks back over adjectives, other title words and possessive 's ("Taiwan's Vice
    Foreign Minister", "Senior Hungarian", "the U.S."), stopping at verbs and punctuation.
    """
    doc = st.doc
    i = start - 1
    lo = max(0, start - limit)
    while i >= lo:
        tok = doc[i]
        for s, e, iso in st.country_words:
            if e == i + 1 or e == i and doc[i].text in ("'s", "’s", "'", "’"):
                if s >= 2 and st.lower[s - 1] == "-" and st.lower[s - 2] in ("pro", "anti"):
                    return None, start  # "pro-Iranian Hizbollah" is not Iranian
                return iso, s
        if (
            tok.is_punct
            and tok.text not in ("-",)
            or tok.tag_.startswith("V")
            or tok.tag_ in ("IN", "WDT", "WP")
        ):
            return None, start
        if tok.tag_ in (
            "DT",
            "JJ",
            "JJS",
            "JJR",
            "NNP",
            "NN",
            "POS",
            "CD",
            "HYPH",
            "RB",
        ):
            i -= 1
            continue
        return None, start
    return None, start


def _of_country_start(st: _State, *ends: int) -> list[int]:
    """Starts of the country words in 'of <country>' right after any of ``ends``."""
    out = []
    for end in ends:
        if end >= len(st.doc) or st.doc[end].lower_ != "of":
            continue
        nxt = end + 2 if end + 1 < len(st.doc) and st.doc[end + 1].lower_ == "the" else end + 1
        out += [s for s, _e, _iso in st.country_words if s == nxt]
    return out


def _country_after(st: _State, end: int) -> str | None:
    """'of <country>' right after a name or title ("King Hassan of Morocco")."""
    doc = st.doc
    if end < len(doc) and doc[end].lower_ == "of":
        nxt = end + 1
        if nxt < len(doc) and doc[nxt].lower_ == "the":
            nxt += 1
        for s, e, iso in st.country_words:
            if s == nxt and not (e < len(doc) and doc[e].text == "-"):  # not "Washington-based"
                return iso
    return None


def _collect_country_words(st: _State, name_matches: list[tuple[str, int, int]]) -> None:
    g = st.g
    for label, s, e in name_matches:
        text = st.doc[s:e].text
        iso = None
        if label in ("COUNTRY", "DEMONYM"):
            iso = g.country_of_word(text)
        elif label == "CAPITAL":
            iso = g.capitals.get(text.lower())
        if iso:
            st.country_words.append((s, e, iso))
    # keep the longest word at each place ("South Korea" over "Korea")
    best: dict[int, tuple[int, int, str]] = {}
    for s, e, iso in sorted(st.country_words, key=lambda x: (x[0], -(x[1] - x[0]))):
        if any(bs <= s and e <= be for bs, be, _ in best.values()):
            continue
        best[s] = (s, e, iso)
    st.country_words = sorted(best.values())


def _add_named(
    st: _State, named: list[tuple[str, int, int]], user: list[tuple[str, int, int]]
) -> None:
    doc, g = st.doc, st.g
    ents = [e for e in st.ents if e.label_ in ORG_LABELS]
    for label, s, e in _longest_first(user + named):
        if not st.free(s, e):
            continue
        text = doc[s:e].text
        key = text.replace("’", "'").lower()
        key = key[4:] if key.startswith("the ") else key
        entry = g.named.get(key)
        if entry is None:
            continue
        # "Congress" inside "Indian National Congress": the longer organisation wins
        if label == "NAMED" and any(
            x.start <= s
            and e <= x.end
            and (x.end - x.start) > (e - s) + (doc[x.start].lower_ == "the")
            for x in ents
        ):
            continue
        if entry.type == "person" and label == "USER":
            continue  # user-dictionary people join through the person rules below
        if entry.type == "organization" and entry.country:
            # "Ivory Coast's Supreme Court", "the Russian Senate": not the American ones
            other, pre = _country_before(st, s, limit=3)
            if other and other != entry.country:
                st.take(pre, e)
                name = doc[pre:e].text
                st.cands.append(
                    Cand(pre, e, "org", name, "organization", other, entry.sectors,
                         key="org:" + name.lower(), head=_span_head(doc, pre, e))
                )  # fmt: skip
                continue
        st.take(s, e)
        st.cands.append(
            Cand(s, e, "named", entry.name, entry.type, entry.country, entry.sectors,
                 code=entry.code, key="named:" + entry.name, head=_span_head(doc, s, e))
        )  # fmt: skip


def _orgish(st: _State, s: int, e: int) -> bool:
    """Words that make a capitalised run an organisation, not a person ("… Party", "… Court")."""
    return any(st.lower[k] in ORG_SECTOR_WORDS or st.lower[k] in st.g.groups for k in range(s, e))


def _name_run(st: _State, start: int, sent_end: int) -> int:
    """End of the run of capitalised name tokens starting at ``start`` (start if none)."""
    doc = st.doc
    i = start
    while i < sent_end and i - start < 5:
        tok = doc[i]
        if (
            tok.lower_ in NAME_PARTICLES
            and i + 1 < sent_end
            and _is_name_token(doc[i + 1])
            and i > start
        ):
            i += 1
            continue
        if (
            not _is_name_token(tok)
            or tok.ent_type_ in ("DATE", "TIME", "GPE", "NORP")
            and tok.ent_iob_ == "B"
            and i > start
        ):
            break
        if any(s == i for s, _e, _iso in st.country_words) and not tok.ent_type_ == "PERSON":
            break
        i += 1
    # a PERSON entity that starts here decides where the name ends
    if start in st.person_ent_end:
        return _strip_possessive(doc, start, st.person_ent_end[start])
    return _strip_possessive(doc, start, i) if i > start else start


def _sent_end(doc: Doc, i: int) -> int:
    try:
        return doc[i].sent.end
    except ValueError:  # unparsed hand-built Doc
        return len(doc)


def _sent_start(doc: Doc, i: int) -> int:
    try:
        return doc[i].sent.start
    except ValueError:
        return 0


def _apposition(st: _State, end: int) -> tuple[str | None, tuple[str, ...], str | None, str | None]:
    """Role words after a name: ", the <…title…>," or ", who <verb> … <title> …,".

    Returns (role text, sectors, country, igo name) read from that phrase.
    """
    doc = st.doc
    if end >= len(doc) - 1 or doc[end].text != ",":
        return None, (), None, None
    stop = end + 1
    limit = min(len(doc), end + 18)
    while stop < limit and doc[stop].text not in (",", ".", ";", ":", "(", ")", '"', "“", "”"):
        stop += 1
    first = doc[end + 1]
    if (
        first.lower_ not in ("the", "a", "an", "who", "whose")
        and not first.text[:1].isupper()
        and not any(s0 == end + 1 for _lab, s0, _e in st.title_matches)
    ):
        return None, (), None, None
    titles = [(s, e) for lab, s, e in st.title_matches if end + 1 <= s and e <= stop]
    if not titles:
        return None, (), None, None
    s0, e0 = titles[-1]
    sectors = st.g.titles.get(doc[s0:e0].text.lower(), ())
    country = next((iso for s, e, iso in st.country_words if end + 1 <= s and e <= stop), None)
    igo = next(
        (
            c
            for c in st.cands
            if c.kind == "named" and c.type == "igo" and end + 1 <= c.start and c.end <= stop
        ),
        None,
    )
    igo_name = igo.name if igo else None
    for _lab, ns, ne in st.named_matches:
        entry = st.g.named.get(doc[ns:ne].text.replace("’", "'").lower())
        if igo_name is None and end + 1 <= ns and ne <= stop and entry and entry.type == "igo":
            igo_name = entry.name  # inside an ORG entity, so not an actor of its own
    start_role = end + 2 if first.lower_ in ("who", "whose") else end + 1
    role = doc[start_role:stop].text
    return role, sectors, country, igo_name


def _add_people(st: _State, title_matches: list[tuple[str, int, int]]) -> None:
    doc, g = st.doc, st.g
    # 1. title + name, or a title with a country word before it and no name after it
    for _lab, s, e in title_matches:
        if not st.free(s, e):
            continue
        sent_end = _sent_end(doc, s)
        title_text = doc[s:e].text
        sectors = g.titles.get(title_text.lower().replace("’", "'"), ())
        name_start = e
        # stacked ranks the matcher split ("Lt." + "Gen."): the title runs on
        while name_start < sent_end and doc[name_start].lower_ in g.titles:
            name_start += 1
        name_end = _name_run(st, name_start, sent_end)
        country, pre_start = _country_before(st, s)
        of_country = _of_country_start(st, e)
        if not country and of_country and name_end == name_start:
            # "the president of France, Emmanuel Macron,": the name after "of <country>,"
            cw_end = next(ce for cs, ce, _iso in st.country_words if cs == of_country[0])
            if cw_end < sent_end and doc[cw_end].text == ",":
                n0 = cw_end + 1
                n_end = _name_run(st, n0, sent_end)
                if n_end > n0 and st.free(n0, n_end):
                    country = _country_after(st, e)
                    st.person_country_words.add(of_country[0])
                    st.take(s, n_end)
                    st.cands.append(
                        Cand(n0, n_end, "person", doc[n0:n_end].text, "person", country,
                             sectors, (title_text,), head=_span_head(doc, n0, n_end))
                    )  # fmt: skip
                    continue
        if country:
            st.person_country_words.add(pre_start)
        if name_end > name_start and st.free(name_start, name_end):
            if country:
                st.take(pre_start, s)  # "Iran's" in "Iran's Supreme Leader …" is not an actor here
            else:
                country = _country_after(st, name_end) or _country_after(st, e)
                starts = _of_country_start(st, name_end, e)
                st.person_country_words.update(starts)
                for cs, ce, _iso in st.country_words:
                    if cs in starts:
                        st.take(cs, ce)  # "King Hassan of Morocco": Morocco qualifies him
            st.take(s, name_end)
            st.cands.append(
                Cand(name_start, name_end, "person", doc[name_start:name_end].text, "person",
                     country,
                     sectors, (title_text,), head=_span_head(doc, name_start, name_end))
            )  # fmt: skip
            continue
        after = _country_after(st, e)
        if s >= 2 and st.lower[s - 1] == "," and _is_name_token(doc[s - 2]):
            continue  # "Jamal Abdi, president of …": an apposition, read with the name
        if country or after:
            # "a Russian official", "Taiwan's Vice Foreign Minister": a person known by office
            if not country:
                starts = _of_country_start(st, e)
                st.person_country_words.update(starts)
                for cs, ce, _iso in st.country_words:
                    if cs in starts:
                        st.take(cs, ce)
            country = country or after
            st.take(pre_start, e)
            start = pre_start
            if start > 0 and doc[start - 1].tag_ == "DT":
                start -= 1
            st.cands.append(
                Cand(start, e, "person", doc[start:e].text, "person", country, sectors,
                     (title_text,),
                     key=f"office:{country}:{title_text.lower()}", head=_span_head(doc, s, e))
            )  # fmt: skip
            continue
        if (
            s > 0
            and doc[s - 1].lower_ in ("the", "this")
            and (e >= len(doc) or doc[e].tag_ not in ("NN", "NNS"))
        ):
            st.cands.append(
                Cand(
                    s - 1,
                    e,
                    "ref",
                    doc[s - 1 : e].text,
                    "person",
                    title=title_text.lower(),
                    head=e - 1,
                )
            )
    # 2. PERSON entities not yet covered
    for ent in st.ents:
        if ent.label_ not in PERSON_LABELS:
            continue
        s, e = ent.start, _strip_possessive(doc, ent.start, ent.end)
        # a title inside the entity ("President Bush"): the name is what follows it
        for _lab, ts, te in title_matches:
            if ts == s and te < e:
                s = te
        if not st.free(s, e) or not any(_is_name_token(t) for t in doc[s:e]):
            continue
        inside = [(cs, ce, iso) for cs, ce, iso in st.country_words if s <= cs and ce <= e]
        if inside and sum(ce - cs for cs, ce, _ in inside) == e - s:
            continue  # "Sri Lanka", "Bosnian Serbs" tagged PERSON: the country rules take them
        if _orgish(st, s, e):
            continue  # "New Hampshire Democratic Party" tagged PERSON: not a person
        st.take(s, e)
        st.cands.append(Cand(s, e, "person", doc[s:e].text, "person", head=_span_head(doc, s, e)))
    # 3. "Vladyslav Vlasiuk, who …" / "Kenzo Oshima, the … Coordinator,": a capitalised
    # pair before a relative clause or a role apposition
    lower = st.lower
    for i in [k for k in range(len(doc) - 2) if lower[k] == ","]:
        if (
            lower[i + 1] in ("who", "whose")
            or lower[i + 1] in ("the", "a", "an")
            and _apposition(st, i)[0]
        ):
            e = i
            s = e
            while s > 0 and e - s < 4 and _is_name_token(doc[s - 1]) and not st.taken[s - 1]:
                s -= 1
            if (
                e - s >= 2
                and st.free(s, e)
                and not _orgish(st, s, e)
                and not any(cs <= s < ce for cs, ce, _ in st.country_words)
            ):
                st.take(s, e)
                st.cands.append(Cand(s, e, "person", doc[s:e].text, "person", head=e - 1))
    # roles from appositions and relative clauses
    for c in st.cands:
        if c.kind != "person" or c.roles and c.country:
            continue
        role, sectors, country, igo = _apposition(st, c.end)
        if role:
            c.roles = c.roles or (role,)
            c.sectors = c.sectors or sectors
            c.country = c.country or country
            if igo and not c.country:
                c.sectors = ("IGO", *[x for x in c.sectors if x != "IGO"])
                c.code = g.named[igo.lower()].code if igo.lower() in g.named else None
            # the apposition describes this person: no separate organisation from it
            stop = c.end + 1
            while stop < len(doc) and doc[stop].text not in (",", ".", ";", ":"):
                stop += 1
            for k in range(c.end + 1, stop):
                st.taken[k] = True


def _dep(tok: Token) -> str:
    return tok.dep_ or ""


def _is_locative(tok: Token) -> bool:
    """A place phrase: pobj of in/at/near…, or the object of a visit-like verb."""
    head = tok
    while _dep(head) in ("conj", "compound", "appos") and head.head.i != head.i:
        head = head.head
    dep = _dep(head)
    if dep == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
        return True
    if dep == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ in MOTION_VERBS:
        return True
    return False


def _is_governmental_use(tok: Token) -> bool:
    """A capital standing for its government: subject, possessor, recipient, not a destination."""
    head = tok
    while _dep(head) in ("conj", "compound", "appos") and head.head.i != head.i:
        head = head.head
    dep = _dep(head)
    if not dep:
        return False
    if dep in ("nsubj", "nsubjpass", "poss", "agent"):
        return True
    if dep == "dobj":
        return head.head.lower_ not in MOTION_VERBS
    if dep == "pobj":
        prep = head.head
        if prep.lower_ in ("with", "against", "by", "on", "of", "between"):
            return True
        if prep.lower_ == "to":
            return prep.head.lower_ not in MOTION_VERBS
    return False


def _modifies_following_noun(st: _State, s: int, e: int) -> bool:
    """'U.S. official', 'Chinese Defense Minister', 'Pentagon papers': a modifier, not an actor."""
    doc = st.doc
    if e >= len(doc):
        return False
    nxt = doc[e]
    if doc[e - 1].text in ("'s", "’s"):
        return False
    head = doc[_span_head(doc, s, e)]
    if _dep(head) in ("compound", "amod", "nmod", "npadvmod") and head.head.i >= e:
        return True
    # unparsed: a country word directly before a common or proper noun
    return not _dep(head) and nxt.tag_ in ("NN", "NNS", "NNP", "NNPS") and nxt.text[:1].isalpha()


def _add_countries(st: _State, group_matches: list[tuple[str, int, int]]) -> None:
    doc, g = st.doc, st.g
    group_starts: dict[int, tuple[int, str]] = {}
    for _lab, s, e in _longest_first(group_matches):
        group_starts.setdefault(s, (e, doc[s:e].text))
    in_longer = set()
    for ent in st.ents:
        start = ent.start + (st.lower[ent.start] == "the")
        if ent.label_ in ("PERSON", "GPE", "LOC", "FAC", "ORG", "WORK_OF_ART", "EVENT", "LAW"):
            covered = {k for cs, ce, _ in st.country_words for k in range(cs, ce)}
            if all(k in covered for k in range(start, ent.end)):
                continue  # "Bosnian Serbs": nothing but country words
            for cs, ce, _iso in st.country_words:
                if start <= cs and ce <= ent.end and (ce - cs) < (ent.end - start):
                    in_longer.add(
                        cs
                    )  # "Jersey" in "New Jersey", "Washington" in "George Washington"
    for s, e, iso in st.country_words:
        if not st.free(s, e) or s in in_longer:
            continue
        text = doc[s:e].text
        key = text.replace("’", "'").lower()
        is_demonym = key in g.demonyms and key not in g.country_names
        is_capital = key in g.capitals and key not in g.country_names
        # country word + group noun ("Ukrainian soldiers", "the Turkish government")
        j = e
        if j < len(doc) and doc[j].text in ("'s", "’s"):
            j += 1  # "Ukraine's military"
        elif j + 1 < len(doc) and doc[j].text == "-" and st.lower[j + 1] == "led":
            j += 2  # "Vietnamese-led forces" (not "-backed": those are someone else's)
        while j < len(doc) and j - e < 3 and doc[j].tag_ in ("JJ", "VBN") and j not in group_starts:
            j += 1
        if j in group_starts:  # "Khartoum government" too: a capital names its state here
            ge, gtext = group_starts[j]
            gtype, gsectors = g.groups[gtext.lower()]
            # "Hungarian and Romanian officials": every coordinated country word gets the group
            for cs, ce, ciso in st.country_words:
                if (
                    s - 6 <= cs < s
                    and ce < s
                    and all(
                        doc[k].lower_ in ("and", ",", "or")
                        or any(a <= k < b for a, b, _ in st.country_words)
                        for k in range(cs, s)
                    )
                    and st.free(cs, ce)
                ):
                    st.take(cs, ce)
                    st.cands.append(
                        Cand(cs, ge, "group", f"{doc[cs:ce].text} {gtext}", gtype, ciso, gsectors,
                             key=f"group:{ciso}:{gtext.lower()}", head=ge - 1)
                    )  # fmt: skip
            start = s - 1 if s > 0 and doc[s - 1].lower_ == "the" else s
            st.take(start, ge)
            st.cands.append(
                Cand(start, ge, "group", doc[s:ge].text, gtype, iso, gsectors,
                     key=f"group:{iso}:{gtext.lower()}", head=ge - 1)
            )  # fmt: skip
            continue
        tok = doc[_span_head(doc, s, e)]
        nxt = next(((ns, ne, niso) for ns, ne, niso in st.country_words if ns == e), None)
        if is_demonym and nxt and doc[nxt[1] - 1].text.endswith("s") and st.free(nxt[0], nxt[1]):
            # "Bosnian Serbs", "Iraqi Kurds": the people of the first country word
            st.take(s, nxt[1])
            st.cands.append(
                Cand(s, nxt[1], "group", doc[s : nxt[1]].text, "group", iso, (),
                     key=f"group:{iso}:{doc[nxt[0]:nxt[1]].text.lower()}", head=nxt[1] - 1)
            )  # fmt: skip
            continue
        if _modifies_following_noun(st, s, e):
            continue
        if is_demonym:
            # plural people as actors: "Palestinians", "Bosnian Serbs"; adjectives are not actors
            plural = key != g.country_names.get(key) and (text.endswith("s") or tok.tag_ == "NNPS")
            if plural and not _is_locative(tok):
                st.take(s, e)
                st.cands.append(
                    Cand(s, e, "group", text, "group", iso, (), key=f"people:{iso}", head=tok.i)
                )
            continue
        if is_capital:
            if _is_governmental_use(tok) and not _is_locative(tok):
                st.take(s, e)
                st.cands.append(
                    Cand(s, e, "country", g.countries[iso].name, "country", iso, ("GOV",),
                         metonym=True, key=f"country:{iso}", head=tok.i)
                )  # fmt: skip
            continue
        if _is_locative(tok):
            continue
        st.take(s, e)
        st.cands.append(
            Cand(
                s,
                e,
                "country",
                g.countries[iso].name,
                "country",
                iso,
                key=f"country:{iso}",
                head=tok.i,
            )
        )


def _add_other_groups(st: _State, group_matches: list[tuple[str, int, int]]) -> None:
    """Group nouns without a country word before them.

    "opposition parties in Nepal", "the government of Sindh province" take the country
    after them; international NGOs ("a human rights group") are actors without one.
    """
    doc, g = st.doc, st.g
    for _lab, s, e in _non_overlapping(group_matches):
        if not st.free(s, e):
            continue
        gtype, gsectors = g.groups[doc[s:e].text.lower()]
        j = e
        if j < len(doc) and doc[j].lower_ in ("in", "of", "from", "throughout", "across"):
            j += 1
            # the country word may start at "the" ("the Ivory Coast") or after it
            at = (j, j + 1) if j < len(doc) and doc[j].lower_ == "the" else (j,)
            hit = next(((cs, ce, iso) for cs, ce, iso in st.country_words if cs in at), None)
            if hit and st.free(hit[0], hit[1]) and hit[2]:
                iso = hit[2]
                st.take(s, e)
                st.cands.append(
                    Cand(s, e, "group", f"{doc[s:e].text} {doc[e:hit[1]].text}", gtype, iso,
                         gsectors, key=f"group:{iso}:{doc[s:e].text.lower()}", head=e - 1)
                )  # fmt: skip
                continue
        if set(gsectors) & {"NGO", "IGO"}:
            st.take(s, e)
            st.cands.append(
                Cand(s, e, "group", doc[s:e].text, "organization", None, gsectors,
                     key=f"group:-:{doc[s:e].text.lower()}", head=e - 1)
            )  # fmt: skip


def _org_country_and_sectors(st: _State, s: int, e: int) -> tuple[str | None, tuple[str, ...]]:
    country = next((iso for cs, ce, iso in st.country_words if s <= cs and ce <= e), None)
    if country is None:
        country, _ = _country_before(st, s, limit=3)
    sectors: list[str] = []
    for _lab, ns, ne in st.named_matches:
        entry = st.g.named.get(st.doc[ns:ne].text.replace("’", "'").lower())
        if s <= ns and ne <= e and entry is not None and entry.type == "igo":
            sectors.append("IGO")  # "United Nations Emergency Relief Coordinator"
            break
    for tok in st.doc[s:e]:
        sec = ORG_SECTOR_WORDS.get(tok.lower_)
        if sec and sec not in sectors:
            sectors.append(sec)
    return country, tuple(sectors)


def _add_orgs(st: _State) -> None:
    doc = st.doc
    for ent in st.ents:
        if ent.label_ not in ORG_LABELS:
            continue
        s, e = ent.start, _strip_possessive(doc, ent.start, ent.end)
        if doc[s].lower_ == "the" and e - s > 1:
            s += 1
        if not st.free(s, e):
            continue
        if any(cs == s and ce == e for cs, ce, _ in st.country_words):
            continue  # "the Vatican": a country, handled by the country rules
        words = [t for t in doc[s:e] if not t.is_punct]
        if not words or all(t.lower_ in st.g.titles for t in words):
            continue  # "Defense" split off "Defense Minister" by the tagger
        st.take(s, e)
        country, sectors = _org_country_and_sectors(st, s, e)
        lowered = {t.lower_ for t in words}
        kind = "media" if lowered & MEDIA_WORDS and not sectors else "organization"
        if kind == "media":
            sectors = ("MED",)
        name = doc[s:e].text
        st.cands.append(
            Cand(
                s,
                e,
                "org",
                name,
                kind,
                country,
                sectors,
                key="org:" + name.lower(),
                head=_span_head(doc, s, e),
            )
        )


def _cluster_people(st: _State) -> None:
    """Join partial names to full names; never a separate actor for 'Shangfu'."""
    doc = st.doc
    people = [c for c in st.cands if c.kind == "person" and not c.key.startswith("office:")]
    people.sort(key=lambda c: (-(c.end - c.start), c.start))
    full: list[tuple[list[str], Cand]] = []
    for c in people:
        toks = [
            t.lower() for t in c.name.replace("’", "'").split() if t.lower() not in NAME_PARTICLES
        ]
        for ftoks, f in full:
            if toks and all(t in ftoks for t in toks):
                c.key = f.key
                break
        else:
            c.key = f"person:{c.name.lower()}"
            full.append((toks, c))
    # single tokens the tagger called something else ("Shangfu" as ORG): join by name part
    parts: dict[str, str] = {}
    for _ftoks, f in full:
        for t in doc[f.start : f.end]:
            if len(t.text) > 2 and t.is_alpha and t.lower_ not in NAME_PARTICLES:
                parts.setdefault(t.lower_, f.key)
    if not parts:
        return
    ent_of = {i: ent for ent in st.ents for i in range(ent.start, ent.end)}
    lower = st.lower
    for i, low in enumerate(lower):
        key = parts.get(low)
        if key is None or st.taken[i] or not _is_name_token(doc[i]):
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
            Cand(i, e, "person", doc[i:e].text, "person", key=key, head=_span_head(doc, i, e))
        )


def _infer_missing_countries(st: _State) -> None:
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
    for key, cs in by_key.items():
        if not key.startswith("person:") or any(c.country for c in cs):
            continue
        if not any(c.sectors for c in cs):
            continue
        first = min(cs, key=lambda c: c.start)
        lo = _sent_start(doc, first.start)
        media_spans = [(c.start, c.end) for c in st.cands if c.type == "media"]
        group_words = {c.start for c in st.cands if c.kind == "group"}
        before = [
            (s, iso) for s, e, iso in st.country_words
            if lo <= s < first.start and s in group_words
            and not any(ms <= s < me for ms, me in media_spans)
        ]  # fmt: skip
        if before:
            first.country = before[-1][1]
            continue
        acting = {c.start for c in st.cands if c.kind == "country"}
        hi = _sent_end(doc, first.start)
        after = [
            iso for s, _e, iso in st.country_words
            if first.end <= s < hi and s not in st.person_country_words and s not in acting
            and _is_locative(doc[s]) and not any(ms <= s < me for ms, me in media_spans)
        ]  # fmt: skip
        if after:
            first.country = after[0]


def _build(st: _State, article: Article) -> list[Actor]:
    text = article.text
    doc = st.doc
    clusters: dict[str, list[Cand]] = {}
    for c in st.cands:
        if c.kind == "ref":
            continue
        clusters.setdefault(c.key or f"{c.kind}:{c.name.lower()}", []).append(c)
    order = sorted(clusters, key=lambda k: min(c.start for c in clusters[k]))
    actors: list[Actor] = []
    for n, key in enumerate(order, start=1):
        cs = sorted(clusters[key], key=lambda c: c.start)
        main = max(
            (c for c in cs if c.kind != "coref"), key=lambda c: (len(c.name.split()), -c.start)
        )
        country = next((c.country for c in cs if c.country), None)
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
        code = next((c.code for c in cs if c.code), None) or _code(country, sectors, main.type)
        spans = []
        for c in cs:
            c.actor = n - 1
            s_char, e_char = doc[c.start].idx, doc[c.end - 1].idx + len(doc[c.end - 1].text)
            spans.append(Span.of(text, s_char, e_char))
        name = main.name
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


def _code(country: str | None, sectors: list[str], kind: str) -> str | None:
    if kind == "media":
        return (country or "") + "MED"
    primary = sectors[0] if sectors else ""
    return (country or "") + primary or None


def find_candidates(doc: Doc, user_dictionaries: tuple[str, ...] = ()) -> list[Cand]:
    """Every actor mention the rules find in ``doc``, clustered by ``key`` (no coreference yet)."""
    return _find(doc, user_dictionaries).cands


def _find(doc: Doc, user_dictionaries: tuple[str, ...]) -> _State:
    g = gazetteer(user_dictionaries)
    m = matchers(user_dictionaries)
    labels = m.labels
    name_matches = [(labels[i], s, e) for i, s, e in m.names(doc)]
    common = [(labels[i], s, e) for i, s, e in m.common(doc)]
    st = _State(doc, g, [False] * len(doc))
    _collect_country_words(st, name_matches)
    named = [x for x in name_matches if x[0] == "NAMED"]
    user = [x for x in common if x[0] == "USER"]
    titles = _non_overlapping([x for x in common if x[0] == "TITLE"])
    groups = [x for x in common if x[0] == "GROUP"]
    st.title_matches = titles
    st.named_matches = named
    _add_named(st, named, user)
    _add_people(st, titles)
    _add_countries(st, groups)
    _add_other_groups(st, groups)
    _cluster_people(st)
    _add_orgs(st)
    _apply_user_people(st, user)
    _infer_missing_countries(st)
    st.cands.sort(key=lambda c: c.start)
    return st


def _apply_user_people(st: _State, user: list[tuple[str, int, int]]) -> None:
    """People in a user dictionary: fill country/sectors the text did not give."""
    if not user:
        return
    for _lab, s, e in user:
        key = st.doc[s:e].text.replace("’", "'").lower()
        entry: Entry | None = st.g.named.get(key)
        if entry is None or entry.type != "person":
            continue
        for c in st.cands:
            if c.kind == "person" and c.start <= s and e <= c.end or (c.start == s and c.end == e):
                for d in st.cands:
                    if d.key == c.key:
                        d.country = d.country or entry.country
                        d.sectors = d.sectors or entry.sectors
                        d.code = d.code or entry.code


def _non_overlapping(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    out: list[tuple[str, int, int]] = []
    used: set[int] = set()
    for lab, s, e in _longest_first(matches):
        if used.isdisjoint(range(s, e)):
            out.append((lab, s, e))
            used.update(range(s, e))
    return sorted(out, key=lambda m: m[1])


def extract_actors(doc: Doc, article: Article, options: ExtractOptions) -> list[Actor]:
    """The article's actors in order of first mention (ids a1, a2, …), each with every mention."""
    st = _find(doc, tuple(options.actor_dictionaries))
    resolve_references(doc, st.cands, st.lower)
    return _build(st, article)


__all__ = ["Cand", "extract_actors", "find_candidates"]
