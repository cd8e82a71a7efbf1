"""Events in real articles (SCORING.md §4b): precision and recall on whole articles.

Gold: ``golden/articles/*.json`` beside the eval data, each a real article with a
complete list of its codable event mentions, one entry per sentence that states one.
Input: the gold's ``input`` (an ``allsides_id`` read from the AllSides sample, or an
inline ``title``/``text``), analysed as ``newsgraph analyze`` reads a JSONL record.

The rules are those of the independent reference scorer (``shared/eval/score.py
articles``; a test runs both on the same output and compares):
- a predicted event lies in a gold entry's sentence when its trigger starts inside the
  sentence holding ``sentence_contains``;
- **lenient**: same sentence, and the PLOVER type equal or the CAMEO code starting with
  one of ``cameo_accept``; **strict**: also both sides right (a country or a name), either
  way round when ``symmetric``, and the negation agreeing with ``status``;
- an event matching no gold entry is false; one matching only entries already taken is a
  duplicate mention and not counted;
- precision = matched / (predicted − duplicates); recall = required entries matched /
  required entries; per article and in total.
"""

from __future__ import annotations

import gzip
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

from ..config import Settings
from ..errors import EvalDataError
from . import Report, require
from .seed import norm

ALLSIDES = Path("corpora") / "allsides-article-bias" / "articles.jsonl.gz"

_QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u00a0": " "})
# A sentence ends at . ! ? (closing quotes and brackets kept with it) before a space, or at
# a line break; a full stop after an abbreviation, an initial or "U.S" ends nothing.
_SENT_END = re.compile(r"[.!?][\"'\u201d\u2019)]*(?=\s)|\n")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Rep|Sen|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Cmdr|Rev|St|Mt|Ft|No|Nos|"
    r"Jr|Sr|Inc|Corp|Co|Ltd|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|vs|etc|approx|est)|\b[A-Z]|"
    r"\b(?:[A-Z]\.)+[A-Z])\.$"
)


@dataclass
class ArticleScore:
    """The counts of one article: events predicted and matched, gold entries found."""

    predicted: int = 0
    duplicates: int = 0
    tp_lenient: int = 0
    tp_strict: int = 0
    required: int = 0
    found_lenient: int = 0
    found_strict: int = 0
    unlocated: int = 0  # gold sentences not found in the body
    false: list[str] = field(default_factory=list)

    COUNTS: ClassVar[tuple[str, ...]] = (
        "predicted",
        "duplicates",
        "tp_lenient",
        "tp_strict",
        "required",
        "found_lenient",
        "found_strict",
        "unlocated",
    )

    def add(self, other: ArticleScore) -> None:
        for name in self.COUNTS:
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def precision(self, strict: bool) -> float:
        return (self.tp_strict if strict else self.tp_lenient) / max(
            self.predicted - self.duplicates, 1
        )

    def recall(self, strict: bool) -> float:
        return (self.found_strict if strict else self.found_lenient) / max(self.required, 1)


