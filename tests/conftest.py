"""Shared fixtures. Gold data is read from ../shared (never copied into the project);
tests that need it skip with the reason where it is absent, and fail under CI=true."""

from __future__ import annotations

import functools
import os
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", ROOT.parent / "shared"))
IN_CI = os.environ.get("CI", "").lower() == "true"


def need_shared(*parts: str) -> Path:
    """A path under ../shared, or skip (fail in CI) when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        msg = f"{path} is absent: gold data lives in ../shared beside the clone"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)
    return path


@functools.cache
def _article_validator() -> Any:
    import jsonschema

    from newsgraph.schema import load_article_schema

    schema = load_article_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def assert_valid_article(doc: dict[str, Any]) -> None:
    """``doc`` validates against the shipped ``newsgraph.article/1`` JSON Schema.

    Every test that produces `analyze` output passes it through here.
    """
    errors = sorted(_article_validator().iter_errors(doc), key=lambda e: e.json_path)
    assert not errors, "not a valid newsgraph.article/1 document:\n" + "\n".join(
        f"  {e.json_path}: {e.message[:200]}" for e in errors[:10]
    )


@pytest.fixture(scope="session")
def nlp():
    """The pinned spaCy model, loaded once per test session."""
    from newsgraph.nlp import load_model

    return load_model()


@pytest.fixture(scope="session")
def seed_dir() -> Path:
    return need_shared("golden", "seed")


@pytest.fixture(scope="session")
def seed_analysis(seed_dir, nlp):
    """The seed article analysed by the whole pipeline, as `newsgraph analyze` would."""
    from newsgraph.config import Settings
    from newsgraph.pipeline import run
    from newsgraph.records import Analysis

    items = list(run([str(seed_dir / "article.txt")], Settings(), published="2023-04-17", nlp=nlp))
    assert len(items) == 1 and isinstance(items[0], Analysis), items
    assert_valid_article(items[0].to_dict())
    return items[0]
