"""Event triggers: which words of a sentence name an event, and which CAMEO code they signal.

The trigger lexicon (``lexicons/event_triggers.tsv``) and the CAMEO/PLOVER code table
(``lexicons/cameo_codes.tsv``) are loaded once and indexed by head lemma, so finding the
triggers of a sentence is one dictionary lookup per token plus a look at that token's
dependents ("call *for*", "lift the *curfew*", "*hunger* strike").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ...lexicons import load_table, load_words
from ...nlp.lemma import lemma

# Entity labels inside which a word is a name, not an event ("Asia-Pacific Economic
# Cooperation", "Operation Desert Storm").
NAME_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "NORP", "FAC", "LOC", "EVENT", "WORK_OF_ART", "LAW"}
)

# Dependents of a verb whose words can complete a trigger phrase.
_VERB_PARTS = frozenset(
    {
        "prt",
        "prep",
        "agent",
        "dative",
        "dobj",
        "nsubjpass",
        "attr",
        "oprd",
        "acomp",
        "advmod",
        "npadvmod",
        "compound",
        "ccomp",
        "xcomp",
    }
)
_NOUN_PARTS = frozenset({"compound", "amod", "prep", "nmod", "npadvmod"})
_OBJECTS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "pobj"})


@dataclass(frozen=True, slots=True)
class CodeInfo:
    """One CAMEO code: its name, Goldstein score, quad class and PLOVER equivalent."""

    code: str
    name: str
    goldstein: float
    quad_class: int
    plover: str | None
    mode: str | None
    contexts: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class TriggerRule:
    """A lexicon row: a head lemma, the words that must come with it, and what it codes."""

    head: str
    pos: str
    extras: tuple[frozenset[str], ...]
    cameo: str | None
    plover: str | None
    mode: str | None
    frame: str | None


@dataclass(frozen=True, slots=True)
class TriggerMatch:
    """A trigger found in a sentence: its head token, the rule and the tokens it used up."""

    token: Token
    rule: TriggerRule
    parts: tuple[Token, ...]  # dependents that completed the phrase ("curfew" in "lift curfew")


@cache
def code_table() -> dict[str, CodeInfo]:
    """Every CAMEO code of ``cameo_codes.tsv`` by its string code ("043")."""
    out = {}
    for row in load_table("cameo_codes.tsv"):
        out[row["code"]] = CodeInfo(
            code=row["code"],
            name=row["name"],
            goldstein=float(row["goldstein"]),
            quad_class=int(row["quad_class"]),
            plover=row["plover"] or None,
            mode=row["mode"] or None,
            contexts=tuple(c for c in row["contexts"].split(";") if c),
        )
    return out


@cache
def trigger_index() -> dict[tuple[str, str], tuple[TriggerRule, ...]]:
    """Rules by (pos class, head lemma), most specific (most extra words) first."""
    index: dict[tuple[str, str], list[TriggerRule]] = {}
    codes = code_table()
    for row in load_table("event_triggers.tsv"):
        words = row["trigger"].split()
        cameo = row["cameo"] or None
        if cameo is not None and cameo not in codes:
            raise ValueError(
                f"event_triggers.tsv: unknown CAMEO code {cameo!r} for {row['trigger']!r}"
            )
        extras = tuple(frozenset(w.split("|")) for w in words[1:])
        for head in words[0].split("|"):
            rule = TriggerRule(
                head,
                row["pos"],
                extras,
                cameo,
                row["plover"] or None,
                row["mode"] or None,
                row["frame"] or None,
            )
            pos = "N" if row["pos"] == "NNS" else row["pos"]
            index.setdefault((pos, head), []).append(rule)
    return {k: tuple(sorted(v, key=lambda r: -len(r.extras))) for k, v in index.items()}


@cache
def support_verbs() -> frozenset[str]:
    return load_words("event_support_verbs.txt")


def _pos_class(token: Token) -> str | None:
    tag = token.tag_
    if tag.startswith("VB"):
        return "V"
    if tag in ("NN", "NNS"):
        return "N"
    if tag == "JJ":
        return "J"
    return None


def _lemma_variants(token: Token, pos: str) -> tuple[str, ...]:
    """The lemma and the spellings the suffix rules miss (mobiliz→mobilize, cancell→cancel)."""
    lem = lemma(token)
    if pos != "V":
        low = token.lower_
        return (lem, low[:-1]) if token.tag_ == "NNS" and low.endswith("ies") else (lem,)
    out = [lem, lem + "e"]
    if len(lem) > 3 and lem[-1] == lem[-2]:
        out.append(lem[:-1])
    if lem.endswith("is"):  # British -ise: criticis -> criticise
        out.append(lem + "e")
    out.append(token.lower_)
    return tuple(out)


def _forms(t: Token) -> frozenset[str]:
    """Word forms a lexicon word may take: "ties" → tie (lemma() gives "ty"), "talks"."""
    low = t.lower_
    forms = {low, lemma(t)}
    if t.tag_ == "NNS" and low.endswith("s"):
        forms.add(low[:-1])
    return frozenset(forms)


def _parts(token: Token, pos: str) -> list[tuple[Token, frozenset[str]]]:
    """Dependents that may complete a phrase, each with the word forms it offers."""
    deps = _VERB_PARTS if pos == "V" else _NOUN_PARTS
    out: list[tuple[Token, frozenset[str]]] = []
    if pos == "V" and token.dep_ == "relcl":
        # "the deal Trump struck": the noun a relative clause describes is the verb's object
        out.append((token.head, _forms(token.head)))
    for child in token.children:
        if child.dep_ not in deps:
            continue
        if child.dep_ in ("ccomp", "xcomp"):
            # "allowed inspectors to enter": the complement's subject or object completes it;
            # not the object of the head's own infinitive ("offered to extend protections" is
            # an offer of what the infinitive codes, not the phrase "offer protection")
            keep = ("nsubj", "dobj") if child.dep_ == "ccomp" else ("nsubj",)
            out.extend((g, _forms(g)) for g in child.children if g.dep_ in keep)
            continue
        out.append((child, _forms(child)))
        if child.dep_ in _OBJECTS or child.dep_ == "npadvmod":
            # the object's own modifiers and its "of" noun: "state of emergency", "war games"
            for g in child.children:
                if g.dep_ in ("compound", "amod"):
                    out.append((child, _forms(g)))
                elif g.dep_ == "prep" and g.lower_ == "of":
                    for p in g.children:
                        if p.dep_ == "pobj":
                            out.append((child, _forms(p)))
        elif child.dep_ in ("prep", "dative"):
            # "hack into", "fire on": the preposition itself; "call off strike" via its object
            for p in child.children:
                if p.dep_ == "pobj":
                    out.append((p, _forms(p)))
    return out


def match_token(token: Token) -> TriggerMatch | None:
    """The most specific trigger rule this token heads, if any."""
    if token.ent_type_ in NAME_LABELS or not token.is_alpha and "-" not in token.text:
        return None
    pos = _pos_class(token)
    if pos is None:
        return None
    if pos == "N" and token.dep_ == "compound":
        return None  # "sanctions policy", "aid convoy": a modifier, not an event
    index = trigger_index()
    rules: tuple[TriggerRule, ...] = ()
    for variant in _lemma_variants(token, pos):
        rules = index.get((pos, variant), ())
        if rules:
            break
    if not rules:
        return None
    parts = None
    for rule in rules:
        if rule.pos == "NNS" and token.tag_ != "NNS":
            continue
        if not rule.extras:
            return TriggerMatch(token, rule, ())
        if parts is None:
            parts = _parts(token, pos)
        used: list[Token] = []
        for alternatives in rule.extras:
            hit = next((t for t, words in parts if words & alternatives), None)
            if hit is None:
                break
            used.append(hit)
        else:
            return TriggerMatch(token, rule, tuple(u for u in used if u.dep_ in _OBJECTS))
    return None


def find_triggers(sent: SpacySpan) -> list[TriggerMatch]:
    """Every trigger of a sentence, in text order; a phrase's object is not a second trigger."""
    matches = [m for m in (match_token(t) for t in sent) if m is not None]
    used = {p.i for m in matches for p in m.parts}
    return [m for m in matches if m.token.i not in used]
