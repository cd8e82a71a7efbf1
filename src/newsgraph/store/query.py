"""Query filters and the SQL they build. Every value is a bound parameter, never SQL text.

One :class:`Filters` serves every kind of row (events, actors, articles, claims,
clusters); each kind applies the filters that make sense for it and says which it
ignores in :data:`APPLIES`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from .outlets import registered_domain

FtsCondition = Callable[[str], tuple[str, list[Any]]]

KINDS = ("events", "actors", "articles", "claims", "clusters")
# articles are filtered through their events, so both take the same filters
_EVENT_FILTERS = frozenset(
    {
        "actor",
        "country",
        "dyad",
        "plover",
        "cameo",
        "since",
        "until",
        "outlet",
        "text",
        "article_id",
    }
)
APPLIES = {
    "events": _EVENT_FILTERS,
    "actors": {"actor", "country", "since", "until", "outlet", "text", "article_id"},
    "articles": _EVENT_FILTERS,
    "claims": {"actor", "country", "since", "until", "outlet", "text", "article_id", "unsourced"},
    "clusters": {
        "actor",
        "dyad",
        "plover",
        "since",
        "until",
        "min_outlets",
        "min_reports",
        "max_reports",
    },
}

# The columns each kind of row can be sorted by (``sort=name`` or ``sort=-name``), as SQL,
# and each kind's default order; ties are broken by the row's key so pages are stable.
SORTS: dict[str, dict[str, str]] = {
    "events": {
        "day": "e.day",
        "plover": "e.plover",
        "cameo": "e.cameo",
        "goldstein": "e.goldstein",
        "confidence": "e.confidence",
        "outlet": "e.outlet",
        "published": "e.published",
        "actor": "coalesce(e.actor_name, e.actor_code)",
        "recipient": "coalesce(e.recipient_name, e.recipient_code)",
    },
    "actors": {  # aggregates spelled out: PostgreSQL takes no output alias inside CASE
        "name": "x.name",
        "country": "x.country",
        "type": "x.type",
        "articles": "count(DISTINCT x.article_id)",
        "mentions": "sum(x.n_mentions)",
        "first_seen": "min(x.published)",
        "last_seen": "max(x.published)",
    },
    "articles": {
        "published": "a.published",
        "outlet": "a.outlet",
        "title": "a.title",
        "n_actors": "a.n_actors",
        "n_events": "a.n_events",
        "n_claims": "a.n_claims",
    },
    "claims": {
        "published": "a.published",
        "outlet": "a.outlet",
        "certainty": "c.certainty",
        "check_worthiness": "c.check_worthiness",
        "source_kind": "c.source_kind",
    },
    "clusters": {
        "day_first": "k.day_first",
        "day_last": "k.day_last",
        "plover": "k.plover",
        "n_events": "k.n_events",
        "n_articles": "k.n_articles",
        "n_outlets": "k.n_outlets",
        "n_independent": "k.n_independent",
    },
}
DEFAULT_SORT = {
    "events": "-day",
    "actors": "-articles",
    "articles": "-published",
    "claims": "-published",
    "clusters": "-n_outlets",
}
_TIEBREAK = {
    "events": "e.article_id, e.local_id",
    "actors": "sum(x.n_mentions) DESC, x.name, x.code, x.country, x.type",
    "articles": "a.id",
    "claims": "c.article_id, c.sentence_start",
    "clusters": "k.n_articles DESC, k.day_first, k.cluster_id",
}
# Facets: per kind, name → SQL expression over the kind's SELECT (aliases of its FROM).
FACETS: dict[str, dict[str, str]] = {
    "events": {
        "plover": "e.plover",
        "outlet": "e.outlet",
        "actor_country": "e.actor_country",
        "recipient_country": "e.recipient_country",
        "month": "substr(e.day, 1, 7)",
        "date_source": "e.date_source",
    },
    "claims": {
        "source_kind": "c.source_kind",
        "certainty": "c.certainty",
        "outlet": "a.outlet",
        "month": "substr(a.published, 1, 7)",
    },
    "articles": {"outlet": "a.outlet", "month": "substr(a.published, 1, 7)"},
    "actors": {"type": "type", "country": "country"},
    "clusters": {
        "plover": "k.plover",
        "n_outlets": "k.n_outlets",
        "month": "substr(k.day_first, 1, 7)",
    },
}


@dataclass(frozen=True)
class Filters:
    """What to select. None means "any". ``limit=0`` means no limit.

    ``actor`` matches an actor code exactly (``RUSGOV``) or a name case-blind
    (``vladimir putin``). ``dyad`` is (source, target); a side of three letters is a
    country (``RUS``), a longer one an actor code (``RUSGOV``). ``cameo`` is a code
    prefix (``04`` = all consultations). ``since``/``until`` are ISO dates, inclusive,
    on the event's date (else its article's publication date). ``text`` is full-text
    search over title and body (all words must occur).
    """

    actor: str | None = None
    country: str | None = None
    dyad: tuple[str, str] | None = None
    plover: str | None = None
    cameo: str | None = None
    since: str | None = None
    until: str | None = None
    outlet: str | None = None
    text: str | None = None
    article_id: str | None = None
    unsourced: bool = False
    min_outlets: int = 0
    min_reports: int = 0  # clusters reported by at least this many articles
    max_reports: int = 0  # clusters reported by at most this many articles (0: any)
    limit: int = 100
    offset: int = 0
    sort: str | None = None  # a column of SORTS[kind], "-" first for descending

    def __post_init__(self) -> None:
        if self.cameo is not None and not self.cameo.isdigit():
            raise InputError(f"CAMEO prefix must be digits, got {self.cameo!r}")
        if self.limit < 0 or self.offset < 0:
            raise InputError("limit and offset must be ≥ 0")
        if self.dyad is not None and (len(self.dyad) != 2 or not all(self.dyad)):
            raise InputError(f"a dyad needs two sides, got {self.dyad!r}")


def parse_dyad(value: str) -> tuple[str, str]:
    """``"RUS-CHN"`` → ``("RUS", "CHN")``."""
    parts = [p.strip().upper() for p in value.replace(">", "-").split("-")]
    if len(parts) != 2 or not all(parts):
        raise InputError(f"a dyad is SOURCE-TARGET like RUS-CHN or RUSGOV-CHNMIL, got {value!r}")
    return parts[0], parts[1]


def outlet_key_of(value: str) -> str:
    """The outlet key an ``--outlet`` value may name: a registered domain ("edition.cnn.com",
    "https://www.cnn.com/x" → "cnn.com"), else the value itself, case-folded."""
    return registered_domain(value) or value.strip().casefold()


def like_pattern(value: str) -> str:
    """A case-blind substring pattern with LIKE's wildcards escaped."""
    escaped = value.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class _Where:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.params: list[Any] = []

    def add(self, sql: str, *params: Any) -> None:
        self.parts.append(sql)
        self.params.extend(params)

    def sql(self) -> str:
        return " WHERE " + " AND ".join(self.parts) if self.parts else ""


