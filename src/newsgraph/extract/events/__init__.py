"""The events wing: who did what to whom, coded in PLOVER and CAMEO, with trigger and evidence.

One pass over the parsed Doc, sentence by sentence, in phases that each have a module:

1. triggers (:mod:`.triggers`): verbs and event nouns from the lexicon ("met", "talks",
   "urged", "imposed sanctions", "lifted the curfew"), each the start of an
   :class:`~.draft.EventDraft` (:mod:`.draft`);
2. frames (:mod:`.frames`): a trigger that governs another as its complement decides what
   the event is — "threatened to shell" is THREATEN, "agreed to cooperate" AGREE,
   "refused to meet" REJECT, "urged X to talk" REQUEST, "denied sending weapons" a denial
   plus the sending, negated, "vowed to block" a refusal; word sense (:mod:`.sense`) drops
   the triggers used in another sense ("asked whether", "agreed: '…'", "the terror
   threat", "declined to comment") and makes force between political sides verbal;
3. modality (:mod:`.modality`): negated, hedged, conditional, planned ("will visit" is an
   intent: AGREE, per PLOVER 3.1) and background history, which is skipped, as are
   conditions ("if Russia attacks"), denied possibilities and headlines in capitals;
4. arguments (:mod:`.arguments`): actors, recipients (reciprocal events list every side as
   both) and the place;
5. assembly (:mod:`.assemble`): date, attribution and its hedges, one event per happening,
   ids in text order;
6. speech acts (:mod:`.speech_acts`): an attribution whose cue verb is itself an event
   ("criticized", "denied", "praised"; PETRARCH2's CAMEO verbs) or whose reported clause
   passes a verdict (:mod:`.verdicts`: "said Trudeau's comments *undermined* …", "said
   the attack was *unacceptable*"), demands something of someone ("'X *should* …'") or
   refuses ("said he would not …") becomes one event, linked to the attribution, unless a
   trigger already coded that cue; so do naming verdicts ("called the plan a *stunt*")
   and verdict verbs aimed at an actor with no attribution ("*faulting* Trudeau").

The vocabulary and frame tables are data in ``newsgraph/lexicons`` (:mod:`.lexicon`). The
wing reads the other wings' results only through the context: actors, places,
attributions and the date resolver.

Entry point: :func:`extract` returns the events of a context whose actors, places and
attributions are filled.
"""

from __future__ import annotations

from ...records import Event
from ..context import ExtractContext
from .assemble import extract_events

__all__ = ["extract", "extract_events"]


def extract(ctx: ExtractContext) -> list[Event]:
    """The article's events, linked to the context's actors, places and attributions."""
    return extract_events(
        ctx.doc, ctx.article, ctx.actors, ctx.places, ctx.attributions, date_of=ctx.date_of
    )
