"""Drafts → events: modality, arguments, place, date and attribution, in text order.

For each sentence, the drafts of :func:`.frames.sentence_drafts` that keep a CAMEO code
and are not background history are given their modality (a plan is recoded by
:func:`.frames.apply_future`), their actors and recipients (:mod:`.arguments`), the
attribution whose content holds the trigger (whose hedges it keeps), a place and a date:
the sentence's own time expression through the context's date resolver, else the
publication date. An event with no identifiable actor is not emitted; the same event
twice in a sentence is emitted once.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ...nlp.lemma import verb_lemma
from ...records import Actor, Article, Attribution, Event, EventDate, Place, Span
from ..context import DateResolver
from .arguments import (
    Resolver,
    arguments,
    dateline,
    host_country,
    object_is_actor,
    place_of_event,
    state_subject,
)
from .draft import EventDraft, has_lemma, recode
from .frames import apply_future, sentence_drafts
from .lexicon import event_words
from .modality import (
    Modality,
    hedge_words,
    is_background,
    is_historical,
    modality_of,
    scope_chain,
)
from .sense import (
    dateline_span,
    figurative_force,
    in_caps_headline,
    in_condition,
    natural_subject,
    negated_possibility,
    outside_furniture,
)
from .speech_acts import (
    SpeechAct,
    cue_token,
    naming_act,
    object_act,
    quoted_demand,
    speech_act,
)
from .triggers import code_table

# CAMEO codes of a visit (042) and of an intent to meet (036): with no recipient named,
# the visited country receives it
_VISITS = ("042", "036")


@dataclass
class FoundEvent:
    """An event read from one sentence, before events are numbered in text order."""

    plover: str | None
    cameo: str
    mode: str | None
    contexts: set[str]
    goldstein: float
    quad_class: int
    actors: list[Actor]
    recipients: list[Actor]
    place: str | None
    date: EventDate | None
    negated: bool
    certainty: str
    attribution: str | None
    trigger: Span
    evidence: Span
    confidence: float
    order: int  # where the trigger starts

    def to_event(self, event_id: str) -> Event:
        return Event(
            id=event_id,
            plover=self.plover,
            cameo=self.cameo,
            trigger=self.trigger,
            evidence=self.evidence,
            actors=tuple(a.id for a in self.actors),
            recipients=tuple(r.id for r in self.recipients),
            actor_codes=tuple(a.code for a in self.actors if a.code),
            recipient_codes=tuple(r.code for r in self.recipients if r.code),
            mode=self.mode,
            contexts=tuple(sorted(self.contexts)),
            goldstein=self.goldstein,
            quad_class=self.quad_class,
            place=self.place,
            date=self.date,
            negated=self.negated,
            certainty=self.certainty,
            attribution=self.attribution,
            confidence=self.confidence,
        )


@dataclass
class _Reading:
    """What one article's sentences share while they are read."""

    doc: Doc
    text: str
    published: str | None
    pub_year: int | None
    res: Resolver
    dateline: Place | None
    date_of: DateResolver | None
    dates_by_sent: dict[int, list[SpacySpan]]  # DATE entities by sentence start
    furniture: tuple[int, int] | None  # the opening dateline, whose agency is no actor
    _by_sent: dict[int, list[Attribution]] | None = None  # attributions by sentence start

    def attributions_in(self, sent: SpacySpan) -> list[Attribution]:
        """The attributions whose cue starts in ``sent``, in their order (grouped once)."""
        if self._by_sent is None:
            starts = [s.start_char for s in self.doc.sents]
            self._by_sent = {}
            for att in self.res.attributions:
                if att.cue is not None and starts:
                    k = max(bisect_right(starts, att.cue.start) - 1, 0)
                    self._by_sent.setdefault(starts[k], []).append(att)
        return [
            att
            for att in self._by_sent.get(sent.start_char, ())
            if att.cue is not None and sent.start_char <= att.cue.start < sent.end_char
        ]

    def sentence_date(self, sent: SpacySpan, anchor: Token | None = None) -> EventDate | None:
        if self.date_of is not None:
            return self.date_of(sent, self.published, anchor)
        return _publication_date(self.published)


