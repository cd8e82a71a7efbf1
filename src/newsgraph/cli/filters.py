"""Query filters checked against newsgraph's own vocabularies before they reach the store.

A value no stored row can carry is an error listing what is valid, not an empty answer:
PLOVER types (``records.PLOVER_TYPES``), CAMEO code prefixes (``lexicons/cameo_codes.tsv``,
the table the extractors code from), ISO 3166 alpha-3 countries (``lexicons/countries.tsv``,
the gazetteer's, and pycountry), and filters that do not apply to the kind of row asked for.
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

import click

from ..errors import InputError
from ..lexicons import load_table
from ..records import PLOVER_TYPES
from ..store import APPLIES, Filters, parse_dyad

# the option that sets each Filters field (the rest are --field)
OPTION = {"plover": "--type", "article_id": "--article", "min_outlets": "--min-outlets"}
_CAMEO = re.compile(r"^[0-9]{2,4}$")
_ALL_FILTERS: frozenset[str] = frozenset().union(*APPLIES.values())


@cache
def cameo_codes() -> dict[str, str]:
    """CAMEO code → name, every code the extractors can give."""
    return {row["code"]: row["name"] for row in load_table("cameo_codes.tsv")}


@cache
def country_codes() -> dict[str, str]:
    """ISO 3166 alpha-3 code → name: the gazetteer's countries and pycountry's."""
    import pycountry

    out = {c.alpha_3: c.name for c in pycountry.countries}
    out.update({row["iso3"]: row["name"] for row in load_table("countries.tsv")})
    return out


def option(field: str) -> str:
    return OPTION.get(field, "--" + field.replace("_", "-"))


def check_plover(value: str) -> str:
    plover = value.strip().upper()
    if plover not in PLOVER_TYPES:
        raise click.BadParameter(
            f"unknown PLOVER event type {value!r}; one of {', '.join(PLOVER_TYPES)}",
            param_hint="--type",
        )
    return plover


def check_cameo(value: str) -> str:
    prefix = value.strip()
    if _CAMEO.match(prefix) and any(code.startswith(prefix) for code in cameo_codes()):
        return prefix
    roots = ", ".join(f"{c} {n.lower()}" for c, n in cameo_codes().items() if len(c) == 2)
    raise click.BadParameter(
        f"{value!r} is not a CAMEO code prefix: 2 to 4 digits that begin a known code "
        f"(04 = all consultations, 043 = visits). The root codes: {roots}",
        param_hint="--cameo",
    )


def check_country(value: str, param_hint: str = "--country") -> str:
    code = value.strip().upper()
    if code in country_codes():
        return code
    guess = suggest_country(value)
    raise click.BadParameter(
        f"{value!r} is not an ISO 3166 alpha-3 country code (RUS, CHN, USA…)"
        + (f"; did you mean {guess} ({country_codes()[guess]})?" if guess else ""),
        param_hint=param_hint,
    )


def suggest_country(value: str) -> str | None:
    """The alpha-3 code a user probably meant: from an alpha-2 code or a country name."""
    import pycountry

    text = value.strip()
    for row in load_table("countries.tsv"):
        names = [row["name"], *row["aliases"].split(";")]
        if any(text.casefold() == n.strip().casefold() for n in names if n.strip()):
            return row["iso3"]
    try:
        found = pycountry.countries.lookup(text)
    except LookupError:
        return None
    code = getattr(found, "alpha_3", None)
    return code if code in country_codes() else None


def check_dyad(value: str) -> tuple[str, str]:
    """SOURCE-TARGET, each side a country (three letters, checked) or an actor code."""
    try:
        sides = parse_dyad(value)
    except InputError as e:
        raise click.BadParameter(e.reason, param_hint="--dyad") from None
    for side in sides:
        if len(side) <= 3:  # no actor code is this short: it must be a country
            check_country(side, param_hint="--dyad")
    return sides


def query_filters(kind: str, dyad: str | None, given: dict[str, Any]) -> Filters:
    """The store filters of ``newsgraph query KIND``, every value checked."""
    unused = sorted(
        name
        for name, value in {**given, "dyad": dyad}.items()
        if value not in (None, "", False, 0) and name in _ALL_FILTERS and name not in APPLIES[kind]
    )
    if unused:
        names = ", ".join(option(n) for n in unused)
        raise click.UsageError(f"{names} do(es) not filter {kind}; {_applies(kind)}")
    values = dict(given)
    if values.get("plover"):
        values["plover"] = check_plover(values["plover"])
    if values.get("cameo"):
        values["cameo"] = check_cameo(values["cameo"])
    if values.get("country"):
        values["country"] = check_country(values["country"])
    try:
        return Filters(dyad=check_dyad(dyad) if dyad else None, **values)
    except InputError as e:
        raise click.UsageError(e.message) from None


def _applies(kind: str) -> str:
    return f"{kind} take(s) " + ", ".join(sorted(option(n) for n in APPLIES[kind]))
