# ruff: noqa: F811 - the fixtures imported from viz_support are parameters of the tests
"""The vendored browser libraries: every file listed with its package, version and licence,
unchanged since `scripts/vendor` fetched it, and no page that loads anything from elsewhere."""

from __future__ import annotations

import hashlib
import re
import runpy
from pathlib import Path

import pytest
from viz_support import viz_client, viz_store_path  # noqa: F401 - fixtures

ROOT = Path(__file__).resolve().parents[2]
STATIC = ROOT / "src" / "newsgraph" / "web" / "static"
VENDOR = STATIC / "vendor"


def listed() -> dict[str, dict[str, str]]:
    lines = (VENDOR / "VERSIONS.tsv").read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    return {row[0]: dict(zip(head, row, strict=True)) for row in (x.split("\t") for x in lines[1:])}


def test_vendor_every_file_is_listed_with_its_licence_and_hash():
    rows = listed()
    files = {
        p.relative_to(VENDOR).as_posix()
        for p in VENDOR.rglob("*")
        if p.is_file() and p.name not in ("VERSIONS.tsv", "README.md")
    }
    assert files == set(rows)
    for path, row in rows.items():
        assert row["licence"] and row["version"], path
        licence = VENDOR / row["licence_file"]
        assert licence.is_file() and licence.stat().st_size > 100, path
        assert hashlib.sha256((VENDOR / path).read_bytes()).hexdigest() == row["sha256"], path
    readme = (VENDOR / "README.md").read_text(encoding="utf-8")
    for row in rows.values():
        assert f"| {row['package']} | {row['version']} | {row['licence']} |" in readme


def test_vendor_versions_are_the_script_pins():
    pins = runpy.run_path(str(ROOT / "scripts" / "vendor"))["PACKAGES"]
    assert {(r["package"], r["version"]) for r in listed().values()} == {
        (name, version) for name, version, _, _ in pins
    }
    assert all(re.fullmatch(r"\d+\.\d+\.\d+", version) for _, version, _, _ in pins)


PAGES = ["/", "/network", "/network?actor=Anna%20Weber", "/map", "/actors/Anna%20Weber",
         "/events", "/articles", "/claims", "/actors", "/clusters", "/search?q=vienna"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_vendor_pages_reference_no_external_url(viz_client, path):
    html = viz_client.get(path).text
    refs = re.findall(r'\b(?:src|href|action|data)\s*=\s*"([^"]*)"', html)
    loads = re.findall(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="([^"]*)"', html)
    assert loads, path
    for ref in loads:
        assert ref.startswith("/") and not ref.startswith("//"), (path, ref)
    # Links may point out (an article's own URL); nothing may be *loaded* from elsewhere.
    assert all(not r.startswith("//") for r in refs)


def test_vendor_our_scripts_and_styles_fetch_nothing_from_elsewhere():
    for path in [*STATIC.glob("*.js"), *STATIC.glob("*.css")]:
        text = path.read_text(encoding="utf-8")
        text = text.replace("http://www.w3.org/2000/svg", "")  # the SVG namespace, not a load
        assert not re.search(r"https?://|url\(\s*['\"]?//", text), path.name
        for target in re.findall(r"fetch\(\s*\"([^\"]+)\"", text):
            assert target.startswith("/"), (path.name, target)