def _side(column_prefix: str, value: str) -> tuple[str, str]:
    return (
        (f"{column_prefix}_country = ?", value)
        if len(value) == 3
        else (f"{column_prefix}_code = ?", value)
    )


def _event_conditions(
    w: _Where, f: Filters, alias: str, fts: FtsCondition, with_text: bool = True
) -> None:
    """Conditions on an events table under ``alias``."""
    if f.actor:
        days, params = _day_range("p.day", f)
        w.add(
            f"({alias}.article_id, {alias}.local_id) IN (SELECT p.article_id, p.event_id FROM "
            f"event_parties p "
            f"WHERE (p.code = ? OR p.name_norm = ?){days})",
            f.actor.upper(),
            f.actor.lower(),
            *params,
        )
    if f.country:
        days, params = _day_range("p.day", f)
        w.add(
            f"({alias}.article_id, {alias}.local_id) IN (SELECT p.article_id, p.event_id FROM "
            f"event_parties p "
            f"WHERE p.country = ?{days})",
            f.country.upper(),
            *params,
        )
    if f.dyad:
        for prefix, value in (("actor", f.dyad[0]), ("recipient", f.dyad[1])):
            cond, v = _side(f"{alias}.{prefix}", value.upper())
            w.add(cond, v)
    if f.plover:
        w.add(f"{alias}.plover = ?", f.plover.upper())
    if f.cameo:
        w.add(f"{alias}.cameo LIKE ?", f.cameo + "%")
    if f.since:
        w.add(f"{alias}.day >= ?", f.since)
    if f.until:
        w.add(f"{alias}.day <= ?", f.until)
    if f.outlet:
        w.add(
            f"(lower({alias}.outlet) LIKE ? ESCAPE '\\' OR {alias}.article_id IN "
            "(SELECT oa.id FROM articles oa WHERE oa.outlet_key = ?))",
            like_pattern(f.outlet),
            outlet_key_of(f.outlet),
        )
    if f.article_id:
        w.add(f"{alias}.article_id = ?", f.article_id)
    if f.text and with_text:
        cond, params = fts(f.text)
        w.add(f"{alias}.article_id IN (SELECT a.id FROM articles a WHERE {cond})", *params)


