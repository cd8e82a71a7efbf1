"""The events wing reads the other wings only through the context, never their modules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsgraph.extract.events as events_wing

WING = Path(events_wing.__file__).parent
PACKAGE = "newsgraph.extract.events"
OTHER_WINGS = ("newsgraph.extract.actors", "newsgraph.extract.speech")


def _imported(source: str, package: str = PACKAGE) -> set[str]:
    """Every module a source imports, relative imports resolved against ``package``."""
    out: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                target = f"{base}.{node.module}" if node.module else base
            else:
                target = node.module or ""
            out.add(target)
            out.update(f"{target}.{alias.name}" for alias in node.names)  # from .. import actors
    return out


def _other_wings(source: str) -> set[str]:
    return {
        m for m in _imported(source) if any(m == w or m.startswith(w + ".") for w in OTHER_WINGS)
    }


def _modules() -> list[Path]:
    return sorted(WING.glob("*.py"))


@pytest.mark.parametrize(
    "source",
    [
        "from ..actors.dates import sentence_date",
        "from .. import speech",
        "import newsgraph.extract.actors.build",
        "from newsgraph.extract.speech.attributions import extract_attributions",
        "def f():\n    from ..actors import dates\n",
    ],
)
def test_isolation_finds_an_import_of_another_wing(source):
    assert _other_wings(source)


def test_isolation_allows_records_context_and_shared_syntax():
    source = "from ...records import Event\nfrom ..context import ExtractContext\n"
    assert _other_wings(source + "from ..syntax import dependents\nfrom .draft import x\n") == set()


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.name)
def test_isolation_events_wing_imports_no_other_wing(path):
    bad = _other_wings(path.read_text(encoding="utf-8"))
    assert not bad, f"{path.name} imports {sorted(bad)}: go through ExtractContext instead"


def test_isolation_checks_every_module_of_the_wing():
    names = {p.name for p in _modules()}
    assert {"__init__.py", "assemble.py", "arguments.py", "frames.py", "triggers.py"} <= names
