"""An actor's country when the text does not say it: office holders at the publication date,
dateline, outlet and story country, and ``country_source`` (hand-built Docs, no model)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.extract import ExtractOptions
from newsgraph.extract.actors import extract_actors
from newsgraph.extract.actors.gazetteer import gazetteer
from newsgraph.extract.actors.homes import dateline_country, outlet_country
from newsgraph.extract.actors.offices import (
    Holder,
    Period,
    office_book,
    period_at,
    petrarch_date,
    read_petrarch,
)
from newsgraph.records import Actor, Article
from parsed_docs import parsed_doc


def actors(spec: str, ents, published=None, url=None, dictionaries=()) -> list[Actor]:
    doc = parsed_doc(spec, ents)
    article = Article(id="t", text=doc.text, published=published, url=url)
    return extract_actors(doc, article, ExtractOptions(actor_dictionaries=dictionaries))


def named(found: list[Actor], name: str) -> Actor:
    hits = [a for a in found if a.name == name]
    assert hits, f"no {name!r} in {[a.name for a in found]}"
    return hits[0]


TILLERSON = "Rex/NNP/compound/1 Tillerson/NNP/nsubj/2 spoke/VBD/ROOT/2 ./././2"


@pytest.mark.parametrize(
    ("published", "want"),
    [
        ("2017-06-01", ("USA", ("GOV",), "USAGOV", "office")),  # Secretary of State then
        ("2019-06-01", ("USA", ("ELI",), "USAELI", "office")),  # a former official after
    ],
)
def test_homes_office_holder_role_at_the_publication_date(published, want):
    a = named(actors(TILLERSON, [(0, 2, "PERSON")], published), "Rex Tillerson")
    assert (a.country, a.sectors, a.code, a.country_source) == want


def test_homes_lone_surname_takes_the_office_holders_full_name():
    found = actors("Lavrov/NNP/nsubj/1 spoke/VBD/ROOT/1 ./././1", [(0, 1, "PERSON")], "2017-04-12")
    a = named(found, "Sergey Lavrov")
    assert (a.country, a.sectors, a.country_source) == ("RUS", ("GOV",), "office")


def test_homes_text_country_beats_the_office_book():
    spec = (
        "French/JJ/amod/2 Prime/NNP/compound/2 Minister/NNP/compound/4 Theresa/NNP/compound/4 "
        "May/NNP/nsubj/5 spoke/VBD/ROOT/5 ./././5"
    )
    a = named(actors(spec, [(3, 5, "PERSON")], "2017-06-01"), "Theresa May")
    assert (a.country, a.country_source) == ("FRA", "text")


def test_homes_domestic_title_takes_the_outlets_country():
    spec = "Sen./NNP/compound/2 Tom/NNP/compound/2 Quill/NNP/nsubj/3 objected/VBD/ROOT/3 ./././3"
    url = "https://www.washingtontimes.com/news/2019/jul/1/x/"
    a = named(actors(spec, [(1, 3, "PERSON")], "2019-07-01", url), "Tom Quill")
    assert (a.country, a.sectors, a.code, a.country_source) == ("USA", ("LEG",), "USALEG", "outlet")
    bare = named(actors(spec, [(1, 3, "PERSON")], "2019-07-01"), "Tom Quill")
    assert (bare.country, bare.code, bare.country_source) == (None, "LEG", "none-unknown")


def test_homes_titled_person_takes_the_datelines_country():
    spec = (
        "KABUL/NNP/ROOT/0 -/:/punct/0 Finance/NNP/compound/3 Minister/NNP/compound/5 "
        "Omar/NNP/compound/5 Fadelzai/NNP/nsubj/6 spoke/VBD/ROOT/6 ./././6"
    )
    a = named(actors(spec, [(4, 6, "PERSON")], "2016-03-01"), "Omar Fadelzai")
    assert (a.country, a.country_source) == ("AFG", "dateline")


def test_homes_outlet_journalist_is_of_the_outlets_country():
    spec = (
        "NPR/NNP/poss/2 's/POS/case/0 Tamara/NNP/compound/3 Keith/NNP/nsubj/4 said/VBD/ROOT/4 "
        "./././4"
    )
    doc = parsed_doc(spec, [(0, 1, "ORG"), (2, 4, "PERSON")], glued=(".", ",", "'s"))
    found = extract_actors(doc, Article(id="t", text=doc.text), ExtractOptions())
    a = named(found, "Tamara Keith")
    assert (a.country, a.sectors, a.country_source) == ("USA", ("MED",), "text")


def test_homes_igo_and_lexicon_entries_say_why_they_have_no_country():
    spec = "NATO/NNP/nsubj/1 warned/VBD/ROOT/1 ./././1"
    nato = named(actors(spec, [(0, 1, "ORG")], "2020-01-01"), "NATO")
    assert (nato.country, nato.code, nato.country_source) == (None, "IGOWSTNAT", "none-igo")


def test_homes_country_word_and_title_apposition_is_one_person():
    spec = (
        "Britain/NNP/poss/3 's/POS/case/0 foreign/JJ/amod/3 minister/NN/nsubj/9 ,/,/punct/3 "
        "Boris/NNP/compound/6 Johnson/NNP/appos/3 ,/,/punct/3 said/VBD/ROOT/9 yes/UH/intj/9 ./././9"
    )
    doc = parsed_doc(spec, [(0, 1, "GPE"), (5, 7, "PERSON")], glued=(".", ",", "'s"))
    found = extract_actors(doc, Article(id="t", text=doc.text), ExtractOptions())
    people = [a for a in found if a.type == "person"]
    assert [(a.name, a.country) for a in people] == [("Boris Johnson", "GBR")]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("BEIRUT, Lebanon — As a growing number", "LBN"),
        ("NEW YORK/WASHINGTON (Reuters) - The Trump administration", "USA"),
        ("ALEXANDRIA, Va. (AP) — A jury", "USA"),
        ("Washington (CNN) Donald Trump on Friday", "USA"),
        ("HONG KONG (Reuters) - Police and protesters", "HKG"),
        ("President Donald Trump said on Monday", None),  # a sentence, no dateline
        ("Sacramento\n\nBelieve it or not", None),
    ],
)
def test_homes_dateline_country(text, want):
    assert dateline_country(text, gazetteer()) == want


@pytest.mark.parametrize(
    ("url", "want"),
    [
        ("https://www1.cbn.com/cbnnews/x", "USA"),  # a subdomain of a known outlet
        ("https://www.bbc.co.uk/news/x", "GBR"),
        ("https://www.reuters.com/article/x", None),  # an international wire: no home
        ("https://example.org/x", None),
    ],
)
def test_homes_outlet_country_from_the_web_address(url, want):
    assert outlet_country(Article(id="t", text="x", url=url)) == want


def test_offices_period_at_prefers_the_dated_role_then_former_then_current():
    h = Holder(
        "A B",
        "person",
        (
            Period("USA", ("LEG",), "USALEG", "2001-01-03", "2009-01-20"),
            Period("USA", ("GOV",), "USAGOV", "2009-01-21", "2013-02-01"),
            Period("USA", ("OPP",), "USAOPP", "2015-04-12", ""),
        ),
        "team",
    )
    assert period_at(h, "2005-05-05").sectors == ("LEG",)
    assert period_at(h, "2010-05-05").sectors == ("GOV",)
    assert period_at(h, "2014-01-01").sectors == ("ELI",)  # between offices: former
    assert period_at(h, "1990-01-01") is None  # before any office: unknown
    assert period_at(h, None).sectors == ("OPP",)  # no date: the open (current) role


def test_offices_read_petrarch_dates_and_synonyms(tmp_path: Path):
    path = tmp_path / "x.actors"
    path.write_text(
        "# header\nVLADIMIR_PUTIN_  # CountryInfo.txt\n+PUTIN_\n"
        "\t[RUSGOV 991231-080507]\n\t[RUSGOV >080508]\n\t[RUSELI]\n"
        "BAN_KI-MOON\n\t[IGOUNO >20070101]\n"
    )
    blocks = read_petrarch(path, frozenset({"RUS"}))
    assert [(n, s) for n, s, _ in blocks] == [("VLADIMIR PUTIN", ["PUTIN"]), ("BAN KI-MOON", [])]
    putin = blocks[0][2]
    assert [(p.code, p.start, p.end) for p in putin] == [
        ("RUSGOV", "1999-12-31", "2008-05-07"),
        ("RUSGOV", "2008-05-08", ""),
        ("RUSELI", "", ""),
    ]
    assert (blocks[1][2][0].country, blocks[1][2][0].start) == (None, "2007-01-01")
    assert petrarch_date("290101") == "2029-01-01" and petrarch_date("300101") == "1930-01-01"


def test_offices_user_csv_with_dates_wins_over_the_packaged_tables(tmp_path: Path):
    path = tmp_path / "mine.csv"
    path.write_text(
        "name,aliases,type,country,sectors,start,end\nRex Tillerson,,person,CAN,BUS,2017-01-01,\n"
    )
    book = office_book((str(path),))
    holder, period = book.lookup(["Rex Tillerson"], "2017-06-01")
    assert (holder.source, period.country, period.sectors) == ("user", "CAN", ("BUS",))
    assert office_book().lookup(["Rex Tillerson"], "2017-06-01")[1].country == "USA"


def test_homes_honorific_and_surname_join_the_full_name():
    spec = (
        "Angela/NNP/compound/1 Merkel/NNP/nsubj/2 spoke/VBD/ROOT/2 ./././2 "
        "Ms/NNP/compound/5 Merkel/NNP/nsubj/6 agreed/VBD/ROOT/6 ./././6"
    )
    found = actors(spec, [(0, 2, "PERSON"), (4, 6, "PERSON")], "2019-01-01")
    people = [a for a in found if a.type == "person"]
    assert [(a.name, [m.text for m in a.mentions]) for a in people] == [
        ("Angela Merkel", ["Angela Merkel", "Ms Merkel"])
    ]
    assert people[0].country_source == "office"


@pytest.mark.parametrize(
    ("published", "want"), [("2014-05-01", ("DZA", ("GOV",))), ("2018-05-01", ("DZA", ("OPP",)))]
)
def test_homes_user_dictionary_dated_rows_pick_the_role_of_the_day(tmp_path: Path, published, want):
    path = tmp_path / "mine.csv"
    path.write_text(
        "name,aliases,type,country,sectors,start,end\n"
        "Selim Aberkane,,person,DZA,GOV,2010-01-01,2015-12-31\n"
        "Selim Aberkane,,person,DZA,OPP,2016-01-01,\n"
    )
    spec = "Selim/NNP/compound/1 Aberkane/NNP/nsubj/2 spoke/VBD/ROOT/2 ./././2"
    a = named(
        actors(spec, [(0, 2, "PERSON")], published, dictionaries=(str(path),)), "Selim Aberkane"
    )
    assert (a.country, a.sectors, a.country_source) == (*want, "office")
