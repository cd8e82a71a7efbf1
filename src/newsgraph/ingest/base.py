"""RawInput: one article as found, before cleaning — and the guard that keeps a batch going."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputError
from ..records import Failure

log = logging.getLogger(__name__)

# What ``RawInput.kind`` may be, and what ``data`` then holds.
KINDS = {
    "text": "scraped plain text, title on the first line",
    "html": "a whole web page (bytes: the cleaner detects the charset)",
    "record": "a body text whose metadata (title, url, …) is already in meta",
    "fragment": "an HTML snippet that is all body, e.g. a feed entry's content",
}


@dataclass(frozen=True)
class RawInput:
    """One article as found, before cleaning.

    ``kind`` is one of :data:`KINDS`. ``meta`` carries what the source knows: title, url,
    published, source, authors. ``origin`` names where it came from (a path, a URL,
    ``dump.jsonl:17``, ``feed.xml#3``, ``crawl.warc.gz:40213``) for error messages.
    """

    origin: str
    kind: str
    data: bytes | str
    meta: dict[str, Any] = field(default_factory=dict)


def guard(
    origin: str, produce: Callable[[], Iterator[RawInput | Failure]]
) -> Iterator[RawInput | Failure]:
    """Run a reader; turn its errors into a Failure so the batch goes on."""
    try:
        yield from produce()
    except InputError as e:
        yield Failure(input=e.input or origin, stage="ingest", code=e.code, reason=e.reason)
    except Exception as e:  # noqa: BLE001 - a reader's bug must not end the batch
        log.debug("reader crashed on %s", origin, exc_info=True)
        yield Failure(
            input=origin,
            stage="ingest",
            code="internal",
            reason=f"{type(e).__name__}: {e}; please report it",
        )
