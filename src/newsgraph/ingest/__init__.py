"""Where articles come from: files, directories, HTML, JSONL dumps, feeds, WARCs and URLs.

``iter_inputs`` turns what a user names on the command line into :class:`RawInput`
items (or :class:`~newsgraph.records.Failure` for what cannot be read), in input order.
Reading never stops at a bad input.
"""

from __future__ import annotations

from .base import RawInput
from .sources import iter_inputs

__all__ = ["RawInput", "iter_inputs"]