def extract_events(
    doc: Doc,
    article: Article,
    actors: list[Actor],
    places: list[Place],
    attributions: list[Attribution],
    *,
    date_of: DateResolver | None = None,
) -> list[Event]:
    """Every event the article reports, in text order, with ids e1, e2, …

    ``date_of`` dates a sentence (the actors wing's ``sentence_date``, passed in by
    :func:`newsgraph.extract.run_extractors`); without it every event gets the
    publication date.
    """
    res = Resolver(doc, actors, places, attributions)
    published = article.published
    dates_by_sent: dict[int, list[SpacySpan]] = {}
    for ent in doc.ents:  # one pass: Span.ents rescans the whole Doc each time
        if ent.label_ == "DATE":
            dates_by_sent.setdefault(ent.sent.start, []).append(ent)
    reading = _Reading(
        doc=doc,
        text=article.text,
        published=published,
        pub_year=int(published[:4]) if published and published[:4].isdigit() else None,
        res=res,
        dateline=dateline(article.text, res.places),
        date_of=date_of,
        dates_by_sent=dates_by_sent,
        furniture=dateline_span(article.text),
    )
    found: list[FoundEvent] = []
    for sent in doc.sents:
        found += _sentence_events(reading, sent)
    found.sort(key=lambda f: f.order)
    return [f.to_event(f"e{i}") for i, f in enumerate(found, 1)]


def _sentence_events(reading: _Reading, sent: SpacySpan) -> list[FoundEvent]:
    """The events of one sentence, each once, in the order their drafts come."""
    doc, res, text = reading.doc, reading.res, reading.text
    codes = code_table()
    seen: dict[tuple[object, ...], FoundEvent] = {}
    out: list[FoundEvent] = []
    for cand in sentence_drafts(sent):
        if cand.cameo is None:
            continue
        head = cand.token if cand.match.rule.frame else cand.anchor
        if is_historical(head, reading.dates_by_sent.get(sent.start, ()), reading.pub_year):
            continue
        if _not_news(cand, head):
            continue
        mod = _modality(cand)
        trig_start, trig_end = _trigger_offsets(doc, cand)
        att = _attribution_at(res, trig_start)
        res.speaker = (
            res.actor_by_id(att.source) if att is not None and att.kind == "direct" else None
        )
        sides = _sides(res, cand)
        if sides is None:
            continue
        ev_actors, recips = sides
        ev_actors, recips = (
            outside_furniture(x, reading.furniture, sent.start_char, sent.end_char)
            for x in (ev_actors, recips)
        )
        if not ev_actors:
            continue
        figurative = figurative_force(cand, ev_actors, recips)
        if figurative == "":
            continue  # "the candidates battled": no event
        if figurative:
            recode(cand, figurative)  # "attacked Trudeau on Twitter": criticism
        _recode_by_sides(res, cand, ev_actors, recips, reading.furniture)
        certainty, negated = _certainty(doc, cand, mod, att)
        date = reading.sentence_date(sent, head)  # from the event's own clause
        info = codes[cand.cameo]
        key = (
            cand.plover,
            cand.cameo[:2],
            tuple(sorted(a.id for a in ev_actors)),
            tuple(sorted(r.id for r in recips)),
            negated,
            certainty,
        )
        if key in seen:
            seen[key].contexts |= cand.contexts
            continue
        place = place_of_event(res, cand, reading.dateline)
        event = FoundEvent(
            plover=cand.plover,
            cameo=cand.cameo,
            mode=cand.mode or info.mode,
            contexts=set(cand.contexts) | set(info.contexts),
            goldstein=info.goldstein,
            quad_class=info.quad_class,
            actors=ev_actors,
            recipients=recips,
            place=place.id if place else None,
            date=date,
            negated=negated,
            certainty=certainty,
            attribution=att.id if att else None,
            trigger=Span.of(text, trig_start, trig_end),
            evidence=_evidence(text, sent),
            confidence=_confidence(cand, recips, certainty),
            order=trig_start,
        )
        seen[key] = event
        out.append(event)
    return out + _speech_act_events(reading, sent, out)


