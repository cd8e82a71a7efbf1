"""Look up which actor or place a stretch of text refers to, by character offsets.

Attributions and events find their speakers, actors and places through the mentions the
actor and place extractors recorded, so a pronoun or title resolved once is resolved for
everyone.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Generic, TypeVar

from ..records import Actor, Place, Span

T = TypeVar("T", Actor, Place)


class MentionIndex(Generic[T]):
    """Mentions of actors (or places) sorted by start offset, searchable by overlap."""

    def __init__(self, items: Sequence[T]):
        entries = sorted((m.start, m.end, i) for i, it in enumerate(items) for m in it.mentions)
        self._items: list[T] = list(items)
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
                item = self._items[i]
                mention = next(m for m in item.mentions if m.start == s and m.end == e)
                out.append((mention, item))
        return out

    def at(self, start: int, end: int) -> T | None:
        """The item whose mention overlaps start:end most (ties: the earlier-listed item)."""
        best: tuple[int, int, T] | None = None
        for m, item in self.overlapping(start, end):
            overlap = min(m.end, end) - max(m.start, start)
            key = (overlap, -self._items.index(item))
            if best is None or key > best[:2]:
                best = (key[0], key[1], item)
        return best[2] if best else None
