"""Arguments of an event: who acts (actors), toward whom (recipients) and where (place).

From the dependency parse: subject (or passive agent) → actors; object, passive subject,
"with/to/against/on" → recipients; coordinated names give several. Reciprocal events
("Russia and China agreed", "met with", "both parties", "joint exercises") list every
participant as actor *and* as recipient: each side acts toward the other, so dyads read
either way. The place is a place phrase ("in Moscow"), a visited capital, else the dateline.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from ...nlp.lemma import lemma
from ...records import Actor, Attribution, Place
from ..index import MentionIndex, SpanIndex
from ..syntax import dependents, pobjs
from .draft import EventDraft, has_lemma
from .lexicon import event_words

# Grammar, not vocabulary: closed classes of function words.
# prepositions whose object receives the event ("talks with", "attack on")
RECIPIENT_PREPS = frozenset(
    {"with", "to", "against", "on", "into", "toward", "towards", "upon", "at"}
)
PLACE_PREPS = frozenset({"in", "at", "near", "outside", "inside"})
FIRST_PLURAL = frozenset({"we", "us", "our", "ours"})
BOTH = ("both", "two")  # "both parties", "the two leaders"
POSSESSIVES = ("their", "its", "his", "her", "our")
SUBJECT_PRONOUNS = ("he", "she", "they", "it", "we")
RELATIVE_PRONOUNS = ("who", "which", "that")
# a subject named by where the group is: "rebels in the Ivory Coast"
SUBJECT_PREPS = ("of", "in", "from", "throughout", "across")
# dependencies through which a verb shares its governor's subject ("agreed to meet")
_SUBJECT_SHARING = (
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
)


class Resolver:
    """Actor, recipient and place lookup for one article."""

    def __init__(
        self, doc: Doc, actors: list[Actor], places: list[Place], attributions: list[Attribution]
    ):
        self.doc = doc
        self.actors = MentionIndex(actors)
        self.places = MentionIndex(places)
        self.attributions = sorted(attributions, key=lambda a: (a.content.start, a.content.end))
        self.by_content = SpanIndex(self.attributions, lambda a: (a.content.start, a.content.end))
        self.participants: list[Actor] = []  # the last reciprocal event's sides ("both parties")
        self.speaker: Actor | None = None  # the speaker of the quote being read ("we")
        self._by_id = {a.id: a for a in actors}
        self.all_actors = actors
        self._country_actor: dict[str, Actor] = {}  # iso3 → the first country actor of it
        for a in actors:
            if a.type == "country" and a.country:
                self._country_actor.setdefault(a.country, a)

    def actor_by_id(self, actor_id: str | None) -> Actor | None:
        return self._by_id.get(actor_id) if actor_id else None

    def country_actor(self, iso3: str) -> Actor | None:
        """The first country actor (in list order) that is ``iso3``."""
        return self._country_actor.get(iso3)

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
        found = self._named(h) or self._meant(h) or self._inner(h, depth, subject)
        return found or ([] if subject else self._owner_country(h))

    def _owner_country(self, h: Token) -> list[Actor]:
        """A thing named with its country as a modifier belongs to that country: "shot
        down a *U.S.* drone", "seized *Iranian* tankers" — when the article has that country
        as an actor. Only for objects: as a subject ("U.S. drones struck") the modifier
        names no one who acts. Not a place phrase ("in a U.S. court"): see place_of_event."""
        for c in h.children:
            if c.dep_ not in ("compound", "amod", "nmod") or c.i > h.i:
                continue
            place = self.places.at(c.doc[c.left_edge.i].idx, c.idx + len(c))
            if place is not None and place.country:
                owner = self._country_actor.get(place.country)
                return [owner] if owner else []
        return []

    def _named(self, h: Token) -> list[Actor]:
        """Actors whose mentions the phrase up to ``h`` overlaps ("Russian forces")."""
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
        return []

    def _meant(self, h: Token) -> list[Actor]:
        """Whom a pronoun or "both sides" stands for: the speaker, the last sides, the sayer."""
        low = h.lower_
        if low in FIRST_PLURAL and self.speaker is not None:
            return [self.speaker]
        if (
            lemma(h) in event_words().group_head
            and self.participants
            and any(c.lower_ in BOTH for c in h.children)
        ):
            return list(self.participants)
        possessor = next((c for c in h.children if c.dep_ == "poss" and c.tag_ == "PRP$"), None)
        if possessor is not None and possessor.lower_ in POSSESSIVES:
            sayer = self._reporter(h)  # "Bosnian Serbs said *their forces* had withdrawn"
            if sayer:
                return sayer
        if h.tag_ == "PRP" and low in SUBJECT_PRONOUNS:
            return self._reporter(h)
        return []

    def _inner(self, h: Token, depth: int, subject: bool) -> list[Actor]:
        """The actor of a phrase inside: "a group of Moroccan diplomats", "members of Hamas"."""
        preps = SUBJECT_PREPS if subject else ("of",)
        for c in h.children:
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
        if not has_lemma(sayer, event_words().sayer):
            return []
        for s in dependents(sayer, "nsubj"):
            if s.tag_ != "PRP":
                return self.np_actors(s)
        return []

    def place_of(self, tok: Token) -> Place | None:
        return self.places.at(tok.doc[tok.left_edge.i].idx, tok.idx + len(tok))


def subject_tokens(v: Token, depth: int = 0) -> tuple[list[Token], bool]:
    """The tokens naming who does ``v``, and whether ``v`` is passive."""
    if depth > 4:
        return [], False
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children)
    if passive and has_lemma(v, event_words().stative_passive) and not dependents(v, "agent"):
        return dependents(v, "nsubjpass"), False  # "Israel is opposed to", "were engaged in"
    for c in v.children:
        if c.dep_ == "agent":
            return [p for p in c.children if p.dep_ == "pobj"], True
    for c in v.children:
        if c.dep_ in ("nsubj", "csubj"):
            if c.lower_ in RELATIVE_PRONOUNS and v.dep_ == "relcl":
                return [v.head], passive
            return [c], passive
    if passive:
        return [], True
    if v.head.i == v.i:
        return [], False
    return _governor_subject(v, depth), False


def _governor_subject(v: Token, depth: int) -> list[Token]:
    """Who does an active verb with no subject of its own, read off the word governing it."""
    h = v.head
    if v.dep_ == "xcomp" and has_lemma(h, event_words().control):
        objs = dependents(h, "dobj")
        if objs:
            return objs
    if v.dep_ == "pcomp" and h.dep_ == "prep":  # "signs of Beijing supplying weapons"
        subj = [p for p in h.children if p.dep_ == "pobj" and p.i < v.i]
        if subj:
            return subj
        if h.head.tag_ == "JJ" and h.head.dep_ == "acomp":  # "are guilty of violating"
            return subject_tokens(h.head.head, depth + 1)[0]
    if v.dep_ == "relcl" or (v.dep_ == "acl" and not h.tag_.startswith("VB")):
        if lemma(h) in event_words().non_agent:
            if h.dep_ == "dobj" and h.head.tag_.startswith("VB"):
                # "issued a declaration demanding …": the issuer demands
                return subject_tokens(h.head, depth + 1)[0]
            return []  # "a resolution that aims to tighten sanctions" is no one's act
        return [h]  # "soldiers combatting Russian soldiers": the noun does it
    if v.dep_ == "conj" and dependents(h, "nsubjpass"):
        return dependents(h, "nsubjpass")  # "was indicted … and will resign"
    if v.dep_ in _SUBJECT_SHARING:
        if v.dep_ == "pcomp" or v.dep_ == "pobj":
            h = h.head if h.dep_ == "prep" else h
        if h.tag_.startswith("VB"):
            return subject_tokens(h, depth + 1)[0]
    return []


def _reduced_passive(v: Token) -> bool:
    """A past participle modifying a noun, with its agent: "the official *accused* by
    Republicans". Without a "by" phrase the parser often took a main verb for a modifier
    ("Youths *resorted* to …", "aid groups *donated* …"): the noun then stays the doer."""
    return (
        v.dep_ == "acl"
        and v.tag_ == "VBN"
        and not v.head.tag_.startswith("VB")
        and bool(dependents(v, "agent"))
    )


def _misparsed_modifier(v: Token) -> bool:
    """A main verb the parser hung on the noun after it as a modifier, though it kept its
    own subject: "Trump *accused* Mueller's team of …" (accused → amod of "team"). The
    noun is then its object; "the *accused* man" has no subject and stays a modifier."""
    return (
        v.dep_ == "amod"
        and v.tag_ in ("VBD", "VBN")
        and v.head.i > v.i
        and bool(dependents(v, "nsubj"))
    )


def recipient_tokens(v: Token, skip: set[int]) -> list[Token]:
    """The tokens naming whom ``v`` is done to: object, passive subject, "to/with/on" phrase,
    the noun a past participle modifies ("the official *accused* by Republicans")."""
    out: list[Token] = []
    if _reduced_passive(v) and v.head.i not in skip:
        out.append(v.head)
    if _misparsed_modifier(v) and v.head.i not in skip:
        # the noun's own phrase starts after the verb: its owner, else the noun
        out.extend(dependents(v.head, "poss") or [v.head])
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


def noun_arguments(res: Resolver, n: Token) -> tuple[list[Actor], list[Actor], bool]:
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


def arguments(res: Resolver, cand: EventDraft) -> tuple[list[Actor], list[Actor], bool]:
    """(actors, recipients, reciprocal) of a draft event."""
    actors, recips, reciprocal = _own_arguments(res, cand)
    _direct_recipients(res, cand, recips)
    _borrowed_recipients(res, cand, actors, recips)
    reciprocal = _is_reciprocal(cand, actors, recips, reciprocal)
    recips = [r for r in recips if r not in actors]
    return actors, recips, reciprocal


def _skip(cand: EventDraft) -> set[int]:
    """The trigger's own tokens, which name the event rather than a participant."""
    return {cand.token.i, *(p.i for p in cand.match.parts)}


