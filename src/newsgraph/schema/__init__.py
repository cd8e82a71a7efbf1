"""The JSON Schema (draft 2020-12) of the ``newsgraph.article/1`` document.

Generated from :mod:`newsgraph.records`, never written by hand: the properties, their
order and which ones are required come from what each record's ``to_dict`` emits (an
instance with every optional field empty, and one with every optional field set); the
types come from the dataclass fields; the closed vocabularies from the ``Literal`` aliases
and ``PLOVER_TYPES`` of ``records.py``. The generated schema is shipped as
``article-1.json`` beside this module, and a test checks the two are the same.

Regenerate the shipped file after changing a record::

    python -m newsgraph.schema --write
"""

from __future__ import annotations

import dataclasses
import json
import re
import types
import typing
from importlib import resources
from typing import Any

from .. import records
from ..records import SCHEMA, Analysis

DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_ID = "urn:newsgraph:schema:article-1"
FILENAME = "article-1.json"

# Which record fields hold a closed vocabulary of records.py (the fields are typed ``str``
# so that extractors can build them from lexicon values).
ENUMS: dict[tuple[str, str], tuple[str, ...]] = {
    ("Actor", "type"): typing.get_args(records.ActorType),
    ("Attribution", "kind"): typing.get_args(records.AttributionKind),
    ("Attribution", "source_kind"): typing.get_args(records.SourceKind),
    ("Claim", "source_kind"): typing.get_args(records.SourceKind),
    ("Claim", "certainty"): typing.get_args(records.Certainty),
    ("Event", "certainty"): typing.get_args(records.Certainty),
    ("Event", "plover"): records.PLOVER_TYPES,
    ("EventDate", "precision"): typing.get_args(records.DatePrecision),
    ("EventDate", "source"): typing.get_args(records.DateSource),
    ("Place", "kind"): typing.get_args(records.PlaceKind),
}

