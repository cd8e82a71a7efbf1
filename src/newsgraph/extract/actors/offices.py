"""Dated knowledge of who held which office: a person's country and sectors on a given day.

Three sources, the first that knows a name at the date wins:

1. the user's actor dictionaries (CSV with ``start``/``end`` columns, or PETRARCH
   ``.actors`` files with dated codes ``[RUSGOV 991231-080507]``);
2. ``lexicons/office_holders.tsv``, written by the team: heads of state and government,
   foreign, defence and finance ministers and other leaders 2015–2026, IGO heads;
3. ``lexicons/petrarch_actors.tsv.gz``, converted by ``scripts/convert_petrarch_actors.py``
   from PETRARCH2's CountryInfo-based actor dictionaries (MIT; roles up to 2014–2015).

A period is one code over ``[start, end]`` (ISO dates, either open). On a day no period
covers, a person whose last period ended before it is "former": the country of that last
office and sector ``ELI`` (CAMEO's former officials), unless the source gives an undated
code for the rest of the time. Without a publication date the open-ended (current) period
is taken.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from ...lexicons import load_lines, load_table

# CAMEO codes whose first three letters are no country but a kind (IGOUNO, MNCUSA…)
_KINDS = ("IGO", "NGO", "MNC", "IMG", "UIS")


@dataclass(frozen=True)
class Period:
    """One office or affiliation over a time span (ISO dates, "" = open)."""

    country: str | None
    sectors: tuple[str, ...]
    code: str
    start: str = ""
    end: str = ""
    role: str = ""

    def covers(self, day: str) -> bool:
        return (not self.start or self.start <= day) and (not self.end or day <= self.end)


@dataclass(frozen=True)
class Holder:
    """A person (or named body) with dated periods, as one source knows them."""

    name: str
    type: str
    periods: tuple[Period, ...]
    source: str  # user|team|petrarch


def parse_code(code: str, countries: frozenset[str]) -> tuple[str | None, tuple[str, ...]]:
    """'RUSGOVLEG' → ('RUS', ('GOV', 'LEG')); 'MNCUSAHLH' → ('USA', ('BUS', 'HLH'));
    'IGOUNO' → (None, ('IGO', 'UNO'))."""
    code = code.strip().upper()
    parts = [code[i : i + 3] for i in range(0, len(code) - len(code) % 3, 3)]
    if parts and parts[0] in countries:
        return parts[0], tuple(parts[1:])
    if parts and parts[0] == "MNC":
        if len(parts) > 1 and parts[1] in countries:
            return parts[1], ("BUS", *parts[2:])
        return None, ("BUS", *parts[1:])
    return None, tuple(parts)


_DATED = re.compile(r"\[\s*~?([A-Z]{3,}|---)\s*([<>]?\s*\d{6,8})?\s*(?:-\s*(\d{6,8}))?\s*\]")


def petrarch_date(raw: str | None) -> str:
    """PETRARCH dates: YYMMDD (pivot 1930/2029) or YYYYMMDD → ISO; anything else → ""."""
    d = (raw or "").strip().lstrip("<>").strip()
    if len(d) == 6 and d.isdigit():
        yy = int(d[:2])
        d = f"{1900 + yy if yy >= 30 else 2000 + yy}{d[2:]}"
    if len(d) != 8 or not d.isdigit():
        return ""
    return f"{d[:4]}-{d[4:6]}-{d[6:]}"


def _periods_of(line: str, countries: frozenset[str]) -> list[Period]:
    out = []
    for code, first, second in _DATED.findall(line):
        if code == "---":
            continue
        country, sectors = parse_code(code, countries)
        first = first.replace(" ", "")
        if first.startswith("<"):  # "<date": until then
            start, end = "", petrarch_date(first)
        elif first.startswith(">"):  # ">date": from then on
            start, end = petrarch_date(first), ""
        else:
            start, end = petrarch_date(first), petrarch_date(second)
        out.append(Period(country, sectors, code, start, end))
    return out


def _name(raw: str) -> str:
    return " ".join(raw.strip().strip("_").replace("_", " ").split())


def read_petrarch(
    path: Path, countries: frozenset[str]
) -> list[tuple[str, list[str], list[Period]]]:
    """``(name, synonyms, periods)`` of each block of a PETRARCH/Phoenix ``.actors`` file.

    A block is a ``NAME_ [code]`` line, its ``+SYNONYM_`` lines and its tab-indented
    ``[CODE dates]`` lines; codes may also follow the name or a synonym on its own line.
    """
    out: list[tuple[str, list[str], list[Period]]] = []
    current: tuple[str, list[str], list[Period]] | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("[") and current is not None:
            current[2].extend(_periods_of(stripped, countries))
        elif stripped.startswith("+") and current is not None:
            current[1].append(_name(stripped[1:].split("[", 1)[0]))
            current[2].extend(_periods_of(stripped, countries))
        else:
            current = (_name(stripped.split("[", 1)[0]), [], _periods_of(stripped, countries))
            out.append(current)
    return [b for b in out if b[0]]


def _key(text: str) -> str:
    t = " ".join(text.replace("’", "'").replace(".", " ").split()).lower()
    return t[4:] if t.startswith("the ") else t


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


def _table_periods(cell: str, countries: frozenset[str]) -> tuple[Period, ...]:
    """``CODE@start/end;CODE`` (the converted PETRARCH file's column)."""
    out = []
    for item in _split(cell):
        code, _, span = item.partition("@")
        start, _, end = span.partition("/")
        country, sectors = parse_code(code, countries)
        out.append(Period(country, sectors, code, start, end))
    return tuple(out)


@cache
def _country_codes() -> frozenset[str]:
    return frozenset(r["iso3"] for r in load_table("countries.tsv"))


_Raw = tuple[str, str, str]  # a converted PETRARCH row not parsed yet: name, type, periods


@dataclass
class OfficeBook:
    """Name (lower-cased, dots dropped) → the holders of that name, best source first."""

    by_name: dict[str, list[Holder | _Raw]]

    def lookup(self, names: list[str], day: str | None) -> tuple[Holder, Period] | None:
        """The first of ``names`` a source knows, with its period at ``day``."""
        for n in names:
            for h in self.by_name.get(_key(n), ()):
                holder = h if isinstance(h, Holder) else _holder(h)
                p = period_at(holder, day)
                if p is not None:
                    return holder, p
        return None


def _holder(raw: _Raw) -> Holder:
    name, kind, periods = raw
    return Holder(name, kind, _table_periods(periods, _country_codes()), "petrarch")


def period_at(h: Holder, day: str | None) -> Period | None:
    """The holder's period at ``day`` (see the module docstring for "former")."""
    dated = [p for p in h.periods if p.start or p.end]
    undated = [p for p in h.periods if not (p.start or p.end)]
    if not day:
        current = [p for p in dated if not p.end]
        pick = current or undated or dated[-1:]
        return pick[-1] if pick else None
    covering = [p for p in dated if p.covers(day)]
    if covering:
        # the most specific: the latest start, then the one with most sectors
        return max(covering, key=lambda p: (p.start, len(p.sectors)))
    if undated:
        return undated[-1]
    before = [p for p in dated if p.end and p.end < day]
    if before and h.type == "person":
        last = max(before, key=lambda p: p.end)
        if last.country:
            return Period(last.country, ("ELI",), f"{last.country}ELI", role=last.role)
    return None


def _user_holders(path: Path, countries: frozenset[str]) -> list[tuple[list[str], Holder]]:
    if path.suffix.lower() in (".actors", ".txt"):
        return [
            ([name, *syn], Holder(name.title(), "person", tuple(ps), "user"))
            for name, syn, ps in read_petrarch(path, countries)
            if ps
        ]
    # one row per office: the rows of one name make one holder
    periods: dict[str, list[Period]] = {}
    names: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    with path.open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            name = (row.get("name") or "").strip()
            code = (row.get("code") or "").strip().upper()
            country = (row.get("country") or "").strip().upper() or None
            sectors = tuple(s.upper() for s in _split(row.get("sectors") or ""))
            if code and not (country or sectors):
                country, sectors = parse_code(code, countries)
            if not name or not (country or sectors):
                continue
            periods.setdefault(name, []).append(
                Period(country, sectors, code or (country or "") + "".join(sectors),
                       (row.get("start") or "").strip(), (row.get("end") or "").strip(),
                       "; ".join(_split(row.get("roles") or "")))
            )  # fmt: skip
            names.setdefault(name, [name]).extend(_split(row.get("aliases") or ""))
            kinds.setdefault(name, (row.get("type") or "").strip().lower() or "person")
    return [(names[n], Holder(n, kinds[n], tuple(ps), "user")) for n, ps in periods.items()]


@cache
def office_book(user_dictionaries: tuple[str, ...] = ()) -> OfficeBook:
    """User dictionaries, then the team's table, then the converted PETRARCH entries."""
    countries = _country_codes()
    by_name: dict[str, list[Holder | _Raw]] = {}

    def add(names: list[str], h: Holder | _Raw) -> None:
        for n in names:
            k = _key(n)
            if k:
                by_name.setdefault(k, []).append(h)

    for p in user_dictionaries:
        for names, h in _user_holders(Path(p), countries):
            add(names, h)
    team: dict[str, list[Period]] = {}
    names_of: dict[str, list[str]] = {}
    for row in load_table("office_holders.tsv"):
        country = row["country"] or None
        sectors = tuple(_split(row["sectors"]))
        code = row.get("code") or (country or "") + "".join(sectors)
        team.setdefault(row["name"], []).append(
            Period(country, sectors, code, row["start"], row["end"], row["role"])
        )
        names_of.setdefault(row["name"], [row["name"]]).extend(_split(row["aliases"]))
    for name, held in team.items():
        add(names_of[name], Holder(name, "person", tuple(held), "team"))
    # 25,000 rows: their periods are parsed when a name is first looked up
    rows = iter(load_lines("petrarch_actors.tsv.gz"))
    next(rows)  # the header: name, aliases, type, periods
    for line in rows:
        name, aliases, kind, coded = line.split("\t")
        add([name, *_split(aliases)], (name, kind, coded))
    return OfficeBook(by_name)


__all__ = [
    "Holder",
    "OfficeBook",
    "Period",
    "office_book",
    "parse_code",
    "period_at",
    "read_petrarch",
]