def _day_range(column: str, f: Filters) -> tuple[str, list[Any]]:
    sql, params = "", []
    if f.since:
        sql += f" AND {column} >= ?"
        params.append(f.since)
    if f.until:
        sql += f" AND {column} <= ?"
        params.append(f.until)
    return sql, params


def _article_conditions(w: _Where, f: Filters, fts: FtsCondition) -> None:
    """Conditions on the articles table under alias ``a``."""
    if f.actor:
        w.add(
            "a.id IN (SELECT x.article_id FROM actors x WHERE x.code = ? OR x.name_norm = ?)",
            f.actor.upper(),
            f.actor.lower(),
        )
    if f.country:
        w.add("a.id IN (SELECT x.article_id FROM actors x WHERE x.country = ?)", f.country.upper())
    if f.dyad or f.plover or f.cameo:
        inner = _Where()
        _event_conditions(inner, Filters(dyad=f.dyad, plover=f.plover, cameo=f.cameo), "e", fts)
        w.add(f"a.id IN (SELECT e.article_id FROM events e{inner.sql()})", *inner.params)
    if f.since:
        w.add("a.published >= ?", f.since)
    if f.until:
        w.add("a.published <= ?", f.until)
    if f.outlet:
        w.add(
            "(lower(a.outlet) LIKE ? ESCAPE '\\' OR a.outlet_key = ?)",
            like_pattern(f.outlet),
            outlet_key_of(f.outlet),
        )
    if f.article_id:
        w.add("a.id = ?", f.article_id)
    if f.text:
        cond, params = fts(f.text)
        w.add(cond, *params)


def _page(f: Filters) -> tuple[str, list[Any]]:
    if f.limit:
        return " LIMIT ? OFFSET ?", [f.limit, f.offset]
    # SQLite has no OFFSET without LIMIT, PostgreSQL no LIMIT -1: a limit no store reaches.
    return (" LIMIT ? OFFSET ?", [2**62, f.offset]) if f.offset else ("", [])


def _events_sql(w: _Where, f: Filters, fts: FtsCondition) -> str:
    _event_conditions(w, f, "e", fts)
    return (
        "SELECT e.article_id, e.local_id AS event_id, e.day, e.date_source, e.date_text, "
        "e.plover, e.cameo, e.mode, e.quad_class, e.goldstein, "
        "e.actor_name, e.actor_code, e.actor_country, e.recipient_name, e.recipient_code, "
        "e.recipient_country, e.negated, e.certainty, e.place_name, e.place_country, e.lat, "
        "e.lon, e.geonames_id, e.confidence, e.outlet, e.published, a.title, a.url, "
        "e.evidence_text AS evidence, e.attribution, ce.cluster_id "
        "FROM events e JOIN articles a ON a.id = e.article_id "
        "LEFT JOIN cluster_events ce ON ce.article_id = e.article_id "
        "AND ce.event_id = e.local_id" + w.sql()
    )


