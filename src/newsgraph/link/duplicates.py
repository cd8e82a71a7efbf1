"""Near-duplicate articles (syndicated wire copy, re-posts) with MinHash LSH.

An article is a set of word 5-grams; two articles are near-duplicates when the MinHash
estimate of their Jaccard similarity reaches the threshold. Groups are the connected
components of that relation; a group is named by its smallest article id.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

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


def group_duplicates(
    signatures: dict[str, bytes], threshold: float = 0.8
) -> dict[str, tuple[str, float]]:
    """Article id → (group id, similarity to the group's first article), for grouped articles "
    "only."""
    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    hashes = {k: _minhash(v) for k, v in sorted(signatures.items())}
    parent = {k: k for k in hashes}

    def find(k: str) -> str:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    for key, mh in hashes.items():
        for other in lsh.query(mh):
            # LSH gives candidates; keep those whose estimate really reaches the threshold.
            if mh.jaccard(hashes[other]) >= threshold:
                a, b = find(key), find(other)
                if a != b:
                    parent[max(a, b)] = min(a, b)
        lsh.insert(key, mh)
    members: dict[str, list[str]] = {}
    for key in hashes:
        members.setdefault(find(key), []).append(key)
    out: dict[str, tuple[str, float]] = {}
    for keys in members.values():
        if len(keys) < 2:
            continue
        first = min(keys)
        for k in keys:
            out[k] = (first, 1.0 if k == first else float(hashes[k].jaccard(hashes[first])))
    return out


def signatures_for(texts: Iterable[tuple[str, str]]) -> dict[str, bytes]:
    """Signatures of (id, text) pairs."""
    return {k: signature(t) for k, t in texts}
