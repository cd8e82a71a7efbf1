"""Frames: a trigger that governs another as its complement decides what the event is.

"threatened to shell" is THREATEN, "agreed to cooperate" AGREE, "refused to meet" REJECT,
"urged X to talk" REQUEST, "accused X of violating" ACCUSE (the violation is only alleged),
"denied sending weapons" a denial (CAMEO 016) plus the sending, negated. A plan ("will
visit") is an intent, planned force a threat (PLOVER 3.1). The codes come from
``lexicons/event_frames.tsv`` and ``event_frame_subcodes.tsv`` (:mod:`.lexicon`).

:func:`sentence_drafts` gives one sentence's drafts with every frame applied;
:func:`apply_future` recodes a planned event.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..syntax import dependents
from .draft import EventDraft, has_lemma, new_draft, recode
from .lexicon import FrameCodes, event_words, frame_codes
from .modality import Modality, scope_chain
from .sense import asks_question, danger_threat, declines_press, shares_view, vow_code
from .triggers import TriggerMatch, TriggerRule, find_triggers, support_verbs

# grammar: modal auxiliaries of obligation ("Sudan must return the helicopter")
OBLIGATION = frozenset({"must", "should"})
# grammar: auxiliaries that announce what someone will do
WILL_AUX = ("will", "would", "shall", "'ll", "wo")
# grammar: subjects that make "must" a general remark, not a demand on anyone
GENERAL_SUBJECTS = ("i", "we", "you", "one")


def sentence_drafts(sent: SpacySpan) -> list[EventDraft]:
    """The drafts of one sentence, governors linked and frames applied; dropped ones left out."""
    drafts = [new_draft(_call_out(m)) for m in find_triggers(sent)]
    drafts = [c for c in drafts if not _other_sense(c)]
    by_token: dict[int, EventDraft] = {}
    for c in drafts:
        by_token.setdefault(c.token.i, c)
        if c.anchor.i != c.token.i:
            by_token.setdefault(c.anchor.i, c)
    for c in drafts:
        for t in scope_chain(c.anchor):
            g = by_token.get(t.i)
            if g is not None and g is not c:
                c.governor = g
                break
    for c in drafts:  # "provided humanitarian aid to Syria": one event, the noun's details
        verb = by_token.get(c.anchor.i)
        if verb is not None and verb is not c and c.anchor.i != c.token.i and verb.match.rule.frame:
            c.governor = verb  # "demanded the withdrawal of": the noun is what is demanded
        elif verb is not None and verb is not c and c.anchor.i != c.token.i:
            c.dropped = True
            verb.helpers.append(c)
            verb.contexts |= c.contexts
            if verb.plover == c.plover and not verb.match.rule.extras and c.cameo:
                verb.cameo, verb.mode = c.cameo, c.mode
    drafts = [c for c in drafts if not c.dropped]
    _add_implied_demands(sent, drafts, by_token)
    # frames apply from the innermost out, so "agreed to threaten to" composes
    for c in sorted(drafts, key=lambda x: -len(scope_chain(x.anchor))):
        comps = [x for x in drafts if x.governor is c and not x.dropped]
        if c.match.rule.frame or comps:
            _reframe(c, comps)
    return [c for c in drafts if not c.dropped]


def _add_implied_demands(
    sent: SpacySpan, drafts: list[EventDraft], by_token: dict[int, EventDraft]
) -> None:
    """'Russia said that Sudan must return the helicopter': a demand (CAMEO 100) of Sudan."""
    reporting = event_words().reporting
    for v in sent:
        if v.dep_ != "ccomp" or not has_lemma(v.head, reporting) or v.head.i in by_token:
            continue
        aux = {c.lower_ for c in v.children if c.dep_ == "aux"}
        if not aux & OBLIGATION or "have" in aux:  # "should have passed" blames, not asks
            continue
        subjects = dependents(v, "nsubj", "nsubjpass")
        if not subjects or subjects[0].lower_ in GENERAL_SUBJECTS:
            continue  # "we must return to the facts" is no demand on anyone
        if has_lemma(v, event_words().stative):
            continue  # "Kim must not see weakness": a state, no act demanded
        # pos "M": a demand read off "must"; kept only if it names whom it is made of
        rule = TriggerRule(v.head.lower_, "M", (), "100", None, None, "request")
        req = new_draft(TriggerMatch(v.head, rule, ()))
        for c in drafts:
            if c.governor is None and (c.anchor.i == v.i or v in c.anchor.ancestors):
                c.governor = req
        by_token[v.head.i] = req
        drafts.append(req)


def _other_sense(c: EventDraft) -> bool:
    """A question asked, a view shared, a danger named: the word names no event here."""
    frame = c.match.rule.frame
    if frame == "request" and asks_question(c.token):
        return True
    if frame == "intent" and shares_view(c.token):
        return True
    return danger_threat(c)


def _call_out(m: TriggerMatch) -> TriggerMatch:
    """'called out Trump for withdrawing' blames (CAMEO 111); 'called for talks' asks."""
    t = m.token
    if (
        m.rule.frame == "request"
        and has_lemma(t, event_words().call_out)
        and any((c.dep_ == "prt" and c.lower_ == "out") or c.dep_ == "dobj" for c in t.children)
    ):
        return TriggerMatch(t, TriggerRule("call", "V", (), "111", None, None, "accuse"), ())
    return m


def _negate(drafts: list[EventDraft]) -> None:
    for c in drafts:
        c.negated = True
        c.certainty = "negated"


def _reframe(cand: EventDraft, comps: list[EventDraft]) -> None:
    """Apply a frame word to the events it governs (see the module docstring)."""
    frame = cand.match.rule.frame
    codes = frame_codes()
    # an event noun held by another content verb is that verb's object, not the frame's
    # complement: "agreed to *settle* lawsuits" agrees, it does not sue
    main = next(
        (
            c
            for c in comps
            if c.plover and not _held_by_other_verb(c) and not _beyond_a_name(c, cand)
        ),
        None,
    )
    if frame in (None, "light", "abstain"):  # "refrained from discussing": nothing done
        for c in comps:
            c.dropped = True
        return
    if frame == "deny":
        _negate(comps)
        if not comps and cand.match.rule.cameo is None:
            cand.dropped = True
        return
    if frame == "reject" and declines_press(cand):
        cand.dropped = True  # "declined to comment": no refusal of anyone
        for c in comps:
            c.dropped = True
        return
    if (
        frame == "reject"
        and has_lemma(cand.token, event_words().failure)
        and (main is None or main.plover not in codes.cooperative | codes.yielding)
    ):
        # "failed to stop the attack": not a refusal, the complement did not happen
        cand.dropped = True
        _negate(comps)
        return
    for c in comps:
        c.dropped = True
    cand.helpers = comps
    if main is not None:
        cand.contexts |= main.contexts
    if frame == "intent":
        _intent(cand, main, codes)
    elif frame == "threat":
        _threat(cand, main, codes)
    elif frame == "reject":
        if main is not None and main.plover is not None:
            recode(cand, codes.reject.get(main.plover, "120"), "REJECT")
    elif frame == "request":
        if main is not None and main.plover is not None:
            table = codes.demand if (cand.cameo or "").startswith("10") else codes.appeal
            if main.plover in table:
                recode(cand, table[main.plover], "REQUEST")


def _intent(cand: EventDraft, main: EventDraft | None, codes: FrameCodes) -> None:
    """'agreed to meet' (036), 'vowed to strike' (a threat), 'offered to hand over' (030)."""
    vow = vow_code(cand, main, codes)
    if vow is not None:  # "vowed to block", "pledged not to": the code of what is vowed
        recode(cand, *vow)
        return
    if main is None or main.plover is None:
        if (
            cand.cameo is None
            and has_lemma(cand.token, event_words().offer)
            and dependents(cand.token, "xcomp")
        ):
            recode(cand, "030")  # "offered to hand over the suspects"
        elif cand.cameo is None:
            cand.dropped = True
        return
    t, sub = main.plover, main.cameo or ""
    if t in codes.cooperative:
        recode(cand, codes.intent_sub.get(sub, codes.intent[t]), "AGREE")
    elif t in codes.yielding:  # CAMEO 035 "express intent to yield": AGREE in CAMEO2PLOVER
        recode(cand, codes.intent_sub.get(sub, "035"))
    elif t in codes.conflict:
        recode(cand, codes.threat_sub.get(sub, codes.threat[t]), "THREATEN")
    else:  # an intent to do something else: the act itself, not asserted
        cand.cameo, cand.plover, cand.mode = main.cameo, main.plover, main.mode
        cand.certainty = "speculative"


def _threat(cand: EventDraft, main: EventDraft | None, codes: FrameCodes) -> None:
    """'threatened to shell' (138); 'warned that police will no longer tolerate rallies' (130)."""
    if main is not None and main.plover is not None:
        sub = main.cameo or ""
        recode(cand, codes.threat_sub.get(sub, codes.threat.get(main.plover, "130")), "THREATEN")
    elif (
        cand.cameo is not None and not cand.cameo.startswith("13") and _announces_action(cand.token)
    ):
        # "warned that police will no longer tolerate rallies": a statement of what one
        # side will do is a threat even when the action is not itself a coded event;
        # "warned that transmission is inevitable" stays a pessimistic comment
        recode(cand, "130", "THREATEN")


def _announces_action(v: Token) -> bool:
    """Whether the clause a frame verb governs says what someone will do (will/would/shall)."""
    for comp in dependents(v, "ccomp", "xcomp"):
        if any(a.dep_ == "aux" and a.lower_ in WILL_AUX for a in comp.children):
            return True
    return False


def _beyond_a_name(c: EventDraft, frame: EventDraft) -> bool:
    """Whether a governed event noun hangs off a name or an apposition on the way to the
    frame: it describes someone ("pressure on McGahn, a witness in the investigation"), it is
    not what the frame is about."""
    t = c.anchor
    for h in scope_chain(c.anchor):
        if h.i == frame.token.i:
            return False
        if t.dep_ == "appos" or h.tag_ in ("NNP", "NNPS"):
            return True
        t = h
    return False


def _held_by_other_verb(c: EventDraft) -> bool:
    t = c.token
    if t.tag_.startswith("VB") or c.anchor.i != t.i:
        return False
    h = t.head.head if t.dep_ == "pobj" else t.head
    return h.tag_.startswith("VB") and not has_lemma(h, support_verbs())


def apply_future(cand: EventDraft, mod: Modality) -> None:
    """PLOVER: planned cooperation is AGREE, planned force a threat ("will withdraw unless")."""
    codes = frame_codes()
    t = cand.plover or ""
    sub = cand.cameo or ""
    if mod.conditional and t not in ("THREATEN", "REQUEST", "ACCUSE"):
        # "will withdraw its force unless …", "will boycott … unless": a coercive threat
        recode(cand, codes.threat_sub.get(sub, codes.threat.get(t, "130")), "THREATEN")
        return
    if mod.negated and t in codes.cooperative | codes.yielding:
        recode(cand, codes.reject.get(t, "120"), "REJECT")  # "will not accept refugees"
        return
    if t in codes.cooperative:
        recode(cand, codes.intent_sub.get(sub, codes.intent[t]), "AGREE")
    elif t == "RETREAT":
        recode(cand, codes.intent_sub.get(sub, "035"))
    elif t in codes.conflict and t != "THREATEN":
        recode(cand, codes.threat_sub.get(sub, codes.threat[t]), "THREATEN")
    else:
        cand.certainty = "speculative"
