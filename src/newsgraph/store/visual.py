"""The reads behind the web UI's charts: the dyad network, its evidence, dated counts, places.

A mixin of :class:`~newsgraph.store.Store`, like :mod:`.reads`: each method is one SELECT
written once for SQLite and PostgreSQL, every value a bound parameter. A side of a dyad is
named as the network shows it: the actor's name when the article resolved one, else its code.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

SOURCE = "coalesce(e.actor_name, e.actor_code)"
TARGET = "coalesce(e.recipient_name, e.recipient_code)"


@dataclass(frozen=True)
class GraphFilters:
    """What the network and the map select. None means "any"."""

    plover: str | None = None
    since: str | None = None
    until: str | None = None
    country: str | None = None
    actor: str | None = None  # ego: only dyads this actor (name or code, case-blind) is in
    min_events: int = 1
    limit: int = 300


def _conditions(f: GraphFilters) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for cond, value in (
        ("e.plover = ?", f.plover.upper() if f.plover else None),
        ("e.day >= ?", f.since),
        ("e.day <= ?", f.until),
    ):
        if value:
            where.append(cond)
            params.append(value)
    if f.country:
        where.append("(e.actor_country = ? OR e.recipient_country = ?)")
        params += [f.country.upper(), f.country.upper()]
    if f.actor:
        where.append(
            "(e.actor_code = ? OR lower(e.actor_name) = ? OR e.recipient_code = ? "
            "OR lower(e.recipient_name) = ?)"
        )
        params += [f.actor.upper(), f.actor.lower()] * 2
    return where, params


class VisualReads(ABC):
    """Network dyads without self-loops, the sentences behind an edge, counts by day, places."""

    @abstractmethod
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run one SELECT (``?`` placeholders); its rows as dicts."""

    def network_dyads(self, f: GraphFilters) -> list[dict[str, Any]]:
        """Event counts per (actor, recipient, PLOVER type), most frequent first.

        An actor acting on itself (same name or code on both sides, case-blind) is left
        out, as are events without both sides; ``min_events`` drops rarer dyads.
        """
        where, params = _conditions(f)
        where += [
            f"{SOURCE} IS NOT NULL",
            f"{TARGET} IS NOT NULL",
            f"lower({SOURCE}) <> lower({TARGET})",
        ]
        sql = (
            f"SELECT {SOURCE} AS source, min(e.actor_country) AS source_country, "
            f"{TARGET} AS target, min(e.recipient_country) AS target_country, e.plover, "
            "min(e.quad_class) AS quad_class, count(*) AS n, "
            "count(DISTINCT e.article_id) AS n_articles, count(DISTINCT e.outlet) AS n_outlets, "
            "min(e.day) AS first_day, max(e.day) AS last_day FROM events e WHERE "
            + " AND ".join(f"({w})" for w in where)
            + f" GROUP BY {SOURCE}, {TARGET}, e.plover HAVING count(*) >= ? "
            "ORDER BY n DESC, source, target, e.plover LIMIT ?"
        )
        return self._rows(sql, [*params, max(f.min_events, 1), f.limit])

    def dyad_evidence(
        self, source: str, target: str, f: GraphFilters, limit: int = 500
    ) -> list[dict[str, Any]]:
        """The events of one directed dyad (names as :meth:`network_dyads` gives them), with
        their evidence sentences and articles, grouped by outlet."""
        where, params = _conditions(GraphFilters(f.plover, f.since, f.until))
        where += [f"{SOURCE} = ?", f"{TARGET} = ?"]
        sql = (
            "SELECT e.article_id, e.local_id AS event_id, e.day, e.date_source, e.plover, e.cameo, "
            "e.negated, e.certainty, e.evidence_text AS evidence, e.place_name, "
            "coalesce(e.outlet, 'unknown outlet') AS outlet, a.title, a.url, a.published "
            "FROM events e JOIN articles a ON a.id = e.article_id WHERE "
            + " AND ".join(f"({w})" for w in where)
            + " ORDER BY outlet, e.day, e.article_id, e.local_id LIMIT ?"
        )
        return self._rows(sql, [*params, source, target, limit])

    def day_counts(self, what: str = "events", actor: str | None = None) -> list[dict[str, Any]]:
        """Counts per stored date, for timelines that judge the dates themselves.

        Events: one row per (day, date_end, plover) with ``n``; ``date_end`` lets a caller
        tell a day from a date known only to the month or year. Articles: (day, n) by
        publication date. ``actor`` (code or name) keeps the events it took part in.
        """
        if what == "articles":
            return self._rows(
                "SELECT published AS day, count(*) AS n FROM articles GROUP BY published"
            )
        if what != "events":
            raise ValueError(f"day counts of {what!r}: choose events or articles")
        sql = "SELECT e.day, e.date_end, e.plover, count(*) AS n FROM events e"
        params: list[Any] = []
        if actor:
            sql += (
                " WHERE (e.article_id, e.local_id) IN (SELECT p.article_id, p.event_id "
                "FROM event_parties p WHERE p.code = ? OR p.name_norm = ?)"
            )
            params = [actor.upper(), actor.lower()]
        return self._rows(sql + " GROUP BY e.day, e.date_end, e.plover", params)

    def places(self, f: GraphFilters) -> list[dict[str, Any]]:
        """Places events happened at (those with coordinates), most events first."""
        where, params = _conditions(f)
        where += ["e.lat IS NOT NULL", "e.lon IS NOT NULL"]
        sql = (
            "SELECT e.place_name AS name, e.place_country AS country, e.geonames_id, e.lat, "
            "e.lon, count(*) AS n, count(DISTINCT e.article_id) AS n_articles, "
            "min(e.day) AS first_day, max(e.day) AS last_day FROM events e WHERE "
            + " AND ".join(f"({w})" for w in where)
            + " GROUP BY e.place_name, e.place_country, e.geonames_id, e.lat, e.lon "
            "ORDER BY n DESC, name LIMIT ?"
        )
        return self._rows(sql, [*params, f.limit])

    def place_events(
        self, lat: float, lon: float, f: GraphFilters, limit: int = 200
    ) -> list[dict[str, Any]]:
        """The events at one point of :meth:`places` (its coordinates), newest first."""
        where, params = _conditions(f)
        where += ["e.lat BETWEEN ? AND ?", "e.lon BETWEEN ? AND ?"]
        params += [lat - 1e-6, lat + 1e-6, lon - 1e-6, lon + 1e-6]
        sql = (
            "SELECT e.article_id, e.local_id AS event_id, e.day, e.plover, e.cameo, e.negated, "
            f"e.place_name, {SOURCE} AS source, {TARGET} AS target, "
            "e.evidence_text AS evidence, coalesce(e.outlet, 'unknown outlet') AS outlet, "
            "a.title FROM events e JOIN articles a ON a.id = e.article_id WHERE "
            + " AND ".join(f"({w})" for w in where)
            + " ORDER BY e.day DESC, e.article_id, e.local_id LIMIT ?"
        )
        return self._rows(sql, [*params, limit])


__all__ = ["GraphFilters", "VisualReads"]