def _sentence_ends(text: str, start: int, end: int | None = None) -> Iterable[re.Match[str]]:
    for m in _SENT_END.finditer(text, start, len(text) if end is None else end):
        if m.group(0).startswith(".") and _ABBREV.search(
            text[max(0, m.start() - 12) : m.start() + 1]
        ):
            continue
        yield m


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` folded as :func:`norm` folds it, with the offset of every folded character."""
    out: list[str] = []
    pos: list[int] = []
    prev_space = True
    for i, ch in enumerate(text.translate(_QUOTES)):
        if ch.isspace():
            if prev_space:
                continue
            ch, prev_space = " ", True
        else:
            prev_space = False
        out.append(ch.lower())
        pos.append(i)
    return "".join(out), pos


def sentence_region(text: str, needle: str) -> tuple[int, int] | None:
    """Character range [start, end) of the sentence(s) of ``text`` holding ``needle``."""
    folded, pos = _folded(text)
    wanted = norm(needle)
    k = folded.find(wanted)
    if k < 0:
        return None
    first, last = pos[k], pos[min(k + len(wanted), len(pos)) - 1] + 1
    start = 0
    for m in _sentence_ends(text, 0, first):
        start = m.end()
    # a needle may end with its own full stop
    end = next(iter(_sentence_ends(text, max(last - 1, first))), None)
    return start, (end.end() if end else len(text))


def _side_ok(
    want: dict[str, Any] | None, ids: Sequence[str] | None, actors: dict[str, Any]
) -> bool:
    """Whether one of the actors ``ids`` has the gold side's country or one of its names."""
    if not want:
        return True
    names = want.get("name_any", [])
    names = [norm(n) for n in (names if isinstance(names, list) else [names])]
    for i in ids or []:
        a = actors.get(i) or {}
        if want.get("country") and a.get("country") == want["country"]:
            return True
        seen = {norm(a.get("name"))} | {
            norm(m.get("text")) if isinstance(m, dict) else "" for m in a.get("mentions", [])
        }
        if any(n and any(n in s for s in seen) for n in names):
            return True
    return False


def _status_ok(want: str, e: dict[str, Any]) -> bool:
    negated = bool(e.get("negated")) or e.get("certainty") == "negated"
    if want in ("negated", "denied"):
        return negated
    if want == "speculative":
        return not negated and (
            e.get("certainty") in ("speculative", "hedged") or bool(e.get("mode"))
        )
    return not negated


def event_match(
    g: dict[str, Any], e: dict[str, Any], actors: dict[str, Any], region: tuple[int, int] | None
) -> tuple[bool, bool]:
    """(lenient, strict) match of a predicted event to a gold entry whose sentence is ``region``."""
    trigger = e.get("trigger") or e.get("evidence") or {}
    if region is None or not (region[0] <= int(trigger.get("start", -1)) < region[1]):
        return False, False
    cameo = str(e.get("cameo") or "")
    typed = (bool(g.get("plover")) and e.get("plover") == g["plover"]) or any(
        cameo.startswith(c) for c in g.get("cameo_accept", []) if c
    )
    if not typed:
        return False, False
    a_ids, r_ids = e.get("actors"), e.get("recipients")
    sides = _side_ok(g.get("actor"), a_ids, actors) and _side_ok(g.get("recipient"), r_ids, actors)
    if not sides and g.get("symmetric"):
        sides = _side_ok(g.get("actor"), r_ids, actors) and _side_ok(
            g.get("recipient"), a_ids, actors
        )
    return True, sides and _status_ok(g.get("status", "asserted"), e)


def score_article(gold: dict[str, Any], out: dict[str, Any]) -> ArticleScore:
    """Score one contract output (as ``newsgraph analyze`` prints it) against one gold file."""
    text = (out.get("article") or {}).get("text") or ""
    actors = {a.get("id"): a for a in out.get("actors", [])}
    golds = [(g, sentence_region(text, g["sentence_contains"])) for g in gold.get("events", [])]
    s = ArticleScore(unlocated=sum(r is None for _, r in golds))
    taken_l: set[int] = set()
    taken_s: set[int] = set()
    for e in out.get("events", []):
        s.predicted += 1
        matches = [(i, *event_match(g, e, actors, r)) for i, (g, r) in enumerate(golds)]
        lenient = [i for i, ok, _ in matches if ok]
        strict = [i for i, _, ok in matches if ok]
        if not lenient:
            trig = e.get("trigger")
            s.false.append(
                f"{e.get('plover')} {e.get('cameo')} "
                f"{norm(trig.get('text')) if isinstance(trig, dict) else ''!r}"
            )
            continue
        new_l = next((i for i in lenient if i not in taken_l), None)
        new_s = next((i for i in strict if i not in taken_s), None)
        if new_l is None and new_s is None:
            s.duplicates += 1  # another mention of a gold event already matched
            continue
        s.tp_lenient += 1
        if new_l is not None:
            taken_l.add(new_l)
        if new_s is not None:
            taken_s.add(new_s)
            s.tp_strict += 1
    for i, (g, _) in enumerate(golds):
        if g.get("required", True):
            s.required += 1
            s.found_lenient += i in taken_l
            s.found_strict += i in taken_s
    return s


def find_articles_dir(data_dir: Path) -> Path:
    """The ``golden/articles`` folder near the eval data (``eval/data`` → ``golden``)."""
    for base in (data_dir, *data_dir.parents[:3]):
        cand = base / "golden" / "articles"
        if cand.is_dir() and any(cand.glob("*.json")):
            return cand
    raise EvalDataError(
        "the real-article event gold (golden/articles/*.json) was not found", input=str(data_dir)
    )


def load_golds(gold_dir: Path, limit: int | None = None) -> list[tuple[str, dict[str, Any]]]:
    """(file stem, gold) of every gold file, in sorted file order."""
    out = []
    for path in sorted(gold_dir.glob("*.json")):
        try:
            out.append((path.stem, json.loads(path.read_text(encoding="utf-8"))))
        except (json.JSONDecodeError, UnicodeDecodeError) as e:
            raise EvalDataError(f"gold file is not valid JSON: {e}", input=str(path)) from None
    return out[:limit] if limit else out


def article_inputs(
    golds: Sequence[tuple[str, dict[str, Any]]], data_dir: Path
) -> list[dict[str, Any]]:
    """One JSONL-style input record per gold, as ``score.py articles-inputs`` writes them.

    A gold's ``input`` is ``{"allsides_id", "published"}`` (title, text, url and outlet from
    the AllSides sample) or ``{"title", "text", "published"}``; the gold's fields win.
    """
    wanted = {g["input"].get("allsides_id") for _, g in golds} - {None}
    rows: dict[str, dict[str, Any]] = {}
    if wanted:
        with gzip.open(require(data_dir / ALLSIDES), "rt", encoding="utf-8") as f:
            for line in f:
                r = json.loads(line)
                if r["id"] in wanted:
                    rows[r["id"]] = r
    out = []
    for stem, g in golds:
        given = g["input"]
        r = rows.get(given.get("allsides_id")) or {}
        record = {
            "id": r.get("id") or stem,
            "title": given.get("title", r.get("title")),
            "text": given.get("text", r.get("text")),
            "url": r.get("url"),
            "source": r.get("source"),
            "published": given.get("published", r.get("date")),
        }
        out.append({k: v for k, v in record.items() if v})
    return out


def analyze_records(
    records: Sequence[dict[str, Any]], settings: Settings, nlp: Any = None
) -> list[dict[str, Any] | str]:
    """Each record through the whole pipeline as ``newsgraph analyze`` runs a JSONL line.

    Gives the contract output per record, or the failure's reason where it failed.
    """
    from ..ingest.jsonl import record_to_raw
    from ..nlp import load_model
    from ..pipeline import analyze_stage, clean_stage
    from ..records import Failure

    nlp = nlp or load_model(settings.model)
    raws = [record_to_raw(r, f"{r.get('id')}") for r in records]
    items = analyze_stage(clean_stage(raws, settings), nlp, settings)
    return [f"{x.code}: {x.reason}" if isinstance(x, Failure) else x.to_dict() for x in items]


def score(
    golds: Sequence[tuple[str, dict[str, Any]]], outputs: Sequence[dict[str, Any]]
) -> tuple[dict[str, float | int], dict[str, Any]]:
    """Figures per article and in total (the metrics), and each article's false events."""
    metrics: dict[str, float | int] = {}
    false: dict[str, list[str]] = {}
    total = ArticleScore()
    n = 0
    for (stem, gold), out in zip(golds, outputs, strict=True):
        if not gold.get("events_complete"):
            continue
        s = score_article(gold, out)
        total.add(s)
        n += 1
        for strict in (False, True):
            metrics[f"{stem} precision {_kind(strict)}"] = s.precision(strict)
        for strict in (False, True):
            metrics[f"{stem} recall {_kind(strict)}"] = s.recall(strict)
        false[stem] = s.false
        if s.unlocated:
            false[stem] = [f"{s.unlocated} gold sentences not found in the body", *s.false]
    if not n:
        raise EvalDataError("no gold file with events_complete")
    metrics["articles"] = n
    metrics["events predicted"] = total.predicted
    metrics["duplicate mentions"] = total.duplicates
    metrics["required gold events"] = total.required
    for strict in (False, True):
        p, r = total.precision(strict), total.recall(strict)
        metrics[f"precision {_kind(strict)}"] = p
        metrics[f"recall {_kind(strict)}"] = r
        metrics[f"F1 {_kind(strict)}"] = 2 * p * r / (p + r) if p + r else 0.0
    return metrics, {"false events": false}


def _kind(strict: bool) -> str:
    return "strict" if strict else "lenient"


def run(
    data_dir: Path,
    settings: Settings | None = None,
    split: str | None = None,
    limit: int | None = None,
    nlp: Any = None,
) -> Report:
    """Analyse every gold article with the whole pipeline and score its events (no splits)."""
    settings = settings or Settings()
    golds = load_golds(find_articles_dir(data_dir), limit)
    results = analyze_records(article_inputs(golds, data_dir), settings, nlp)
    failures = {stem: r for (stem, _), r in zip(golds, results, strict=True) if isinstance(r, str)}
    # a failed article is scored as one with no events
    outputs = [
        r if isinstance(r, dict) else {"article": {"text": ""}, "events": []} for r in results
    ]
    metrics, details = score(golds, outputs)
    metrics["analysis failures"] = len(failures)
    details["failures"] = failures
    return Report("articles", metrics, details)


__all__ = [
    "ArticleScore",
    "article_inputs",
    "event_match",
    "find_articles_dir",
    "load_golds",
    "run",
    "score",
    "score_article",
    "sentence_region",
]
