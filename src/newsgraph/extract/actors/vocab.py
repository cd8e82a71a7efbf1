"""The actors wing's word lists, read once from ``newsgraph/lexicons``.

Vocabulary is data: each file below starts with comment lines saying what each column
means, then a header row. The rules that use the words are code. Only grammar stays in
code (NER labels, tags, dependency labels, pronouns, function words such as "the" or
"of"), and the country, title, group and institution lexicons are read by
:mod:`.gazetteer`.

- ``name_words.tsv``: name particles ("bin", "von"), generational suffixes ("Jr."), words
  never part of a name ("Mr", "the");
- ``place_cues.tsv``: locative prepositions, motion verbs and transfer words, which tell a
  country or capital that is a place from one that acts;
- ``org_words.tsv``: words that make a capitalised run an organisation (with its CAMEO
  sector), a news outlet, or a building or site;
- ``pair_words.tsv``: "both parties", "the two nations" (split antecedents in coreference);
- ``us_state_homonyms.tsv``: country names that are also US states ("Georgia").
"""

from __future__ import annotations

from ...lexicons import load_table


def words_of_kind(name: str, kind: str, column: str = "word") -> frozenset[str]:
    """The lower-cased ``column`` of the rows of lexicon ``name`` whose ``kind`` is ``kind``."""
    return frozenset(row[column].lower() for row in load_table(name) if row["kind"] == kind)


NAME_PARTICLES = words_of_kind("name_words.tsv", "particle")
NAME_SUFFIXES = words_of_kind("name_words.tsv", "suffix")
NOT_NAME_WORDS = words_of_kind("name_words.tsv", "not_name")

LOCATIVE_PREPS = words_of_kind("place_cues.tsv", "locative")
# Verbs after which a capital is where someone went, not a government acting.
MOTION_VERBS = words_of_kind("place_cues.tsv", "motion")
# "from X" names who gave, not where from, after these words.
TRANSFER_WORDS = words_of_kind("place_cues.tsv", "transfer")

ORG_SECTOR_WORDS: dict[str, str] = {
    row["word"].lower(): row["sector"]
    for row in load_table("org_words.tsv")
    if row["kind"] == "sector"
}
MEDIA_WORDS = words_of_kind("org_words.tsv", "media")
# Words that make a capitalised run a building or site, not a person ("Trump Tower").
PLACE_WORDS = words_of_kind("org_words.tsv", "site")

PAIR_WORDS = words_of_kind("pair_words.tsv", "pair")
PEOPLE_NOUNS = words_of_kind("pair_words.tsv", "people")
COUNTRY_NOUNS = words_of_kind("pair_words.tsv", "country")

# Country names that are also US states: in an American story without a sign of the
# country (its capital or demonym), they are the state.
US_STATE_HOMONYMS: dict[str, str] = {
    row["name"].lower(): row["iso3"] for row in load_table("us_state_homonyms.tsv")
}

__all__ = [
    "COUNTRY_NOUNS",
    "LOCATIVE_PREPS",
    "MEDIA_WORDS",
    "MOTION_VERBS",
    "NAME_PARTICLES",
    "NAME_SUFFIXES",
    "NOT_NAME_WORDS",
    "ORG_SECTOR_WORDS",
    "PAIR_WORDS",
    "PEOPLE_NOUNS",
    "PLACE_WORDS",
    "TRANSFER_WORDS",
    "US_STATE_HOMONYMS",
    "words_of_kind",
]
