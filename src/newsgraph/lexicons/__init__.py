"""Data the extractors read: plain TSV/CSV/JSON files in this folder (a large converted table
gzipped), loaded once.

Word lists are data, not Python literals, so a linguist can review and extend them
without touching code. Lines starting with ``#`` and blank lines are ignored.
"""

from __future__ import annotations

import csv
import gzip
import json
from functools import cache
from importlib import resources
from typing import Any


def _read(name: str) -> str:
    """A file's text; a ``.gz`` one (a large converted table) is decompressed."""
    entry = resources.files(__package__).joinpath(name)
    if name.endswith(".gz"):
        return gzip.decompress(entry.read_bytes()).decode("utf-8")
    return entry.read_text(encoding="utf-8")


def _lines(name: str) -> list[str]:
    return [
        line.rstrip("\n")
        for line in _read(name).splitlines()
        if line.strip() and not line.lstrip().startswith("#")
    ]


def load_lines(name: str) -> list[str]:
    """The data lines of a file (comments and blank lines skipped), as written."""
    return _lines(name)


@cache
def load_words(name: str) -> frozenset[str]:
    """A one-entry-per-line word list, lower-cased."""
    return frozenset(line.strip().lower() for line in _lines(name))


@cache
def load_pairs(name: str) -> tuple[tuple[str, str], ...]:
    """A two-column TSV (key, value)."""
    out = []
    for line in _lines(name):
        key, value = line.split("\t", 1)
        out.append((key.strip(), value.strip()))
    return tuple(out)


@cache
def load_table(name: str) -> tuple[dict[str, str], ...]:
    """A TSV with a header row, as dicts (comment lines skipped)."""
    rows = _lines(name)
    reader = csv.DictReader(rows, delimiter="\t")
    return tuple({k: (v or "").strip() for k, v in row.items()} for row in reader)


@cache
def load_json(name: str) -> Any:
    return json.loads(_read(name))
