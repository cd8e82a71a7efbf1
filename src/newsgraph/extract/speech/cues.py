"""Cue verbs: the verbs that introduce what someone said, wrote, believes or wants.

The lexicon is ``lexicons/cue_verbs.tsv`` (lemma, class, complements, irregular forms);
a verb outside it that takes an explicit "that"-clause is a generic belief cue, unless it
is one of ``lexicons/not_cue_verbs.txt`` ("it means that …", "make sure that …").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from spacy.tokens import Token

from ...lexicons import load_table, load_words
from ...nlp.lemma import lemma

# Cue classes whose verbs also describe things that are not speech ("the data show",
# "the move seems to suggest"): their subject must look like a source.
WEAK_CLASSES = frozenset(("belief", "intent", "evidential", "stance"))


@dataclass(frozen=True, slots=True)
class CueVerb:
    lemma: str
    cls: str
    complements: str


# a verb outside the lexicon with a that-clause: a belief cue with a clausal complement
GENERIC = CueVerb("", "belief", "c")


@cache
def cue_lexicon() -> dict[str, CueVerb]:
    """Lemma -> cue entry, plus the regular inflected forms of each lemma as a safety net
    for lemmas the suffix rules in nlp/lemma.py get wrong ("acknowledged")."""
    out: dict[str, CueVerb] = {}
    forms: dict[str, CueVerb] = {}
    for row in load_table("cue_verbs.tsv"):
        cue = CueVerb(row["lemma"], row["class"], row["complements"])
        out[cue.lemma] = cue
        for form in filter(None, row.get("forms", "").split("|")):
            forms[form.lower()] = cue
    for lem, cue in out.items():
        stem = lem[:-1] if lem.endswith("e") else lem
        for form in (
            lem + "s",
            lem + "d",
            stem + "ed",
            stem + "ing",
            lem + "ing",
            lem[:-1] + "ies",
            lem[:-1] + "ied",
        ):
            forms.setdefault(form, cue)
    return {**forms, **out}


@cache
def not_cue_verbs() -> frozenset[str]:
    """Verbs that take a that-clause without reporting anyone's words or thoughts."""
    return load_words("not_cue_verbs.txt")


def cue_of(token: Token) -> CueVerb | None:
    """The cue-lexicon entry for a verb token, or None."""
    if not token.tag_.startswith("VB"):
        return None
    lex = cue_lexicon()
    return lex.get(lemma(token)) or lex.get(token.lower_)


def that_clause_cue(tok: Token) -> CueVerb | None:
    """A verb outside the lexicon with an explicit "that"-clause ("Trump implied that …",
    "she learned that …"): a cue for a source-like subject."""
    if lemma(tok) in not_cue_verbs():
        return None
    for child in tok.children:
        if (
            child.dep_ == "ccomp"
            and child.i > tok.i
            and any(gc.dep_ == "mark" and gc.lower_ == "that" for gc in child.children)
        ):
            return GENERIC
    return None
