"""Actor mentions before clustering, and the token-level helpers every actor rule shares.

A :class:`Cand` is one mention found by a rule (token range, what the text says about it);
:class:`State` is one Doc's working set: the lexicon matches, which tokens are taken, and
the candidates so far. The rules live in :mod:`.people` and :mod:`.collectives`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..syntax import dep_of
from .gazetteer import Gazetteer
from .vocab import LOCATIVE_PREPS, MOTION_VERBS, NOT_NAME_WORDS, TRANSFER_WORDS

# NER labels the actor rules read (the tagger's grammar, not vocabulary)
PERSON_LABELS = frozenset({"PERSON"})
ORG_LABELS = frozenset({"ORG", "FAC"})


@dataclass
class Cand:
    """One actor mention before clustering: token range plus what the text says about it."""

    start: int
    end: int
    kind: str  # person|country|named|group|org|ref (title/pronoun: resolved in coref)
    name: str
    type: str
    country: str | None = None
    sectors: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    code: str | None = None
    metonym: bool = False
    key: str = ""
    title: str | None = None  # for kind=ref: the title said alone ("the president")
    pronoun: bool = False
    head: int = -1  # syntactic head token of the mention
    actor: int | None = None  # cluster index once clustered
    country_source: str = "text"  # where ``country`` came from: text|sentence (see .homes)


@dataclass
class State:
    """One Doc's working set: lexicon matches, taken tokens, candidates so far."""

    doc: Doc
    g: Gazetteer
    taken: list[bool]
    cands: list[Cand] = field(default_factory=list)
    country_words: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, iso3
    title_matches: list[tuple[str, int, int]] = field(default_factory=list)
    named_matches: list[tuple[str, int, int]] = field(default_factory=list)
    person_country_words: set[int] = field(default_factory=set)  # starts used by a person's title
    ents: list[SpacySpan] = field(
        default_factory=list
    )  # doc.ents, read once (it is rebuilt per call)
    lower: list[str] = field(default_factory=list)  # lower-cased token texts, read once
    _cw_key: tuple[int, int] = (0, -1)
    _cw_by_end: dict[int, tuple[int, int, str]] = field(default_factory=dict)
    _cw_starts: set[int] = field(default_factory=set)

    def _index_country_words(self) -> None:
        key = (id(self.country_words), len(self.country_words))
        if key != self._cw_key:
            self._cw_key = key
            self._cw_by_end, self._cw_starts = {}, set()
            for n, (s, e, iso) in enumerate(self.country_words):
                self._cw_by_end.setdefault(e, (n, s, iso))  # the first in list order
                self._cw_starts.add(s)

    def country_word_ending(self, end: int) -> tuple[int, int, str] | None:
        """(list position, start, iso3) of the first country word that ends at ``end``."""
        self._index_country_words()
        return self._cw_by_end.get(end)

    def country_word_starts_at(self, start: int) -> bool:
        self._index_country_words()
        return start in self._cw_starts

    def __post_init__(self) -> None:
        self.ents = []
        for ent in self.doc.ents:
            # an entity never runs across a paragraph break ("Associated Press\n\nContributing")
            pieces, s = [], ent.start
            for i in range(ent.start, ent.end):
                if self.doc[i].is_space:
                    pieces.append((s, i))
                    s = i + 1
            pieces.append((s, ent.end))
            for s, e in pieces:
                if s < e and any(t.is_alpha for t in self.doc[s:e]):
                    self.ents.append(
                        ent
                        if (s, e) == (ent.start, ent.end)
                        else SpacySpan(self.doc, s, e, label=ent.label)
                    )
        strings = self.doc.vocab.strings
        self.lower = [strings[h] for h in self.doc.to_array("LOWER").tolist()]
        self.person_ent_end = {e.start: e.end for e in self.ents if e.label_ in PERSON_LABELS}

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def take(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.taken[i] = True


def longest_first(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """Matches ordered longest first, then by position."""
    return sorted(matches, key=lambda m: (-(m[2] - m[1]), m[1]))


def non_overlapping(matches: list[tuple[str, int, int]]) -> list[tuple[str, int, int]]:
    """The longest matches that do not overlap, in text order."""
    out: list[tuple[str, int, int]] = []
    used: set[int] = set()
    for lab, s, e in longest_first(matches):
        if used.isdisjoint(range(s, e)):
            out.append((lab, s, e))
            used.update(range(s, e))
    return sorted(out, key=lambda m: m[1])


def strip_possessive(doc: Doc, start: int, end: int) -> int:
    """The end of start:end without a trailing possessive ('s, ’s)."""
    while (
        end > start + 1
        and doc[end - 1].tag_ == "POS"
        or (end > start + 1 and doc[end - 1].text in ("'s", "’s", "'", "’"))
    ):
        end -= 1
    return end


def is_name_token(tok: Token) -> bool:
    """A token that can be part of a proper name (capitalised, name-like tag)."""
    t = tok.text
    if not t or not t[0].isupper() or t.lower() in NOT_NAME_WORDS:
        return False
    if tok.tag_ and tok.tag_ not in ("NNP", "NNPS", "NN", "JJ", "FW"):
        return False
    return bool(re.fullmatch(r"[A-Z][\w'’.\-]*", t))


def country_before(st: State, start: int, limit: int = 6) -> tuple[str | None, int]:
    """A country word in the words just before ``start`` (same phrase): iso3 and its start.

    Walks back over adjectives, other title words and possessive 's ("Taiwan's Vice
    Foreign Minister", "Senior Hungarian", "the U.S."), stopping at verbs and punctuation.
    """
    doc = st.doc
    i = start - 1
    lo = max(0, start - limit)
    while i >= lo:
        tok = doc[i]
        # the first country word (in list order) ending here, or before a possessive 's
        found = [st.country_word_ending(i + 1)]
        if doc[i].text in ("'s", "’s", "'", "’"):
            found.append(st.country_word_ending(i))
        hits = [x for x in found if x is not None]
        if hits:
            _n, s, iso = min(hits)
            if s >= 2 and st.lower[s - 1] == "-" and st.lower[s - 2] in ("pro", "anti"):
                return None, start  # "pro-Iranian Hizbollah" is not Iranian
            return iso, s
        if (
            tok.is_punct
            and tok.text not in ("-",)
            or tok.tag_.startswith("V")
            or tok.tag_ in ("IN", "WDT", "WP")
        ):
            return None, start
        if tok.tag_ in (
            "DT",
            "JJ",
            "JJS",
            "JJR",
            "NNP",
            "NN",
            "POS",
            "CD",
            "HYPH",
            "RB",
        ):
            i -= 1
            continue
        return None, start
    return None, start


def of_country_start(st: State, *ends: int) -> list[int]:
    """Starts of the country words in 'of <country>' right after any of ``ends``."""
    out = []
    for end in ends:
        if end >= len(st.doc) or st.doc[end].lower_ != "of":
            continue
        nxt = end + 2 if end + 1 < len(st.doc) and st.doc[end + 1].lower_ == "the" else end + 1
        out += [s for s, _e, _iso in st.country_words if s == nxt]
    return out


def country_after(st: State, end: int) -> str | None:
    """'of <country>' right after a name or title ("King Hassan of Morocco")."""
    doc = st.doc
    if end < len(doc) and doc[end].lower_ == "of":
        nxt = end + 1
        if nxt < len(doc) and doc[nxt].lower_ == "the":
            nxt += 1
        for s, e, iso in st.country_words:
            if s == nxt and not (e < len(doc) and doc[e].text == "-"):  # not "Washington-based"
                return iso
    return None


def _source_of_transfer(tok: Token) -> bool:
    return tok.lower_ in TRANSFER_WORDS


def is_locative(tok: Token) -> bool:
    """A place phrase: pobj of in/at/near…, or the object of a visit-like verb."""
    head = tok
    while dep_of(head) in ("conj", "compound", "appos") and head.head.i != head.i:
        head = head.head
    dep = dep_of(head)
    if dep == "pobj" and head.head.lower_ == "from" and _source_of_transfer(head.head.head):
        return False  # "weapons from Iran", "received aid from China": Iran and China act
    if dep == "pobj" and head.head.lower_ in LOCATIVE_PREPS:
        return True
    if dep == "pobj" and head.head.lower_ == "to" and head.head.head.lower_ in MOTION_VERBS:
        return True
    return False
