"""The field's code vocabularies, with labels, and the checks every filter runs on them.

One place for what a PLOVER type, a CAMEO event code, a CAMEO actor code (country +
sector codes, or an IGO code), a sector and an ISO 3166 country mean, read from the
lexicons (``plover_types.tsv``, ``cameo_codes.tsv``, ``cameo_sectors.tsv``, ``igos.tsv``)
and pycountry. The web UI labels codes with it (tooltips, the ``/codebook`` page) and the
HTTP API and the CLI validate filter values with it: an unknown value raises
:class:`UnknownValue`, which names the parameter and the values it accepts.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from .lexicons import load_table
from .records import PLOVER_TYPES

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


class UnknownValue(ValueError):
    """A filter value that is not in its vocabulary; ``valid`` lists (some of) the valid ones."""

    def __init__(self, name: str, value: str, valid: tuple[str, ...], hint: str = "") -> None:
        self.name = name
        self.value = value
        self.valid = valid
        shown = ", ".join(valid[:40]) + (" …" if len(valid) > 40 else "")
        self.problem = f"unknown {hint or name} {value!r}; valid: {shown}"
        super().__init__(f"{name}: {self.problem}")


@dataclass(frozen=True)
class PloverType:
    type: str
    quad_class: int
    label: str
    definition: str


@dataclass(frozen=True)
class CameoCode:
    code: str
    name: str
    quad_class: int
    goldstein: float
    plover: str | None


@dataclass(frozen=True)
class Sector:
    code: str
    kind: str  # role, religion, region
    label: str


@cache
def plover_types() -> dict[str, PloverType]:
    """PLOVER's 16 types in codebook order, by name."""
    out = {
        r["type"]: PloverType(r["type"], int(r["quad_class"]), r["label"], r["definition"])
        for r in load_table("plover_types.tsv")
    }
    assert tuple(out) == PLOVER_TYPES, "plover_types.tsv must list records.PLOVER_TYPES in order"
    return out


@cache
def cameo_codes() -> dict[str, CameoCode]:
    """Every CAMEO event code (two to four digits, as strings) with its name."""
    return {
        r["code"]: CameoCode(
            r["code"], r["name"], int(r["quad_class"]), float(r["goldstein"]), r["plover"] or None
        )
        for r in load_table("cameo_codes.tsv")
    }


@cache
def sectors() -> dict[str, Sector]:
    """CAMEO actor-code parts (GOV, MIL, IGO, CHR, WST …) with labels."""
    return {
        r["code"]: Sector(r["code"], r["kind"], r["label"]) for r in load_table("cameo_sectors.tsv")
    }


@cache
def igo_codes() -> dict[str, str]:
    """Known organisation codes (IGOUNO, NGOHRW …) → the organisation's name (first listed)."""
    out: dict[str, str] = {}
    for r in load_table("igos.tsv"):
        out.setdefault(r["code"], r["name"])
    return out


@cache
def _country_names() -> dict[str, str]:
    return {r["iso3"]: r["name"] for r in load_table("countries.tsv")}


@cache
def country_name(iso3: str | None) -> str | None:
    """'RUS' → 'Russia': the lexicon's short name, else pycountry's; None if not a country."""
    if not iso3 or len(iso3) != 3:
        return None
    key = iso3.upper()
    if key in _country_names():
        return _country_names()[key]
    import pycountry

    c = pycountry.countries.get(alpha_3=key)
    return str(getattr(c, "common_name", None) or c.name) if c is not None else None


@cache
def country_codes() -> tuple[str, ...]:
    """Every ISO 3166-1 alpha-3 code, sorted."""
    import pycountry

    return tuple(sorted(c.alpha_3 for c in pycountry.countries))


def plover_label(plover: str | None) -> str:
    """'CONSULT' → 'Consult: Meetings, visits, talks …' (a tooltip)."""
    t = plover_types().get((plover or "").upper())
    if t is None:
        return "no PLOVER type (a CAMEO-only statement)"
    return f"{t.label} ({QUAD_NAMES[t.quad_class]}): {t.definition}"


def cameo_label(code: str | None) -> str:
    """'043' → 'Make a visit' style name from the CAMEO codebook, '' when unknown."""
    c = cameo_codes().get((code or "").strip())
    return c.name[:1] + c.name[1:].lower() if c and c.name.isupper() else (c.name if c else "")


def actor_code_label(code: str | None) -> str:
    """'USALEG' → 'United States · Legislature'; 'IGOUNO' → 'United Nations'; '' if unreadable.

    A CAMEO actor code is a country (ISO alpha-3) or a region/IGO/NGO prefix followed by
    three-letter sector codes; known organisation codes are named whole.
    """
    code = (code or "").strip().upper()
    if not code:
        return ""
    if code in igo_codes():
        return igo_codes()[code]
    head, rest = code[:3], code[3:]
    parts: list[str] = []
    if (name := country_name(head)) is not None:
        parts.append(name)
    elif head in sectors():
        parts.append(sectors()[head].label)
    else:
        return ""
    for i in range(0, len(rest), 3):
        piece = rest[i : i + 3]
        sector = sectors().get(piece)
        parts.append(sector.label if sector else piece)
    return " · ".join(parts)


def check_plover(value: str, name: str = "plover") -> str:
    """A PLOVER type in upper case, or :class:`UnknownValue` listing the 16."""
    up = value.strip().upper()
    if up not in PLOVER_TYPES:
        raise UnknownValue(name, value, PLOVER_TYPES, "PLOVER type")
    return up


def check_country(value: str, name: str = "country") -> str:
    """An ISO 3166-1 alpha-3 code in upper case, or :class:`UnknownValue`."""
    up = value.strip().upper()
    if up not in country_codes():
        raise UnknownValue(name, value, country_codes(), "ISO 3166 alpha-3 country")
    return up


def check_cameo(value: str, name: str = "cameo") -> str:
    """A CAMEO code or code prefix ("04", "043", "1"), or :class:`UnknownValue`."""
    v = value.strip()
    codes = cameo_codes()
    if not v.isdigit() or not any(c.startswith(v) for c in codes):
        raise UnknownValue(name, value, tuple(c for c in codes if len(c) == 2), "CAMEO code")
    return v


def check_choice(value: str, valid: tuple[str, ...], name: str) -> str:
    """``value`` if it is one of ``valid`` (case-blind), else :class:`UnknownValue`."""
    for v in valid:
        if v.lower() == value.strip().lower():
            return v
    raise UnknownValue(name, value, valid)


__all__ = [
    "QUAD_NAMES",
    "CameoCode",
    "PloverType",
    "Sector",
    "UnknownValue",
    "actor_code_label",
    "cameo_codes",
    "cameo_label",
    "check_cameo",
    "check_choice",
    "check_country",
    "check_plover",
    "country_codes",
    "country_name",
    "igo_codes",
    "plover_label",
    "plover_types",
    "sectors",
]
