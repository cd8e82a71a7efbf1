"""Page → Article: body text, metadata, chrome removal, language.

``clean`` takes one :class:`~newsgraph.ingest.RawInput` and returns the start of its
:class:`~newsgraph.records.Analysis` (article and removed pieces), or raises an
:class:`~newsgraph.errors.InputError` naming the input and the reason.
"""

from __future__ import annotations

from .article import clean

__all__ = ["clean"]
