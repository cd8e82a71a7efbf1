"""The gazetteer's phrase matchers: built from the lexicons as written, read once."""

from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from newsgraph.extract.actors.gazetteer import gazetteer, matchers
from newsgraph.nlp import blank_english


def _labels(words: list[str], user: tuple[str, ...] = ()) -> list[tuple[str, str]]:
    m = matchers(user)
    doc = Doc(blank_english().vocab, words=words)
    found = [(m.labels[i], doc[s:e].text) for i, s, e in m.names(doc)]
    return sorted(found + [(m.labels[i], doc[s:e].text) for i, s, e in m.common(doc)])


def test_gazetteer_matchers_find_aliases_demonym_plurals_and_named_aliases():
    words = ["the", "U.K.", ",", "Ukrainians", ",", "Kyiv", "and", "the", "AP", "."]
    found = _labels(words)
    for hit in [
        ("COUNTRY", "U.K."),
        ("DEMONYM", "Ukrainians"),
        ("CAPITAL", "Kyiv"),
        ("NAMED", "AP"),
    ]:
        assert hit in found, found
    assert ("COUNTRY", "u.k.") not in _labels(["the", "u.k."])  # names match by exact case


def test_gazetteer_user_dictionary_keeps_the_packaged_phrases(tmp_path: Path):
    path = tmp_path / "people.csv"
    path.write_text("name,aliases,code\nJohn Doe,JD,USAGOV\n", encoding="utf-8")
    user = (str(path),)
    assert gazetteer(user).written is gazetteer().written
    found = _labels(["JD", "met", "Ukrainians", "from", "the", "AP"], user)
    assert {("USER", "JD"), ("DEMONYM", "Ukrainians"), ("NAMED", "AP")} <= set(found), found