def _own_arguments(res: Resolver, cand: EventDraft) -> tuple[list[Actor], list[Actor], bool]:
    """An event noun's own modifiers ("Israel's invasion of"), else the subject's actors."""
    tok, anchor = cand.token, cand.anchor
    actors: list[Actor] = []
    recips: list[Actor] = []
    reciprocal = False
    if not tok.tag_.startswith("VB") and tok.tag_ != "JJ":
        noun_actors, noun_recips, reciprocal = noun_arguments(res, tok)
        actors += noun_actors
        recips += noun_recips
        for p in cand.match.parts:
            recips += [x for x in noun_arguments(res, p)[1] if x not in recips]
    if not actors:
        subj, passive = subject_tokens(anchor)
        for s in subj:
            actors += [a for a in res.np_actors(s, subject=True) if a not in actors]
            if lemma(s) in event_words().group_head and any(c.lower_ in BOTH for c in s.children):
                reciprocal = True  # "both parties expressed approval"
    return actors, recips, reciprocal


def _direct_recipients(res: Resolver, cand: EventDraft, recips: list[Actor]) -> None:
    """Objects and "to/with/on" phrases of the anchor, the trigger phrase and the trigger."""
    tok, anchor = cand.token, cand.anchor
    skip = _skip(cand)
    # "Israel's offer", "an Indian proposal": the object's own actor receives a rejection
    for r in recipient_tokens(anchor, skip):
        recips += [a for a in res.np_actors(r) if a not in recips]
    for p in cand.match.parts:
        if p.dep_ in ("dobj", "nsubjpass", "pobj"):  # "expelled two Russian diplomats"
            recips += [a for a in res.np_actors(p) if a not in recips]
        for c in p.children:
            if c.dep_ in ("prep", "dative") and c.lower_ in RECIPIENT_PREPS:
                for q in pobjs(c):
                    recips += [a for a in res.np_actors(q) if a not in recips]
    if tok.i != anchor.i:
        for r in recipient_tokens(tok, skip):
            recips += [a for a in res.np_actors(r) if a not in recips]
    if not tok.tag_.startswith("VB") and tok.dep_ == "dobj" and tok.head.i != anchor.i:
        # "putting sanctions *on Iran*": the verb holding the event noun names its target
        for c in tok.head.children:
            if c.dep_ == "prep" and c.lower_ in RECIPIENT_PREPS:
                for q in pobjs(c):
                    recips += [a for a in res.np_actors(q) if a not in recips]


