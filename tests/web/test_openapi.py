# ruff: noqa: F811 - the fixtures imported from web_support are parameters of the tests
"""The OpenAPI document types every JSON response, and the API's answers match it."""

from __future__ import annotations

from typing import Any

import jsonschema
import pytest
from web_support import client, corpus, pg_client, store_path  # noqa: F401 - fixtures

from newsgraph.schema import load_article_schema


def response_schema(spec: dict[str, Any], path: str) -> dict[str, Any]:
    """The declared schema of the 200 JSON response of ``GET path``."""
    return spec["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]


def resolve(spec: dict[str, Any], schema: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = spec["components"]["schemas"][schema["$ref"].rsplit("/", 1)[1]]
    return schema


def untyped(spec: dict[str, Any], schema: Any, where: str, seen: set[str]) -> list[str]:
    """Where a schema leaves a value untyped: {} or an object with no properties."""
    if not isinstance(schema, dict):
        return []
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        if name in seen:
            return []
        seen.add(name)
        return untyped(spec, resolve(spec, schema), f"{where}→{name}", seen)
    bare = not schema or (
        schema.get("type") == "object"
        and ("properties" not in schema or schema.get("additionalProperties", True) is not False)
    )
    found = [where] if bare else []
    for key in ("items",):
        found += untyped(spec, schema.get(key), f"{where}[]", seen)
    for key in ("anyOf", "oneOf", "allOf"):
        for i, sub in enumerate(schema.get(key, [])):
            found += untyped(spec, sub, f"{where}|{i}", seen)
    for name, sub in schema.get("properties", {}).items():
        found += untyped(spec, sub, f"{where}.{name}", seen)
    return found


def test_openapi_no_response_is_a_bare_object(client):
    spec = client.get("/openapi.json").json()
    api = [p for p in spec["paths"] if p.startswith("/api/")]
    assert len(api) >= 11
    problems = []
    for path in api:
        schema = response_schema(spec, path)
        problems += untyped(spec, schema, path, set())
    assert not problems, problems


def test_openapi_article_is_the_shipped_article_schema(client):
    spec = client.get("/openapi.json").json()
    assert response_schema(spec, "/api/articles/{article_id}") == {
        "$ref": "#/components/schemas/ArticleDocument"
    }
    components = spec["components"]["schemas"]
    shipped = load_article_schema()
    assert components["ArticleDocument"]["properties"].keys() == shipped["properties"].keys()
    for name, schema in shipped["$defs"].items():
        assert components[name]["required"] == schema["required"], name
    items = resolve(spec, response_schema(spec, "/api/events"))["properties"]["items"]["items"]
    assert items == {"$ref": "#/components/schemas/EventRow"}


def _validate(spec: dict[str, Any], path: str, body: Any) -> None:
    root = {**response_schema(spec, path), "components": spec["components"]}
    validator = jsonschema.Draft202012Validator(root)
    errors = [f"{e.json_path}: {e.message[:200]}" for e in validator.iter_errors(body)]
    assert not errors, (path, errors[:5])


@pytest.mark.parametrize("which", ["client", "pg_client"])
def test_openapi_api_answers_validate_against_their_schemas(request, which, corpus):
    c = request.getfixturevalue(which)
    spec = c.get("/openapi.json").json()
    meeting = corpus["meeting"].article.id
    calls = {
        "/api/articles": [{}, {"limit": 1}, {"text": "critics"}],
        "/api/events": [{}, {"plover": "CONSULT"}, {"dyad": "ITA-AUT"}, {"facet": "plover,month"}],
        "/api/actors": [{}, {"country": "AUT"}],
        "/api/claims": [{}, {"unsourced": "true"}, {"sort": "-check_worthiness"}],
        "/api/clusters": [{}, {"min_outlets": 2}],
        "/api/search": [{"q": "Rossi"}, {"q": "zzzqqq"}],
        "/api/network": [{}, {"plover": "accuse"}],
        "/api/stats": [{}],
        "/api/codebook": [{}],
    }
    one = {
        "/api/articles/{article_id}": [f"/api/articles/{a.article.id}" for a in corpus.values()],
        "/api/actors/{actor}": ["/api/actors/Anna Weber", "/api/actors/AUTGOV"],
        "/api/clusters/{cluster_id}": ["/api/clusters/k1"],
        "/api/events/{article_id}/{event_id}": [f"/api/events/{meeting}/e1"],
        "/api/claims/{article_id}/{claim_id}": [f"/api/claims/{meeting}/c3"],
    }
    assert set(calls) | set(one) == {p for p in spec["paths"] if p.startswith("/api/")}
    seen_rows = 0
    for path, params in calls.items():
        for p in params:
            r = c.get(path, params=p)
            assert r.status_code == 200, (path, p, r.text)
            _validate(spec, path, r.json())
            seen_rows += len(r.json().get("items", []))
    for path, urls in one.items():
        for url in urls:
            r = c.get(url)
            assert r.status_code == 200, (url, r.text)
            _validate(spec, path, r.json())
    assert seen_rows > 20  # the lists were not all empty
    assert c.get(f"/api/articles/{meeting}").json() == corpus["meeting"].to_dict()
