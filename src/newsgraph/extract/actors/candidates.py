"""Actor mentions before clustering, and the token-level helpers every actor rule shares.

A :class:`Cand` is one mention found by a rule (token range, what the text says about it);
:class:`State` is one Doc's working set: the lexicon matches, which tokens are taken, and
the candidates so far. The rules live in :mod:`.people` and :mod:`.collectives`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from ..index import SpanIndex
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
    # position indexes of the lookups below (see _table)
    _tables: dict[str, tuple[Sequence[Any], int, SpanIndex[Any]]] = field(default_factory=dict)
    _person_ents: list[SpacySpan] = field(default_factory=list)
    _igo_matches: tuple[list[Any] | None, int, list[tuple[int, int, str]]] = (None, 0, [])
    _igo_seen: tuple[list[Cand] | None, int] = (None, 0)
    _igo_list: list[Cand] = field(default_factory=list)

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

    # Lookups by token position, so that a rule asking about a few tokens reads only the
    # words near them: a scan of the whole list per mention made long articles quadratic.
    # Each index is built on first use and again when its list is replaced or grows.
    def _table(
        self, name: str, items: Sequence[Any], span_of: Callable[[Any], tuple[int, int]]
    ) -> SpanIndex[Any]:
        hit = self._tables.get(name)
        if hit is None or hit[0] is not items or hit[1] != len(items):
            hit = (items, len(items), SpanIndex(items, span_of))
            self._tables[name] = hit
        return hit[2]

    def _words(self) -> SpanIndex[tuple[int, int, str]]:
        return self._table("country_words", self.country_words, _token_span)

    def country_words_within(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The country words inside tokens lo:hi, in list order."""
        return [w for w in self._words().overlapping(lo, hi) if lo <= w[0] and w[1] <= hi]

    def country_words_starting(self, lo: int, hi: int) -> list[tuple[int, int, str]]:
        """The country words that start at a token in lo:hi, in list order."""
        return [w for w in self._words().overlapping(lo, hi) if lo <= w[0] < hi]

    def in_country_word(self, i: int) -> bool:
        """Whether token ``i`` is part of a country word."""
        return bool(self._words().overlapping(i, i + 1))

    def titles_within(self, lo: int, hi: int) -> list[tuple[str, int, int]]:
        """The title matches inside tokens lo:hi, in list order."""
        found = self._table("titles", self.title_matches, _match_span).overlapping(lo, hi)
        return [m for m in found if lo <= m[1] and m[2] <= hi]

    def titles_containing(self, lo: int, hi: int) -> list[tuple[str, int, int]]:
        """The title matches that hold all of tokens lo:hi, in list order."""
        found = self._table("titles", self.title_matches, _match_span).overlapping(lo, hi)
        return [m for m in found if m[1] <= lo and hi <= m[2]]

    def person_starts_between(self, lo: int, hi: int) -> bool:
        """Whether a PERSON entity starts strictly between tokens ``lo`` and ``hi``."""
        if hi <= lo + 1:
            return False
        found = self._table("people", self._person_ents, _ent_span).overlapping(lo + 1, hi)
        return any(lo < e.start < hi for e in found)

    def igo_match_within(self, lo: int, hi: int) -> str | None:
        """The name of the first IGO (in list order) among the named matches inside lo:hi."""
        source, n, igos = self._igo_matches
        if source is not self.named_matches or n != len(self.named_matches):
            igos = []
            for _lab, ns, ne in self.named_matches:
                entry = self.g.named.get(self.doc[ns:ne].text.replace("’", "'").lower())
                if entry is not None and entry.type == "igo":
                    igos.append((ns, ne, entry.name))
            self._igo_matches = (self.named_matches, len(self.named_matches), igos)
        found = self._table("igo_matches", igos, _token_span).overlapping(lo, hi)
        return next((name for s, e, name in found if lo <= s and e <= hi), None)

    def igo_cands(self) -> SpanIndex[Cand]:
        """The named IGO candidates found so far (by :func:`.collectives.add_named`), by span;
        read incrementally, as candidates are only ever appended while the rules run."""
        cands = self.cands
        seen_list, seen = self._igo_seen
        if seen_list is not cands or seen > len(cands):
            self._igo_list, seen = [], 0
        for c in cands[seen:]:
            if c.kind == "named" and c.type == "igo":
                self._igo_list.append(c)
        self._igo_seen = (cands, len(cands))
        return self._table("igo_cands", self._igo_list, _cand_span)

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
        self._person_ents = [e for e in self.ents if e.label_ in PERSON_LABELS]
        self.person_ent_end = {e.start: e.end for e in self._person_ents}

    def free(self, start: int, end: int) -> bool:
        return not any(self.taken[start:end])

    def take(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.taken[i] = True


def _token_span(w: tuple[int, int, Any]) -> tuple[int, int]:
    return w[0], w[1]


def _match_span(m: tuple[str, int, int]) -> tuple[int, int]:
    return m[1], m[2]


def _ent_span(e: SpacySpan) -> tuple[int, int]:
    return e.start, e.end


def _cand_span(c: Cand) -> tuple[int, int]:
    return c.start, c.end


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
