"""The events wing's vocabulary and frame tables, read once from ``newsgraph/lexicons``.

- ``event_words.tsv``: word classes (object-control verbs, reciprocal events, group
  nouns …), one word and class a line;
- ``event_contexts.tsv``: modifiers that add a PLOVER context ("military exercises");
- ``event_frames.tsv`` and ``event_frame_subcodes.tsv``: the CAMEO code a frame word
  ("agreed to", "threatened to", "refused to", "urged X to", "demanded that") gives the
  event it governs;
- ``cue_verbs.tsv`` (shared with the speech wing): its ``events`` column marks the saying
  verbs this wing reads as reports ("X said that Y must …").

Trigger words and CAMEO codes are read by :mod:`.triggers`, hedge words by :mod:`.modality`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from functools import cache

from ...lexicons import load_table
from .triggers import code_table

WORDS_FILE = "event_words.tsv"
CONTEXTS_FILE = "event_contexts.tsv"
FRAMES_FILE = "event_frames.tsv"
SUBCODES_FILE = "event_frame_subcodes.tsv"
CUE_VERBS_FILE = "cue_verbs.tsv"


@dataclass(frozen=True, slots=True)
class EventWords:
    """The word classes of ``event_words.tsv`` (its header says what each is for)."""

    control: frozenset[str]
    reciprocal: frozenset[str]
    together: frozenset[str]
    non_agent: frozenset[str]
    stative_passive: frozenset[str]
    group_head: frozenset[str]
    generic_head: frozenset[str]
    participation: frozenset[str]
    person_object: frozenset[str]
    arrival: frozenset[str]
    failure: frozenset[str]
    offer: frozenset[str]
    call_out: frozenset[str]
    denial_cue: frozenset[str]
    question: frozenset[str]
    opinion_agree: frozenset[str]
    commissive: frozenset[str]
    opposing: frozenset[str]
    halting: frozenset[str]
    retaliation: frozenset[str]
    press_act: frozenset[str]
    verbal_force: frozenset[str]
    verbal_manner: frozenset[str]
    speech_noun: frozenset[str]
    civil_sector: frozenset[str]
    armed_sector: frozenset[str]
    natural_force: frozenset[str]
    undergo: frozenset[str]
    stative: frozenset[str]
    background_adverb: frozenset[str]
    background_period: frozenset[str]
    # saying verbs whose "that Y must" clause is a demand and whose reported pronoun
    # subject is the sayer: cue_verbs.tsv's "reporting" rows plus event_words' own
    reporting: frozenset[str]
    # verbs whose reported pronoun subject is the sayer ("Japan claimed it had halted aid")
    sayer: frozenset[str]
    # modifier lemma -> PLOVER context
    contexts: Mapping[str, str]


@cache
def event_words() -> EventWords:
    """Every word class the events wing reads, loaded once."""
    classes: dict[str, set[str]] = {
        f.name: set() for f in fields(EventWords) if f.name not in ("sayer", "contexts")
    }
    for row in load_table(WORDS_FILE):
        cls = row["class"]
        if cls not in classes:
            raise ValueError(f"{WORDS_FILE}: unknown class {cls!r} for {row['word']!r}")
        classes[cls].add(row["word"].lower())
    sayer: set[str] = set()
    for row in load_table(CUE_VERBS_FILE):
        role = row.get("events") or ""
        if role == "reporting":
            classes["reporting"].add(row["lemma"])
        elif role == "sayer":
            sayer.add(row["lemma"])
        elif role:
            raise ValueError(f"{CUE_VERBS_FILE}: unknown events role {role!r} for {row['lemma']!r}")
    contexts = {row["word"].lower(): row["context"] for row in load_table(CONTEXTS_FILE)}
    c = {name: frozenset(words) for name, words in classes.items()}
    return EventWords(
        control=c["control"],
        reciprocal=c["reciprocal"],
        together=c["together"],
        non_agent=c["non_agent"],
        stative_passive=c["stative_passive"],
        group_head=c["group_head"],
        generic_head=c["generic_head"],
        participation=c["participation"],
        person_object=c["person_object"],
        arrival=c["arrival"],
        failure=c["failure"],
        offer=c["offer"],
        call_out=c["call_out"],
        denial_cue=c["denial_cue"],
        question=c["question"],
        opinion_agree=c["opinion_agree"],
        commissive=c["commissive"],
        opposing=c["opposing"],
        halting=c["halting"],
        retaliation=c["retaliation"],
        press_act=c["press_act"],
        verbal_force=c["verbal_force"],
        verbal_manner=c["verbal_manner"],
        speech_noun=c["speech_noun"],
        civil_sector=c["civil_sector"],
        armed_sector=c["armed_sector"],
        natural_force=c["natural_force"],
        undergo=c["undergo"],
        stative=c["stative"],
        background_adverb=c["background_adverb"],
        background_period=c["background_period"],
        reporting=c["reporting"],
        sayer=c["reporting"] | sayer,
        contexts=contexts,
    )


@dataclass(frozen=True, slots=True)
class FrameCodes:
    """CAMEO codes of framed events, by the PLOVER type (or CAMEO code) of the governed one."""

    intent: Mapping[str, str]
    threat: Mapping[str, str]
    reject: Mapping[str, str]
    appeal: Mapping[str, str]
    demand: Mapping[str, str]
    intent_sub: Mapping[str, str]  # governed CAMEO code -> finer intent code
    threat_sub: Mapping[str, str]  # governed CAMEO code -> finer threat code
    cooperative: frozenset[str]
    yielding: frozenset[str]
    conflict: frozenset[str]


_FRAME_COLUMNS = ("intent", "threat", "reject", "appeal", "demand")
_GROUPS = ("cooperative", "yielding", "conflict")


@cache
def frame_codes() -> FrameCodes:
    """The frame tables of ``event_frames.tsv`` and ``event_frame_subcodes.tsv``, loaded once."""
    known = code_table()
    tables: dict[str, dict[str, str]] = {
        c: {} for c in (*_FRAME_COLUMNS, "intent_sub", "threat_sub")
    }
    groups: dict[str, set[str]] = {g: set() for g in _GROUPS}

    def check(name: str, code: str) -> str:
        if code not in known:
            raise ValueError(f"{name}: unknown CAMEO code {code!r}")
        return code

    for row in load_table(FRAMES_FILE):
        plover = row["plover"]
        if row["group"]:
            if row["group"] not in groups:
                raise ValueError(f"{FRAMES_FILE}: unknown group {row['group']!r} for {plover}")
            groups[row["group"]].add(plover)
        for col in _FRAME_COLUMNS:
            if row[col]:
                tables[col][plover] = check(FRAMES_FILE, row[col])
    for row in load_table(SUBCODES_FILE):
        if row["frame"] not in ("intent", "threat"):
            raise ValueError(f"{SUBCODES_FILE}: unknown frame {row['frame']!r}")
        tables[row["frame"] + "_sub"][row["event"]] = check(SUBCODES_FILE, row["code"])
    return FrameCodes(
        intent=tables["intent"],
        threat=tables["threat"],
        reject=tables["reject"],
        appeal=tables["appeal"],
        demand=tables["demand"],
        intent_sub=tables["intent_sub"],
        threat_sub=tables["threat_sub"],
        cooperative=frozenset(groups["cooperative"]),
        yielding=frozenset(groups["yielding"]),
        conflict=frozenset(groups["conflict"]),
    )
