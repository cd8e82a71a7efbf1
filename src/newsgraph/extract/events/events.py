"""Events: who did what to whom, coded in PLOVER and CAMEO, with trigger and evidence.

One pass over the parsed Doc, sentence by sentence:

1. triggers (:mod:`.triggers`): verbs and event nouns from the lexicon ("met", "talks",
   "urged", "imposed sanctions", "lifted the curfew");
2. frames: a trigger that governs another as its complement decides what the event is —
   "threatened to shell" is THREATEN, "agreed to cooperate" AGREE, "refused to meet"
   REJECT, "urged X to talk" REQUEST, "accused X of violating" ACCUSE (the violation is
   only alleged), "denied sending weapons" a denial (CAMEO 016) plus the sending, negated;
3. modality (:mod:`.modality`): negated, hedged, conditional, planned ("will visit" is an
   intent: AGREE, per PLOVER 3.1) and background history, which is skipped;
4. arguments from the dependency parse: subject (or passive agent) → actors; object,
   passive subject, "with/to/against/on" → recipients; coordinated names give several.
   Reciprocal events ("Russia and China agreed", "met with", "both parties", "joint
   exercises") list every participant as actor *and* as recipient: each side acts toward
   the other, so dyads read either way;
5. place ("in Moscow", a visited capital, else the dateline), date (the sentence's time
   expression via :func:`newsgraph.extract.actors.dates.sentence_date`, else the publication
   date), and the attribution whose content holds the trigger, whose hedges it keeps.

An event with no identifiable actor is not emitted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...lexicons import load_words
from ...nlp.lemma import lemma
from ...records import Actor, Article, Attribution, Event, EventDate, Place, Span
from ..index import MentionIndex
from ..syntax import dependents, pobjs
from .modality import Modality, is_historical, modality_of, scope_chain
from .triggers import TriggerMatch, TriggerRule, code_table, find_triggers, match_token

if TYPE_CHECKING:
    from collections.abc import Callable

COOPERATIVE = frozenset({"CONSULT", "SUPPORT", "COOPERATE", "AID", "AGREE"})
YIELDING = frozenset({"RETREAT", "CONCEDE"})
CONFLICT = frozenset({"SANCTION", "COERCE", "ASSAULT", "MOBILIZE", "PROTEST", "THREATEN"})

# CAMEO code of a frame, by the PLOVER type of the event it governs (codebook 03, 02/10,
# 12, 13 sub-codes: "express intent to meet" 036, "threaten with military force" 138 …).
INTENT_CODE = {
    "CONSULT": "036",
    "SUPPORT": "032",
    "COOPERATE": "031",
    "AID": "033",
    "AGREE": "030",
    "RETREAT": "035",
    "CONCEDE": "035",
}
INTENT_SUBCODE = {
    "061": "0311",
    "062": "0312",
    "063": "0313",
    "064": "0314",
    "071": "0331",
    "072": "0332",
    "073": "0333",
    "074": "0334",
    "0841": "0353",
    "085": "0354",
    "087": "0356",
    "0874": "0356",
    "045": "039",
}
THREAT_CODE = {
    "ASSAULT": "138",
    "MOBILIZE": "138",
    "SANCTION": "131",
    "COERCE": "137",
    "PROTEST": "133",
    "THREATEN": "130",
    "REJECT": "131",
}
THREAT_SUBCODE = {
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "1722": "1322",
    "1723": "1323",
    "1724": "1324",
    "191": "1381",
    "192": "1382",
    "172": "132",
    "1721": "1321",
}
REJECT_CODE = {
    "CONSULT": "125",
    "AID": "122",
    "COOPERATE": "121",
    "SUPPORT": "120",
    "AGREE": "120",
    "RETREAT": "124",
    "CONCEDE": "124",
}
APPEAL_CODE = {
    "AID": "023",
    "COOPERATE": "021",
    "CONSULT": "026",
    "RETREAT": "025",
    "CONCEDE": "025",
    "SUPPORT": "022",
    "AGREE": "027",
}
DEMAND_CODE = {
    "AID": "103",
    "COOPERATE": "101",
    "CONSULT": "108",
    "RETREAT": "105",
    "CONCEDE": "105",
    "SUPPORT": "102",
    "AGREE": "107",
}

# Verbs whose object, not subject, does what the infinitive says ("urged Xi to talk").
OBJECT_CONTROL = frozenset(
    {
        "urge",
        "ask",
        "order",
        "call",
        "press",
        "pressure",
        "force",
        "encourage",
        "invite",
        "allow",
        "permit",
        "help",
        "tell",
        "persuade",
        "push",
    }
)
# Symmetric events: "met with X" means both met.
RECIPROCAL = frozenset(
    {
        "meet",
        "meeting",
        "talk",
        "negotiate",
        "negotiation",
        "discuss",
        "discussion",
        "consult",
        "consultation",
        "confer",
        "summit",
        "cooperate",
        "cooperation",
        "collaborate",
        "partnership",
        "clash",
        "exchange",
        "share",
        "shake",
        "work",
        "exercise",
        "game",
        "maneuver",
        "drill",
        "agree",
        "sign",
    }
)
# Things, not agents: a relative clause on them describes content, not an act.
NON_AGENTS = frozenset(
    {
        "resolution",
        "plan",
        "proposal",
        "bill",
        "law",
        "deal",
        "agreement",
        "accord",
        "treaty",
        "measure",
        "decision",
        "program",
        "programme",
        "policy",
        "report",
        "statement",
        "document",
        "letter",
        "move",
        "draft",
        "initiative",
        "declaration",
        "motion",
        "amendment",
        "rule",
        "order",
    }
)
# Passive forms that describe the subject's own stance or action ("is opposed to").
STATIVE_PASSIVES = frozenset(
    {"oppose", "commit", "prepare", "determine", "engage", "involve", "resolve", "poise", "set"}
)
# Saying verbs: "X said that Y must …" is X's demand of Y (CAMEO 10); "X said it would …"
# makes X the "it".
REPORTING = frozenset(
    {
        "say",
        "declare",
        "announce",
        "state",
        "reiterate",
        "insist",
        "conclude",
        "stress",
        "tell",
        "add",
        "affirm",
        "assert",
        "confirm",
        "warn",
        "write",
    }
)
OBLIGATION = frozenset({"must", "should"})
TOGETHER = frozenset({"together", "jointly", "joint", "mutual", "bilateral"})
RECIPIENT_PREPS = frozenset(
    {"with", "to", "against", "on", "into", "toward", "towards", "upon", "at"}
)
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
GROUP_HEADS = frozenset(
    {
        "party",
        "side",
        "leader",
        "country",
        "nation",
        "man",
        "minister",
        "government",
        "president",
        "delegation",
        "neighbor",
        "neighbour",
    }
)
FIRST_PLURAL = frozenset({"we", "us", "our", "ours"})
CONTEXT_WORDS = {
    "military": "military",
    "defense": "military",
    "defence": "military",
    "army": "military",
    "naval": "military",
    "troop": "military",
    "economic": "economic",
    "trade": "economic",
    "humanitarian": "humanitarian",
    "nuclear": "cbrn",
    "intelligence": "intelligence",
}


@dataclass
class _Cand:
    """A trigger on its way to becoming an event."""

    match: TriggerMatch
    anchor: Token  # where the arguments attach: the support verb of "held talks", else the trigger
    cameo: str | None
    plover: str | None
    mode: str | None
    contexts: set[str] = field(default_factory=set)
    governor: _Cand | None = None
    dropped: bool = False
    negated: bool = False
    certainty: str = "asserted"
    helpers: list[_Cand] = field(default_factory=list)  # complements whose arguments we may borrow

    @property
    def token(self) -> Token:
        return self.match.token


def _code(cand: _Cand, cameo: str, plover: str | None = None) -> None:
    info = code_table()[cameo]
    cand.cameo = cameo
    cand.plover = plover if plover is not None else info.plover
    cand.mode = info.mode


def _new_cand(m: TriggerMatch) -> _Cand:
    info = code_table().get(m.rule.cameo) if m.rule.cameo else None
    cand = _Cand(
        match=m,
        anchor=_anchor(m.token),
        cameo=m.rule.cameo,
        plover=m.rule.plover or (info.plover if info else None),
        mode=m.rule.mode or (info.mode if info else None),
        contexts=set(info.contexts) if info else set(),
    )
    for t in (m.token, *m.parts):
        for c in t.children:
            ctx = (
                CONTEXT_WORDS.get(lemma(c)) if c.dep_ in ("amod", "compound", "npadvmod") else None
            )
            if ctx:
                cand.contexts.add(ctx)
    return cand


GENERIC_HEADS = frozenset(
    {
        "effort",
        "mission",
        "process",
        "plan",
        "programme",
        "program",
        "bid",
        "initiative",
        "campaign",
        "operation",
        "deal",
        "round",
        "series",
        "wave",
        "day",
        "week",
        "month",
        "hour",
        "spate",
        "string",
    }
)


def _position(token: Token) -> Token:
    """The noun phrase an event noun stands in: "a mediation *effort*", "days of war games"."""
    t = token
    for _ in range(3):
        if t.dep_ == "compound" and lemma(t.head) in GENERIC_HEADS:
            t = t.head
        elif (
            t.dep_ == "pobj"
            and t.head.lower_ == "of"
            and t.head.head.tag_ in ("NN", "NNS")
            and lemma(t.head.head) in GENERIC_HEADS
        ):
            t = t.head.head
        else:
            break
    return t


def _anchor(token: Token) -> Token:
    """Where an event noun's arguments are: the verb it is the object of ("staged rallies")."""
    if token.tag_.startswith("VB") or token.tag_ == "JJ":
        return token
    t = _position(token)
    if (
        t.dep_ in ("dobj", "attr", "oprd")
        and t.head.tag_.startswith("VB")
        and (_is(t.head, _support()) or match_token(t.head) is not None)
    ):
        return t.head  # "held talks"; a trigger verb absorbs its event noun
    if (
        t.dep_ in ("nsubj", "nsubjpass")
        and t.head.tag_.startswith("VB")
        and _is(t.head, _support())
    ):
        return t.head  # "talks resumed", "clashes continued": the verb carries time and place
    # "took part in combat", "engaged in talks", "resorted to throwing stones"
    if t.dep_ == "pobj" and t.head.dep_ == "prep":
        h = t.head.head
        if h.tag_.startswith("VB") and _is(h, _support()):
            return h
        if h.lower_ == "part" and h.head.tag_.startswith("VB"):
            return h.head
    return token


