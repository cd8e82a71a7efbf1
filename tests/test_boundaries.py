"""The corpus side keeps its boundaries: read from the imports and attribute uses of the code.

The store is used through ``newsgraph.store`` and its public names only; the store knows
the records, not the stages that make them; linking knows the records and nothing of the
store but the methods it calls. Checked on the source with ``ast``, so a new module that
crosses a line fails here whatever it does at run time.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsgraph
import newsgraph.store
from newsgraph.store.postgres import PostgresStore
from newsgraph.store.sqlite import SQLiteStore

PACKAGE = Path(newsgraph.__file__).resolve().parent
BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def modules(under: str = "") -> list[Path]:
    return sorted((PACKAGE / under).rglob("*.py"))


def outside(folder: str) -> list[Path]:
    return [p for p in modules() if folder not in p.relative_to(PACKAGE).parts[:1]]


def imports(path: Path) -> Iterator[tuple[int, str, tuple[str, ...]]]:
    """(line, absolute module, imported names) of every import in a module, nested ones too."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name, ()
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            yield node.lineno, base, tuple(a.name for a in node.names)


def newsgraph_deps(path: Path) -> set[str]:
    """The top-level newsgraph modules a module imports (``newsgraph.records`` → ``records``)."""
    out = set()
    for _, module, names in imports(path):
        parts = module.split(".")
        if parts[0] != "newsgraph":
            continue
        if len(parts) > 1:
            out.add(parts[1])
        else:
            out.update(names)  # from newsgraph import records
    return out


def test_boundaries_store_is_used_only_through_its_public_names():
    public = set(newsgraph.store.__all__)
    bad = []
    for path in outside("store"):
        for line, module, names in imports(path):
            where = f"{path.relative_to(PACKAGE)}:{line}"
            if module.startswith("newsgraph.store."):
                bad.append(f"{where} imports {module}")
            elif module == "newsgraph.store":
                bad.extend(f"{where} imports store.{n}" for n in names if n not in public)
    assert bad == []


@pytest.mark.parametrize(
    ("folder", "allowed"),
    [
        ("store", {"store", "records", "corpus_records", "errors", "config"}),
        ("link", {"link", "records", "corpus_records", "errors", "config"}),
    ],
)
def test_boundaries_corpus_layers_know_records_not_stages(folder, allowed):
    found = {
        f"{p.relative_to(PACKAGE)} imports newsgraph.{dep}"
        for p in modules(folder)
        for dep in newsgraph_deps(p) - allowed
    }
    assert found == set()


def store_private_names() -> set[str]:
    """Private methods and attributes of the store classes (``_rows``, ``_run``, ``_depth``…)."""
    names = {
        n
        for cls in (SQLiteStore, PostgresStore)
        for n in dir(cls)
        if n.startswith("_") and not n.endswith("__")
    }
    for path in modules("store"):  # attributes set on instances: self._x = …
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.ctx, ast.Store)
                and isinstance(node.value, ast.Name)
                and node.value.id == "self"
                and node.attr.startswith("_")
            ):
                names.add(node.attr)
    return names


def test_boundaries_no_private_store_member_is_touched_outside_the_store():
    private = store_private_names()
    assert {"_rows", "_run", "_execute", "_fts_condition", "_depth"} <= private
    bad = []
    for path in [*outside("store"), *sorted(BENCHMARKS.glob("*.py"))]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and node.attr in private
                and not (isinstance(node.value, ast.Name) and node.value.id in {"self", "cls"})
            ):
                bad.append(f"{path.name}:{node.lineno} uses .{node.attr}")
    assert bad == []


def test_boundaries_checker_sees_relative_and_nested_imports():
    # The checks above are only as good as the import reader: it must resolve ``..``.
    got = {(m, n) for _, m, n in imports(PACKAGE / "cli" / "corpus.py")}
    assert ("newsgraph.store", ("open_store",)) in got
    assert ("newsgraph.corpus", ("ingest",)) in got
