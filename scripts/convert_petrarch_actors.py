#!/usr/bin/env python3
"""Convert PETRARCH2's actor dictionaries into newsgraph's dated office-holder data.

Reads ``Phoenix.Countries.actors.txt`` (the people of CountryInfo.txt: leaders, ministers,
legislators, with dated CAMEO codes), ``Phoenix.International.actors.txt`` (IGO officials,
NGOs, multinational companies) and ``Phoenix.MilNonState.actors.txt`` (armed non-state
groups), PETRARCH2 by the Open Event Data Alliance under the MIT licence, and writes
``src/newsgraph/lexicons/petrarch_actors.tsv.gz``: one row per person or body with its
synonyms and its codes, each with the dates it held (``CODE@start/end``, ISO, either end
open). Country blocks (a country with its cities and demonyms) and bare role titles
("UN_SECRETARY_GENERAL") are left out: newsgraph's own lexicons cover countries, titles
and roles. Synonyms with a title or "administration" in them are dropped (the extractor
looks people up by their name, never by title + name). Read by
:mod:`newsgraph.extract.actors.offices`.

Usage: python3 scripts/convert_petrarch_actors.py [PATH/TO/dictionaries]
"""

from __future__ import annotations

import gzip
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from newsgraph.extract.actors.offices import read_petrarch  # noqa: E402
from newsgraph.lexicons import load_table  # noqa: E402

DEFAULT = ROOT.parent / "shared/eval/data/petrarch/petrarch2/dictionaries"
OUT = ROOT / "src/newsgraph/lexicons/petrarch_actors.tsv.gz"  # 1.5 MB as text
FILES = {
    "Phoenix.Countries.actors.txt": "person",
    "Phoenix.International.actors.txt": None,  # people (dated) and bodies (undated)
    "Phoenix.MilNonState.actors.txt": "organization",
}
TITLE_WORDS = frozenset(
    "president prime minister secretary senator sen rep congressman congresswoman governor "
    "gov mr mrs ms dr general gen ambassador king queen prince sheikh chairman chief leader "
    "spokesman spokeswoman administration government regime army party former vice deputy "
    "foreign defense defence finance interior speaker premier chancellor emir sultan the "
    "un u.n. president-elect".split()
)


def _is_title(name: str) -> bool:
    return bool(set(name.lower().replace("_", " ").split()) & TITLE_WORDS)


def _span(p) -> str:  # noqa: ANN001 - offices.Period
    return p.code + (f"@{p.start}/{p.end}" if p.start or p.end else "")


def main(folder: Path) -> None:
    countries = frozenset(r["iso3"] for r in load_table("countries.tsv"))
    header = (folder / "Phoenix.Countries.actors.txt").read_text(encoding="utf-8", errors="replace")
    notice = []
    for line in header.splitlines():
        if not line.startswith("#"):
            break  # the licence is in the opening comment block only
        notice.append(line[1:].strip())
    start = next(i for i, line in enumerate(notice) if line.startswith("The MIT License"))
    license_lines = notice[start:]
    while license_lines and not license_lines[-1]:
        license_lines.pop()
    rows: list[tuple[str, str, str, str]] = []
    seen: set[str] = set()
    for fname, kind in FILES.items():
        text = (folder / fname).read_text(encoding="utf-8", errors="replace")
        del text
        for name, synonyms, periods in read_petrarch(folder / fname, countries):
            if _is_title(name):  # "SECRETARY-GENERAL_BAN_KI-MOON": its first plain synonym
                name = next((s for s in synonyms if not _is_title(s)), "")
            if not periods or not name or name.lower() in seen:
                continue
            dated = any(p.start or p.end for p in periods)
            if kind == "person" and not any(p.sectors for p in periods):
                continue  # a country block ("AFGHANISTAN_ [AFG]" with its cities), no person
            if kind is None and (not dated and all(p.country is None for p in periods)):
                this = "organization"
            else:
                this = kind or ("person" if dated else "organization")
            if all(
                p.country is None and p.sectors[:1] not in (("IGO",), ("NGO",), ("BUS",))
                for p in periods
            ):
                continue
            seen.add(name.lower())
            aliases = sorted({s for s in synonyms if s and not _is_title(s) and s != name})
            display = name.title() if name.isupper() else name
            rows.append((display, ";".join(a.title() for a in aliases), this,
                         ";".join(dict.fromkeys(_span(p) for p in periods))))  # fmt: skip
    # mtime=0: the same dictionaries give the same bytes
    with gzip.GzipFile(OUT, "wb", mtime=0) as raw, io.TextIOWrapper(raw, encoding="utf-8") as f:
        f.write(
            "# People and bodies with dated CAMEO codes: converted by "
            "scripts/convert_petrarch_actors.py from\n# PETRARCH2's Phoenix.Countries, "
            "Phoenix.International and Phoenix.MilNonState actor dictionaries\n# (roles up to "
            "2014-2015). Regenerate, do not edit. Columns: name, aliases (;), type, periods\n"
            "# (CODE@start/end, ISO dates, either open; a bare CODE holds at any other time).\n#\n"
        )
        for line in license_lines:
            f.write(f"# {line}".rstrip() + "\n")
        f.write("name\taliases\ttype\tperiods\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print(f"wrote {len(rows)} rows to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT)
