"""Near-duplicate articles (syndicated wire copy, re-posts) with MinHash LSH.

An article is a set of word 5-grams; two articles are near-duplicates when the MinHash
estimate of their Jaccard similarity reaches the threshold. Groups are the connected
components of that relation; a group is named by its smallest article id.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 128
SHINGLE = 5
SEED = 1
SCHEME = "legacy"  # fixed, so that stored signatures stay comparable across datasketch versions
_WORD = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = SHINGLE) -> set[bytes]:
    """The set of lower-cased word n-grams of a text (the whole text if it is shorter)."""
    words = _WORD.findall(text.lower())
    if len(words) <= n:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + n]).encode() for i in range(len(words) - n + 1)}


def signature(text: str) -> bytes:
    """The MinHash signature of a text, as bytes for the store."""
    m = MinHash(num_perm=NUM_PERM, seed=SEED, scheme=SCHEME)
    m.update_batch(sorted(shingles(text)))
    return np.asarray(m.hashvalues, dtype="<u8").tobytes()


def _minhash(sig: bytes) -> MinHash:
    return MinHash(
        num_perm=NUM_PERM, seed=SEED, scheme=SCHEME, hashvalues=np.frombuffer(sig, dtype="<u8")
    )


@cache
def band_layout(threshold: float) -> tuple[tuple[int, int], ...]:
    """The (start, end) slices of a signature that are hashed into LSH band keys: the bands
    and rows datasketch chooses for this threshold (9 bands of 13 at 0.8)."""
    return tuple(MinHashLSH(threshold=threshold, num_perm=NUM_PERM).hashranges)


def band_keys(sig: bytes, threshold: float = 0.8) -> list[int]:
    """The LSH band keys of a signature, as signed 64-bit integers (a store column).

    Two articles are candidates when they share a key; the same keys serve the in-memory
    rebuild and the stored index that incremental linking looks new articles up in."""
    values = np.frombuffer(sig, dtype="<u8")
    keys = []
    for i, (start, end) in enumerate(band_layout(threshold)):
        digest = hashlib.blake2b(values[start:end].tobytes(), digest_size=8, person=b"band%d" % i)
        keys.append(int.from_bytes(digest.digest(), "little", signed=True))
    return keys


class Groups:
    """Near-duplicate groups as a union-find over article ids, grown edge by edge."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def add(self, key: str) -> None:
        self.parent.setdefault(key, key)

    def find(self, k: str) -> str:
        while self.parent[k] != k:
            self.parent[k] = self.parent[self.parent[k]]
            k = self.parent[k]
        return k

    def union(self, a: str, b: str) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def members(self) -> list[list[str]]:
        out: dict[str, list[str]] = {}
        for key in self.parent:
            out.setdefault(self.find(key), []).append(key)
        return list(out.values())


def near_pairs(
    new: dict[str, bytes],
    candidates: dict[str, bytes],
    threshold: float,
) -> Iterator[tuple[str, str]]:
    """Pairs (new article, candidate or earlier new article) whose signatures share a band
    key and whose estimated Jaccard similarity reaches the threshold."""
    index: dict[int, list[str]] = {}
    for key, sig in sorted(candidates.items()):
        for band in band_keys(sig, threshold):
            index.setdefault(band, []).append(key)
    hashes = {k: _minhash(v) for k, v in {**candidates, **new}.items()}
    for key, sig in sorted(new.items()):
        found: set[str] = set()
        bands = band_keys(sig, threshold)
        for band in bands:
            found.update(index.get(band, ()))
        for other in sorted(found - {key}):
            # LSH gives candidates; keep those whose estimate really reaches the threshold.
            if hashes[key].jaccard(hashes[other]) >= threshold:
                yield key, other
        for band in bands:
            index.setdefault(band, []).append(key)


def group_rows(
    groups: Iterable[list[str]], signatures: dict[str, bytes]
) -> dict[str, tuple[str, float]]:
    """Article id → (group id, similarity to the group's first article) for groups of 2+."""
    out: dict[str, tuple[str, float]] = {}
    for keys in groups:
        if len(keys) < 2:
            continue
        first = min(keys)
        head = _minhash(signatures[first])
        for k in keys:
            out[k] = (first, 1.0 if k == first else float(_minhash(signatures[k]).jaccard(head)))
    return out


def group_duplicates(
    signatures: dict[str, bytes], threshold: float = 0.8
) -> dict[str, tuple[str, float]]:
    """Article id → (group id, similarity to the group's first article), for grouped articles
    only: the connected components of the near-duplicate relation over all signatures."""
    groups = Groups()
    for key in signatures:
        groups.add(key)
    for a, b in near_pairs(signatures, {}, threshold):
        groups.union(a, b)
    return group_rows(groups.members(), signatures)


def signatures_for(texts: Iterable[tuple[str, str]]) -> dict[str, bytes]:
    """Signatures of (id, text) pairs."""
    return {k: signature(t) for k, t in texts}