def _speech_act_events(
    reading: _Reading, sent: SpacySpan, found: list[FoundEvent]
) -> list[FoundEvent]:
    """The sentence's speech acts (:mod:`.speech_acts`), one per attribution whose cue is
    a speech-act verb that no event of ``found`` already starts from, then the naming
    verdicts no attribution carries ("called the plan dead on arrival"); an event of
    ``found`` whose trigger is an attribution's cue ("X accused Y") is linked to that
    attribution."""
    doc, res = reading.doc, reading.res
    taken: dict[int, FoundEvent] = {}
    for f in found:
        span = doc.char_span(f.trigger.start, f.trigger.end, alignment_mode="expand")
        taken.update({t.i: f for t in span or ()})
    # a sentence reporting a material happening reports, it passes no verdict
    material = any(f.quad_class in (2, 4) and not f.negated for f in found)
    out: list[FoundEvent] = []
    for att in reading.attributions_in(sent):
        cue = cue_token(doc, att)
        if cue is not None and cue.i in taken and taken[cue.i].attribution is None:
            taken[cue.i].attribution = att.id  # one record of the act, linked to its words
        act = speech_act(res, att, set(taken), verdicts=not material)
        if act is not None:
            out.append(_act_event(reading, sent, act))
            taken[act.cue.i] = out[-1]
    for att in res.by_content.overlapping(sent.start_char, sent.end_char):
        for modal in sent:
            verb = modal.head
            if modal.i in taken or (verb.dep_ == "ccomp" and verb.head.i in taken):
                continue  # "said that X must": the demand is read off "said" already
            act = quoted_demand(res, att, modal)
            if act is not None:
                out.append(_act_event(reading, sent, act))
                taken[modal.i] = out[-1]
    cues = {c.i for att in reading.attributions_in(sent) if (c := cue_token(doc, att))}
    for verb in sent:
        if verb.tag_.startswith("VB") and verb.i not in taken:
            act = None if material else naming_act(res, verb, None)
            act = act or object_act(res, verb, cues)
            if act is not None:
                out.append(_act_event(reading, sent, act))
    return out


def _act_event(reading: _Reading, sent: SpacySpan, act: SpeechAct) -> FoundEvent:
    """The event of one speech act, dated from its own clause, linked to its attribution."""
    date = reading.sentence_date(sent, act.cue)
    certainty = _own_certainty_of(modality_of(act.cue))
    info = code_table()[act.cameo]
    return FoundEvent(
        plover=info.plover,
        cameo=act.cameo,
        mode=info.mode,
        contexts=set(info.contexts),
        goldstein=info.goldstein,
        quad_class=info.quad_class,
        actors=act.actors,
        recipients=act.recipients,
        place=reading.dateline.id if reading.dateline else None,
        date=date,
        negated=certainty == "negated",
        certainty=certainty,
        attribution=act.attribution.id if act.attribution else None,
        trigger=Span.of(reading.text, act.cue.idx, act.cue.idx + len(act.cue)),
        evidence=_evidence(reading.text, sent),
        confidence=0.6 if act.recipients else 0.45,
        order=act.cue.idx,
    )


def _not_news(cand: EventDraft, head: Token) -> bool:
    """Background, a condition, a headline in capitals, a natural force: no event reported."""
    return (
        is_background(head)
        or in_condition(head, scope_chain(head))
        or in_caps_headline(cand.token)
        or natural_subject(cand)
        or negated_possibility(head)
    )


def _own_certainty_of(mod: Modality) -> str:
    if mod.negated:
        return "negated"
    if mod.speculative or mod.future:
        return "speculative"
    return "hedged" if mod.hedged else "asserted"


def _modality(cand: EventDraft) -> Modality:
    """The draft's modality; a planned event is recoded (a refusal is then no longer negated)."""
    mod = modality_of(cand.anchor)
    if mod.future and not cand.match.rule.frame and not cand.negated:
        apply_future(cand, mod)
        if cand.plover == "REJECT":
            mod = Modality(hedged=mod.hedged, speculative=mod.speculative)
    return mod


def _trigger_offsets(doc: Doc, cand: EventDraft) -> tuple[int, int]:
    """Character offsets of the trigger phrase: trigger, anchor and the words it used up."""
    first = min(cand.token.i, cand.anchor.i, *(p.i for p in cand.match.parts))
    last = max(cand.token.i, cand.anchor.i, *(p.i for p in cand.match.parts))
    return doc[first].idx, doc[last].idx + len(doc[last])


def _sides(res: Resolver, cand: EventDraft) -> tuple[list[Actor], list[Actor]] | None:
    """(actors, recipients) of a draft, or None when it is no event of anyone's."""
    ev_actors, recips, reciprocal = arguments(res, cand)
    if not ev_actors:
        return None
    if cand.match.rule.pos == "M" and not recips:
        return None
    vocab = event_words()
    if (
        has_lemma(cand.token, vocab.person_object)
        and not cand.match.rule.extras
        and not object_is_actor(res, cand.token)
    ):
        return None  # "hosted a television show", "released a survey": no one received
    if has_lemma(cand.token, vocab.person_object) and cand.plover == "ACCUSE" and not recips:
        return None  # "tore into the package": criticism is of someone
    if has_lemma(cand.token, vocab.arrival) and not any(a.type == "person" for a in ev_actors):
        return None  # troops or ships arriving are no visit
    if not recips and cand.cameo in _VISITS:
        host = host_country(res, cand)
        if host is not None and host not in ev_actors:
            recips = [host]
    if reciprocal:
        if len(ev_actors) + len(recips) < 2 and any(a in res.participants for a in ev_actors):
            # "we work together": the partner of this actor's last joint event
            recips = [p for p in res.participants if p not in ev_actors]
        everyone = ev_actors + [r for r in recips if r not in ev_actors]
        if len(everyone) >= 2:
            ev_actors, recips = everyone, list(everyone)
            res.participants = everyone
    elif cand.plover == "CONSULT" and recips:
        res.participants = ev_actors + recips
    return ev_actors, recips


