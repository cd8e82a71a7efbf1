"""Word sense: when a trigger word, in this sentence, does not name the event it usually does.

Each rule decides for a class of uses, from the parse and the word classes of
``lexicons/event_words.tsv`` (phrase idioms such as "struck a tone" are rows of
``event_triggers.tsv`` instead):

- a question is no request ("'How would they prove it?' asked Borah", "asked whether …");
- sharing a view is no agreement ("Schiff agreed: '…'", "agreed that the plan was bad");
- a danger is no threat ("the terror threat", "the threat posed by militants"): a threat is
  an event when someone makes it (a support verb, a possessor, what is threatened);
- declining to comment to the press is no refusal of anyone;
- a vow takes the code of what is vowed, negated when the vowed act is negated or means
  to block or stop (:func:`vow_code`);
- force between civil political sides, or carried out by a statement or "calling him …",
  is verbal or figurative (:func:`figurative_force`); what a natural force destroys is no
  assault;
- an event inside an "if"/"whether" clause is a condition nobody committed to, and a
  headline in capitals (a related-story link) is page furniture, not the story.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Token

from ...nlp.lemma import lemma
from ...records import Actor
from ..syntax import dependents
from .draft import EventDraft, has_lemma
from .lexicon import FrameCodes, event_words

# grammar: the marks of a clause that states a condition or an open question
CONDITION_MARKS = frozenset({"if", "whether"})
# grammar: modals of mere possibility: "may not be willing" commits no one to anything
POSSIBILITY_AUX = frozenset({"may", "might"})
# grammar: words that open an indirect question ("asked why …", "asked how …")
WH_TAGS = frozenset({"WDT", "WP", "WP$", "WRB"})
# a dateline: up to six capitalised words, the agency in brackets, a dash ("WASHINGTON
# (Reuters) -", "ALEXANDRIA, Va. (AP) —", "Washington (CNN) -")
_DATELINE = re.compile(
    r"^[ \t]*(?:[A-Z][\w.'\u2019-]*[ ,]*){1,6}\([A-Z][\w.&' ]{0,28}\)\s*[-\u2013\u2014]+"
    # or a place and its country with no agency: "New Delhi, India - "
    r"|^[ \t]*(?:[A-Z][\w.'\u2019-]* ?){1,3}, (?:[A-Z][\w.'\u2019-]* ?){1,3} [-\u2013\u2014]+ ",
    re.MULTILINE,
)
# the dateline opens the story: within its first few lines
_DATELINE_REACH = 300
# how many capitalised words around a trigger make it part of a headline in capitals
_CAPS_WINDOW = 3
_CAPS_NEEDED = 4


def _complements(t: Token) -> list[Token]:
    return dependents(t, "ccomp", "xcomp")


def asks_question(t: Token) -> bool:
    """'asked whether', 'asked why', '"…?" asked X', 'asked a question': no request."""
    if not has_lemma(t, event_words().question):
        return False
    if dependents(t, "xcomp") or any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children):
        return False  # "asked Iran to stop", "asked for help"
    for c in t.children:
        if c.dep_ == "dobj" and lemma(c) == "question":
            return True
        if c.dep_ != "ccomp":
            continue
        first = c.doc[c.left_edge.i]
        if first.tag_ in WH_TAGS or any(
            m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in c.children
        ):
            return True
        if any(w.text == "?" for w in c.subtree):
            return True
    # '"…?" asked X', '"…?" X asked': the question mark closes the quote just before the
    # verb and its subject (the parser may end the sentence after the quote)
    subject = {w.i for s in dependents(t, "nsubj") for w in s.subtree}
    j = t.i - 1
    while j >= 0 and (j in subject or t.doc[j].is_quote or t.doc[j].text == ","):
        j -= 1
    return j >= 0 and t.doc[j].text == "?"


def shares_view(t: Token) -> bool:
    """'X agreed: "…"', 'agreed that the plan was bad', 'agreed with him': no act agreed on."""
    if not has_lemma(t, event_words().opinion_agree) or not t.tag_.startswith("VB"):
        return False
    if dependents(t, "xcomp", "dobj"):
        return False  # "agreed to meet", "agreed a deal"
    preps = {c.lower_ for c in t.children if c.dep_ in ("prep", "prt")}
    if preps & {"to", "on", "upon"}:
        return False
    if any(c.dep_ == "ccomp" for c in t.children):
        return True
    nxt = t.doc[t.i + 1] if t.i + 1 < len(t.doc) else None
    return nxt is not None and nxt.text in (":", '"', "\u201c") or "with" in preps


def danger_threat(c: EventDraft) -> bool:
    """A threat noun nobody makes: 'the terror threat', 'an existential threat to the city'."""
    t = c.token
    if not t.tag_.startswith("NN") or c.plover != "THREATEN" or c.match.rule.extras:
        return False
    if c.anchor.i != t.i:
        return False  # "issued a threat", "repeated threats"
    for ch in t.children:
        if ch.dep_ == "poss":
            return False  # "Trump's threat"
        if ch.dep_ in ("acl", "relcl") and any(
            a.dep_ == "aux" and a.lower_ == "to" for a in ch.children
        ):
            return False  # "a threat to withdraw"
        if ch.dep_ == "prep" and ch.lower_ in ("of", "by", "from"):
            if ch.lower_ == "of" and any(p.tag_ in ("VBG", "NN", "NNS") for p in ch.children):
                return False  # "threats of sanctions", "the threat of leaving"
    return True


def declines_press(cand: EventDraft) -> bool:
    """'declined to comment', 'refused to discuss the warning': no refusal of anyone."""
    press = event_words().press_act
    for comp in _complements(cand.token):
        if has_lemma(comp, press) and not any(
            p.dep_ == "prep" and p.lower_ == "with" for p in comp.children
        ):
            return True
    return False


def vowed_act(v: Token) -> Token | None:
    """The act a vow governs: 'vowed *to block* …', 'promised *that* it would stop …'."""
    for comp in _complements(v):
        if comp.tag_.startswith("VB"):
            return comp
    return None


def vow_code(
    cand: EventDraft, main: EventDraft | None, codes: FrameCodes
) -> tuple[str, str | None] | None:
    """(CAMEO, PLOVER) of a vow ('vowed', 'pledged', 'promised') from what is vowed.

    ``None``: the vow is read as any intent frame ("vowed to meet" 036, "promised to
    democratize" 030).
    """
    words = event_words()
    act = vowed_act(cand.token)
    if act is None or not has_lemma(cand.token, words.commissive):
        return None
    negated = any(c.dep_ == "neg" for c in act.children)
    t = main.plover if main is not None else None
    cooperative = codes.cooperative | codes.yielding
    refusal = (codes.reject.get(t, "120") if t in cooperative else "120"), "REJECT"
    if has_lemma(act, words.halting) and not negated:
        if t in codes.conflict:
            return "035", None  # "pledged to stop the shelling": de-escalation
        # "promised to stop enriching uranium": the subject's own activity, a concession;
        # "vowed to stop the bill": someone else's, a refusal
        own = any(c.tag_ == "VBG" for c in dependents(act, "xcomp", "dobj"))
        return refusal if t in cooperative or not own else ("035", None)
    if negated:
        return ("035", None) if t in codes.conflict else refusal  # "vowed not to attack"
    if has_lemma(act, words.opposing):
        return refusal
    if has_lemma(act, words.retaliation):
        return "130", "THREATEN"
    return None  # an act with no code of its own: a promise, AGREE (PLOVER 3.1)


def in_condition(head: Token, chain: Sequence[Token]) -> bool:
    """Whether the event is the condition of an 'if'/'whether' clause, not a happening."""
    for t in (head, *chain):
        if t.dep_ in ("advcl", "ccomp") and any(
            m.dep_ == "mark" and m.lower_ in CONDITION_MARKS for m in t.children
        ):
            return True
        if t.dep_ == "advcl" or t.dep_ == "ROOT":
            break
    return False


def negated_possibility(head: Token) -> bool:
    """'may not be willing', 'might not attack': a possibility denied, nobody's act."""
    if head.tag_ == "JJ" and head.dep_ == "acomp":
        head = head.head
    kids = list(head.children)
    return any(c.dep_ == "aux" and c.lower_ in POSSIBILITY_AUX for c in kids) and any(
        c.dep_ == "neg" for c in kids
    )


def in_caps_headline(t: Token) -> bool:
    """Whether the trigger stands in a run of words in capitals: a headline, not the story."""
    if not (t.is_upper and len(t) > 2):
        return False
    lo, hi = max(t.sent.start, t.i - _CAPS_WINDOW), min(t.sent.end, t.i + _CAPS_WINDOW + 1)
    words = [w for w in t.doc[lo:hi] if w.is_alpha and len(w) > 1]
    return sum(w.is_upper for w in words) >= _CAPS_NEEDED


def subject_word(v: Token) -> Token | None:
    """The subject noun of a verb, through conjuncts and relative pronouns ('the quake that
    killed …', 'a tweet attacking …')."""
    t = v
    while t.dep_ == "conj" and not dependents(t, "nsubj"):
        t = t.head
    subj = next(iter(dependents(t, "nsubj")), None)
    if subj is None:
        return t.head if t.dep_ == "acl" and t.tag_ == "VBG" else None
    if subj.tag_ in ("WDT", "WP") and t.dep_ == "relcl":
        return t.head
    return subj


def natural_subject(c: EventDraft) -> bool:
    """'the earthquake destroyed 70,000 houses': a natural force, no actor's assault."""
    if c.plover != "ASSAULT" or not c.token.tag_.startswith("VB"):
        return False
    subj = subject_word(c.token)
    return subj is not None and lemma(subj) in event_words().natural_force


def figurative_force(c: EventDraft, actors: list[Actor], recips: list[Actor]) -> str | None:
    """The sense of a force verb between political sides: a CAMEO code, "" for none, or
    ``None`` when it is literal.

    Verbal (criticism, CAMEO 111) when it is done by a statement or "calling him …";
    figurative when every side is of civil politics (parties, legislators, officials,
    courts, media) and none armed: "attacked" is then criticism, "battled" and "clashed"
    no event.
    """
    words = event_words()
    if c.plover != "ASSAULT" or not has_lemma(c.token, words.verbal_force):
        return None
    t = c.token
    subj = subject_word(t) if t.tag_.startswith("VB") else None
    verbal = (subj is not None and lemma(subj) in words.speech_noun) or any(
        ch.dep_ in ("advcl", "xcomp") and has_lemma(ch, words.verbal_manner) for ch in t.children
    )
    if verbal:
        return "111"
    sides = [*actors, *recips]
    if not sides:
        return None
    for a in sides:
        sectors = {s.lower() for s in a.sectors}
        if sectors & words.armed_sector or a.type not in ("person", "organization", "media"):
            return None
        if a.type == "organization" and not sectors & words.civil_sector:
            return None
    verbal_attack = has_lemma(t, ("attack", "target", "hit"))
    political = any({s.lower() for s in a.sectors} & words.civil_sector or a.roles for a in sides)
    if verbal_attack:
        return "111" if political else None
    # "battled", "clashed", "sparred" between people and civil bodies only: a contest (of
    # candidates, of parties, of players), no fighting
    return "" if political or recips else None


def dateline_span(text: str) -> tuple[int, int] | None:
    """Character span of the article's opening dateline ("WASHINGTON (Reuters) -"), if any."""
    m = _DATELINE.search(text, 0, _DATELINE_REACH)
    return (m.start(), m.end()) if m else None


def outside_furniture(
    actors: list[Actor], furniture: tuple[int, int] | None, start: int, end: int
) -> list[Actor]:
    """The actors not named in this sentence only inside the dateline: the agency that
    filed the story ("(Reuters)") is no side of what it reports."""
    if furniture is None:
        return actors
    out = []
    for a in actors:
        here = [m for m in a.mentions if start <= m.start < end]
        if not here or not all(furniture[0] <= m.start < furniture[1] for m in here):
            out.append(a)
    return out
