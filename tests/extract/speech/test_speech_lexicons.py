"""The lexicon files the speech wing reads: each loaded at one place, each opening with a
header that says what its columns mean."""

from __future__ import annotations

import ast
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

import newsgraph.extract.speech as speech
from newsgraph.extract.speech.claims import _byline
from newsgraph.extract.speech.cues import cue_lexicon, not_cue_verbs
from newsgraph.extract.speech.hedges import reporting_adverbs

LOADERS = {"load_words", "load_table", "load_json", "load_pairs"}
MODULES = sorted(Path(speech.__file__).parent.glob("*.py"))


def lexicon_loads() -> list[tuple[str, str]]:
    """(file, module:function) of every call of a lexicon loader with a file name."""
    out = []
    for path in MODULES:
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            for node in ast.walk(fn):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Name)
                    and node.func.id in LOADERS
                    and node.args
                    and isinstance(node.args[0], ast.Constant)
                ):
                    out.append((node.args[0].value, f"{path.stem}:{fn.name}"))
    return out


FILES = sorted({name for name, _ in lexicon_loads()})


def test_speech_lexicons_found_by_the_scan() -> None:
    assert {"cue_verbs.tsv", "hedges.tsv", "not_cue_verbs.txt", "byline_words.txt"} <= set(FILES)


def test_speech_lexicons_each_file_loaded_at_one_place() -> None:
    loads = lexicon_loads()
    twice = {
        n: [w for f, w in loads if f == n] for n, c in Counter(f for f, _ in loads).items() if c > 1
    }
    assert twice == {}


@pytest.mark.parametrize("name", [f for f in FILES if not f.endswith(".json")])
def test_speech_lexicons_header_says_what_columns_mean(name: str) -> None:
    text = resources.files("newsgraph.lexicons").joinpath(name).read_text(encoding="utf-8")
    lines = text.splitlines()
    comments = "\n".join(line for line in lines if line.startswith("#"))
    assert lines[0].startswith("#"), f"{name}: no header comment"
    if name.endswith(".tsv"):
        columns = next(line for line in lines if line.strip() and not line.startswith("#")).split(
            "\t"
        )
        missing = [c for c in columns if c not in comments]
        assert missing == [], f"{name}: header does not explain {missing}"
    else:
        assert "One column:" in comments, f"{name}: header does not say what a line holds"


def test_speech_lexicons_loaded_without_comments() -> None:
    assert "mean" in not_cue_verbs() and not any(w.startswith("#") for w in not_cue_verbs())
    assert reporting_adverbs() == {"reportedly", "allegedly", "purportedly", "supposedly"}
    # regular inflections of every lemma, irregular ones from the "forms" column
    lex = cue_lexicon()
    assert lex["says"] is lex["said"] is lex["say"]
    assert lex["denies"].lemma == "deny" and lex["told"].lemma == "tell"


@pytest.mark.parametrize(
    ("line", "byline"),
    [
        ("By Jane Doe", True),
        ("Photo: Reuters", True),
        ("READ MORE: the story", True),
        ("Bypass roads were closed", False),
        ("Updated at noon", True),
        ("Sourced from files", False),
    ],
)
def test_claims_byline_words_from_lexicon(line: str, byline: bool) -> None:
    assert bool(_byline().match(line)) is byline