def _recode_by_sides(
    res: Resolver,
    cand: EventDraft,
    ev_actors: list[Actor],
    recips: list[Actor],
    furniture: tuple[int, int] | None = None,
) -> None:
    """Codes that depend on who the sides are."""
    if (
        cand.plover == "COOPERATE"
        and cand.cameo == "062"
        and len({a.id for a in ev_actors + recips}) < 2
    ):
        recode(cand, "150")  # PLOVER 3.14.1: a single country's exercises are MOBILIZE
    if cand.plover == "PROTEST" and cand.cameo == "141" and state_subject(res, cand, furniture):
        recode(cand, "114")  # a government "protests": a diplomatic complaint, ACCUSE


def _certainty(
    doc: Doc, cand: EventDraft, mod: Modality, att: Attribution | None
) -> tuple[str, bool]:
    """(certainty, negated): the draft's and its clause's, then its attribution's hedges."""
    certainty = _own_certainty(cand, mod)
    negated = certainty == "negated"
    if att is not None and certainty == "asserted":
        if _hedges_reach(doc, att, cand):
            certainty = "hedged"
        if att.cue and lemma_of_text(att.cue.text) in event_words().denial_cue:
            certainty, negated = "negated", True
    return certainty, negated


def _own_certainty(cand: EventDraft, mod: Modality) -> str:
    if cand.negated or mod.negated:
        return "negated"
    if cand.certainty != "asserted":
        return cand.certainty
    if mod.speculative:
        return "speculative"
    if mod.hedged:
        return "hedged"
    return "asserted"


def _attribution_at(res: Resolver, start: int) -> Attribution | None:
    """The innermost attribution whose content holds ``start``."""
    best = None
    for a in res.by_content.overlapping(start, start + 1):
        if a.content.start <= start < a.content.end:
            if (
                best is None
                or a.content.end - a.content.start < best.content.end - best.content.start
            ):
                best = a
    return best


def _hedges_reach(doc: Doc, att: Attribution, cand: EventDraft) -> bool:
    """Whether one of an attribution's hedges bears on this event.

    A hedge outside the content ("Shangfu *reportedly* told Putin: '…'") hedges all of it;
    one inside ("Russia and China have *reportedly* solidified … after Putin met …")
    hedges only the clause it modifies, not the factual "after" clause beside it.
    """
    scope = {cand.token.i, cand.anchor.i, *(t.i for t in scope_chain(cand.anchor))}
    hedges = list(att.hedges)
    if att.cue is not None and lemma_of_text(att.cue.text) in hedge_words():
        hedges.append(att.cue)  # "suggested that …", "reportedly"
    for h in hedges:
        if not (att.content.start <= h.start < att.content.end):
            return True
        tok = doc.char_span(h.start, h.end, alignment_mode="expand")
        if tok is not None and any(t.i in scope or t.head.i in scope for t in tok):
            return True
    return False


def lemma_of_text(text: str) -> str:
    """The verb lemma of a one-word cue ("denied" → "deny"), for cue spans from attributions."""
    words = text.split()
    return verb_lemma(words[-1]) if words else ""


def _publication_date(published: str | None) -> EventDate | None:
    if not published:
        return None
    return EventDate(published, published, None, "publication", "publication")


def _evidence(text: str, sent: SpacySpan) -> Span:
    start, end = sent.start_char, sent.end_char
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span.of(text, start, end)


def _confidence(cand: EventDraft, recips: list[Actor], certainty: str) -> float:
    score = 0.5
    if recips:
        score += 0.15
    if cand.match.rule.extras or cand.match.rule.frame:
        score += 0.15
    if cand.token.tag_.startswith("VB"):
        score += 0.1
    if certainty != "asserted":
        score -= 0.2
    return max(0.1, min(score, 0.95))
