# ruff: noqa: E501 - one case to a line reads best
"""Actors on real-world-style news sentences with the pinned model: titles, appositions,
demonyms, metonymy, media outlets and international organisations."""

from __future__ import annotations

import pytest

from newsgraph.extract import ExtractOptions
from newsgraph.extract.actors import extract_actors
from newsgraph.records import Article

pytestmark = pytest.mark.model

# sentence, [(actor name, country, code)] that must be there, [names that must not be actors]
CASES: list[tuple[str, list[tuple[str, str | None, str | None]], list[str]]] = [
    # titles
    (
        "Russian President Vladimir Putin met Chinese Defense Minister Li Shangfu in Moscow on Sunday.",
        [("Vladimir Putin", "RUS", "RUSGOV"), ("Li Shangfu", "CHN", "CHNMIL")],
        ["Russia"],
    ),
    (
        "German Chancellor Olaf Scholz said Berlin would send more tanks.",
        [("Olaf Scholz", "DEU", "DEUGOV"), ("Germany", "DEU", "DEUGOV")],
        [],
    ),
    (
        "British Prime Minister Rishi Sunak spoke to reporters in London.",
        [("Rishi Sunak", "GBR", "GBRGOV")],
        ["United Kingdom"],
    ),
    (
        "Indian Prime Minister Narendra Modi visited Washington in June.",
        [("Narendra Modi", "IND", "INDGOV")],
        ["United States"],
    ),
    (
        "U.S. Secretary of State Antony Blinken arrived in Beijing on Sunday.",
        [("Antony Blinken", "USA", "USAGOV")],
        ["China", "United States"],
    ),
    (
        "Japanese Foreign Minister Yoshimasa Hayashi held talks with his South Korean counterpart.",
        [("Yoshimasa Hayashi", "JPN", "JPNGOV")],
        [],
    ),
    (
        "Israeli Prime Minister Benjamin Netanyahu rejected the proposal.",
        [("Benjamin Netanyahu", "ISR", "ISRGOV")],
        [],
    ),
    (
        "Ukrainian President Volodymyr Zelensky urged Western allies to send fighter jets.",
        [("Volodymyr Zelensky", "UKR", "UKRGOV")],
        [],
    ),
    (
        "Turkish President Recep Tayyip Erdogan threatened to block Sweden's bid.",
        [("Recep Tayyip Erdogan", "TUR", "TURGOV"), ("Sweden", "SWE", "SWE")],
        [],
    ),
    (
        "Iran's Supreme Leader Ayatollah Ali Khamenei warned the United States.",
        [("Ali Khamenei", "IRN", "IRNGOV"), ("United States", "USA", "USA")],
        ["Iran"],
    ),
    (
        "Taiwan's Vice Foreign Minister visited Russia today.",
        [("Taiwan's Vice Foreign Minister", "TWN", "TWNGOV"), ("Russia", "RUS", "RUS")],
        ["Taiwan"],
    ),
    (
        "A senior British minister reiterated that Libya must hand over the suspects.",
        [("British minister", "GBR", "GBRGOV"), ("Libya", "LBY", "LBY")],
        [],
    ),
    # no country in the text: the office book knows him (Haiti, undated article: last entry)
    ("Lt. Gen. Prosper Avril resigned yesterday.", [("Prosper Avril", "HTI", "HTIMIL")], []),
    # appositions and "of <country>"
    (
        "Kenzo Oshima, the United Nations Emergency Relief Coordinator, demanded access.",
        [("Kenzo Oshima", None, "IGOUNO")],
        ["United Nations Emergency Relief Coordinator"],
    ),
    (
        "Jens Stoltenberg, the NATO Secretary General, said the alliance would respond.",
        [("Jens Stoltenberg", None, "IGOWSTNAT"), ("NATO", None, "IGOWSTNAT")],
        [],
    ),
    (
        "King Hassan of Morocco was quoted as saying he would host a meeting.",
        [("Hassan", "MAR", "MARGOV")],
        ["Morocco"],
    ),
    (
        "The president of France, Emmanuel Macron, met the Pope.",
        [("Emmanuel Macron", "FRA", "FRAGOV")],
        ["France"],
    ),
    (
        "Ousted President Askar Akayev has agreed to resign without returning to Kyrgyzstan, the Parliament speaker said Saturday.",
        [("Askar Akayev", "KGZ", "KGZGOV")],
        [],
    ),
    ("President Bush warned Russia against further moves.", [("Russia", "RUS", "RUS")], []),
    # metonymy
    ("The Kremlin said the talks had been constructive.", [("Kremlin", "RUS", "RUSGOV")], []),
    ("The Pentagon announced new aid for Kyiv.", [("Pentagon", "USA", "USAMIL")], []),
    ("The White House declined to comment on the report.", [("White House", "USA", "USAGOV")], []),
    (
        "Downing Street said the prime minister had full confidence in the minister.",
        [("Downing Street", "GBR", "GBRGOV")],
        [],
    ),
    ("Congress has not approved the move.", [("Congress", "USA", "USALEG")], []),
    (
        "Beijing accused Washington of interfering in its internal affairs.",
        [("China", "CHN", "CHNGOV"), ("United States", "USA", "USAGOV")],
        [],
    ),
    ("Moscow denied the accusations, calling them lies.", [("Russia", "RUS", "RUSGOV")], []),
    (
        "Washington imposed sanctions on Tehran last week.",
        [("United States", "USA", "USAGOV"), ("Iran", "IRN", "IRNGOV")],
        [],
    ),
    (
        "Tokyo protested to Beijing over the incursions.",
        [("Japan", "JPN", "JPNGOV"), ("China", "CHN", "CHNGOV")],
        [],
    ),
    # demonyms and groups
    ("Chinese troops held drills near Taiwan.", [("Chinese troops", "CHN", "CHNMIL")], ["Taiwan"]),
    ("Palestinians protested in Gaza on Friday.", [("Palestinians", "PSE", "PSE")], []),
    (
        "Afghan rebel leaders said they would meet the mediator.",
        [("Afghan rebel leaders", "AFG", "AFGREB")],
        [],
    ),
    (
        "The Sudanese government accused rebels of violating the ceasefire.",
        [("Sudanese government", "SDN", "SDNGOV")],
        [],
    ),
    (
        "Iraqi Kurds sought refuge in Germany last month.",
        [("Iraqi Kurds", "IRQ", "IRQCVL")],
        ["Germany"],
    ),
    (
        "Syrian officers were sanctioned by the European Union.",
        [("Syrian officers", "SYR", "SYRMIL"), ("European Union", None, "IGOWSTEEC")],
        [],
    ),
    (
        "Nigerian authorities jailed 52 members of the group.",
        [("Nigerian authorities", "NGA", "NGAGOV")],
        [],
    ),
    (
        "The Israeli army lifted a blockade on Palestinian trucks.",
        [("Israeli army", "ISR", "ISRMIL")],
        [],
    ),
    (
        "Ukraine's military said it shot down 20 drones, per Reuters.",
        [("Ukraine's military", "UKR", "UKRMIL"), ("Reuters", "GBR", "GBRMED")],
        [],
    ),
    ("Bosnian Serbs demanded a truce with Moslem forces.", [("Bosnian Serbs", "BIH", "BIH")], []),
    (
        "Hungarian and Romanian officials agreed to cooperate.",
        [("Hungarian officials", "HUN", "HUNGOV"), ("Romanian officials", "ROU", "ROUGOV")],
        [],
    ),
    (
        "Opposition groups in Zimbabwe are demanding the president's resignation.",
        [("Opposition groups in Zimbabwe", "ZWE", "ZWEOPP")],
        [],
    ),
    # media
    (
        "The Japan Times reported that the ministry had approved the plan.",
        [("The Japan Times", "JPN", "JPNMED")],
        ["Japan"],
    ),
    (
        "According to the Associated Press, the vote was delayed.",
        [("Associated Press", "USA", "USAMED")],
        [],
    ),
    ("Xinhua said the meeting had been productive.", [("Xinhua", "CHN", "CHNMED")], []),
    (
        "Al Jazeera reported heavy fighting in Khartoum.",
        [("Al Jazeera", "QAT", "QATMED")],
        ["Sudan"],
    ),
    # international organisations
    (
        "NATO and the EU condemned the attack.",
        [("NATO", None, "IGOWSTNAT"), ("European Union", None, "IGOWSTEEC")],
        [],
    ),
    (
        "The International Monetary Fund approved a loan for Pakistan.",
        [("International Monetary Fund", None, "IGOUNOIMF"), ("Pakistan", "PAK", "PAK")],
        [],
    ),
    (
        "The UN Security Council met on Monday to discuss the crisis.",
        [("UN Security Council", None, "IGOUNO")],
        [],
    ),
    (
        "The World Health Organization warned of a new outbreak.",
        [("World Health Organization", None, "IGOUNOWHO")],
        [],
    ),
    (
        "Amnesty International accused the government of torture.",
        [("Amnesty International", None, "IGOAMN")],
        [],
    ),
    # countries acting, and only where they act
    (
        "Russia and China have reportedly solidified a military partnership.",
        [("Russia", "RUS", "RUS"), ("China", "CHN", "CHN")],
        [],
    ),
    (
        "The United States and Jordan have agreed upon a new free-trade pact.",
        [("United States", "USA", "USA"), ("Jordan", "JOR", "JOR")],
        [],
    ),
    (
        "Sri Lanka has established diplomatic ties with Iran.",
        [("Sri Lanka", "LKA", "LKA"), ("Iran", "IRN", "IRN")],
        [],
    ),
    ("Protesters clashed with police in Ukraine.", [], ["Ukraine"]),
    ("Hamas received weapons from Iran.", [("Hamas", "PSE", "PSEREB"), ("Iran", "IRN", "IRN")], []),
    (
        "Syria withdrew its troops from Lebanon.",
        [("Syria", "SYR", "SYR")],
        ["Lebanon", "troops from Lebanon"],
    ),
    (
        "Refugees from Syria protested in Berlin.",
        [("Refugees from Syria", "SYR", "SYRREF")],
        ["Germany"],
    ),
    (
        "Syrian government forces launched air strikes on Ghouta.",
        [("Syrian government forces", "SYR", "SYRMIL")],
        [],
    ),
    (
        "A German court rejected the extradition request for Catalonia's former leader Carles Puigdemont.",
        [("German court", "DEU", "DEUJUD"), ("Carles Puigdemont", None, "GOV")],
        [],
    ),
    (
        "European Commission President Jean-Claude Juncker met Erdogan.",
        [("Jean-Claude Juncker", None, "IGOWSTEEC")],
        [],
    ),
    # a capital inside an organisation's name counts only when the story is about that country
    (
        "Lawrence Gostin, a professor at Georgetown University, said Americans should prepare.",
        [("Lawrence Gostin", None, "EDU")],
        ["Guyana"],
    ),
    (
        "Russian officials met students at Moscow State University, where Russia's defence minister spoke.",
        [("Moscow State University", "RUS", "RUSEDU")],
        [],
    ),
]


@pytest.fixture(scope="module")
def analysed(nlp):
    docs = list(nlp.pipe([c[0] for c in CASES]))
    return {
        text: extract_actors(doc, Article(id=str(i), text=text), ExtractOptions())
        for i, (text, doc) in enumerate(zip([c[0] for c in CASES], docs, strict=True))
    }


@pytest.mark.parametrize(("text", "expected", "absent"), CASES, ids=[c[0][:40] for c in CASES])
def test_actors_sentences(analysed, text, expected, absent):
    actors = analysed[text]
    got = {(a.name, a.country, a.code) for a in actors}
    for item in expected:
        assert item in got, f"{item} not in {sorted(got, key=str)}"
    names = {a.name for a in actors}
    for name in absent:
        assert name not in names, f"{name!r} should not be an actor: {sorted(names)}"
    for a in actors:
        assert all(m.is_valid_in(text) for m in a.mentions)


def test_actors_sentences_count():
    assert len(CASES) >= 40
