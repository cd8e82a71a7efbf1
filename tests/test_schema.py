"""The newsgraph.article/1 JSON Schema: generated from the records, shipped, and strict."""

from __future__ import annotations

import copy
import dataclasses
import subprocess
import sys
from importlib import resources
from typing import Any

import jsonschema
import pytest

from conftest import assert_valid_article
from newsgraph import schema as article_schema_module
from newsgraph.records import (
    PLOVER_TYPES,
    Actor,
    Analysis,
    Article,
    Attribution,
    Claim,
    Event,
    EventDate,
    Place,
    Removed,
    Span,
)
from newsgraph.schema import (
    article_schema,
    load_article_schema,
    openapi_components,
    render,
)

TEXT = "Putin met Li in Moscow on Sunday, officials said."


def full_analysis(**changes: Any) -> Analysis:
    """An analysis with every record kind and every optional value set."""
    art = Article(
        id=Article.make_id(TEXT, "T"), text=TEXT, title="T", url="https://example.org/a",
        source="Example", published="2023-04-17", authors=("A. Writer",), language="en",
    )  # fmt: skip
    s = Span.of(TEXT, 0, 5)
    event = Event(
        "e1", "CONSULT", "043", Span.of(TEXT, 6, 9), Span.of(TEXT, 0, len(TEXT)),
        ("a1",), ("a2",), ("RUSGOV",), ("CHNMIL",), "visit", ("military",), 2.8, 1, "p1",
        EventDate("2023-04-16", "2023-04-16", "on Sunday", "day"), False, "asserted", "q1", 0.8,
    )  # fmt: skip
    analysis = Analysis(
        article=art,
        removed=(Removed("View All", "chrome"),),
        actors=(
            Actor("a1", "Putin", "person", (s,), "RUS", ("GOV",), ("President",), "RUSGOV"),
            Actor("a2", "Li", "person", (Span.of(TEXT, 10, 12),), None, (), (), None),
        ),
        places=(Place("p1", "Moscow", (Span.of(TEXT, 16, 22),), "RUS", 55.75, 37.62, 524901),),
        attributions=(
            Attribution(
                "q1",
                "indirect",
                Span.of(TEXT, 0, 32),
                None,
                Span.of(TEXT, 34, 43),
                Span.of(TEXT, 44, 48),
                (),
                0.9,
                "government",
            ),
        ),  # fmt: skip
        claims=(
            Claim("c1", Span.of(TEXT, 0, len(TEXT)), True, "government", "q1", (), "asserted", 0.5),
        ),  # fmt: skip
        events=(event,),
        extractor="newsgraph test",
    )
    return analysis.with_(**changes)


def test_schema_shipped_file_is_the_generated_one():
    shipped = resources.files("newsgraph.schema").joinpath("article-1.json").read_text("utf-8")
    assert shipped == render(article_schema()), (
        "records.py and schema/article-1.json differ: run `python -m newsgraph.schema --write`"
    )
    assert load_article_schema() == article_schema()


def test_schema_is_a_valid_draft_2020_12_schema():
    schema = load_article_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)


def test_schema_module_command_prints_the_shipped_file():
    proc = subprocess.run(
        [sys.executable, "-m", "newsgraph.schema"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == render(load_article_schema())


@pytest.mark.parametrize(
    "analysis",
    [
        full_analysis(),
        full_analysis(skipped="language is 'de', not English"),
        # every optional value empty, and a CAMEO-only event
        Analysis(Article(id="x", text="")),
        full_analysis(events=(dataclasses.replace(full_analysis().events[0], plover=None,
                                                  date=None, goldstein=None, quad_class=None),)),
    ],
    ids=["full", "skipped", "empty", "cameo-only"],
)  # fmt: skip
def test_schema_accepts_what_records_emit(analysis):
    assert_valid_article(analysis.to_dict())


def _set(doc: dict[str, Any], path: str, value: Any) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    *parents, last = path.split("/")
    target: Any = doc
    for p in parents:
        target = target[int(p)] if p.isdigit() else target[p]
    if value is KeyError:
        del target[last]
    else:
        target[int(last) if last.isdigit() else last] = value
    return doc


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("events/0/cameo", 43),  # "043", never 43
        ("events/0/plover", "BOMB"),
        ("events/0/certainty", "likely"),
        ("events/0/quad_class", 5),
        ("events/0/date/precision", "hour"),
        ("events/0/trigger/start", -1),
        ("events/0/trigger/extra", "x"),
        ("claims/0/source_kind", "rumour"),
        ("claims/0/sourced", "yes"),
        ("attributions/0/kind", "quoted"),
        ("attributions/0/confidence", 1.5),
        ("actors/0/type", "animal"),
        ("actors/0/country", "RU"),
        ("actors/0/sectors/0", "government"),
        ("article/published", "17 April 2023"),
        ("article/origin", "file.txt"),  # kept out of the contract
        ("article/text", KeyError),
        ("schema", "newsgraph.article/2"),
        ("skipped", None),  # emitted only when set
        ("unknown", 1),
    ],
)
def test_schema_rejects_what_the_contract_rules_out(path, value):
    doc = _set(full_analysis().to_dict(), path, value)
    with pytest.raises(AssertionError, match="not a valid newsgraph.article/1"):
        assert_valid_article(doc)


def test_schema_vocabularies_come_from_records():
    defs = load_article_schema()["$defs"]
    assert defs["Event"]["properties"]["plover"]["enum"] == [*PLOVER_TYPES, None]
    assert defs["Claim"]["properties"]["certainty"]["enum"] == [
        "asserted", "hedged", "negated", "speculative"]  # fmt: skip
    assert set(defs) == {
        "Article", "Removed", "Actor", "Span", "Place", "Attribution", "Claim", "Event",
        "EventDate"}  # fmt: skip
    assert all(d["additionalProperties"] is False for d in defs.values())


def test_schema_generator_refuses_a_key_that_is_no_field(monkeypatch):
    @dataclasses.dataclass(frozen=True)
    class Odd:
        id: str

        def to_dict(self) -> dict[str, Any]:
            return {"id": self.id, "surprise": 1}

    with pytest.raises(TypeError, match="surprise"):
        article_schema_module._object_schema(Odd, {})


def test_schema_openapi_components_point_at_components():
    components = openapi_components()
    assert set(components) == {"ArticleDocument", *load_article_schema()["$defs"]}
    text = str(components)
    assert "#/$defs/" not in text and "#/components/schemas/Span" in text
    assert "$schema" not in components["ArticleDocument"]