def _borrowed_recipients(
    res: Resolver, cand: EventDraft, actors: list[Actor], recips: list[Actor]
) -> None:
    """Recipients the event's complements name when it names none itself."""
    _helper_recipients(res, cand, actors, recips)
    _complement_recipients(res, cand, actors, recips)


def _helper_recipients(
    res: Resolver, cand: EventDraft, actors: list[Actor], recips: list[Actor]
) -> None:
    """From the drafts a frame or support verb absorbed ("agreed to meet X", "aid to Syria")."""
    for helper in cand.helpers:  # a merged event noun: "provided aid *to Syria*"
        if not helper.token.tag_.startswith("VB"):
            recips += [x for x in noun_arguments(res, helper.token)[1] if x not in recips]
    for helper in cand.helpers:  # "agreed to meet X", "demanded that the US cancel"
        if not recips:
            subj, _ = subject_tokens(helper.anchor)
            for s in subj:
                recips += [a for a in res.np_actors(s) if a not in actors and a not in recips]
        if not recips:
            for r in recipient_tokens(helper.anchor, {helper.token.i}):
                recips += [a for a in res.np_actors(r) if a not in actors and a not in recips]


def _complement_recipients(
    res: Resolver, cand: EventDraft, actors: list[Actor], recips: list[Actor]
) -> None:
    """From the clause a request or frame governs, or a "from" phrase of a withdrawal."""
    tok, anchor = cand.token, cand.anchor
    if cand.plover == "REQUEST" and not recips:
        for c in anchor.children:
            if c.dep_ == "ccomp":
                for s in dependents(c, "nsubj", "nsubjpass"):
                    recips += [a for a in res.np_actors(s) if a not in actors]
    if cand.match.rule.frame in ("intent", "threat", "request", "reject") and not recips:
        # "offered to hand over to Britain …", "ready to contribute troops to …": the
        # complement's own object or "to" phrase, trigger or not
        skip = _skip(cand)
        for c in tok.children:
            if c.dep_ in ("xcomp", "ccomp") and c.tag_.startswith("VB"):
                for r in recipient_tokens(c, skip):
                    recips += [a for a in res.np_actors(r) if a not in actors and a not in recips]
    if not recips and cand.plover in ("RETREAT", "SANCTION", "AGREE", "THREATEN"):
        # "withdraw its troops from Lebanon", "recalled its ambassador from Israel"
        for t in (anchor, tok, *cand.match.parts, *(h.anchor for h in cand.helpers)):
            for c in t.children:
                if c.dep_ == "prep" and c.lower_ == "from":
                    for q in pobjs(c):
                        recips += [a for a in res.np_actors(q) if a not in actors]