def _is(token: Token, words: frozenset[str] | tuple[str, ...]) -> bool:
    """Whether a word's lemma is in ``words``, forgiving the silent e the suffix rules drop
    ("imposed" → "impos", "engaged" → "engag")."""
    lem = lemma(token)
    return lem in words or (token.tag_.startswith("VB") and lem + "e" in words)


def _support() -> frozenset[str]:
    return load_words("event_support_verbs.txt")


class _Resolver:
    """Actor, recipient and place lookup for one article."""

    def __init__(
        self, doc: Doc, actors: list[Actor], places: list[Place], attributions: list[Attribution]
    ):
        self.doc = doc
        self.actors = MentionIndex(actors)
        self.places = MentionIndex(places)
        self.attributions = sorted(attributions, key=lambda a: (a.content.start, a.content.end))
        self.participants: list[Actor] = []  # the last reciprocal event's sides ("both parties")
        self.speaker: Actor | None = None  # the speaker of the quote being read ("we")
        self._by_id = {a.id: a for a in actors}
        self.all_actors = actors

    def actor_by_id(self, actor_id: str | None) -> Actor | None:
        return self._by_id.get(actor_id) if actor_id else None

    def np_actors(self, tok: Token, subject: bool = False) -> list[Actor]:
        """Actors a noun phrase names, with its coordinated parts ("Russia and China").

        For a subject, a group named by where it is also counts: "rebels in the Ivory
        Coast", "students throughout Indonesia".
        """
        out: list[Actor] = []
        for h in (tok, *tok.conjuncts):
            for a in self._actor_of(h, depth=0, subject=subject):
                if a not in out:
                    out.append(a)
        return out

    def _actor_of(self, h: Token, depth: int, subject: bool = False) -> list[Actor]:
        if depth > 2:
            return []
        doc = h.doc
        start, end = doc[h.left_edge.i].idx, h.idx + len(h)
        found = self.actors.overlapping(start, end)
        head = [a for m, a in found if m.start <= h.idx < m.end]
        if head:
            return [head[0]]
        if found:  # "Kenyan and Ukrainian diplomats": every coordinated modifier
            mods = [a for _, a in found]
            if any(c.dep_ == "conj" for t in doc[h.left_edge.i : h.i] for c in t.children):
                return list(dict.fromkeys(mods))
            return [self.actors.at(start, end) or mods[0]]
        low = h.lower_
        if low in FIRST_PLURAL and self.speaker is not None:
            return [self.speaker]
        if (
            lemma(h) in GROUP_HEADS
            and self.participants
            and any(c.lower_ in ("both", "two") for c in h.children)
        ):
            return list(self.participants)
        possessor = next((c for c in h.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if possessor is not None and possessor.lower_ in ("their", "its", "his", "her", "our"):
            sayer = self._reporter(h)  # "Bosnian Serbs said *their forces* had withdrawn"
            if sayer:
                return sayer
        if h.tag_ == "PRP" and low in ("he", "she", "they", "it", "we"):
            sayer = self._reporter(h)
            if sayer:
                return sayer
        preps = ("of", "in", "from", "throughout", "across") if subject else ("of",)
        for c in h.children:  # "a group of Moroccan diplomats", "members of Hamas"
            if c.dep_ == "prep" and c.lower_ in preps:
                for p in c.children:
                    if p.dep_ == "pobj":
                        inner = self._actor_of(p, depth + 1, subject)
                        if inner:
                            return inner
            if c.dep_ == "appos":
                inner = self._actor_of(c, depth + 1, subject)
                if inner:
                    return inner
        return []

    def _reporter(self, pron: Token) -> list[Actor]:
        """'Japan said *it* had halted aid': a pronoun subject of a reported clause is the sayer."""
        clause = pron.head
        if pron.dep_ not in ("nsubj", "nsubjpass") or clause.dep_ not in ("ccomp", "xcomp"):
            return []
        sayer = clause.head
        if not _is(sayer, REPORTING | {"claim", "threaten"}):
            return []
        for s in dependents(sayer, "nsubj"):
            if s.tag_ != "PRP":
                return self.np_actors(s)
        return []

    def place_of(self, tok: Token) -> Place | None:
        return self.places.at(tok.doc[tok.left_edge.i].idx, tok.idx + len(tok))


def _subject_tokens(v: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """The tokens naming who does ``v``, and whether ``v`` is passive."""
    if depth > 4:
        return [], False
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
    if passive and _is(v, STATIVE_PASSIVES) and not dependents(v, "agent"):
        return dependents(v, "nsubjpass"), False  # "Israel is opposed to", "were engaged in"
    for c in v.children:
        if c.dep_ == "agent":
            return [p for p in c.children if p.dep_ == "pobj"], True
    for c in v.children:
        if c.dep_ in ("nsubj", "csubj", "expl") and c.dep_ != "expl":
            if c.lower_ in ("who", "which", "that") and v.dep_ == "relcl":
                return [v.head], passive
            return [c], passive
    if passive:
        return [], True
    h = v.head
    if h.i == v.i:
        return [], False
    if v.dep_ == "xcomp" and _is(h, OBJECT_CONTROL):
        objs = dependents(h, "dobj")
        if objs:
            return objs, False
    if v.dep_ == "pcomp" and h.dep_ == "prep":  # "signs of Beijing supplying weapons"
        subj = [p for p in h.children if p.dep_ == "pobj" and p.i < v.i]
        if subj:
            return subj, False
        if h.head.tag_ == "JJ" and h.head.dep_ == "acomp":  # "are guilty of violating"
            return _subject_tokens(h.head.head, depth + 1)[0], False
    if v.dep_ == "relcl" or (v.dep_ == "acl" and not h.tag_.startswith("VB")):
        if lemma(h) in NON_AGENTS:
            if h.dep_ == "dobj" and h.head.tag_.startswith("VB"):
                # "issued a declaration demanding …": the issuer demands
                return _subject_tokens(h.head, depth + 1)[0], False
            return [], False  # "a resolution that aims to tighten sanctions" is no one's act
        return [h], False  # "soldiers combatting Russian soldiers": the noun does it
    if v.dep_ == "conj" and not passive and dependents(h, "nsubjpass"):
        return dependents(h, "nsubjpass"), False  # "was indicted … and will resign"
    if v.dep_ in (
        "xcomp",
        "conj",
        "advcl",
        "ccomp",
        "pcomp",
        "acl",
        "prep",
        "pobj",
        "dobj",
        "dep",
        "acomp",
    ):
        if v.dep_ == "pcomp" or v.dep_ == "pobj":
            h = h.head if h.dep_ == "prep" else h
        if h.tag_.startswith("VB"):
            return _subject_tokens(h, depth + 1)[0], False
    return [], False


def _recipient_tokens(v: Token, skip: set[int]) -> list[Token]:
    out: list[Token] = []
    for c in v.children:
        if c.i in skip:
            continue
        if c.dep_ == "dative" and c.tag_ == "IN":  # "granted asylum to X" parsed as dative "to"
            out.extend(p for p in pobjs(c) if p.i not in skip)
        elif c.dep_ in ("dobj", "dative", "nsubjpass", "attr") and not c.tag_.startswith("VB"):
            out.append(c)
        elif c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS:
            out.extend(p for p in pobjs(c) if p.i not in skip)
    return out


def _noun_arguments(res: _Resolver, n: Token) -> tuple[list[Actor], list[Actor], bool]:
    """Actors and recipients of an event noun from its own modifiers ("Israel's invasion of")."""
    actors: list[Actor] = []
    recips: list[Actor] = []
    between = False
    doc = n.doc
    for c in n.children:
        if c.dep_ == "poss" or c.dep_ in ("compound", "amod", "nmod"):
            a = res.actors.at(doc[c.left_edge.i].idx, c.idx + len(c))
            if a is not None and a not in actors:
                actors.append(a)
        elif c.dep_ == "prep":
            low = c.lower_
            for p in pobjs(c):
                found = res.np_actors(p)
                if low in ("by", "from"):
                    actors.extend(a for a in found if a not in actors)
                elif low in ("between", "among"):
                    between = True
                    actors.extend(a for a in found if a not in actors)
                elif low in RECIPIENT_PREPS or low in ("of", "for"):
                    recips.extend(a for a in found if a not in recips)
    return actors, recips, between


def _arguments(res: _Resolver, cand: _Cand) -> tuple[list[Actor], list[Actor], bool]:
    """(actors, recipients, reciprocal) of a candidate event."""
    tok, anchor = cand.token, cand.anchor
    skip = {tok.i, *(p.i for p in cand.match.parts)}
    actors: list[Actor] = []
    recips: list[Actor] = []
    reciprocal = False
    if not tok.tag_.startswith("VB") and tok.tag_ != "JJ":
        noun_actors, noun_recips, reciprocal = _noun_arguments(res, tok)
        actors += noun_actors
        recips += noun_recips
        for p in cand.match.parts:
            recips += [x for x in _noun_arguments(res, p)[1] if x not in recips]
    if not actors:
        subj, passive = _subject_tokens(anchor)
        for s in subj:
            actors += [a for a in res.np_actors(s, subject=True) if a not in actors]
            if lemma(s) in GROUP_HEADS and any(c.lower_ in ("both", "two") for c in s.children):
                reciprocal = True  # "both parties expressed approval"
    # "Israel's offer", "an Indian proposal": the object's own actor receives a rejection
    for r in _recipient_tokens(anchor, skip):
        recips += [a for a in res.np_actors(r) if a not in recips]
    for p in cand.match.parts:
        if p.dep_ in ("dobj", "nsubjpass", "pobj"):  # "expelled two Russian diplomats"
            recips += [a for a in res.np_actors(p) if a not in recips]
        for c in p.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in RECIPIENT_PREPS:
                for q in pobjs(c):
                    recips += [a for a in res.np_actors(q) if a not in recips]
    if tok.i != anchor.i:
        for r in _recipient_tokens(tok, skip):
            recips += [a for a in res.np_actors(r) if a not in recips]
    for helper in cand.helpers:  # a merged event noun: "provided aid *to Syria*"
        if not helper.token.tag_.startswith("VB"):
            recips += [x for x in _noun_arguments(res, helper.token)[1] if x not in recips]
    for helper in cand.helpers:  # "agreed to meet X", "demanded that the US cancel"
        if not recips:
            subj, _ = _subject_tokens(helper.anchor)
            for s in subj:
                recips += [a for a in res.np_actors(s) if a not in actors and a not in recips]
        if not recips:
            for r in _recipient_tokens(helper.anchor, {helper.token.i}):
                recips += [a for a in res.np_actors(r) if a not in actors and a not in recips]
    if cand.plover == "REQUEST" and not recips:
        for c in anchor.children:
            if c.dep_ == "ccomp":
                for s in dependents(c, "nsubj", "nsubjpass"):
                    recips += [a for a in res.np_actors(s) if a not in actors]
    if cand.match.rule.frame in ("intent", "threat", "request", "reject") and not recips:
        # "offered to hand over to Britain …", "ready to contribute troops to …": the
        # complement's own object or "to" phrase, trigger or not
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp") and c.tag_.startswith("VB"):
                for r in _recipient_tokens(c, skip):
                    recips += [a for a in res.np_actors(r) if a not in actors and a not in recips]
    if not recips and cand.plover in ("RETREAT", "SANCTION", "AGREE", "THREATEN"):
        # "withdraw its troops from Lebanon", "recalled its ambassador from Israel"
        for t in (anchor, tok, *cand.match.parts, *(h.anchor for h in cand.helpers)):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    for q in pobjs(c):
                        recips += [a for a in res.np_actors(q) if a not in actors]
    words = {c.lower_ for t in (tok, anchor, *cand.match.parts) for c in t.children}
    symmetric = _is(tok, RECIPROCAL) or _is(anchor, RECIPROCAL)
    if symmetric and (words & TOGETHER or reciprocal):
        reciprocal = True
    if symmetric and len(actors) >= 2 and not recips:
        reciprocal = True
    if symmetric and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in (*tok.children, *anchor.children)
    ):
        reciprocal = True
    recips = [r for r in recips if r not in actors]
    return actors, recips, reciprocal


def _state_subject(res: _Resolver, cand: _Cand) -> bool:
    """Whether a state is itself the subject ("Serbia protested"), not people ("Serb students")."""
    for s in _subject_tokens(cand.anchor)[0]:
        for m, a in res.actors.overlapping(s.idx, s.idx + len(s)):
            if m.start <= s.idx < m.end and (a.type in ("country", "igo") or "GOV" in a.sectors):
                return True
    return False


def _place(res: _Resolver, cand: _Cand, dateline: Place | None) -> Place | None:
    toks = [cand.anchor, cand.token, *cand.match.parts]
    for t in toks:
        for c in t.children:
            if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
                for p in pobjs(c):
                    pl = res.place_of(p)
                    if pl is not None:
                        return pl
    if cand.plover == "CONSULT":  # "visited Beijing", "a trip to Moscow"
        for t in toks:
            for c in t.children:
                targets = (
                    [c]
                    if c.dep_ == "dobj"
                    else pobjs(c)
                    if c.dep_ == "prep" and c.lower_ == "to"
                    else []
                )
                for p in targets:
                    pl = res.place_of(p)
                    if pl is not None:
                        return pl
    return dateline


def _host_country(res: _Resolver, cand: _Cand) -> Actor | None:
    """The country a visit goes to when the text names only a place ("visited Beijing")."""
    place = _place(res, cand, None)
    if place is None or not place.country:
        return None
    return next(
        (a for a in res.all_actors if a.type == "country" and a.country == place.country), None
    )


def _dateline(text: str, places: MentionIndex[Place]) -> Place | None:
    """'MOSCOW (Reuters) —' or 'Kyiv, April 3 —': the place a wire story was filed from."""
    head = text[:80]
    for sep in ("—", "--", " - ", "(", ":"):
        k = head.find(sep)
        if 0 < k <= 40:
            pl = places.at(0, k)
            if pl is not None and all(m.start >= 0 for m in pl.mentions):
                return pl
    return None


def _reframe(cand: _Cand, comps: list[_Cand]) -> None:
    """Apply a frame word to the events it governs (see the module docstring)."""
    frame = cand.match.rule.frame
    # an event noun held by another content verb is that verb's object, not the frame's
    # complement: "agreed to *settle* lawsuits" agrees, it does not sue
    main = next((c for c in comps if c.plover and not _held_by_other_verb(c)), None)
    if frame is None or frame == "light":
        for c in comps:
            c.dropped = True
        return
    if frame == "deny":
        for c in comps:
            c.negated = True
            c.certainty = "negated"
        if not comps and cand.match.rule.cameo is None:
            cand.dropped = True
        return
    if (
        frame == "reject"
        and _is(cand.token, ("fail", "decline"))
        and (main is None or main.plover not in COOPERATIVE | YIELDING)
    ):
        # "failed to stop the attack": not a refusal, the complement did not happen
        cand.dropped = True
        for c in comps:
            c.negated = True
            c.certainty = "negated"
        return
    for c in comps:
        c.dropped = True
    cand.helpers = comps
    if main is not None:
        cand.contexts |= main.contexts
    t = main.plover if main else None
    sub = main.cameo if main else None
    if frame == "intent":
        if t in COOPERATIVE:
            _code(cand, INTENT_SUBCODE.get(sub or "", INTENT_CODE[t]), "AGREE")
        elif t in YIELDING:  # CAMEO 035 "express intent to yield": AGREE in CAMEO2PLOVER
            _code(cand, INTENT_SUBCODE.get(sub or "", "035"))
        elif t in CONFLICT:
            _code(cand, THREAT_SUBCODE.get(sub or "", THREAT_CODE[t]), "THREATEN")
        elif t is not None and main is not None:
            cand.cameo, cand.plover, cand.mode = main.cameo, main.plover, main.mode
            cand.certainty = "speculative"
        elif cand.cameo is None and _is(cand.token, ("offer",)) and dependents(cand.token, "xcomp"):
            _code(cand, "030")  # "offered to hand over the suspects"
        elif cand.cameo is None:
            cand.dropped = True
    elif frame == "threat":
        if t is not None:
            _code(cand, THREAT_SUBCODE.get(sub or "", THREAT_CODE.get(t, "130")), "THREATEN")
        elif (
            cand.cameo is not None
            and not cand.cameo.startswith("13")
            and _announces_action(cand.token)
        ):
            # "warned that police will no longer tolerate rallies": a statement of what one
            # side will do is a threat even when the action is not itself a coded event;
            # "warned that transmission is inevitable" stays a pessimistic comment
            _code(cand, "130", "THREATEN")
    elif frame == "reject":
        if t is not None:
            _code(cand, REJECT_CODE.get(t, "120"), "REJECT")
    elif frame == "request":
        if t is not None:
            table = DEMAND_CODE if (cand.cameo or "").startswith("10") else APPEAL_CODE
            if t in table:
                _code(cand, table[t], "REQUEST")


def _announces_action(v: Token) -> bool:
    """Whether the clause a frame verb governs says what someone will do (will/would/shall)."""
    for comp in dependents(v, "ccomp", "xcomp"):
        if any(
            a.dep_ == "aux" and a.lower_ in ("will", "would", "shall", "'ll", "wo")
            for a in comp.children
        ):
            return True
    return False


def _object_is_actor(res: _Resolver, v: Token) -> bool:
    """Whether the verb's object is itself someone ("hosted Xi"), not a thing ("a survey")."""
    doc = v.doc
    for o in dependents(v, "dobj", "nsubjpass"):  # the phrase up to its head: "Syrian officials"
        if res.actors.overlapping(doc[o.left_edge.i].idx, o.idx + len(o)):
            return True
    return False


def _held_by_other_verb(c: _Cand) -> bool:
    t = c.token
    if t.tag_.startswith("VB") or c.anchor.i != t.i:
        return False
    h = t.head.head if t.dep_ == "pobj" else t.head
    return h.tag_.startswith("VB") and not _is(h, _support())


def _future(cand: _Cand, mod: Modality) -> None:
    """PLOVER: planned cooperation is AGREE, planned force a threat ("will withdraw unless")."""
    t = cand.plover
    if mod.conditional and t not in ("THREATEN", "REQUEST", "ACCUSE"):
        # "will withdraw its force unless …", "will boycott … unless": a coercive threat
        _code(
            cand, THREAT_SUBCODE.get(cand.cameo or "", THREAT_CODE.get(t or "", "130")), "THREATEN"
        )
        return
    if mod.negated and t in COOPERATIVE | YIELDING:
        _code(cand, REJECT_CODE.get(t, "120"), "REJECT")  # "will not accept refugees"
        return
    if t in COOPERATIVE:
        _code(cand, INTENT_SUBCODE.get(cand.cameo or "", INTENT_CODE[t]), "AGREE")
    elif t == "RETREAT":
        _code(cand, INTENT_SUBCODE.get(cand.cameo or "", "035"))
    elif t in CONFLICT and t != "THREATEN":
        _code(cand, THREAT_SUBCODE.get(cand.cameo or "", THREAT_CODE[t]), "THREATEN")
    else:
        cand.certainty = "speculative"


def _call_out(m: TriggerMatch) -> TriggerMatch:
    """'called out Trump for withdrawing' blames (CAMEO 111); 'called for talks' asks."""
    t = m.token
    if (
        m.rule.frame == "request"
        and _is(t, ("call",))
        and any((c.dep_ == "prt" and c.lower_ == "out") or c.dep_ == "dobj" for c in t.children)
    ):
        return TriggerMatch(t, TriggerRule("call", "V", (), "111", None, None, "accuse"), ())
    return m


def _sentence_candidates(sent: SpacySpan) -> list[_Cand]:
    cands = [_new_cand(_call_out(m)) for m in find_triggers(sent)]
    by_token: dict[int, _Cand] = {}
    for c in cands:
        by_token.setdefault(c.token.i, c)
        if c.anchor.i != c.token.i:
            by_token.setdefault(c.anchor.i, c)
    for c in cands:
        for t in scope_chain(c.anchor):
            g = by_token.get(t.i)
            if g is not None and g is not c:
                c.governor = g
                break
    for c in cands:  # "provided humanitarian aid to Syria": one event, the noun's details
        verb = by_token.get(c.anchor.i)
        if verb is not None and verb is not c and c.anchor.i != c.token.i and verb.match.rule.frame:
            c.governor = verb  # "demanded the withdrawal of": the noun is what is demanded
        elif verb is not None and verb is not c and c.anchor.i != c.token.i:
            c.dropped = True
            verb.helpers.append(c)
            verb.contexts |= c.contexts
            if verb.plover == c.plover and not verb.match.rule.extras and c.cameo:
                verb.cameo, verb.mode = c.cameo, c.mode
    cands = [c for c in cands if not c.dropped]
    for v in sent:  # "Russia said that Sudan must return the helicopter": a demand
        if v.dep_ != "ccomp" or not _is(v.head, REPORTING) or v.head.i in by_token:
            continue
        aux = {c.lower_ for c in v.children if c.dep_ == "aux"}
        if not aux & OBLIGATION or "have" in aux:  # "should have passed" blames, not asks
            continue
        subjects = dependents(v, "nsubj", "nsubjpass")
        if not subjects or subjects[0].lower_ in ("i", "we", "you", "one"):
            continue  # "we must return to the facts" is no demand on anyone
        # pos "M": a demand read off "must"; kept only if it names whom it is made of
        rule = TriggerRule(v.head.lower_, "M", (), "100", None, None, "request")
        req = _new_cand(TriggerMatch(v.head, rule, ()))
        for c in cands:
            if c.governor is None and (c.anchor.i == v.i or v in c.anchor.ancestors):
                c.governor = req
        by_token[v.head.i] = req
        cands.append(req)
    # frames apply from the innermost out, so "agreed to threaten to" composes
    for c in sorted(cands, key=lambda x: -len(scope_chain(x.anchor))):
        comps = [x for x in cands if x.governor is c and not x.dropped]
        if c.match.rule.frame or comps:
            _reframe(c, comps)
    return [c for c in cands if not c.dropped]


def _date_resolver() -> Callable[[SpacySpan, str | None], EventDate] | None:
    try:
        from ..actors.dates import sentence_date  # written with the actors issue
    except ImportError:
        return None
    return sentence_date


def _certainty(cand: _Cand, mod: Modality) -> str:
    if cand.negated or mod.negated:
        return "negated"
    if cand.certainty != "asserted":
        return cand.certainty
    if mod.speculative:
        return "speculative"
    if mod.hedged:
        return "hedged"
    return "asserted"


def _attribution_at(res: _Resolver, start: int) -> Attribution | None:
    best = None
    for a in res.attributions:
        if a.content.start <= start < a.content.end:
            if (
                best is None
                or a.content.end - a.content.start < best.content.end - best.content.start
            ):
                best = a
    return best


def extract_events(
    doc: Doc,
    article: Article,
    actors: list[Actor],
    places: list[Place],
    attributions: list[Attribution],
) -> list[Event]:
    """Every event the article reports, in text order, with ids e1, e2, …"""
    res = _Resolver(doc, actors, places, attributions)
    dateline = _dateline(article.text, res.places)
    resolve_date = _date_resolver()
    published = article.published
    pub_year = int(published[:4]) if published and published[:4].isdigit() else None
    codes = code_table()
    text = article.text
    drafts: list[dict] = []
    dates_by_sent: dict[int, list[SpacySpan]] = {}
    for ent in doc.ents:  # one pass: Span.ents rescans the whole Doc each time
        if ent.label_ == "DATE":
            dates_by_sent.setdefault(ent.sent.start, []).append(ent)
    for sent in doc.sents:
        date: EventDate | None = None
        seen: dict[tuple, dict] = {}
        for cand in _sentence_candidates(sent):
            if cand.cameo is None:
                continue
            head = cand.token if cand.match.rule.frame else cand.anchor
            if is_historical(head, dates_by_sent.get(sent.start, ()), pub_year):
                continue
            mod = modality_of(cand.anchor)
            if mod.future and not cand.match.rule.frame and not cand.negated:
                _future(cand, mod)
                if cand.plover == "REJECT":
                    mod = Modality(hedged=mod.hedged, speculative=mod.speculative)
            first = min(cand.token.i, cand.anchor.i, *(p.i for p in cand.match.parts))
            last = max(cand.token.i, cand.anchor.i, *(p.i for p in cand.match.parts))
            trig_start, trig_end = doc[first].idx, doc[last].idx + len(doc[last])
            att = _attribution_at(res, trig_start)
            res.speaker = (
                res.actor_by_id(att.source) if att is not None and att.kind == "direct" else None
            )
            ev_actors, recips, reciprocal = _arguments(res, cand)
            if not ev_actors:
                continue
            if cand.match.rule.pos == "M" and not recips:
                continue
            if (
                _is(cand.token, ("host", "release", "free"))
                and not cand.match.rule.extras
                and not _object_is_actor(res, cand.token)
            ):
                continue  # "hosted a television show", "released a survey": no one received
            if _is(cand.token, ("arrive",)) and not any(a.type == "person" for a in ev_actors):
                continue  # troops or ships arriving are no visit
            if not recips and cand.cameo in ("042", "036"):
                host = _host_country(res, cand)
                if host is not None and host not in ev_actors:
                    recips = [host]
            if reciprocal:
                if len(ev_actors) + len(recips) < 2 and any(
                    a in res.participants for a in ev_actors
                ):
                    # "we work together": the partner of this actor's last joint event
                    recips = [p for p in res.participants if p not in ev_actors]
                everyone = ev_actors + [r for r in recips if r not in ev_actors]
                if len(everyone) >= 2:
                    ev_actors, recips = everyone, list(everyone)
                    res.participants = everyone
            elif cand.plover == "CONSULT" and recips:
                res.participants = ev_actors + recips
            if (
                cand.plover == "COOPERATE"
                and cand.cameo == "062"
                and len(set(ev_actors + recips)) < 2
            ):
                _code(cand, "150")  # PLOVER 3.14.1: a single country's exercises are MOBILIZE
            if cand.plover == "PROTEST" and cand.cameo == "141" and _state_subject(res, cand):
                _code(cand, "114")  # a government "protests": a diplomatic complaint, ACCUSE
            certainty = _certainty(cand, mod)
            negated = certainty == "negated"
            if att is not None and certainty == "asserted":
                if _hedges_reach(doc, att, cand):
                    certainty = "hedged"
                if att.cue and lemma_of_text(att.cue.text) == "deny":
                    certainty, negated = "negated", True
            if date is None:
                date = (
                    resolve_date(sent, published) if resolve_date else _publication_date(published)
                )
            info = codes[cand.cameo]
            key = (
                cand.plover,
                cand.cameo[:2],
                tuple(sorted(a.id for a in ev_actors)),
                tuple(sorted(r.id for r in recips)),
                negated,
                certainty,
            )
            if key in seen:
                seen[key]["contexts"] |= cand.contexts
                continue
            place = _place(res, cand, dateline)
            draft = {
                "plover": cand.plover,
                "cameo": cand.cameo,
                "mode": cand.mode or info.mode,
                "contexts": set(cand.contexts) | set(info.contexts),
                "goldstein": info.goldstein,
                "quad_class": info.quad_class,
                "actors": ev_actors,
                "recipients": recips,
                "place": place.id if place else None,
                "date": date,
                "negated": negated,
                "certainty": certainty,
                "attribution": att.id if att else None,
                "trigger": Span.of(text, trig_start, trig_end),
                "evidence": _evidence(text, sent),
                "confidence": _confidence(cand, recips, certainty),
                "order": trig_start,
            }
            seen[key] = draft
            drafts.append(draft)
    drafts.sort(key=lambda d: d["order"])
    return [
        Event(
            id=f"e{i}",
            plover=d["plover"],
            cameo=d["cameo"],
            trigger=d["trigger"],
            evidence=d["evidence"],
            actors=tuple(a.id for a in d["actors"]),
            recipients=tuple(r.id for r in d["recipients"]),
            actor_codes=tuple(a.code for a in d["actors"] if a.code),
            recipient_codes=tuple(r.code for r in d["recipients"] if r.code),
            mode=d["mode"],
            contexts=tuple(sorted(d["contexts"])),
            goldstein=d["goldstein"],
            quad_class=d["quad_class"],
            place=d["place"],
            date=d["date"],
            negated=d["negated"],
            certainty=d["certainty"],
            attribution=d["attribution"],
            confidence=d["confidence"],
        )
        for i, d in enumerate(drafts, 1)
    ]


def _hedges_reach(doc: Doc, att: Attribution, cand: _Cand) -> bool:
    """Whether one of an attribution's hedges bears on this event.

    A hedge outside the content ("Shangfu *reportedly* told Putin: '…'") hedges all of it;
    one inside ("Russia and China have *reportedly* solidified … after Putin met …")
    hedges only the clause it modifies, not the factual "after" clause beside it.
    """
    scope = {cand.token.i, cand.anchor.i, *(t.i for t in scope_chain(cand.anchor))}
    hedges = list(att.hedges)
    if att.cue is not None and lemma_of_text(att.cue.text) in _hedge_cues():
        hedges.append(att.cue)  # "suggested that …", "reportedly"
    for h in hedges:
        if not (att.content.start <= h.start < att.content.end):
            return True
        tok = doc.char_span(h.start, h.end, alignment_mode="expand")
        if tok is not None and any(t.i in scope or t.head.i in scope for t in tok):
            return True
    return False


def _hedge_cues() -> frozenset[str]:
    return load_words("event_hedges.txt")


def lemma_of_text(text: str) -> str:
    """The verb lemma of a one-word cue ("denied" → "deny"), for cue spans from attributions."""
    from ...nlp.lemma import verb_lemma

    words = text.split()
    return verb_lemma(words[-1]) if words else ""


def _publication_date(published: str | None) -> EventDate | None:
    if not published:
        return None
    return EventDate(published, published, None, "publication")


def _evidence(text: str, sent: SpacySpan) -> Span:
    start, end = sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


def _confidence(cand: _Cand, recips: list[Actor], certainty: str) -> float:
    score = 0.5
    if recips:
        score += 0.15
    if cand.match.rule.extras or cand.match.rule.frame:
        score += 0.15
    if cand.token.tag_.startswith("VB"):
        score += 0.1
    if certainty != "asserted":
        score -= 0.2
    return max(0.1, min(score, 0.95))
