"""Verb and noun lemmas from PTB tags, without spaCy's attribute_ruler and lemmatizer.

Extractors compare lemmas against lexicons ("say", "deny", "meet"). This gives the lemma
of the inflected forms news uses, with a table of irregular verbs from lexicons/.
"""

from __future__ import annotations

from functools import cache

from spacy.tokens import Token

from ..lexicons import load_pairs


@cache
def _irregular() -> dict[str, str]:
    return dict(load_pairs("irregular_verbs.tsv"))


def verb_lemma(word: str, tag: str = "") -> str:
    """Lemma of a verb form: 'said'→'say', 'urged'→'urge', 'denies'→'deny', 'meeting'→'meet'."""
    w = word.lower()
    irregular = _irregular()
    if w in irregular:
        return irregular[w]
    if tag in ("VB", "VBP") or len(w) <= 3:
        return w
    if w.endswith("ing") and tag in ("VBG", ""):
        stem = w[:-3]
        if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            return stem[:-1]  # stopping -> stop
        if stem in _E_STEMS:
            return stem + "e"
        return stem
    if w.endswith("ed") and tag in ("VBD", "VBN", ""):
        stem = w[:-2]
        if w.endswith("ied"):
            return w[:-3] + "y"
        if len(stem) >= 2 and stem[-1] == stem[-2] and stem[-1] not in "lsz":
            return stem[:-1]
        if stem in _E_STEMS:
            return stem + "e"
        return stem
    if w.endswith("s") and tag in ("VBZ", ""):
        if w.endswith("ies"):
            return w[:-3] + "y"
        if w.endswith(("shes", "ches", "sses", "xes", "zes")):
            return w[:-2]
        return w[:-1]
    return w


# Stems (lemma minus its final e) whose lemma ends in a silent e the suffix rules cannot see.
_E_STEMS = frozenset(
    "accus announc argu assum believ charg clos complet continu declar declin decid describ "
    "dismiss increas indicat insist issu leav mak mov not promis propos provid rais receiv "
    "reduc releas remov resolv sav serv shar stat suppos tak urg us vot writ welcom "
    "agre approv arriv captur continu criticiz emphasiz exchang hop improv invit "
    "involv lik negotiat observ pledg recogniz retir respons rul scor sentenc squeez stag "
    "strik surviv tim trad voic".split()
)


def lemma(token: Token) -> str:
    """Lemma for a token: verbs through :func:`verb_lemma`, everything else lower-cased."""
    if token.tag_.startswith("VB"):
        return verb_lemma(token.text, token.tag_)
    if token.tag_ == "NNS" and token.text.lower().endswith("s") and len(token.text) > 3:
        w = token.text.lower()
        return w[:-3] + "y" if w.endswith("ies") else w[:-1]
    return token.text.lower()
