"""The actors wing as a whole: it imports no other wing, and exports what others may use."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsgraph.extract.actors as actors_wing

WING = Path(actors_wing.__file__).parent
PACKAGE = "newsgraph.extract.actors"
OTHER_WINGS = ("newsgraph.extract.speech", "newsgraph.extract.events")


def _imports(path: Path) -> list[str]:
    """Absolute names of every module ``path`` imports (relative imports resolved)."""
    module = PACKAGE if path.stem == "__init__" else f"{PACKAGE}.{path.stem}"
    package = module if path.stem == "__init__" else PACKAGE
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                stem = ".".join(base)
                name = f"{stem}.{node.module}" if node.module else stem
            else:
                name = node.module or ""
            out.append(name)
            out += [f"{name}.{a.name}" for a in node.names]
    return out


def test_actors_wing_imports_no_other_wing():
    modules = sorted(WING.glob("*.py"))
    assert len(modules) >= 8, modules  # the wing is where this test thinks it is
    bad = {p.name: name for p in modules for name in _imports(p) if name.startswith(OTHER_WINGS)}
    assert not bad, f"the actors wing imports another wing: {bad}"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from ..speech import attributions", "newsgraph.extract.speech"),
        ("from ..events.events import _Resolver", "newsgraph.extract.events.events"),
        ("from ...extract import speech", "newsgraph.extract.speech"),
        ("import newsgraph.extract.events", "newsgraph.extract.events"),
    ],
)
def test_actors_wing_import_check_sees_every_spelling(tmp_path: Path, source: str, expected: str):
    # the check above must not pass only because it cannot read a relative import
    path = tmp_path / "people.py"
    path.write_text(source + "\n", encoding="utf-8")
    assert any(name.startswith(expected) for name in _imports(path)), _imports(path)


def test_actors_wing_exports_its_entry_and_the_date_resolvers():
    for name in (
        "extract",
        "extract_actors",
        "extract_places",
        "sentence_date",
        "resolve_expression",
    ):
        assert name in actors_wing.__all__ and callable(getattr(actors_wing, name))
    assert actors_wing.resolve_expression("yesterday", "2023-04-17").start == "2023-04-16"