_ALPHA3 = {"pattern": "^[A-Z]{3}$"}  # ISO 3166 alpha-3
_ISO_DATE = {"pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_SHARE = {"minimum": 0, "maximum": 1}

# What DESIGN.md §2 says of values beyond their type.
CONSTRAINTS: dict[tuple[str, str], dict[str, Any]] = {
    ("Span", "start"): {"minimum": 0},
    ("Span", "end"): {"minimum": 0},
    ("Article", "published"): _ISO_DATE,
    ("Actor", "country"): _ALPHA3,
    ("Actor", "sectors"): {"pattern": "^[A-Z]{3}$"},  # CAMEO role codes: GOV, MIL …
    ("Place", "country"): _ALPHA3,
    ("Place", "admin1"): {"pattern": "^[A-Z]{2}-[A-Z0-9]{1,3}$"},  # ISO 3166-2
    ("Place", "lat"): {"minimum": -90, "maximum": 90},
    ("Place", "lon"): {"minimum": -180, "maximum": 180},
    ("Attribution", "confidence"): _SHARE,
    ("Claim", "check_worthiness"): _SHARE,
    ("EventDate", "start"): _ISO_DATE,
    ("EventDate", "end"): _ISO_DATE,
    ("Event", "cameo"): {"pattern": "^[0-9]{2,4}$"},  # a string, "043", never 43
    ("Event", "goldstein"): {"minimum": -10, "maximum": 10},
    ("Event", "quad_class"): {"minimum": 1, "maximum": 4},
    ("Event", "confidence"): _SHARE,
}

# Keys a record emits that are no field of its dataclass.
EXTRA_KEYS: dict[tuple[str, str], dict[str, Any]] = {
    ("Analysis", "schema"): {"const": SCHEMA},
}

_SCALARS: dict[Any, dict[str, Any]] = {
    str: {"type": "string"},
    int: {"type": "integer"},
    float: {"type": "number"},
    bool: {"type": "boolean"},
}


def article_schema() -> dict[str, Any]:
    """The JSON Schema of ``Analysis.to_dict()``, generated from the records."""
    defs: dict[str, dict[str, Any]] = {}
    top = _object_schema(Analysis, defs)
    return {
        "$schema": DIALECT,
        "$id": SCHEMA_ID,
        "title": SCHEMA,
        **top,
        "$defs": defs,
    }


def load_article_schema() -> dict[str, Any]:
    """The schema shipped with the package (``article-1.json``)."""
    text = resources.files(__name__).joinpath(FILENAME).read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def render(schema: dict[str, Any]) -> str:
    """The schema as the shipped file holds it: indented JSON, properties in emitted order."""
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def openapi_components(
    schema: dict[str, Any] | None = None, name: str = "ArticleDocument"
) -> dict[str, dict[str, Any]]:
    """The schema split into OpenAPI components: the document as ``name``, each ``$defs``
    entry under its own name, references rewritten to ``#/components/schemas/…``."""
    schema = schema if schema is not None else load_article_schema()
    body = {k: v for k, v in schema.items() if k not in ("$schema", "$id", "$defs")}
    out = {name: body, **schema.get("$defs", {})}
    text = json.dumps(out).replace('"#/$defs/', '"#/components/schemas/')
    result: dict[str, dict[str, Any]] = json.loads(text)
    return result


def _object_schema(cls: type, defs: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """Properties in the order ``to_dict`` emits them; required = emitted even when empty."""
    name = cls.__name__
    fields = {f.name: f for f in dataclasses.fields(cls)}
    hints = typing.get_type_hints(cls)
    empty = list(_sample(cls, full=False).to_dict())
    full = list(_sample(cls, full=True).to_dict())
    if not set(empty) <= set(full):
        raise TypeError(f"{name}.to_dict emits {set(empty) - set(full)} only when empty")
    properties: dict[str, Any] = {}
    for key in full:
        if (name, key) in EXTRA_KEYS:
            properties[key] = dict(EXTRA_KEYS[name, key])
        elif key in fields:
            hint = hints[key]
            if key not in empty and _is_optional(hint):
                hint = _inner(hint)  # emitted only when set, so never null
            properties[key] = _value_schema(hint, defs, (name, key))
        else:
            raise TypeError(f"{name}.to_dict emits {key!r}, no field of it: add it to EXTRA_KEYS")
    out: dict[str, Any] = {"type": "object"}
    doc = _summary(cls)
    if doc:
        out["description"] = doc
    out.update(properties=properties, required=empty, additionalProperties=False)
    return out


def _value_schema(hint: Any, defs: dict[str, dict[str, Any]], where: tuple[str, str]) -> Any:
    if _is_optional(hint):
        inner = _value_schema(_inner(hint), defs, where)
        if "$ref" in inner:
            return {"anyOf": [inner, {"type": "null"}]}
        inner["type"] = [inner["type"], "null"]
        if "enum" in inner:
            inner["enum"].append(None)
        return inner
    if typing.get_origin(hint) is tuple:
        return {"type": "array", "items": _value_schema(typing.get_args(hint)[0], defs, where)}
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        if hint.__name__ not in defs:
            defs[hint.__name__] = {}  # reserve the name (and its place) before recursing
            defs[hint.__name__] = _object_schema(hint, defs)
        return {"$ref": f"#/$defs/{hint.__name__}"}
    if hint not in _SCALARS:
        raise TypeError(f"{where[0]}.{where[1]}: no JSON Schema for {hint!r}")
    out = dict(_SCALARS[hint])
    if where in ENUMS:
        out["enum"] = list(ENUMS[where])
    out.update(CONSTRAINTS.get(where, {}))
    return out


def _is_optional(hint: Any) -> bool:
    origin = typing.get_origin(hint)
    return origin in (typing.Union, types.UnionType) and type(None) in typing.get_args(hint)


def _sample(cls: Any, *, full: bool) -> Any:
    """An instance of a record: optional fields left empty, or all of them set."""
    hints = typing.get_type_hints(cls)
    values = {}
    for f in dataclasses.fields(cls):
        has_default = f.default is not dataclasses.MISSING
        if has_default and not full:
            continue
        values[f.name] = _sample_value(hints[f.name], full=full)
    return cls(**values)


def _inner(hint: Any) -> Any:
    """``X`` of ``X | None``."""
    (inner,) = [a for a in typing.get_args(hint) if a is not type(None)]
    return inner


def _sample_value(hint: Any, *, full: bool) -> Any:
    if _is_optional(hint):
        return _sample_value(_inner(hint), full=full) if full else None
    if typing.get_origin(hint) is tuple:
        item = typing.get_args(hint)[0]
        return (_sample_value(item, full=full),) if full else ()
    if dataclasses.is_dataclass(hint):
        return _sample(hint, full=full)
    return {str: "x", int: 1, float: 0.5, bool: True}[hint]


def _summary(cls: type) -> str | None:
    """The first paragraph of a record's own docstring (not the one dataclass makes up)."""
    doc = cls.__doc__ or ""
    if not doc or re.match(rf"{cls.__name__}\(", doc):
        return None
    return " ".join(doc.strip().split("\n\n")[0].split()).replace("``", "`")


__all__ = [
    "DIALECT",
    "SCHEMA_ID",
    "article_schema",
    "load_article_schema",
    "openapi_components",
    "render",
]
