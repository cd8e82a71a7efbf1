"""Packaging: ranges in pyproject.toml, exact pins only in constraints.txt, every import
declared, and the built wheel installing beside older click and rich."""

from __future__ import annotations

import ast
import importlib.metadata
import os
import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from conftest import IN_CI, ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SRC = ROOT / "src" / "newsgraph"
# the extra a module may import from, by its path under src/newsgraph (the rest: base deps)
EXTRA_OF = {
    "web": "web",
    "cli/serve.py": "web",  # says which extra to install when uvicorn is missing
    "batch": "dask",
    "store/postgres.py": "postgres",
}


def _requirements(group: str | None = None) -> list[Requirement]:
    project = PYPROJECT["project"]
    specs = project["dependencies"] if group is None else project["optional-dependencies"][group]
    return [Requirement(s) for s in specs]


def _constraints() -> dict[str, str]:
    out = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            name, _, version = line.partition("==")
            out[canonicalize_name(name)] = version.strip()
    return out


def _all_groups() -> list[str | None]:
    return [None, *PYPROJECT["project"]["optional-dependencies"]]


@pytest.mark.parametrize("group", _all_groups())
def test_packaging_dependencies_are_ranges_pinned_in_constraints(group):
    pins = _constraints()
    for req in _requirements(group):
        if req.name == "newsgraph":
            continue
        operators = {s.operator for s in req.specifier}
        assert "==" not in operators and "===" not in operators, f"{req} is an exact pin"
        assert any(op in {">=", "~=", ">"} for op in operators), f"{req} has no lower bound"
        pinned = pins.get(canonicalize_name(req.name))
        assert pinned, f"{req.name} is not pinned in constraints.txt"
        assert req.specifier.contains(pinned), f"constraints.txt pins {req.name}=={pinned}"


def test_packaging_licence_is_an_spdx_expression():
    assert PYPROJECT["project"]["license"] == "Apache-2.0"
    backend = [Requirement(r) for r in PYPROJECT["build-system"]["requires"]]
    [setuptools] = [r for r in backend if r.name == "setuptools"]
    # PEP 639 license expressions need setuptools 77 or newer
    assert not setuptools.specifier.contains("76.9") and setuptools.specifier.contains("77.0")


