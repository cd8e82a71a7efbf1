# ruff: noqa: E501 - token tables read best one sentence to a line
"""Actor rules on hand-built Docs (tags, parse and entities written out; no model needed)."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.tokens import Doc

from newsgraph.extract import ExtractOptions
from newsgraph.extract.actors import extract_actors
from newsgraph.nlp import blank_english
from newsgraph.records import Actor, Article

VOCAB = blank_english().vocab

# One token per row: word, PTB tag, head (index in the sentence), dependency.
Row = tuple[str, str, int, str]


def make_doc(sentences: list[list[Row]], ents: list[tuple[int, int, str]] = ()) -> Doc:
    """A Doc from per-sentence rows; heads are sentence-relative, ents doc-absolute."""
    words, tags, heads, deps, starts = [], [], [], [], []
    for rows in sentences:
        base = len(words)
        for k, (w, t, h, d) in enumerate(rows):
            words.append(w)
            tags.append(t)
            heads.append(base + h)
            deps.append(d)
            starts.append(k == 0)
    spaces = [
        not (i + 1 < len(words) and words[i + 1] in {".", ",", "’s", "'s", ":"})
        for i in range(len(words))
    ]
    iob = ["O"] * len(words)
    for s, e, label in ents:
        iob[s] = f"B-{label}"
        for i in range(s + 1, e):
            iob[i] = f"I-{label}"
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        tags=tags,
        heads=heads,
        deps=deps,
        sent_starts=starts,
        ents=iob,
    )


def actors_of(doc: Doc, dictionaries: tuple[str, ...] = ()) -> list[Actor]:
    article = Article(id="t", text=doc.text)
    actors = extract_actors(doc, article, ExtractOptions(actor_dictionaries=dictionaries))
    for a in actors:
        for m in a.mentions:
            assert m.is_valid_in(doc.text), (a.name, m)
    return actors


def by_name(actors: list[Actor], name: str) -> Actor:
    found = [a for a in actors if a.name == name]
    assert found, f"no actor {name!r} in {[a.name for a in actors]}"
    return found[0]


# "Russian President Vladimir Putin met Chinese Defense Minister Li Shangfu in Moscow."
PUTIN_MEETS_LI: list[Row] = [
    ("Russian", "JJ", 1, "amod"), ("President", "NNP", 3, "compound"), ("Vladimir", "NNP", 3, "compound"),
    ("Putin", "NNP", 4, "nsubj"), ("met", "VBD", 4, "ROOT"), ("Chinese", "JJ", 6, "amod"),
    ("Defense", "NNP", 7, "compound"), ("Minister", "NNP", 9, "compound"), ("Li", "NNP", 9, "compound"),
    ("Shangfu", "NNP", 4, "dobj"), ("in", "IN", 4, "prep"), ("Moscow", "NNP", 10, "pobj"), (".", ".", 4, "punct"),
]  # fmt: skip
PUTIN_MEETS_LI_ENTS = [
    (0, 1, "NORP"),
    (2, 4, "PERSON"),
    (5, 6, "NORP"),
    (6, 7, "ORG"),
    (8, 10, "PERSON"),
    (11, 12, "GPE"),
]


def test_actors_title_gives_role_country_sector_and_code():
    actors = actors_of(make_doc([PUTIN_MEETS_LI], PUTIN_MEETS_LI_ENTS))
    putin, li = by_name(actors, "Vladimir Putin"), by_name(actors, "Li Shangfu")
    assert (putin.type, putin.country, putin.sectors[0], putin.roles, putin.code) == (
        "person", "RUS", "GOV", ("President",), "RUSGOV",
    )  # fmt: skip
    assert (li.country, li.code) == ("CHN", "CHNMIL") and set(li.sectors) == {"MIL", "GOV"}
    assert [a.id for a in actors] == ["a1", "a2"]  # "Moscow" after "in" is a place, not an actor


def test_actors_given_name_used_as_surname_joins_full_name():
    # "Putin shook hands with Shangfu." — the tagger called "Shangfu" an ORG
    second: list[Row] = [
        ("Putin", "NNP", 1, "nsubj"), ("shook", "VBD", 1, "ROOT"), ("hands", "NNS", 1, "dobj"),
        ("with", "IN", 1, "prep"), ("Shangfu", "NNP", 3, "pobj"), (".", ".", 1, "punct"),
    ]  # fmt: skip
    doc = make_doc(
        [PUTIN_MEETS_LI, second], [*PUTIN_MEETS_LI_ENTS, (13, 14, "PERSON"), (17, 18, "ORG")]
    )
    actors = actors_of(doc)
    assert not [a for a in actors if a.name == "Shangfu"]
    assert [m.text for m in by_name(actors, "Li Shangfu").mentions] == ["Li Shangfu", "Shangfu"]
    assert [m.text for m in by_name(actors, "Vladimir Putin").mentions] == [
        "Vladimir Putin",
        "Putin",
    ]


def test_actors_pronoun_opening_a_sentence_is_the_previous_subject():
    told: list[Row] = [
        ("Shangfu", "NNP", 1, "nsubj"), ("told", "VBD", 1, "ROOT"), ("Putin", "NNP", 1, "dobj"), (".", ".", 1, "punct"),
    ]  # fmt: skip
    he: list[Row] = [
        ("He", "PRP", 1, "nsubj"),
        ("smiled", "VBD", 1, "ROOT"),
        (".", ".", 1, "punct"),
    ]
    doc = make_doc(
        [PUTIN_MEETS_LI, told, he], [*PUTIN_MEETS_LI_ENTS, (13, 14, "ORG"), (15, 16, "PERSON")]
    )
    li = by_name(actors_of(doc), "Li Shangfu")
    assert [m.text for m in li.mentions] == ["Li Shangfu", "Shangfu", "He"]


def test_actors_pronoun_without_a_clear_antecedent_stays_unresolved():
    # two people, neither the subject: "The talks between Putin and Macron ended. He left."
    s1: list[Row] = [
        ("The", "DT", 1, "det"), ("talks", "NNS", 6, "nsubj"), ("between", "IN", 1, "prep"), ("Putin", "NNP", 2, "pobj"),
        ("and", "CC", 3, "cc"), ("Macron", "NNP", 3, "conj"), ("ended", "VBD", 6, "ROOT"), (".", ".", 6, "punct"),
    ]  # fmt: skip
    s2: list[Row] = [("He", "PRP", 1, "nsubj"), ("left", "VBD", 1, "ROOT"), (".", ".", 1, "punct")]
    actors = actors_of(make_doc([s1, s2], [(3, 4, "PERSON"), (5, 6, "PERSON")]))
    assert all("He" not in [m.text for m in a.mentions] for a in actors)


def test_actors_title_alone_links_only_when_unambiguous():
    # "... Li Shangfu ... The defense minister spoke."
    s2: list[Row] = [
        ("The", "DT", 2, "det"), ("defense", "NN", 2, "compound"), ("minister", "NN", 3, "nsubj"),
        ("spoke", "VBD", 3, "ROOT"), (".", ".", 3, "punct"),
    ]  # fmt: skip
    actors = actors_of(make_doc([PUTIN_MEETS_LI, s2], PUTIN_MEETS_LI_ENTS))
    assert "The defense minister" in [m.text for m in by_name(actors, "Li Shangfu").mentions]
    # "The president spoke." after two presidents: not linked to either
    s3: list[Row] = [
        ("The", "DT", 1, "det"),
        ("president", "NN", 2, "nsubj"),
        ("spoke", "VBD", 2, "ROOT"),
        (".", ".", 2, "punct"),
    ]
    s0: list[Row] = [
        ("French", "JJ", 1, "amod"), ("President", "NNP", 3, "compound"), ("Emmanuel", "NNP", 3, "compound"),
        ("Macron", "NNP", 4, "nsubj"), ("left", "VBD", 4, "ROOT"), (".", ".", 4, "punct"),
    ]  # fmt: skip
    ents = [*PUTIN_MEETS_LI_ENTS, (13, 14, "NORP"), (15, 17, "PERSON")]
    actors = actors_of(make_doc([PUTIN_MEETS_LI, s0, s3], ents))
    assert all("The president" not in [m.text for m in a.mentions] for a in actors)


def test_actors_countries_act_but_locations_do_not():
    # "China has denied sending weapons to Russia amid the war in Ukraine."
    rows: list[Row] = [
        ("China", "NNP", 2, "nsubj"), ("has", "VBZ", 2, "aux"), ("denied", "VBN", 2, "ROOT"), ("sending", "VBG", 2, "xcomp"),
        ("weapons", "NNS", 3, "dobj"), ("to", "IN", 3, "prep"), ("Russia", "NNP", 5, "pobj"), ("amid", "IN", 3, "prep"),
        ("the", "DT", 9, "det"), ("war", "NN", 7, "pobj"), ("in", "IN", 9, "prep"), ("Ukraine", "NNP", 10, "pobj"),
        (".", ".", 2, "punct"),
    ]  # fmt: skip
    actors = actors_of(make_doc([rows], [(0, 1, "GPE"), (6, 7, "GPE"), (11, 12, "GPE")]))
    assert [(a.name, a.type, a.country, a.code) for a in actors] == [
        ("China", "country", "CHN", "CHN"), ("Russia", "country", "RUS", "RUS"),
    ]  # fmt: skip


def test_actors_capital_for_government_joins_its_country_with_gov():
    # "China said Beijing will reply." / "Macron visited Beijing."
    s1: list[Row] = [
        ("China", "NNP", 1, "nsubj"), ("said", "VBD", 1, "ROOT"), ("Beijing", "NNP", 4, "nsubj"), ("will", "MD", 4, "aux"),
        ("reply", "VB", 1, "ccomp"), (".", ".", 1, "punct"),
    ]  # fmt: skip
    s2: list[Row] = [
        ("Macron", "NNP", 1, "nsubj"),
        ("visited", "VBD", 1, "ROOT"),
        ("Paris", "NNP", 1, "dobj"),
        (".", ".", 1, "punct"),
    ]
    actors = actors_of(
        make_doc([s1, s2], [(0, 1, "GPE"), (2, 3, "GPE"), (6, 7, "PERSON"), (8, 9, "GPE")])
    )
    china = by_name(actors, "China")
    assert [m.text for m in china.mentions] == ["China", "Beijing"]
    assert (china.sectors, china.code) == (("GOV",), "CHNGOV")
    assert "France" not in [a.name for a in actors]  # the destination of a visit is a place


@pytest.mark.parametrize(
    ("words", "tags", "name", "country", "sector"),
    [
        (
            ["Ukrainian", "soldiers", "fought", "."],
            ["JJ", "NNS", "VBD", "."],
            "Ukrainian soldiers",
            "UKR",
            "MIL",
        ),
        (
            ["The", "Turkish", "government", "refused", "."],
            ["DT", "JJ", "NN", "VBD", "."],
            "Turkish government",
            "TUR",
            "GOV",
        ),
        (
            ["Afghan", "rebel", "leaders", "met", "."],
            ["JJ", "NN", "NNS", "VBD", "."],
            "Afghan rebel leaders",
            "AFG",
            "REB",
        ),
        (
            ["Israeli", "police", "arrived", "."],
            ["JJ", "NN", "VBD", "."],
            "Israeli police",
            "ISR",
            "COP",
        ),
    ],
)
def test_actors_demonym_and_group_noun_make_a_group(words, tags, name, country, sector):
    n = len(words)
    rows: list[Row] = [(w, t, n - 2, "dep") for w, t in zip(words, tags, strict=True)]
    actors = actors_of(make_doc([rows]))
    group = by_name(actors, name)
    assert (group.country, group.sectors[0]) == (country, sector)


def test_actors_coordinated_demonyms_each_get_the_group():
    rows: list[Row] = [
        ("Hungarian", "JJ", 3, "amod"), ("and", "CC", 0, "cc"), ("Romanian", "JJ", 0, "conj"), ("officials", "NNS", 4, "nsubj"),
        ("agreed", "VBD", 4, "ROOT"), (".", ".", 4, "punct"),
    ]  # fmt: skip
    actors = actors_of(make_doc([rows], [(0, 1, "NORP"), (2, 3, "NORP")]))
    assert sorted((a.country, a.sectors) for a in actors) == [("HUN", ("GOV",)), ("ROU", ("GOV",))]


@pytest.mark.parametrize(
    ("words", "ent", "name", "type_", "country", "sectors", "code"),
    [
        (["per", "Reuters", "."], (1, 2), "Reuters", "media", "GBR", ("MED",), "GBRMED"),
        (
            ["The", "Japan", "Times", "reported", "."],
            (0, 3),
            "The Japan Times",
            "media",
            "JPN",
            ("MED",),
            "JPNMED",
        ),
        (["NATO", "warned", "."], (0, 1), "NATO", "igo", None, ("IGO",), "IGOWSTNAT"),
        (["the", "U.N.", "said", "."], (1, 2), "United Nations", "igo", None, ("IGO",), "IGOUNO"),
        (
            ["the", "Pentagon", "said", "."],
            (1, 2),
            "Pentagon",
            "organization",
            "USA",
            ("MIL", "GOV"),
            "USAMIL",
        ),
        (
            ["the", "Kremlin", "said", "."],
            (1, 2),
            "Kremlin",
            "organization",
            "RUS",
            ("GOV",),
            "RUSGOV",
        ),
        (["Congress", "voted", "."], (0, 1), "Congress", "organization", "USA", ("LEG",), "USALEG"),
        (
            ["Downing", "Street", "said", "."],
            (0, 2),
            "Downing Street",
            "organization",
            "GBR",
            ("GOV",),
            "GBRGOV",
        ),
    ],
)
def test_actors_named_institutions_media_and_igos(words, ent, name, type_, country, sectors, code):
    rows: list[Row] = [(w, "NNP", 0, "dep") for w in words]
    actor = by_name(actors_of(make_doc([rows], [(*ent, "ORG")])), name)
    assert (actor.type, actor.country, actor.sectors, actor.code) == (type_, country, sectors, code)


def test_actors_relative_clause_role_and_country_of_the_clause_subject():
    # "Ukrainian soldiers find parts, with Vladyslav Vlasiuk, who helps the president's chief of staff, adding …"
    words = ["Ukrainian", "soldiers", "find", "parts", ",", "with", "Vladyslav", "Vlasiuk", ",", "who", "helps", "the",
             "president", "’s", "chief", "of", "staff", ",", "adding", "more", "."]  # fmt: skip
    tags = ["JJ", "NNS", "VBP", "NNS", ",", "IN", "NNP", "NNP", ",", "WP", "VBZ", "DT", "NN", "POS", "NN", "IN", "NN",
            ",", "VBG", "JJR", "."]  # fmt: skip
    heads = [1, 2, 2, 2, 2, 2, 7, 5, 7, 10, 7, 12, 14, 12, 10, 14, 15, 2, 2, 18, 2]
    deps = ["amod", "nsubj", "ROOT", "dobj", "punct", "prep", "compound", "pobj", "punct", "nsubj", "relcl", "det",
            "poss", "case", "dobj", "prep", "pobj", "punct", "advcl", "dobj", "punct"]  # fmt: skip
    rows: list[Row] = list(zip(words, tags, heads, deps, strict=True))
    actors = actors_of(make_doc([rows], [(0, 1, "NORP"), (6, 7, "NORP"), (7, 8, "ORG")]))
    vlasiuk = by_name(actors, "Vladyslav Vlasiuk")
    assert (vlasiuk.type, vlasiuk.country, vlasiuk.sectors) == ("person", "UKR", ("GOV",))
    assert "chief of staff" in vlasiuk.roles[0]


def test_actors_ids_follow_first_mention_and_are_deterministic():
    doc = make_doc([PUTIN_MEETS_LI], PUTIN_MEETS_LI_ENTS)
    first, again = actors_of(doc), actors_of(doc)
    assert first == again
    assert [a.id for a in first] == [f"a{i}" for i in range(1, len(first) + 1)]
    assert [a.mentions[0].start for a in first] == sorted(a.mentions[0].start for a in first)


def test_actors_user_csv_dictionary_fills_what_the_text_omits(tmp_path: Path):
    path = tmp_path / "actors.csv"
    path.write_text(
        "name,aliases,type,country,sectors,roles\nSelim Aberkane,Aberkane,person,DZA,GOV,President\n"
    )
    rows: list[Row] = [
        ("Selim", "NNP", 1, "compound"),
        ("Aberkane", "NNP", 2, "nsubj"),
        ("spoke", "VBD", 2, "ROOT"),
        (".", ".", 2, "punct"),
    ]
    doc = make_doc([rows], [(0, 2, "PERSON")])
    assert by_name(actors_of(doc), "Selim Aberkane").country is None
    a = by_name(actors_of(doc, (str(path),)), "Selim Aberkane")
    assert (a.country, a.sectors, a.code) == ("DZA", ("GOV",), "DZAGOV")


def test_actors_petrarch_dictionary(tmp_path: Path):
    path = tmp_path / "leaders.actors"
    path.write_text(
        "# leaders\nABDELAZIZ_BOUTEFLIKA_ [DZAGOV 990427-190402] [DZAELI 190402-]\n+BOUTEFLIKA_\n"
        "KOFI_ANNAN_ [IGOUNO]\n"
    )
    rows: list[Row] = [("Bouteflika", "NNP", 1, "nsubj"), ("met", "VBD", 1, "ROOT"), ("Kofi", "NNP", 3, "compound"),
                       ("Annan", "NNP", 1, "dobj"), (".", ".", 1, "punct")]  # fmt: skip
    actors = actors_of(make_doc([rows], [(0, 1, "PERSON"), (2, 4, "PERSON")]), (str(path),))
    assert (by_name(actors, "Bouteflika").country, by_name(actors, "Bouteflika").sectors) == (
        "DZA",
        ("ELI",),
    )
    assert by_name(actors, "Kofi Annan").code == "IGOUNO"
