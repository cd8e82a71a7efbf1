"""The NewsgraphError tree: each error has a code, an exit status and names its input.

The library raises; only the CLI prints and picks the exit code.
"""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose."""

    code = "error"
    exit_status = 1

    def __init__(self, reason: str, *, input: str | None = None, hint: str | None = None):
        self.reason = reason
        self.input = input
        self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        msg = f"{self.input}: {self.reason}" if self.input else self.reason
        return f"{msg} ({self.hint})" if self.hint else msg


class ConfigError(NewsgraphError):
    """A setting is missing, malformed or contradictory."""

    code = "config"
    exit_status = 2


class InputError(NewsgraphError):
    """An input cannot be read as an article: empty, binary, malformed, too large…"""

    code = "input"
    exit_status = 3


class FetchError(InputError):
    """A URL or feed could not be fetched: unreachable, timed out, refused, too large."""

    code = "fetch"


class BlockedAddressError(FetchError):
    """A URL resolves to a private, loopback or link-local address."""

    code = "blocked-address"


class LanguageError(InputError):
    """The article is not in a language the analysis supports."""

    code = "language"


class OutputError(NewsgraphError):
    """An output file cannot be written: a missing folder, no permission, a full disk."""

    code = "output"


class ModelError(NewsgraphError):
    """The pinned spaCy model is missing or does not load."""

    code = "model"
    exit_status = 4


class StoreError(NewsgraphError):
    """The store cannot be opened, migrated or written."""

    code = "store"
    exit_status = 5


class EvalDataError(NewsgraphError):
    """Gold data for an evaluation is missing or unreadable."""

    code = "eval-data"
    exit_status = 6