def _is_reciprocal(
    cand: EventDraft, actors: list[Actor], recips: list[Actor], reciprocal: bool
) -> bool:
    """Whether each side acts toward the other: "met with", "jointly", "Russia and China agreed"."""
    tok, anchor = cand.token, cand.anchor
    vocab = event_words()
    words = {c.lower_ for t in (tok, anchor, *cand.match.parts) for c in t.children}
    symmetric = has_lemma(tok, vocab.reciprocal) or has_lemma(anchor, vocab.reciprocal)
    if symmetric and (words & vocab.together or reciprocal):
        reciprocal = True
    if symmetric and len(actors) >= 2 and not recips:
        reciprocal = True
    if symmetric and any(
        c.dep_ == "prep" and c.lower_ == "with" for c in (*tok.children, *anchor.children)
    ):
        reciprocal = True
    return reciprocal


def state_subject(
    res: Resolver, cand: EventDraft, furniture: tuple[int, int] | None = None
) -> bool:
    """Whether a state is itself the subject ("Serbia protested"), not people ("Serb students"),
    nor the place that sees the event ("Hong Kong has experienced protests"), nor a word of
    the dateline ``furniture`` the parser took for a subject ("New Delhi, India - … marched")."""
    anchor = cand.anchor
    if any(
        has_lemma(t, event_words().undergo)
        for t in (anchor, anchor.head if anchor.dep_ == "dobj" else anchor)
    ):
        return False
    for s in subject_tokens(cand.anchor)[0]:
        if furniture is not None and furniture[0] <= s.idx < furniture[1]:
            continue
        for m, a in res.actors.overlapping(s.idx, s.idx + len(s)):
            if m.start <= s.idx < m.end and (a.type in ("country", "igo") or "GOV" in a.sectors):
                return True
    return False


def place_of_event(res: Resolver, cand: EventDraft, dateline: Place | None) -> Place | None:
    """Where an event happened: "in Moscow", a visited place ("visited Beijing"), else the
    dateline."""
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


def host_country(res: Resolver, cand: EventDraft) -> Actor | None:
    """The country a visit goes to when the text names only a place ("visited Beijing")."""
    place = place_of_event(res, cand, None)
    if place is None or not place.country:
        return None
    return res.country_actor(place.country)


def dateline(text: str, places: MentionIndex[Place]) -> Place | None:
    """'MOSCOW (Reuters) —' or 'Kyiv, April 3 —': the place a wire story was filed from."""
    head = text[:80]
    for sep in ("—", "--", " - ", "(", ":"):
        k = head.find(sep)
        if 0 < k <= 40:
            pl = places.at(0, k)
            if pl is not None and all(m.start >= 0 for m in pl.mentions):
                return pl
    return None


def object_is_actor(res: Resolver, v: Token) -> bool:
    """Whether the verb's object is itself someone ("hosted Xi"), not a thing ("a survey")."""
    doc = v.doc
    for o in dependents(v, "dobj", "nsubjpass"):  # the phrase up to its head: "Syrian officials"
        if res.actors.overlapping(doc[o.left_edge.i].idx, o.idx + len(o)):
            return True
    return False
