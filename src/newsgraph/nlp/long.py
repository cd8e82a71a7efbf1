"""Parse an article longer than the model's ``max_length`` in chunks, as one Doc.

spaCy refuses texts over ``nlp.max_length`` (1,000,000 characters) because the parser
and NER need about 1 GB of memory per 100,000 characters. A longer article is cut at
paragraph boundaries (else line, sentence, then word boundaries) into chunks of at most
``CHUNK_CHARS``, parsed with ``nlp.pipe`` and joined with ``Doc.from_docs`` without
added whitespace, so the joined Doc's text is the article's text and every character
offset — every span the extractors emit — stays in article coordinates.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..errors import InputError

if TYPE_CHECKING:
    from spacy.tokens import Doc

CHUNK_CHARS = 100_000
DEFAULT_MAX_LENGTH = 1_000_000
_CUTS = ("\n\n", "\n", ". ", " ")  # preferred boundaries, best first


def max_length(nlp: Any) -> int:
    """The longest text ``nlp`` parses in one piece (spaCy's ``nlp.max_length``)."""
    return int(getattr(nlp, "max_length", DEFAULT_MAX_LENGTH) or DEFAULT_MAX_LENGTH)


def is_long(nlp: Any, text: str) -> bool:
    return len(text) > max_length(nlp)


def chunks(text: str, size: int = CHUNK_CHARS) -> list[str]:
    """``text`` cut into pieces of at most ``size`` characters, at the best boundary in
    each piece's second half; the pieces joined give ``text`` back exactly."""
    out: list[str] = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = 0
        for sep in _CUTS:
            at = window.rfind(sep, size // 2)
            if at > 0:
                cut = at + len(sep)
                break
        cut = cut or size  # one unbroken run of characters: cut it anyway
        out.append(text[start : start + cut])
        start += cut
    out.append(text[start:])
    return out


def check_length(text: str, max_chars: int, origin: str) -> None:
    """Refuse an article longer than the ``max_chars`` setting with a named InputError."""
    if len(text) > max_chars:
        raise InputError(
            f"the article is too long to analyse: {len(text):,} characters, more than the "
            f"max_chars setting ({max_chars:,}); split it, or raise max_chars (articles "
            f"over the model's limit are parsed in chunks; time grows with length)",
            input=origin,
        )


def parse(nlp: Any, text: str, *, origin: str = "<text>", max_chars: int | None = None) -> Doc:
    """The parsed Doc of ``text``, in chunks when it is longer than ``nlp.max_length``.

    Raises :class:`~newsgraph.errors.InputError` if the text is longer than ``max_chars``
    (when given), or if the chunks cannot be joined back into the article's text (the
    offsets would be wrong).
    """
    if max_chars is not None:
        check_length(text, max_chars, origin)
    if not is_long(nlp, text):
        return nlp(text)  # type: ignore[no-any-return]
    from spacy.tokens import Doc

    # one chunk at a time: nlp.pipe's default batch (1,000 texts) would parse every chunk
    # of the article at once, at about 1 GB per 100,000 characters (9 GB for 3,000,000)
    docs = list(nlp.pipe(chunks(text, min(CHUNK_CHARS, max_length(nlp))), batch_size=1))
    doc = Doc.from_docs(docs, ensure_whitespace=False)
    if doc.text != text:
        raise InputError(
            f"the article ({len(text):,} characters) could not be parsed in chunks with its "
            f"offsets intact",
            input=origin,
            hint="split it into smaller articles",
        )
    return doc


__all__ = ["CHUNK_CHARS", "check_length", "chunks", "is_long", "max_length", "parse"]
