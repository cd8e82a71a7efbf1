"""Verdicts: a speaker who says that someone, or someone's act, is bad or good.

Criticism (CAMEO 111) and praise (CAMEO 051) are often carried by no verb of their own,
only by what is said. The words that evaluate come from VADER's rated lexicon
(``negative_evaluation.tsv``, ``positive_evaluation.tsv``) and from ``verdict_words.tsv``
(misconduct words VADER rates neutral: "dodged", "obstruction", "stunt"). Three classes:

- **naming** (:func:`naming_verdict`): a naming verb with an object and a predicate that
  evaluates — "called Trudeau's press conference a *stunt*", "called it *shocking*",
  "likened the protest to *terrorism*", "called the deal a *win*"; not "called for talks",
  "called it Project Alpha" (no evaluation);
- **a reported clause about someone** (:mod:`.speech_acts`): "said *Trudeau's comments*
  *undermined* …", "say *he* *dodged* taxes" — the clause's subject is the recipient;
- **a verdict on an act** (:func:`act_verdict`): "said *the attack* was *unacceptable*",
  "said the *bill* is a clear *win*" — a predicate that evaluates an act, a proposal or
  words (``verdict_words.tsv`` kind ``act``); the act's owner, when named, is the recipient.

A negated evaluation ("was not insulting") passes no verdict.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ...lexicons import load_table
from ...nlp.lemma import lemma
from ..syntax import dependents

VERDICT_FILE = "verdict_words.tsv"
NEGATIVE_FILE = "negative_evaluation.tsv"
POSITIVE_FILE = "positive_evaluation.tsv"
CRITICISM = "111"  # CAMEO: criticize or denounce
PRAISE = "051"  # CAMEO: praise or endorse
# dependencies of a naming verb's predicate: "called it *shocking*", "called X a *stunt*"
_PREDICATE_DEPS = ("oprd", "xcomp", "ccomp", "acomp", "attr")
# prepositions that carry a naming verb's predicate: "described *as*", "likened *to*"
_PREDICATE_PREPS = ("as", "to")
# particles and prepositions that make "call" another verb: "call for", "call off"
_OTHER_CALLS = ("for", "on", "upon", "off", "out", "in", "up", "back")
# dependencies of a predicate that evaluates its subject ("was *unacceptable*", "is a *win*")
_PREDICATIVE = ("acomp", "attr", "oprd")
# praise needs a strong word: VADER rates "ready", "agree", "help" 1.5-1.7, which say
# nothing good about anyone ("Russia is ready to talk"); "win", "friend", "great" >= 2
PRAISE_MIN = 2.0


@cache
def verdict_words(kind: str) -> frozenset[str]:
    """The ``verdict_words.tsv`` words of one kind (misconduct, naming, act)."""
    return frozenset(r["word"] for r in load_table(VERDICT_FILE) if r["kind"] == kind)


@cache
def negative_words() -> frozenset[str]:
    """Words that say something is bad: VADER's negative words and the misconduct words."""
    return frozenset(r["word"] for r in load_table(NEGATIVE_FILE)) | verdict_words("misconduct")


@cache
def positive_words() -> frozenset[str]:
    """Words that say something is good (``positive_evaluation.tsv``, from VADER), strongly."""
    return frozenset(
        r["word"] for r in load_table(POSITIVE_FILE) if float(r["valence"]) >= PRAISE_MIN
    )


def _forms(t: Token) -> tuple[str, ...]:
    low = lemma(t)
    return (t.lower_, low, low + "e")


def is_negative(t: Token) -> bool:
    return any(f in negative_words() for f in _forms(t))


def is_positive(t: Token) -> bool:
    return any(f in positive_words() for f in _forms(t))


def negated(t: Token) -> bool:
    """'was *not* insulting', 'no *greater* friend': the evaluation is denied."""
    near = (*t.children, *t.head.children)
    return any(c.dep_ == "neg" or c.lower_ in ("no", "never") for c in near)


def valence(tokens: list[Token]) -> str | None:
    """CRITICISM when a word of ``tokens`` finds fault (first), PRAISE when one praises."""
    live = [t for t in tokens if not negated(t)]
    if any(is_negative(t) for t in live):
        return CRITICISM
    if any(is_positive(t) for t in live):
        return PRAISE
    return None


def naming_object(verb: Token) -> Token | None:
    """The object a naming verb evaluates ("called *the plan* dead"), or None when the
    verb is no naming ("called for talks", "described the scene")."""
    if not any(f in verdict_words("naming") for f in _forms(verb)):
        return None
    if any(c.dep_ in ("prt", "prep") and c.lower_ in _OTHER_CALLS for c in verb.children):
        if lemma(verb) == "call":
            return None
    objs = dependents(verb, "dobj") or dependents(verb, "nsubjpass")
    if not objs or any(c.lower_ in ("no", "none") for c in objs[0].children):
        return None  # "no country has been named a manipulator": a verdict on no one
    return objs[0]


def naming_verdict(verb: Token, quoted: tuple[Token, ...] = ()) -> tuple[str, Token] | None:
    """(code, object) of a naming verb whose predicate evaluates: "called X a *stunt*".

    ``quoted``: the words of a partial quote the verb introduces, also read as predicate.
    """
    obj = naming_object(verb)
    if obj is None:
        return None
    pred: list[Token] = list(quoted)
    for c in verb.children:
        if c.dep_ in _PREDICATE_DEPS and c.i != obj.i:
            pred += list(c.subtree)
    for holder in (verb, obj):  # "likened the protest to terrorism", "described X as Y"
        for c in holder.children:
            if c.dep_ == "prep" and c.lower_ in _PREDICATE_PREPS:
                pred += list(c.subtree)
    # the object's own words are no verdict ("called *the violent protest* a meeting")
    said = {t.i for t in pred}
    own = {t.i for t in obj.subtree} - said
    code = valence([t for t in pred if t.i not in own])
    return (code, obj) if code else None


def act_verdict(t: Token) -> tuple[str, Token] | None:
    """(code, act noun) when ``t`` evaluates an act as its predicate ("the attack was
    *unacceptable*", "the bill is a clear *win*") or as its modifier ("the *terrible*
    Obama plan"); not "the attack killed *innocent* people"."""
    code = CRITICISM if is_negative(t) else PRAISE if is_positive(t) else None
    if code is None or negated(t):
        return None
    if t.dep_ == "amod" and _is_act(t.head) and t.head.dep_ not in _PREDICATIVE:
        return code, t.head  # "the *terrible* Obama plan": the act itself is judged
    pred = t
    if t.dep_ == "amod" and t.head.dep_ in _PREDICATIVE:
        pred = t.head  # "a *clear* win": the noun is the predicate
    if pred.dep_ not in _PREDICATIVE or negated(pred):
        return None
    for s in dependents(pred.head, "nsubj", "nsubjpass"):
        if _is_act(s):
            return code, s
    return None


def _is_act(t: Token) -> bool:
    return t.tag_.startswith("NN") and any(f in verdict_words("act") for f in _forms(t))