def _imports(path: Path) -> set[str]:
    """Top-level names of the absolute imports of a module, nested ones too."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module.split(".")[0])
    return names - set(sys.stdlib_module_names) - {"newsgraph"}


def _extra_of(path: Path) -> str | None:
    rel = path.relative_to(SRC).as_posix()
    for prefix, extra in EXTRA_OF.items():
        if rel == prefix or rel.startswith(prefix + "/"):
            return extra
    return None


def test_packaging_every_import_is_declared():
    """Each third-party module src/ imports comes from a distribution that pyproject.toml
    declares: in the base dependencies, or in the extra of the package that imports it."""
    provided = importlib.metadata.packages_distributions()
    base = {canonicalize_name(r.name) for r in _requirements()}
    undeclared = []
    for path in sorted(SRC.rglob("*.py")):
        extra = _extra_of(path)
        allowed = base | (
            {canonicalize_name(r.name) for r in _requirements(extra)} if extra else set()
        )
        for module in sorted(_imports(path)):
            dists = {canonicalize_name(d) for d in provided.get(module, [])}
            assert dists, f"{path.relative_to(SRC)} imports {module}, which nothing installed has"
            if not dists & allowed:
                undeclared.append(f"{path.relative_to(SRC)}: {module} ({', '.join(dists)})")
    assert undeclared == []


def _copy_project(dest: Path) -> Path:
    """The files a wheel is built from, outside the checkout (a build writes build/ and
    *.egg-info next to its sources)."""
    skip = shutil.ignore_patterns(
        ".git", ".venv", "tests", "benchmarks", "build", "dist", "*.egg-info", "__pycache__"
    )
    shutil.copytree(ROOT, dest, ignore=skip)
    return dest


def _run(args: list[str | Path], **kw) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    return subprocess.run(
        [str(a) for a in args], capture_output=True, text=True, env=env, timeout=1800, **kw
    )


def _pip(venv: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    result = _run([venv / "bin" / "python", "-m", "pip", "--disable-pip-version-check", *args])
    if result.returncode:
        output = result.stdout + result.stderr
        if not IN_CI and not re.search(r"ResolutionImpossible|conflict", output, re.I):
            pytest.skip(f"pip could not reach the package registry: {output[-500:]}")
        pytest.fail(f"pip {' '.join(map(str, args))} failed:\n{output[-3000:]}")
    return result


@pytest.mark.slow
def test_packaging_wheel_installs_beside_click_81_and_rich_13(tmp_path):
    """The acceptance of issue 16: a fresh environment that already holds click 8.1 and
    rich 13, and must keep them (as if another package required them), takes the built
    wheel with its dependencies, and the installed command works — run from the wheel, not
    from this checkout. (Unconstrained, pip would upgrade click for spaCy's typer.)"""
    source = _copy_project(tmp_path / "src")
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", tmp_path, source])
    assert built.returncode == 0, built.stdout + built.stderr
    [wheel] = tmp_path.glob("newsgraph-*.whl")
    venv = tmp_path / "venv"
    made = _run([sys.executable, "-m", "venv", venv])
    assert made.returncode == 0, made.stderr
    held = tmp_path / "held.txt"  # what another package of that environment requires
    held.write_text("click==8.1.*\nrich==13.*\n", encoding="utf-8")
    _pip(venv, "install", "-c", held, "click", "rich")
    _pip(venv, "install", "-c", held, wheel)
    versions = _run([venv / "bin" / "python", "-m", "pip", "list", "--format=freeze"]).stdout
    assert re.search(r"^click==8\.1\.", versions, re.M), versions
    assert re.search(r"^rich==13\.", versions, re.M), versions

    work = tmp_path / "work"  # not the checkout: nothing of src/ on the path
    work.mkdir()
    version = _run([venv / "bin" / "newsgraph", "--version"], cwd=work)
    assert version.returncode == 0 and version.stdout.strip() == "newsgraph, version 0.1.0"
    where = _run([venv / "bin" / "python", "-c", "import newsgraph; print(newsgraph.__file__)"])
    assert str(venv) in where.stdout and str(ROOT) not in where.stdout
    (work / "a.txt").write_text(
        "Putin meets Li\nRussian President Vladimir Putin met Chinese Defense Minister "
        "Li Shangfu in Moscow on Sunday.\n",
        encoding="utf-8",
    )
    analyzed = _run(
        [venv / "bin" / "newsgraph", "analyze", "a.txt", "--published", "2023-04-17"], cwd=work
    )
    assert analyzed.returncode == 0, analyzed.stderr
    assert '"CONSULT"' in analyzed.stdout and "Vladimir Putin" in analyzed.stdout


FAKE_PIP = """#!/bin/sh
# stands in for .venv/bin/python: pip is noisy, and fails when FAKE_PIP_FAILS names the step
echo "WARNING: pip noise about $*" >&2
echo "Collecting things..."
case "$*" in *"$FAKE_PIP_FAILS"*) echo "ERROR: no matching distribution" >&2; exit 1;; esac
"""


@pytest.mark.parametrize("fails", [None, "-e"])
def test_packaging_setup_shows_pip_output_only_when_pip_fails(tmp_path, fails):
    (tmp_path / "scripts").mkdir()
    shutil.copy(ROOT / "scripts" / "setup", tmp_path / "scripts" / "setup")
    for name in ("pyproject.toml", "constraints.txt"):
        shutil.copy(ROOT / name, tmp_path / name)
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(FAKE_PIP, encoding="utf-8")
    python.chmod(0o755)
    env = {**os.environ, "PYTHON": sys.executable, "FAKE_PIP_FAILS": fails or "never"}
    result = subprocess.run(
        [tmp_path / "scripts" / "setup", "dev"], capture_output=True, text=True, env=env
    )
    assert result.stdout == ""
    if fails is None:
        assert result.returncode == 0
        assert result.stderr.splitlines() == [
            "setup: installing newsgraph[dev] into .venv (first run: a few minutes)"
        ]
    else:
        assert result.returncode == 1
        assert "ERROR: no matching distribution" in result.stderr
        assert "WARNING: pip noise" in result.stderr  # the whole story when it failed
        assert "setup: pip install failed" in result.stderr
