"""Speech acts: an attribution whose cue verb is itself an event becomes that event.

CAMEO roots 01-05 and 10-13 are mostly things said: "X *accused* Y of …", "X *criticized*
Y", "X *denied* …", "X *praised* …", "X *warned* …". The speech wing records them as
attributions (speaker, cue, content); this module reads those records — never the speech
wing's code — and codes the cue through ``speech_act_verbs.tsv`` (converted from PETRARCH2's
CAMEO verb dictionary by ``scripts/convert_petrarch_verbs.py``). Plain statements ("said",
"told": CAMEO 010) are no event, nor are cues that report a belief, a wish or an
appearance (``cue_verbs.tsv`` classes evidential, belief, intent: "hopes", "appears").

A saying verb carries an act through what is said (:func:`reported_criticism`, with
:mod:`.verdicts`; :func:`reported_refusal`; :func:`quoted_demand`), a naming verb through
its predicate (:func:`naming_act`), and a verdict verb with no attribution through its
object (:func:`object_act`).

The speaker is the actor (the attribution's source, else the cue's subject); the recipient
is whom the cue names — its object or a "to/with/against/on" phrase ("criticized *Mexico*",
"blasted *the House's* proposal") — else the subject of the reported clause ("said *China*
had manipulated …"). The speaker is never its own recipient. A cue another event of the
sentence already starts from (a trigger word the trigger phase coded) is not coded twice,
and a direct question is no request ("'Why now?' she asked").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from ...lexicons import load_table
from ...nlp.lemma import lemma, verb_lemma
from ...records import Actor, Attribution
from ..syntax import dependents, pobjs
from .arguments import Resolver, recipient_tokens, subject_tokens
from .draft import has_lemma
from .lexicon import event_words
from .sense import asks_question
from .triggers import code_table, match_token, support_verbs
from .verdicts import (
    CRITICISM,
    act_verdict,
    is_negative,
    is_positive,
    naming_verdict,
    negated,
    verdict_words,
)

VERBS_FILE = "speech_act_verbs.tsv"
# cue_verbs.tsv classes of a neutral saying verb ("said", "added", "argued", "reported")
_SAYING = ("speech", "report", "argue")
# evidential verbs that say how things look, not what someone says ("seems", "appears")
_SEEMING = ("seem", "appear")
CUE_VERBS_FILE = "cue_verbs.tsv"
# cue_verbs.tsv classes that say what someone thinks, wants or what seems, not an act
# toward anyone ("appears", "hopes", "wants", "showed"): never a speech act
_NOT_ACTS = ("evidential", "belief", "intent")
# CAMEO roots whose reported clause names the target as its subject: an appeal or demand
# ("urged that *Y* withdraw") and a disapproval or accusation ("charged that *Y* lied").
# A denial's or a threat's clause names the speaker's own side ("denied *Russia* tried").
_TARGET_IN_CLAUSE = ("02", "10", "11")
# verdict_words.tsv kinds of the verbs coded with no attribution, and their default code
_OBJECT_ACTS = {"blame": "111", "praise": "051", "rebuff": "120", "demand": "100"}
# auxiliaries of a future or a conditional commitment: "will not", "won't", "would not"
_FUTURE = frozenset({"will", "would", "wo", "'ll", "shall"})
# pronoun subjects of a reported clause that stand for the speaker ("said *he* would not")
_OWN_PRONOUNS = ("i", "we", "he", "she", "it", "they")
# modals that, said of someone else, demand it of them: "X should", "X must"
_DEMAND_MODALS = {"should": "020", "must": "100", "ought": "020"}
# the attribution kinds that have a cue verb of their own ("according to" has none)
_CUED_KINDS = ("direct", "indirect", "partial", "mixed")


@dataclass
class SpeechAct:
    """One coded speech act: the attribution (if any), its cue token, code and sides."""

    attribution: Attribution | None
    cue: Token
    cameo: str
    actors: list[Actor]
    recipients: list[Actor]


@cache
def speech_act_codes() -> dict[str, str]:
    """Cue lemma → CAMEO code, for the codes this project knows."""
    known = code_table()
    not_acts = {r["lemma"] for r in load_table(CUE_VERBS_FILE) if r["class"] in _NOT_ACTS}
    not_acts |= support_verbs()  # "expressed condolences": the noun names the act
    return {
        r["lemma"]: r["cameo"]
        for r in load_table(VERBS_FILE)
        if r["cameo"] in known and r["lemma"] not in not_acts
    }


@cache
def assertion_verbs() -> frozenset[str]:
    """``cue_verbs.tsv``'s argue class ("claim", "argue", "allege"): an assertion is a
    disapproval only of someone it names ("claimed *the US* lied", not "claimed they won")."""
    return frozenset(r["lemma"] for r in load_table(CUE_VERBS_FILE) if r["class"] == "argue")


@cache
def saying_verbs() -> frozenset[str]:
    """Neutral saying verbs: ``cue_verbs.tsv`` rows of the speech, report and argue classes,
    and the evidential verbs a speaker uses ("Kudlow *indicated* that …"; not "seems")."""
    return frozenset(
        r["lemma"]
        for r in load_table(CUE_VERBS_FILE)
        if r["class"] in _SAYING or (r["class"] == "evidential" and r["lemma"] not in _SEEMING)
    )


def cue_token(doc: Doc, att: Attribution) -> Token | None:
    """The cue's verb: the last word of the cue span ("went on to *accuse*")."""
    if att.cue is None or att.kind not in _CUED_KINDS:
        return None
    span = doc.char_span(att.cue.start, att.cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    verbs = [t for t in span if t.tag_.startswith("VB")]
    return verbs[-1] if verbs else None


def code_of(cue: Token) -> str | None:
    """The CAMEO code of a cue verb, by its lemma (read as a verb whatever its tag; the
    suffix rules may drop a silent e: "castigated" → "castigat")."""
    codes = speech_act_codes()
    return next((codes[f] for f in _forms(cue) if f in codes), None)


def _forms(cue: Token) -> tuple[str, ...]:
    """A cue's lemma candidates: the project's verb lemma, with and without a silent e."""
    forms = (lemma(cue), verb_lemma(cue.text), cue.lower_)
    return (*forms, *(f + "e" for f in forms))


def _is_question(att: Attribution) -> bool:
    return att.kind == "direct" and att.content.text.rstrip(" \"'”’").endswith("?")


def speech_act(
    res: Resolver, att: Attribution, taken: set[int], verdicts: bool = True
) -> SpeechAct | None:
    """The speech act an attribution records, or None (no speech-act cue, no speaker,
    a cue already coded as a trigger (its token index in ``taken``), a question).

    ``verdicts``: whether a neutral saying verb may carry criticism (:func:`reported_criticism`);
    not in a sentence that reports a material event of its own ("India said 20 soldiers
    were killed" reports a clash, it passes no verdict)."""
    cue = cue_token(res.doc, att)
    if cue is None or cue.i in taken:
        return None
    cameo = code_of(cue)
    if cameo is None:
        named = naming_act(res, cue, att)
        if named is None and verdicts:
            named = reported_criticism(res, att, cue)
        return named or reported_refusal(res, att, cue)
    if cameo.startswith("02") and (_is_question(att) or asks_question(cue)):
        return None  # "'How would they get papers?' she asked", "asked whether": no request
    actors = speaker_actors(res, att, cue)
    if not actors:
        return None
    recips = [r for r in addressees(res, att, cue, cameo) if r not in actors]
    if not recips and cameo.startswith("11") and _lemma_in(cue, assertion_verbs()):
        return None  # "claimed that they had attacked": no one is faulted
    return SpeechAct(att, cue, cameo, actors, recips)


def _lemma_in(cue: Token, words: frozenset[str]) -> bool:
    return any(f in words for f in _forms(cue))


def speaker_actors(res: Resolver, att: Attribution, cue: Token) -> list[Actor]:
    """The attribution's source, else the cue verb's subject."""
    source = res.actor_by_id(att.source)
    if source is not None:
        return [source]
    out: list[Actor] = []
    for s in subject_tokens(cue)[0]:
        out += [a for a in res.np_actors(s, subject=True) if a not in out]
    return out


def addressees(res: Resolver, att: Attribution, cue: Token, cameo: str) -> list[Actor]:
    """Whom the act is aimed at: the cue's object or prepositional object, else, for an
    appeal, demand or accusation, the subject (or its possessor) of the reported clause."""
    out: list[Actor] = []
    for r in recipient_tokens(cue, {cue.i}):
        out += [a for a in res.np_actors(r) if a not in out]
    if out or cameo[:2] not in _TARGET_IN_CLAUSE:
        return out
    content = res.doc.char_span(att.content.start, att.content.end, alignment_mode="expand")
    if content is None:
        return out
    inside = {t.i for t in content}
    for root in (t for t in content if t.head.i not in inside or t.head.i == t.i):
        for s in dependents(root, "nsubj", "nsubjpass"):
            out += [a for a in res.np_actors(s) if a not in out]
        if out:
            break
    return out


def reported_criticism(res: Resolver, att: Attribution, cue: Token) -> SpeechAct | None:
    """A neutral saying verb whose reported clause passes a verdict (:mod:`.verdicts`):
    "Kudlow said *Trudeau's* press conference was *a betrayal*", "Prosecutors say *he*
    *lied*", "said the attack was *unacceptable*", "said the bill is a clear *win*".

    The clause (the part in the cue's sentence) must hold a word of evaluation that is no
    event word of its own (the trigger phase codes "killed", "attacked"), not negated. A
    fault-finding word whose clause's subject names an actor other than the speaker faults
    that actor; a predicate that evaluates an act ("the attack was unacceptable") judges
    the act's owner (no recipient when none is named; none at all when it is the speaker's
    own). Praise is read only from a predicate ("is a *win*"), never from a verb ("won").
    """
    if not _lemma_in(cue, saying_verbs()):
        return None
    actors = speaker_actors(res, att, cue)
    content = res.doc.char_span(att.content.start, att.content.end, alignment_mode="expand")
    if not actors or content is None:
        return None
    inside = {t.i for t in content if t.sent.start == cue.sent.start}
    res.speaker = actors[0]  # "we", "us" in the quote are the speaker's side
    for i in sorted(inside):
        t = res.doc[i]
        bad = is_negative(t)
        if not (bad or is_positive(t)) or match_token(t) is not None or negated(t):
            continue
        act = act_verdict(t)
        if act is not None:
            owners = res.np_actors(act[1])
            if any(a in actors for a in owners):
                continue  # the speaker's own plan: no verdict on anyone
            if t.dep_ == "amod" and act[1].i == t.head.i and not owners:
                continue  # "the *tragic* decision": whose, the text does not say
            return SpeechAct(att, cue, act[0], actors, owners or _spoken_of(res, cue, actors))
        if not bad:
            continue
        targets = [a for a in _clause_subjects(res, t, inside) if a not in actors]
        if targets:
            return SpeechAct(att, cue, CRITICISM, actors, targets)
    return None


def _spoken_of(res: Resolver, cue: Token, actors: list[Actor]) -> list[Actor]:
    """Whom the speaker speaks of: "said *of President Trump*", "wrote *about* Mexico"."""
    out: list[Actor] = []
    for c in cue.children:
        if c.dep_ == "prep" and c.lower_ in ("of", "about"):
            for p in pobjs(c):
                out += [a for a in res.np_actors(p) if a not in actors and a not in out]
    return out


def object_act(res: Resolver, verb: Token, cues: set[int]) -> SpeechAct | None:
    """A speech-act verb no attribution carries, aimed at someone it names as object:
    "Kudlow doubled down, *faulting* Trudeau", "*praised* the envoy" (``verdict_words.tsv``
    kinds blame, praise, rebuff, demand: "*pressed* Putin"). Both sides must be actors:
    "praised the food" is no act.
    ``cues``: the token indices of the sentence's attribution cues, read by
    :func:`speech_act`."""
    if verb.i in cues or not verb.tag_.startswith("VB"):
        return None
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # "pledged *to name* China", "an event *to honor* the team": not done
    cameo = None
    for kind, default in _OBJECT_ACTS.items():
        if _lemma_in(verb, verdict_words(kind)):
            cameo = code_of(verb) or default
    if cameo is None:
        return None
    actors: list[Actor] = []
    for s in subject_tokens(verb)[0]:
        actors += [a for a in res.np_actors(s, subject=True) if a not in actors]
    recips: list[Actor] = []
    for r in recipient_tokens(verb, {verb.i}):
        recips += [a for a in res.np_actors(r) if a not in actors and a not in recips]
    if not actors or not recips:
        return None
    return SpeechAct(None, verb, cameo, actors, recips)


def naming_act(res: Resolver, verb: Token, att: Attribution | None) -> SpeechAct | None:
    """A naming verb that passes a verdict (:func:`.verdicts.naming_verdict`): "Kudlow
    called Trudeau's press conference a 'stunt'" — the namer is the actor, the object's
    actor (or its owner) the recipient. ``att``: the partial quote the verb introduces."""
    quoted: tuple[Token, ...] = ()
    if att is not None:
        span = res.doc.char_span(att.content.start, att.content.end, alignment_mode="expand")
        quoted = tuple(span) if span is not None else ()
    found = naming_verdict(verb, quoted)
    if found is None:
        return None
    code, obj = found
    actors = speaker_actors(res, att, verb) if att is not None else []
    if not actors:
        for s in subject_tokens(verb)[0]:
            actors += [a for a in res.np_actors(s, subject=True) if a not in actors]
    if not actors:
        return None
    recips = [a for a in res.np_actors(obj) if a not in actors]
    return SpeechAct(att, verb, code, actors, recips)


def _misconduct_done(t: Token) -> bool:
    """A misconduct noun someone is said to be in or guilty of: "engaged *in obstruction*",
    "guilty *of fraud*" — not "the investigation *of fraud*" (a noun's topic)."""
    return (
        t.dep_ == "pobj"
        and t.head.lower_ in ("in", "of")
        and (t.head.head.tag_.startswith("VB") or t.head.head.tag_ == "JJ")
        and any(f in verdict_words("misconduct") for f in (t.lower_, lemma(t)))
    )


def _clause_subjects(res: Resolver, t: Token, inside: set[int]) -> list[Actor]:
    """Actors the subject of the clause holding ``t`` names, the nearest clause first; a
    word modifying a noun ("an *unfair* advantage") faults that noun's owner only."""
    if t.dep_ in ("amod", "compound") and not t.head.tag_.startswith("VB"):
        return [] if t.head.dep_ not in ("nsubj", "nsubjpass", "attr") else res.np_actors(t.head)
    node = t
    if _misconduct_done(t):
        node = t.head.head  # "engaged in *obstruction*", "guilty of *fraud*": the doer's clause
    elif t.tag_.startswith("NN") and t.dep_ not in ("attr", "ROOT", "appos", "oprd"):
        return []  # "acquire *weapons*", "fight *terrorism*": a topic, not a verdict
    for _ in range(4):
        if node.dep_ in ("relcl", "acl"):
            return []  # "a register, which many *fear* …": about the noun, not the clause
        for s in dependents(node, "nsubj", "nsubjpass"):
            found = res.np_actors(s)
            if found:
                return found
        if node.head.i == node.i or node.head.i not in inside:
            break
        node = node.head
    return []


def quoted_demand(res: Resolver, att: Attribution, modal: Token) -> SpeechAct | None:
    """A quoted "X should / must do …": the speaker demands it of X (CAMEO 020 for
    "should", 100 for "must") — "'President Obama and Senate Democrats *should* back these
    bills,' he said", also when the quote's cue is in another sentence (a cue in the same
    sentence is read by :func:`.frames.sentence_drafts` first). Not of the speaker's own
    side ("we must act") nor of "you" (whom the speaker addresses is not named), not as
    a question."""
    if modal.dep_ != "aux" or modal.lower_ not in _DEMAND_MODALS or _is_question(att):
        return None
    verb = modal.head
    if not (att.content.start <= verb.idx < att.content.end) or has_lemma(
        verb, event_words().stative
    ):
        return None  # "Kim must not *see* weakness": a state, no act demanded
    if any(c.dep_ == "aux" and c.lower_ == "have" for c in verb.children):
        return None  # "should have passed" blames, it asks for nothing
    speaker = res.actor_by_id(att.source)
    if speaker is None:
        return None
    res.speaker = speaker  # "we", "us" are the speaker's side
    recips: list[Actor] = []
    for s in dependents(verb, "nsubj"):
        if s.lower_ in ("you", "i"):
            return None
        recips += [a for a in res.np_actors(s) if a != speaker and a not in recips]
    if not recips:
        return None
    return SpeechAct(att, modal, _DEMAND_MODALS[modal.lower_], [speaker], recips)


def reported_refusal(res: Resolver, att: Attribution, cue: Token) -> SpeechAct | None:
    """A speaker saying that it will not do something refuses it (CAMEO 120): "McConnell
    said he would not change the rules", "the ministry said it will not pay for Trump's
    wall" (the owner of what is refused, when named, is the recipient). Not what someone
    else will not do ("said Russia would not attack": a prediction), not a state ("would
    not know"), not a coded event of its own (the trigger phase reads "would not attend")."""
    if not _lemma_in(cue, saying_verbs()):
        return None
    actors = speaker_actors(res, att, cue)
    if not actors:
        return None
    for v in dependents(cue, "ccomp"):
        if not (att.content.start <= v.idx < att.content.end):
            continue
        aux = {c.lower_ for c in v.children if c.dep_ == "aux"}
        if not aux & _FUTURE or not any(c.dep_ == "neg" for c in v.children):
            continue
        if match_token(v) is not None or has_lemma(v, event_words().stative):
            continue
        subj = dependents(v, "nsubj")
        res.speaker = actors[0]
        own = bool(subj) and (
            subj[0].lower_ in _OWN_PRONOUNS or any(a in actors for a in res.np_actors(subj[0]))
        )
        if not own:
            continue
        recips: list[Actor] = []
        for r in recipient_tokens(v, {v.i}):
            recips += [a for a in res.np_actors(r) if a not in actors and a not in recips]
        return SpeechAct(att, cue, "120", actors, recips)
    return None