# the strongest source any article gave an actor's country (Actor.country_source), in the
# order extract/actors/homes.py tries them; then why there is none
_SOURCES = ("text", "office", "sentence", "dateline", "outlet", "story",
            "none-igo", "none-lexicon", "none-unknown")  # fmt: skip
_BEST_SOURCE = (
    "CASE min(CASE x.country_source "
    + " ".join(f"WHEN '{v}' THEN {i}" for i, v in enumerate(_SOURCES))
    + " END) "
    + " ".join(f"WHEN {i} THEN '{v}'" for i, v in enumerate(_SOURCES))
    + " END"
)


def _actors_sql(w: _Where, f: Filters, fts: FtsCondition) -> str:
    if f.actor:
        w.add("(x.code = ? OR x.name_norm = ?)", f.actor.upper(), f.actor.lower())
    if f.country:
        w.add("x.country = ?", f.country.upper())
    if f.since:
        w.add("x.published >= ?", f.since)
    if f.until:
        w.add("x.published <= ?", f.until)
    if f.article_id:
        w.add("x.article_id = ?", f.article_id)
    if f.outlet or f.text:
        inner = _Where()
        _article_conditions(inner, Filters(outlet=f.outlet, text=f.text), fts)
        w.add(f"x.article_id IN (SELECT a.id FROM articles a{inner.sql()})", *inner.params)
    return (
        "SELECT x.name, x.code, x.country, " + _BEST_SOURCE + " AS country_source, x.type, "
        "count(DISTINCT x.article_id) AS articles, "
        "sum(x.n_mentions) AS mentions, min(x.published) AS first_seen, max(x.published) AS "
        "last_seen "
        "FROM actors x" + w.sql() + " GROUP BY x.name, x.code, x.country, x.type"
    )


def _articles_sql(w: _Where, f: Filters, fts: FtsCondition) -> str:
    _article_conditions(w, f, fts)
    return (
        "SELECT a.id, a.published, a.outlet, a.title, a.url, a.n_actors, a.n_events, "
        "a.n_claims, "
        "a.skipped, a.ingested_at, d.group_id AS duplicate_group FROM articles a "
        "LEFT JOIN duplicates d ON d.article_id = a.id" + w.sql()
    )


def _claims_sql(w: _Where, f: Filters, fts: FtsCondition) -> str:
    if f.actor:
        w.add("(q.speaker_code = ? OR q.speaker_norm = ?)", f.actor.upper(), f.actor.lower())
    if f.country:
        w.add(
            "q.source_id IN (SELECT x.local_id FROM actors x WHERE x.article_id = c.article_id "
            "AND x.country = ?)",
            f.country.upper(),
        )
    if f.unsourced:
        w.add("c.sourced = 0")
    if f.article_id:
        w.add("c.article_id = ?", f.article_id)
    _article_conditions(w, Filters(since=f.since, until=f.until, outlet=f.outlet, text=f.text), fts)
    return (
        "SELECT c.article_id, c.local_id AS claim_id, a.published, a.outlet, a.title, a.url, "
        "c.sourced, c.source_kind, c.certainty, c.check_worthiness, c.attribution, "
        "q.kind AS attribution_kind, q.speaker, c.sentence "
        "FROM claims c JOIN articles a ON a.id = c.article_id LEFT JOIN attributions q "
        "ON q.article_id = c.article_id AND q.local_id = c.attribution" + w.sql()
    )


