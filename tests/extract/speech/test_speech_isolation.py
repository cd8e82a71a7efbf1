"""The speech wing talks to the other wings only through records and the typed context:
no module of extract/speech/ imports extract.actors or extract.events."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsgraph.extract.speech as speech

PACKAGE = "newsgraph.extract.speech"
OTHER_WINGS = ("newsgraph.extract.actors", "newsgraph.extract.events")
MODULES = sorted(Path(speech.__file__).parent.glob("*.py"))


def imported_modules(source: str, package: str = PACKAGE) -> set[str]:
    """Every module an import statement of ``source`` names, relative imports made absolute
    (``from .. import actors`` names ``newsgraph.extract`` and ``newsgraph.extract.actors``)."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = package.split(".")
                base = ".".join(parts[: len(parts) - node.level + 1])
                module = f"{base}.{node.module}" if node.module else base
            else:
                module = node.module or ""
            out.add(module)
            out.update(f"{module}.{alias.name}" for alias in node.names)
    return out


def other_wing_imports(source: str) -> list[str]:
    found = imported_modules(source)
    return sorted(m for m in found if any(m == w or m.startswith(w + ".") for w in OTHER_WINGS))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "from ..actors.coref import resolve_references",
            ["newsgraph.extract.actors.coref", "newsgraph.extract.actors.coref.resolve_references"],
        ),
        ("from .. import events", ["newsgraph.extract.events"]),
        ("import newsgraph.extract.actors", ["newsgraph.extract.actors"]),
        (
            "from ...extract.events import extract",
            ["newsgraph.extract.events", "newsgraph.extract.events.extract"],
        ),
        (
            "from ..syntax import subject_of\nfrom .cues import cue_of\n"
            "from ..index import MentionIndex",
            [],
        ),
        (
            "from ..context import ExtractContext\nfrom ...records import Actor\n"
            "from .. import syntax",
            [],
        ),
    ],
)
def test_speech_isolation_checker_finds_wing_imports(source: str, expected: list[str]) -> None:
    assert other_wing_imports(source) == expected


def test_speech_isolation_sees_every_module() -> None:
    names = {p.stem for p in MODULES}
    assert {"__init__", "attributions", "direct", "reported", "speakers", "cues"} <= names


@pytest.mark.parametrize("path", MODULES, ids=lambda p: p.name)
def test_speech_module_imports_no_other_wing(path: Path) -> None:
    assert other_wing_imports(path.read_text(encoding="utf-8")) == []
