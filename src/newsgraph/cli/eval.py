"""``newsgraph eval <set>``: score the pipeline on a gold set and print P/R/F1."""

from __future__ import annotations

import importlib
import json

import click

from ..config import Settings
from .common import verbosity_options

# set name -> (module in newsgraph.evaluate, one-line description)
SETS: dict[str, tuple[str, str]] = {
    "seed": ("seed", "the seed article's golden expectations (SCORING.md §2)"),
    "plover": ("plover", "PLOVER gold sentences: event types and actor countries (§4)"),
    "conflibert": ("conflibert", "ConfliBERT CAMEO coarse class: accuracy and macro F1 (§4)"),
    "polnear": ("polnear", "PolNeAR attribution: content, content+source, full P/R/F1 (§3)"),
    "hedges": ("hedges", "Szeged uncertainty, FactBank part: sentence-level P/R/F1 (§5)"),
    "checkthat": ("checkthat", "CLEF 2019 CheckThat! task 1: MAP of check-worthiness"),
    "articles": (
        "articles",
        "real articles, every event mention: event P/R lenient and strict (§4b)",
    ),
    "actors": ("actors", "hand-labelled actors of 46 AllSides articles: country, sector"),
    "extraction": ("extraction", "HTML body extraction on the ScrapingHub benchmark (§1)"),
    "places": ("places", "place mentions in AllSides articles: accuracy of the reading"),
    "furniture": (
        "furniture",
        "page furniture in text inputs: removal P/R on 300 hand-labelled AllSides articles",
    ),
}


@click.command(name="eval", context_settings={"ignore_unknown_options": False})
@click.argument("gold_set", type=click.Choice(sorted(SETS)))
@click.option(
    "--data",
    "data_dir",
    type=click.Path(file_okay=False),
    default=None,
    help="Folder with the gold sets "
    "(default: $NEWSGRAPH_EVAL_DATA, else shared/eval/data in the cwd or a parent).",
)
@click.option(
    "--split", default=None, help="Split to score where the set has several (e.g. train, dev)."
)
@click.option("--limit", type=int, default=None, help="Score only the first N items (quick runs).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@verbosity_options
@click.pass_obj
def eval_cmd(
    settings: Settings,
    gold_set: str,
    data_dir: str | None,
    split: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """Score newsgraph on a gold set and print its figures.

    \b
    Examples:
      newsgraph eval polnear --split dev
      newsgraph eval plover --format json
    """
    from ..evaluate import find_data_dir

    module = importlib.import_module(f"newsgraph.evaluate.{SETS[gold_set][0]}")
    report = module.run(find_data_dir(data_dir), settings=settings, split=split, limit=limit)
    if fmt == "json":
        click.echo(json.dumps(report.to_dict(), indent=2))
        return
    click.echo(f"{report.name}")
    for key, value in report.metrics.items():
        click.echo(
            f"  {key:<40} {value:.4f}" if isinstance(value, float) else f"  {key:<40} {value}"
        )
