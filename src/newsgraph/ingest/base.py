"""RawInput and the dispatcher from a named source to the reader that understands it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import InputError
from ..records import Failure


@dataclass(frozen=True)
class RawInput:
    """One article as found, before cleaning.

    ``kind`` is "text" (scraped plain text, title on the first line), "html", or
    "record" (already split into fields, e.g. a JSONL line). ``meta`` carries what the
    source knows: title, url, published, source, authors.
    """

    origin: str
    kind: str
    data: bytes | str
    meta: dict[str, Any] = field(default_factory=dict)


def _read_file(path: Path, settings: Settings) -> bytes:
    try:
        size = path.stat().st_size
        if size > settings.max_bytes:
            raise InputError(
                f"file is {size:,} bytes, over the {settings.max_bytes:,}-byte limit",
                input=str(path),
                hint="raise NEWSGRAPH_MAX_BYTES if this is really one article",
            )
        return path.read_bytes()
    except OSError as e:
        raise InputError(f"cannot read file: {e.strerror}", input=str(path)) from None


def _from_path(path: Path, settings: Settings) -> Iterator[RawInput | Failure]:
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file()):
            if child.name.startswith("."):
                continue
            yield from _guard(str(child), lambda c=child: _from_path(c, settings))
        return
    if not path.exists():
        raise InputError("no such file or directory", input=str(path))
    data = _read_file(path, settings)
    suffix = path.suffix.lower()
    kind = "html" if suffix in {".html", ".htm", ".xhtml"} else "text"
    yield RawInput(origin=str(path), kind=kind, data=data)


def _guard(origin: str, produce: Any) -> Iterator[RawInput | Failure]:
    """Run a reader; turn its InputError into a Failure so the batch goes on."""
    try:
        yield from produce()
    except InputError as e:
        yield Failure(input=e.input or origin, stage="ingest", code=e.code, reason=e.reason)


def iter_inputs(sources: Iterable[str], settings: Settings) -> Iterator[RawInput | Failure]:
    """Every article in ``sources`` (paths, directories, URLs, ``-`` for stdin), in order."""
    for source in sources:
        yield from _guard(source, lambda s=source: _from_path(Path(s), settings))
