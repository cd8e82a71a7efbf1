"""The house rules that keep the tree readable: the README's layout table names every
package and nothing that is not there; modules and functions stay small enough to read."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "newsgraph"
MAX_MODULE_LINES = 520  # "no module over ~500 lines"
MAX_FUNCTION_LINES = 85  # "no function over ~80"


def _layout_folders() -> set[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Layout", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return {m for row in rows for m in re.findall(r"`([^`]+/)`", row.split("|")[1])}


def _packages() -> set[str]:
    return {
        str(p.parent.relative_to(ROOT)) + "/"
        for p in SRC.rglob("__init__.py")
        if p.parent != SRC and "static" not in p.parts and "templates" not in p.parts
    }


def test_layout_readme_table_names_only_folders_that_exist():
    folders = _layout_folders()
    assert folders, "no layout table found in README.md"
    missing = sorted(f for f in folders if not (ROOT / f).is_dir())
    assert not missing, f"README layout names folders that do not exist: {missing}"


def test_layout_readme_table_names_every_package():
    folders = _layout_folders()
    unlisted = sorted(p for p in _packages() if p not in folders)
    assert not unlisted, f"packages missing from the README layout table: {unlisted}"


def _modules() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_layout_module_is_small_enough_to_read(path: Path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{path.relative_to(ROOT)} has {lines} lines; split it"


@pytest.mark.parametrize("path", _modules(), ids=lambda p: str(p.relative_to(SRC)))
def test_layout_functions_are_small_enough_to_read(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    long = [
        f"{node.name} ({node.end_lineno - node.lineno + 1} lines)"
        for node in ast.walk(tree)
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.end_lineno is not None
        and node.end_lineno - node.lineno + 1 > MAX_FUNCTION_LINES
    ]
    assert not long, f"{path.relative_to(ROOT)}: functions too long to read: {long}"


LEXICONS = SRC / "lexicons"


@pytest.mark.parametrize(
    "path",
    sorted(p for p in LEXICONS.iterdir() if p.suffix in (".tsv", ".txt", ".json")),
    ids=lambda p: p.name,
)
def test_layout_lexicon_says_what_it_holds(path: Path):
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".json":
        import json

        assert json.loads(text).get("about"), f"{path.name}: no 'about' saying what it holds"
        return
    assert text.startswith("#"), f"{path.name}: first line must say what the file holds"
    if path.suffix == ".tsv":
        first_data = next(
            line for line in text.splitlines() if line.strip() and not line.startswith("#")
        )
        assert "\t" in first_data or first_data.islower(), (
            f"{path.name}: a table needs a header row naming its columns"
        )
