"""Event drafts: a trigger on its way to becoming an event, and where its arguments attach.

A draft starts from a :class:`~.triggers.TriggerMatch` with the trigger's own CAMEO code;
the frames (:mod:`.frames`) may then recode it, drop it, negate it or hand it the drafts it
governs (its ``helpers``), before :mod:`.assemble` resolves its arguments and emits it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from ...nlp.lemma import lemma
from .lexicon import event_words
from .triggers import TriggerMatch, code_table, match_token, support_verbs

# dependencies of a modifier that can give an event its context ("military exercises")
_CONTEXT_DEPS = ("amod", "compound", "npadvmod")


@dataclass
class EventDraft:
    """A trigger on its way to becoming an event: its codes so far and how frames changed it."""

    match: TriggerMatch
    anchor: Token  # where the arguments attach: the support verb of "held talks", else the trigger
    cameo: str | None
    plover: str | None
    mode: str | None
    contexts: set[str] = field(default_factory=set)
    governor: EventDraft | None = None  # the frame draft whose complement this one is
    dropped: bool = False
    negated: bool = False
    certainty: str = "asserted"
    # the complements it absorbed, whose arguments it may borrow
    helpers: list[EventDraft] = field(default_factory=list)

    @property
    def token(self) -> Token:
        return self.match.token


def recode(draft: EventDraft, cameo: str, plover: str | None = None) -> None:
    """Give a draft a CAMEO code, with its PLOVER type and mode (``plover`` overrides the type)."""
    info = code_table()[cameo]
    draft.cameo = cameo
    draft.plover = plover if plover is not None else info.plover
    draft.mode = info.mode


def new_draft(m: TriggerMatch) -> EventDraft:
    """The draft of a trigger: the rule's codes, else its CAMEO code's; contexts from modifiers."""
    info = code_table().get(m.rule.cameo) if m.rule.cameo else None
    draft = EventDraft(
        match=m,
        anchor=anchor_of(m.token),
        cameo=m.rule.cameo,
        plover=m.rule.plover or (info.plover if info else None),
        mode=m.rule.mode or (info.mode if info else None),
        contexts=set(info.contexts) if info else set(),
    )
    contexts = event_words().contexts
    for t in (m.token, *m.parts):
        for c in t.children:
            ctx = contexts.get(lemma(c)) if c.dep_ in _CONTEXT_DEPS else None
            if ctx:
                draft.contexts.add(ctx)
    return draft


def has_lemma(token: Token, words: frozenset[str] | tuple[str, ...]) -> bool:
    """Whether a word's lemma is in ``words``, forgiving the silent e the suffix rules drop
    ("imposed" → "impos", "engaged" → "engag")."""
    lem = lemma(token)
    return lem in words or (token.tag_.startswith("VB") and lem + "e" in words)


def _position(token: Token) -> Token:
    """The noun phrase an event noun stands in: "a mediation *effort*", "days of war games"."""
    generic = event_words().generic_head
    t = token
    for _ in range(3):
        if t.dep_ == "compound" and lemma(t.head) in generic:
            t = t.head
        elif (
            t.dep_ == "pobj"
            and t.head.lower_ == "of"
            and t.head.head.tag_ in ("NN", "NNS")
            and lemma(t.head.head) in generic
        ):
            t = t.head.head
        else:
            break
    return t


def anchor_of(token: Token) -> Token:
    """Where an event noun's arguments are: the verb it is the object of ("staged rallies")."""
    if token.tag_.startswith("VB") or token.tag_ == "JJ":
        return token
    t = _position(token)
    if (
        t.dep_ in ("dobj", "attr", "oprd")
        and t.head.tag_.startswith("VB")
        and (has_lemma(t.head, support_verbs()) or match_token(t.head) is not None)
    ):
        return t.head  # "held talks"; a trigger verb absorbs its event noun
    if (
        t.dep_ in ("nsubj", "nsubjpass")
        and t.head.tag_.startswith("VB")
        and has_lemma(t.head, support_verbs())
    ):
        return t.head  # "talks resumed", "clashes continued": the verb carries time and place
    # "took part in combat", "engaged in talks", "resorted to throwing stones"
    if t.dep_ == "pobj" and t.head.dep_ == "prep":
        h = t.head.head
        if h.tag_.startswith("VB") and has_lemma(h, support_verbs()):
            return h
        if h.lower_ in event_words().participation and h.head.tag_.startswith("VB"):
            return h.head
    return token
