"""Syntax helpers every wing uses: spans of tokens and phrases, dependents, the subject.

Only grammar lives here (dependency labels, tags, punctuation), no vocabulary: word lists
belong in ``newsgraph/lexicons``.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token


def span_head(doc: Doc, start: int, end: int) -> int:
    """The token of start:end whose head lies outside it (the last one when unparsed)."""
    for i in range(end - 1, start - 1, -1):
        h = doc[i].head.i
        if h < start or h >= end or h == i:
            return i
    return end - 1


def sentence_end(doc: Doc, i: int) -> int:
    """End of token i's sentence (the Doc's end when unparsed)."""
    try:
        return doc[i].sent.end
    except ValueError:  # unparsed hand-built Doc
        return len(doc)


def sentence_start(doc: Doc, i: int) -> int:
    """Start of token i's sentence (0 when unparsed)."""
    try:
        return doc[i].sent.start
    except ValueError:
        return 0


def dep_of(tok: Token) -> str:
    """The dependency label, "" on an unparsed Doc."""
    return tok.dep_ or ""


NP_RIGHT = frozenset(
    (
        "prep",
        "amod",
        "compound",
        "nummod",
        "cc",
        "conj",
        "flat",
        "npadvmod",
        "nmod",
        "case",
        "poss",
        "acl",
    )
)


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    """The source of a cue verb: its subject, or that of the verb it hangs from."""
    for child in verb.children:
        if child.dep_ == "nsubj" and child.lower_ not in ("it", "there"):
            if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                return verb.head  # "Trump, who said …": the antecedent
            return child
        if child.dep_ == "agent":
            for gc in child.children:
                if gc.dep_ == "pobj":
                    return gc
    for child in verb.children:
        # "voters were left wondering whether …": the passive subject of a verb the cue
        # hangs from is the one who wonders; the cue's own passive subject is not a source
        if child.dep_ == "nsubjpass" and depth > 0 and child.lower_ not in ("it", "there"):
            return child
    if any(
        c.dep_ in ("nsubjpass", "expl") or c.dep_ == "nsubj" and c.lower_ == "it"
        for c in verb.children
    ):
        return None  # "it is reported that": no named source
    if verb.tag_ == "VBG":
        w = with_subject(verb)
        if w is not None:
            return w
    if depth >= 3:
        return None
    if verb.dep_ in ("acl", "relcl") and verb.head.tag_.startswith(("NN", "PRP")):
        if verb.dep_ == "relcl":
            return verb.head
        return verb.head if verb.tag_ == "VBG" else None
    if verb.dep_ in ("xcomp", "advcl", "conj", "pcomp", "acomp", "prep") and verb.head is not verb:
        return subject_of(verb.head, depth + 1)
    return None


def with_subject(verb: Token) -> Token | None:
    """``with Vlasiuk, who …, adding that …``: the object of a "with" just before the verb."""
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].is_punct:
        i -= 1
    if i < verb.sent.start:
        return None
    tok = verb.doc[i]
    for anc in (tok, *tok.ancestors):
        if anc.dep_ == "pobj" and anc.head.lower_ == "with" and anc.right_edge.i >= i:
            return anc
        if anc.i < verb.sent.start or anc.dep_ in ("ROOT",):
            break
    return None


def np_span(head: Token) -> tuple[int, int]:
    """Character span of the noun phrase headed by ``head``, without trailing clauses."""
    end = head.idx + len(head.text)
    prev_end_i = head.i
    for child in head.rights:
        between = head.doc[prev_end_i + 1 : child.left_edge.i]
        if (
            child.dep_ not in NP_RIGHT
            or any(t.is_punct for t in between)
            or child.left_edge.is_punct
        ):
            break
        if child.dep_ == "acl" and child.tag_ not in ("VBN", "JJ"):
            break
        end = child.right_edge.idx + len(child.right_edge.text)
        prev_end_i = child.right_edge.i
    left = head.left_edge
    while left.i < head.i and (left.is_punct or left.tag_ in ("``", "''")):
        left = left.doc[left.i + 1]
    return left.idx, end


def subtree_span(tok: Token) -> tuple[int, int]:
    left, right = tok.left_edge, tok.right_edge
    doc = tok.doc
    while right.i > left.i and (right.is_punct and right.tag_ not in ("''",) or right.is_space):
        right = doc[right.i - 1]
    while left.i < right.i and (left.is_punct and left.tag_ not in ("``",) or left.is_space):
        left = doc[left.i + 1]
    return tok_span(left, right)


def tok_span(left: Token, right: Token) -> tuple[int, int]:
    return left.idx, right.idx + len(right.text)


def dependents(t: Token, *deps: str) -> list[Token]:
    return [c for c in t.children if c.dep_ in deps]


def pobjs(prep: Token) -> list[Token]:
    return [p for p in prep.children if p.dep_ in ("pobj", "pcomp")]
