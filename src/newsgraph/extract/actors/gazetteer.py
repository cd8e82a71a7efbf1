"""The actor lexicons, loaded once: countries, titles, group nouns, institutions, media, IGOs.

Everything here is data from ``newsgraph/lexicons/`` (written by the project from public
facts) plus the user's own actor dictionaries (CSV, or PETRARCH/Phoenix ``.actors``).
Lookups are by lower-cased phrase; phrase matchers over them are built once per set of
user dictionaries.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc

from ...errors import InputError
from ...lexicons import load_table
from .vocab import US_STATE_HOMONYMS


@dataclass(frozen=True)
class Country:
    """A country of the lexicon: ISO3, short name, capitals."""

    iso3: str
    name: str
    capitals: tuple[str, ...]


@dataclass(frozen=True)
class Entry:
    """A named actor from a lexicon or a user dictionary."""

    name: str
    type: str  # person|organization|country|group|media|igo
    country: str | None = None
    sectors: tuple[str, ...] = ()
    code: str | None = None
    roles: tuple[str, ...] = ()


@dataclass
class Gazetteer:
    """All lexicons in lookup form (lower-cased keys)."""

    countries: dict[str, Country] = field(default_factory=dict)  # iso3 -> Country
    country_names: dict[str, str] = field(default_factory=dict)  # name/alias -> iso3
    capitals: dict[str, str] = field(default_factory=dict)  # capital -> iso3
    demonyms: dict[str, str] = field(default_factory=dict)  # adjective or people -> iso3
    titles: dict[str, tuple[str, ...]] = field(default_factory=dict)  # title -> sectors
    groups: dict[str, tuple[str, tuple[str, ...]]] = field(
        default_factory=dict
    )  # noun -> type, sectors
    named: dict[str, Entry] = field(
        default_factory=dict
    )  # institution/media/IGO/user name -> Entry
    user_named: frozenset[str] = frozenset()  # keys of ``named`` that came from user dictionaries
    # phrases as the lexicons write them (the lookups above are lower-cased), for the
    # case-sensitive matchers: country aliases, demonyms with their plurals, named aliases
    written: dict[str, list[str]] = field(default_factory=dict)

    def country_of_word(self, text: str) -> str | None:
        """ISO3 of a country name, alias or demonym (not a capital), else None."""
        key = _key(text)
        return self.country_names.get(key) or self.demonyms.get(key)


def _key(text: str) -> str:
    t = " ".join(text.replace("’", "'").split()).lower()
    return t[4:] if t.startswith("the ") else t


def _plural(demonym: str) -> list[str]:
    """People forms of a demonym: 'Russian' → 'Russians'; 'Chinese', 'Swiss' stay as they are."""
    d = demonym
    if d.endswith(("ese", "ss", "sh", "ch", "i")) or " " in d and d.endswith("ese"):
        return [d + "s"] if d.endswith("i") else []
    if d.endswith("man"):
        return [d[:-3] + "men"]
    return [d + "s"]


def _split(cell: str) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()]


@cache
def _base() -> Gazetteer:
    g = Gazetteer()
    written = g.written
    written.update(COUNTRY=[], DEMONYM=[], NAMED=[])
    for row in load_table("countries.tsv"):
        iso3 = row["iso3"]
        caps = tuple(_split(row["capitals"]))
        g.countries[iso3] = Country(iso3, row["name"], caps)
        written["COUNTRY"] += _split(row["aliases"])
        for name in [row["name"], *_split(row["aliases"])]:
            g.country_names.setdefault(_key(name), iso3)
        for cap in caps:
            g.capitals.setdefault(_key(cap), iso3)
        for dem in _split(row["demonyms"]):
            written["DEMONYM"] += [dem, *_plural(dem)]
            g.demonyms.setdefault(_key(dem), iso3)
            for p in _plural(dem):
                g.demonyms.setdefault(_key(p), iso3)
    # a capital that is also a country name (Djibouti, Singapore…) is the country
    for k in list(g.capitals):
        if k in g.country_names:
            del g.capitals[k]
    for row in load_table("titles.tsv"):
        g.titles[_key(row["title"])] = tuple(_split(row["sectors"]))
    for row in load_table("groups.tsv"):
        g.groups[_key(row["noun"])] = (row["type"], tuple(_split(row["sectors"])))
    for row in load_table("organizations.tsv"):
        written["NAMED"] += _split(row["aliases"])
        e = Entry(row["name"], row["type"], row["country"] or None, tuple(_split(row["sectors"])))
        for name in [row["name"], *_split(row["aliases"])]:
            g.named.setdefault(_key(name), e)
    for row in load_table("media.tsv"):
        written["NAMED"] += _split(row["aliases"])
        e = Entry(row["name"], "media", row["country"] or None, ("MED",))
        for name in [row["name"], *_split(row["aliases"])]:
            g.named.setdefault(_key(name), e)
    for row in load_table("igos.tsv"):
        written["NAMED"] += _split(row["aliases"])
        code = row["code"]
        sector = "NGO" if code.startswith("NGO") else "IGO"
        kind = "igo" if sector == "IGO" else "organization"
        e = Entry(row["name"], kind, None, (sector,), code)
        for name in [row["name"], *_split(row["aliases"])]:
            g.named.setdefault(_key(name), e)
    return g


def _parse_code(code: str, countries: dict[str, Country]) -> tuple[str | None, tuple[str, ...]]:
    """'RUSGOV' → ('RUS', ('GOV',)); 'IGOUNO' → (None, ('IGO', 'UNO'))."""
    code = code.strip().upper()
    country = code[:3] if code[:3] in countries else None
    rest = code[3:] if country else code
    sectors = tuple(rest[i : i + 3] for i in range(0, len(rest) - len(rest) % 3, 3))
    return country, sectors


def _read_csv_dictionary(
    path: Path, countries: dict[str, Country]
) -> list[tuple[list[str], Entry]]:
    """CSV with header: name, aliases (;), type, country, sectors (;), roles (;), code."""
    out = []
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        if not reader.fieldnames or "name" not in reader.fieldnames:
            raise InputError(
                f"actor dictionary {path} has no 'name' column in its header", input=str(path)
            )
        for row in reader:
            name = (row.get("name") or "").strip()
            if not name:
                continue
            code = (row.get("code") or "").strip() or None
            country = (row.get("country") or "").strip().upper() or None
            sectors = tuple(s.upper() for s in _split(row.get("sectors") or ""))
            if code and not (country or sectors):
                country, sectors = _parse_code(code, countries)
            kind = (row.get("type") or "").strip().lower() or "person"
            if kind == "person" and (
                (row.get("start") or "").strip() or (row.get("end") or "").strip()
            ):
                # a dated office: found here, coded at the publication date by .offices
                country, sectors, code = None, (), None
            entry = Entry(name, kind, country, sectors, code, tuple(_split(row.get("roles") or "")))
            out.append(([name, *_split(row.get("aliases") or "")], entry))
    return out


_ACTORS_CODE = re.compile(r"\[\s*~?([A-Z]{3,})\s*(?:(\d{6})?\s*-\s*(\d{6})?)?\s*\]")


def _read_petrarch_dictionary(
    path: Path, countries: dict[str, Country]
) -> list[tuple[list[str], Entry]]:
    """PETRARCH/Phoenix ``.actors``: ``NAME_ [CODE dates]`` lines, ``+SYNONYM_`` lines after.

    The code without an end date (the current one) wins, else the last listed.
    """
    out: list[tuple[list[str], Entry]] = []
    names: list[str] = []
    entry: Entry | None = None

    def flush() -> None:
        if entry and names:
            out.append((list(names), entry))

    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        stripped = line.strip()
        if stripped.startswith("+"):
            names.append(stripped[1:].split("[", 1)[0].strip().strip("_").replace("_", " "))
            continue
        if stripped.startswith("[") and entry is not None:
            continue  # a further dated code of the same actor: the first usable one was kept
        flush()
        name = stripped.split("[", 1)[0].strip().strip("_").replace("_", " ")
        codes = _ACTORS_CODE.findall(stripped)
        current = [c for c, _s, e in codes if not e] or [c for c, _s, _e in codes]
        names = [name] if name else []
        if not current:
            entry = None
            continue
        country, sectors = _parse_code(current[-1], countries)
        entry = Entry(name.title(), "person", country, sectors, current[-1])
    flush()
    return out


@cache
def gazetteer(user_dictionaries: tuple[str, ...] = ()) -> Gazetteer:
    """The packaged lexicons plus the user's actor dictionaries (which win on a name clash).

    A ``.actors`` or ``.txt`` file is read as PETRARCH/Phoenix; anything else as CSV with a
    header ``name,aliases,type,country,sectors,roles,code`` (only ``name`` is required;
    lists are ``;``-separated; a ``code`` such as ``RUSGOV`` fills country and sectors).
    Text beats dictionary: an entry only fills what the article does not say.
    """
    base = _base()
    if not user_dictionaries:
        return base
    g = Gazetteer(
        countries=base.countries,
        country_names=base.country_names,
        capitals=base.capitals,
        demonyms=base.demonyms,
        titles=base.titles,
        groups=base.groups,
        named=dict(base.named),
        written=base.written,
    )
    user: set[str] = set()
    for p in user_dictionaries:
        path = Path(p)
        if not path.is_file():
            raise InputError(f"actor dictionary {p} does not exist or is not a file", input=p)
        reader = (
            _read_petrarch_dictionary
            if path.suffix.lower() in (".actors", ".txt")
            else _read_csv_dictionary
        )
        for names, entry in reader(path, base.countries):
            for n in names:
                if n:
                    g.named[_key(n)] = entry
                    user.add(_key(n))
    g.user_named = frozenset(user)
    return g


def us_state_reading(name: str, article_countries: set[str] | frozenset[str]) -> bool:
    """Whether a country name should be read as the US state of the same name."""
    other = US_STATE_HOMONYMS.get(name.lower())
    return other is not None and "USA" in article_countries and other not in article_countries


@dataclass
class Matchers:
    """Phrase matchers: proper names by exact case, titles and group nouns lower-cased."""

    names: PhraseMatcher
    common: PhraseMatcher
    labels: dict[int, str]  # match id → lexicon kind (COUNTRY, TITLE, …)


def _variants(text: str) -> set[str]:
    out = {text}
    if text.lower().startswith("the "):
        out.add(text[4:])
    return {v.replace("'", "’") for v in out} | out


@cache
def matchers(user_dictionaries: tuple[str, ...] = ()) -> Matchers:
    """Matchers built once: label = the lexicon kind the phrase came from."""
    import spacy

    g = gazetteer(user_dictionaries)
    nlp = spacy.blank("en")
    names = PhraseMatcher(nlp.vocab, attr="ORTH")
    common = PhraseMatcher(nlp.vocab, attr="LOWER")

    def add(m: PhraseMatcher, label: str, phrases: list[str]) -> None:
        docs: list[Doc] = []
        for p in sorted(set(phrases)):
            for v in _variants(p):
                docs.append(nlp.make_doc(v))
        m.add(label, docs)

    add(names, "COUNTRY", [c.name for c in g.countries.values()] + g.written["COUNTRY"])
    add(names, "CAPITAL", [c for cs in g.countries.values() for c in cs.capitals])
    add(names, "DEMONYM", g.written["DEMONYM"])
    add(names, "NAMED", [e.name for e in g.named.values()] + g.written["NAMED"])
    if g.user_named:
        add(common, "USER", sorted(g.user_named))
    # "sen." splits in two where "Sen." is one token (a tokenizer exception): the written
    # form is added where its tokens differ, so abbreviated titles match as written
    abbreviated = [
        t.capitalize()
        for t in g.titles
        if len(nlp.make_doc(t.capitalize())) != len(nlp.make_doc(t))
    ]
    add(common, "TITLE", list(g.titles) + abbreviated)
    add(common, "GROUP", list(g.groups))
    labels = {
        nlp.vocab.strings[label]: label
        for label in ("COUNTRY", "CAPITAL", "DEMONYM", "NAMED", "USER", "TITLE", "GROUP")
    }
    return Matchers(names, common, labels)


__all__ = [
    "US_STATE_HOMONYMS",
    "Country",
    "Entry",
    "Gazetteer",
    "Matchers",
    "gazetteer",
    "matchers",
    "us_state_reading",
]
