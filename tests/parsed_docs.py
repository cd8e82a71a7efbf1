"""Hand-built parsed Docs for unit tests: a parse written out, not what a model produces."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from newsgraph.nlp import blank_english


def parsed_doc(
    spec: str,
    ents: str | Sequence[tuple[int, int, str]] | None = None,
    glued: tuple[str, ...] = (".", ","),
) -> Doc:
    """Tokens written as ``word/TAG/dep/head`` (head = absolute token index).

    ``ents``: IOB tags as one string ("B-GPE O O …"), or (start, end, label) spans (every
    other token then "O"). A space follows every word except before the ``glued`` ones.
    """
    words, tags, deps, heads = [], [], [], []
    for item in spec.split():
        word, tag, dep, head = item.rsplit("/", 3)
        words.append(word)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
    iob: list[str] | None
    if ents is None or isinstance(ents, str):
        iob = ents.split() if ents else None
    else:
        iob = ["O"] * len(words)
        for start, end, label in ents:
            iob[start] = f"B-{label}"
            for i in range(start + 1, end):
                iob[i] = f"I-{label}"
    spaces = [i + 1 < len(words) and words[i + 1] not in glued for i in range(len(words))]
    return Doc(
        blank_english().vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        deps=deps,
        heads=heads,
        ents=iob,
    )