def _clusters_sql(w: _Where, f: Filters, fts: FtsCondition) -> str:
    if f.plover:
        w.add("k.plover = ?", f.plover.upper())
    if f.dyad:
        w.add("k.actor = ? AND k.recipient = ?", f.dyad[0].upper(), f.dyad[1].upper())
    if f.actor:
        w.add("(k.actor = ? OR k.recipient = ?)", f.actor.upper(), f.actor.upper())
    if f.since:
        w.add("k.day_last >= ?", f.since)
    if f.until:
        w.add("k.day_first <= ?", f.until)
    if f.min_outlets:
        w.add("k.n_outlets >= ?", f.min_outlets)
    if f.min_reports:
        w.add("k.n_articles >= ?", f.min_reports)
    if f.max_reports:
        w.add("k.n_articles <= ?", f.max_reports)
    return (
        "SELECT k.cluster_id, k.plover, k.actor, k.recipient, k.day_first, k.day_last, "
        "k.n_events, "
        "k.n_articles, k.n_outlets, k.n_independent, k.outlets FROM event_clusters k" + w.sql()
    )


# kind of row -> the function that adds its conditions to a _Where and returns its SELECT
_SELECTS: dict[str, Callable[[_Where, Filters, FtsCondition], str]] = {
    "events": _events_sql,
    "actors": _actors_sql,
    "articles": _articles_sql,
    "claims": _claims_sql,
    "clusters": _clusters_sql,
}


def order_by(kind: str, sort: str | None) -> str:
    """The ORDER BY clause of ``kind`` rows for ``sort`` (``name`` or ``-name``)."""
    spec = sort or DEFAULT_SORT[kind]
    desc = spec.startswith("-")
    name = spec.lstrip("-+ ")
    column = SORTS[kind].get(name)
    if column is None:
        valid = ", ".join(sorted(SORTS[kind]))
        raise InputError(f"cannot sort {kind} by {name!r}; choose one of {valid}")
    # NULLs last either way, so "most check-worthy first" does not start with unscored rows.
    direction = "DESC" if desc else "ASC"
    return (
        f" ORDER BY CASE WHEN {column} IS NULL THEN 1 ELSE 0 END, {column} {direction}, "
        + _TIEBREAK[kind]
    )


def count_query(kind: str, f: Filters, fts: FtsCondition) -> tuple[str, list[Any]]:
    """SQL counting every ``kind`` row under ``f`` (paging ignored)."""
    w = _Where()
    sql = _select(kind)(w, f, fts)
    return f"SELECT count(*) AS n FROM ({sql}) t", w.params


def facet_query(
    kind: str, f: Filters, fts: FtsCondition, facet: str, limit: int = 12
) -> tuple[str, list[Any]]:
    """SQL of (value, n) for one facet of ``kind`` rows under ``f``, most frequent first."""
    expr = FACETS[kind][facet]
    w = _Where()
    inner = _select(kind)(w, f, fts)
    if kind == "actors":  # grouped rows: count the actors, i.e. the rows of the grouped select
        sql = f"SELECT t.{expr} AS value, count(*) AS n FROM ({inner}) t GROUP BY t.{expr}"
    else:  # the same FROM and WHERE (the select list ends at its first FROM), grouped
        sql = f"SELECT {expr} AS value, count(*) AS n FROM {inner.partition(' FROM ')[2]}"
        sql += f" GROUP BY {expr}"
    return sql + " ORDER BY n DESC, value LIMIT ?", [*w.params, limit]


def _select(kind: str) -> Callable[[_Where, Filters, FtsCondition], str]:
    select = _SELECTS.get(kind)
    if select is None:
        raise InputError(f"unknown kind of row {kind!r}; choose one of {', '.join(KINDS)}")
    return select


def build_query(
    kind: str, f: Filters, fts: FtsCondition, *, after: int = -1, page: int = 500
) -> tuple[str, list[Any]]:
    """The SQL (``?`` placeholders) and parameters selecting ``kind`` rows under ``f``."""
    w = _Where()
    if kind == "articles_json":  # keyset paging over the stored documents, for export
        _article_conditions(w, f, fts)
        w.add("a.seq > ?", after)
        sql = "SELECT a.seq, a.analysis FROM articles a" + w.sql() + " ORDER BY a.seq LIMIT ?"
        return sql, [*w.params, page]
    sql = _select(kind)(w, f, fts) + order_by(kind, f.sort)
    tail, params = _page(f)
    return sql + tail, [*w.params, *params]
