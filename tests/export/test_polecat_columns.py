"""`export --format polecat`: POLECAT's 40 columns, named and ordered as its weekly files, read
back the way POLECAT users read those files; the README lists the same columns."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from model_corpus import model_store

from newsgraph.cli import cli
from newsgraph.export import POLECAT_COLUMNS, write_polecat
from newsgraph.link import link
from newsgraph.records import PLOVER_TYPES
from newsgraph.store import Filters, open_store
from store.builders import corpus

ROOT = Path(__file__).resolve().parents[2]
# The header of POLECAT's weekly files (ngecEvents.*.DV.txt, 2023 on), written out here so
# that a change to the shipped list fails this test.
POLECAT_HEADER = (
    "Event ID", "Event Date", "Event Type", "Event Mode", "Event Intensity", "Quad Code",
    "Contexts", "Actor Name", "Actor Country", "Actor COW", "Primary Actor Sector",
    "Actor Sectors", "Actor Title", "Actor Name Raw", "Wikipedia Actor ID", "Recipient Name",
    "Recipient Country", "Recipient COW", "Primary Recipient Sector", "Recipient Sectors",
    "Recipient Title", "Recipient Name Raw", "Wikipedia Recipient ID", "Placename", "City",
    "District", "Province", "Country", "Latitude", "Longitude", "GeoNames ID", "Raw Placename",
    "Feature Type", "Source", "Publication Date", "Story People", "Story Organizations",
    "Story Locations", "Language", "Version",
)  # fmt: skip
QUADS = {
    "VERBAL COOPERATION": {"AGREE", "CONSULT", "SUPPORT", "CONCEDE"},
    "MATERIAL COOPERATION": {"COOPERATE", "AID", "RETREAT"},
    "VERBAL CONFLICT": {"REQUEST", "ACCUSE", "REJECT", "THREATEN"},
    "MATERIAL CONFLICT": {"PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"},
}


def check_polecat(text: str) -> list[dict[str, str]]:
    """Read a POLECAT file as POLECAT users do and check every row; return the rows."""
    lines = text.splitlines()
    assert tuple(lines[0].split("\t")) == POLECAT_HEADER
    rows = list(csv.DictReader(io.StringIO(text), delimiter="\t", quotechar='"'))
    assert len(rows) == len(lines) - 1
    ids = set()
    for r in rows:
        assert len(r) == 40 and None not in r and all(r.values()), r  # "None", never empty
        article, _, event = r["Event ID"].rpartition("_")
        assert re.fullmatch(r"[0-9a-f]{16}", article) and event, r["Event ID"]
        assert r["Event ID"] not in ids
        ids.add(r["Event ID"])
        assert r["Event Type"] in PLOVER_TYPES
        assert r["Event Type"] in QUADS[r["Quad Code"]]
        day = dt.date.fromisoformat(r["Event Date"])
        assert day <= dt.date.today()
        if r["Publication Date"] != "None":
            dt.date.fromisoformat(r["Publication Date"])
        assert -10 <= float(r["Event Intensity"]) <= 10
        for side in ("Actor", "Recipient"):
            names = r[f"{side} Name"].split("; ")
            if r[f"{side} Country"] != "None":
                assert len(r[f"{side} Country"].split("; ")) == len(names)
            assert len(r[f"{side} Name Raw"].split("; ")) == len(names)
        if r["Latitude"] != "None":
            assert -90 <= float(r["Latitude"]) <= 90 and -180 <= float(r["Longitude"]) <= 180
    return rows


def test_polecat_columns_are_polecats_and_the_readme_lists_them():
    assert POLECAT_COLUMNS == POLECAT_HEADER
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    listed = re.search(r"The 40 columns, in order: (.*?)\.\s", readme)
    assert listed, "README lists no POLECAT columns"
    assert tuple(re.findall(r"`([^`]+)`", listed.group(1))) == POLECAT_HEADER


def test_polecat_rows_of_hand_built_records(tmp_path):
    with open_store(tmp_path / "x.db") as s:
        s.write_batch(corpus())
        link(s)
        out = io.StringIO()
        n = write_polecat(s, Filters(limit=0), out)
    rows = check_polecat(out.getvalue())
    assert n == len(rows) == 4  # five events, one negated
    visit = next(r for r in rows if r["Source"] == "Reuters" and r["Placename"] == "Moscow")
    assert (visit["Event Type"], visit["Quad Code"], visit["Event Date"]) == (
        "CONSULT",
        "VERBAL COOPERATION",
        "2023-04-16",
    )
    assert (visit["Actor Name"], visit["Actor Country"], visit["Primary Actor Sector"]) == (
        "Vladimir Putin",
        "RUS",
        "GOV",
    )
    assert (visit["Recipient Name"], visit["Recipient Country"]) == ("Li Shangfu", "CHN")
    assert (visit["City"], visit["Country"], visit["GeoNames ID"]) == ("Moscow", "RUS", "524901")
    assert (visit["Actor COW"], visit["Wikipedia Actor ID"], visit["District"]) == ("None",) * 3


@pytest.mark.model
def test_polecat_columns_on_html_jsonl_and_text_inputs(tmp_path):
    out = tmp_path / "events.txt"
    result = CliRunner().invoke(
        cli,
        ["export", "--db", model_store(), "--read-only", "--format", "polecat", "--out", str(out)],
    )
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    rows = check_polecat(text)
    assert f"wrote {len(rows)} row(s)" in result.stderr
    sources = {r["Source"] for r in rows}
    assert {"CNN", "cnn.com", "AP", "bbc.co.uk", "None"} <= sources  # HTML, JSONL, text file
    both = next(r for r in rows if r["Actor Name"] == "Javad Zarif; Shinzo Abe")
    assert both["Actor Country"] == "IRN; JPN"
    import pyarrow.csv as pacsv

    table = pacsv.read_csv(
        out, parse_options=pacsv.ParseOptions(delimiter="\t"),
        convert_options=pacsv.ConvertOptions(null_values=["None"], strings_can_be_null=True),
    )  # fmt: skip
    assert tuple(table.column_names) == POLECAT_HEADER and table.num_rows == len(rows)
    assert str(table.schema.field("Event Date").type) == "date32[day]"
