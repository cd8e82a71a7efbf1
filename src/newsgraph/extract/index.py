"""Look up which actor or place a stretch of text refers to, by character offsets.

Attributions and events find their speakers, actors and places through the mentions the
actor and place extractors recorded, so a pronoun or title resolved once is resolved for
everyone.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from ..records import Actor, Place, Span

T = TypeVar("T", Actor, Place)
S = TypeVar("S")


class MentionIndex(Generic[T]):
    """Mentions of actors (or places) sorted by start offset, searchable by overlap."""

    def __init__(self, items: Sequence[T]):
        entries = sorted((m.start, m.end, i) for i, it in enumerate(items) for m in it.mentions)
        self._mention: dict[tuple[int, int, int], Span] = {}  # the first with that span
        for i, it in enumerate(items):
            for m in it.mentions:
                self._mention.setdefault((m.start, m.end, i), m)
        self._items: list[T] = list(items)
        self._rank: dict[int, int] = {}  # first position of each item (list.index was O(n))
        for i, it in enumerate(self._items):
            self._rank.setdefault(id(it), i)
        self._starts = [e[0] for e in entries]
        self._entries = entries
        self._max_len = max((e[1] - e[0] for e in entries), default=0)

    def overlapping(self, start: int, end: int) -> list[tuple[Span, T]]:
        """Every (mention, item) whose mention shares at least one character with start:end."""
        out = []
        lo = bisect_right(self._starts, start - self._max_len - 1)
        hi = bisect_right(self._starts, max(end - 1, start))
        for s, e, i in self._entries[lo:hi]:
            if s < end and start < e or (s == start and e == end):
                out.append((self._mention[s, e, i], self._items[i]))
        return out

    def at(self, start: int, end: int) -> T | None:
        """The item whose mention overlaps start:end most (ties: the earlier-listed item)."""
        best: tuple[int, int, T] | None = None
        for m, item in self.overlapping(start, end):
            overlap = min(m.end, end) - max(m.start, start)
            key = (overlap, -self._rank[id(item)])
            if best is None or key > best[:2]:
                best = (key[0], key[1], item)
        return best[2] if best else None


class SpanIndex(Generic[S]):
    """Items with a character span (``span_of(item) -> (start, end)``), found by overlap.

    :meth:`overlapping` gives the items in their original order, as a scan of the list
    would, so tie-breaks that prefer the first item found keep working.
    """

    def __init__(self, items: Sequence[S], span_of: Callable[[S], tuple[int, int]]) -> None:
        spans = [span_of(x) for x in items]
        order = sorted(range(len(items)), key=lambda k: spans[k][0])
        self._items = items
        self._order = order
        self._starts = [spans[k][0] for k in order]
        self._spans = spans
        self._longest = max((e - s for s, e in spans), default=0)

    def overlapping(self, start: int, end: int) -> list[S]:
        """Items whose span shares a character with ``[start, end)`` (or holds ``start``
        when ``end == start``), in list order."""
        end = max(end, start + 1)
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        hits = [
            k for k in self._order[lo:hi] if self._spans[k][1] > start and self._spans[k][0] < end
        ]
        return [self._items[k] for k in sorted(hits)]
