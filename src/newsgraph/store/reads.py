"""The aggregate reads the web UI and API show, beyond :meth:`Store.query`.

A mixin of :class:`~newsgraph.store.Store`: every method is one or two SELECTs written
once for SQLite and PostgreSQL alike, with every value a bound parameter.
"""

from __future__ import annotations

import json
from abc import ABC, abstractmethod
from collections.abc import Sequence
from typing import Any

from .query import Filters, like_pattern


def _actor_match(column_code: str, column_name: str) -> str:
    return f"({column_code} = ? OR {column_name} = ?)"


class CorpusReads(ABC):
    """Headline counts, timelines, the dyad network, actor profiles and cluster details."""

    @abstractmethod
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        """Run one SELECT (``?`` placeholders); its rows as dicts."""

    @abstractmethod
    def query(self, kind: str, filters: Filters | None = None) -> list[dict[str, Any]]:
        """Rows of one kind matching the filters (see :meth:`Store.query`)."""

    def overview(self) -> dict[str, int]:
        """Headline counts: articles, outlets, actors (distinct names), events, claims, quotes…"""
        q = (
            "SELECT (SELECT count(*) FROM articles) AS articles, "
            "(SELECT count(DISTINCT coalesce(outlet_key, outlet)) FROM articles) AS outlets, "
            "(SELECT count(DISTINCT name_norm) FROM actors) AS actors, "
            "(SELECT count(*) FROM events) AS events, "
            "(SELECT count(*) FROM attributions) AS quotes, "
            "(SELECT count(*) FROM claims) AS claims, "
            "(SELECT count(*) FROM claims WHERE sourced = 0) AS unsourced, "
            "(SELECT count(*) FROM event_clusters) AS clusters, "
            "(SELECT count(*) FROM failures) AS failures"
        )
        row = self._rows(q)[0]
        return {k: int(v or 0) for k, v in row.items()}

    def day_range(self) -> tuple[str | None, str | None]:
        """The first and last day of the corpus: event days and publication dates together."""
        row = self._rows(  # both use an index: events_day, articles_published
            "SELECT (SELECT min(day) FROM events) AS e0, (SELECT max(day) FROM events) AS e1, "
            "(SELECT min(published) FROM articles) AS a0, "
            "(SELECT max(published) FROM articles) AS a1"
        )[0]
        firsts = [d for d in (row["e0"], row["a0"]) if d]
        lasts = [d for d in (row["e1"], row["a1"]) if d]
        return (min(firsts) if firsts else None, max(lasts) if lasts else None)

    def timeline(
        self, what: str = "events", by: str = "month", actor: str | None = None
    ) -> list[tuple[str, int]]:
        """(period, count) pairs of events (by their day) or articles (by publication date).

        ``by`` is ``day``, ``month`` or ``year``; ``actor`` (code or name) restricts events
        to those the actor took part in.
        """
        width = {"day": 10, "month": 7, "year": 4}[by]
        if what == "articles":
            sql = (
                f"SELECT substr(published, 1, {width}) AS period, count(*) AS n FROM articles "
                "WHERE published IS NOT NULL GROUP BY period ORDER BY period"
            )
            params: list[Any] = []
        elif what == "events":
            sql = (
                f"SELECT substr(e.day, 1, {width}) AS period, count(*) AS n FROM events e "
                "WHERE e.day IS NOT NULL"
            )
            params = []
            if actor:
                sql += (
                    " AND (e.article_id, e.local_id) IN (SELECT p.article_id, p.event_id FROM "
                    "event_parties p "
                    "WHERE " + _actor_match("p.code", "p.name_norm") + ")"
                )
                params = [actor.upper(), actor.lower()]
            sql += " GROUP BY period ORDER BY period"
        else:
            raise ValueError(f"timeline of {what!r}: choose events or articles")
        return [(r["period"], int(r["n"])) for r in self._rows(sql, params)]

    def dyads(
        self,
        *,
        plover: str | None = None,
        since: str | None = None,
        until: str | None = None,
        country: str | None = None,
        limit: int = 300,
    ) -> list[dict[str, Any]]:
        """Who acts on whom: event counts per (actor, recipient, PLOVER type), most frequent first.

        A side is named by its actor name when the article resolved one, else by its code.
        Events with no recipient are left out (a network needs two ends).
        """
        where = [
            "e.recipient_code IS NOT NULL OR e.recipient_name IS NOT NULL",
            "e.actor_code IS NOT NULL OR e.actor_name IS NOT NULL",
            # no self-loops: "Donald Trump → Donald Trump" is a coding error, not a dyad
            "lower(coalesce(e.actor_name, e.actor_code)) <> "
            "lower(coalesce(e.recipient_name, e.recipient_code))",
        ]
        params: list[Any] = []
        for cond, value in (
            ("e.plover = ?", plover.upper() if plover else None),
            ("e.day >= ?", since),
            ("e.day <= ?", until),
        ):
            if value:
                where.append(cond)
                params.append(value)
        if country:
            where.append("(e.actor_country = ? OR e.recipient_country = ?)")
            params += [country.upper(), country.upper()]
        sql = (
            "SELECT coalesce(e.actor_name, e.actor_code) AS source, "
            "e.actor_country AS source_country, "
            "coalesce(e.recipient_name, e.recipient_code) AS target, e.recipient_country AS "
            "target_country, "
            "e.plover, min(e.quad_class) AS quad_class, count(*) AS n, min(e.day) AS first_day, "
            "max(e.day) AS last_day FROM events e WHERE "
            + " AND ".join(f"({w})" for w in where)
            + " GROUP BY coalesce(e.actor_name, e.actor_code), e.actor_country, "
            "coalesce(e.recipient_name, e.recipient_code), e.recipient_country, e.plover "
            "ORDER BY n DESC, source, target, e.plover LIMIT ?"
        )
        return self._rows(sql, [*params, limit])

    def actor_profile(self, actor: str) -> dict[str, Any] | None:
        """Everything the corpus says about one actor (code or case-blind name), or None.

        Names, types, countries, roles and sectors are counted over the articles that
        mention the actor, so a role seen once stands apart from one seen everywhere.
        """
        match = _actor_match("code", "name_norm")
        params = [actor.upper(), actor.lower()]
        # Aggregated in SQL: a much-reported actor has one row per article.
        rows = self._rows(
            "SELECT name, type, country, country_source, roles, sectors, code, count(*) AS n "
            f"FROM actors WHERE {match} "
            "GROUP BY name, type, country, country_source, roles, sectors, code",
            params,
        )
        if not rows:
            return None
        totals = self._rows(
            "SELECT count(DISTINCT article_id) AS articles, sum(n_mentions) AS mentions, "
            f"min(published) AS first_seen, max(published) AS last_seen FROM actors WHERE {match}",
            params,
        )[0]

        def tally(pairs: list[tuple[str | None, int]]) -> list[tuple[str, int]]:
            out: dict[str, int] = {}
            for value, n in pairs:
                if value:
                    out[value] = out.get(value, 0) + n
            return sorted(out.items(), key=lambda kv: (-kv[1], kv[0]))

        def split(column: str, sep: str | None) -> list[tuple[str | None, int]]:
            return [(v, int(r["n"])) for r in rows for v in (r[column] or "").split(sep)]

        return {
            "names": tally([(r["name"], int(r["n"])) for r in rows]),
            "types": tally([(r["type"], int(r["n"])) for r in rows]),
            "countries": tally([(r["country"], int(r["n"])) for r in rows]),
            "country_sources": tally([(r["country_source"], int(r["n"])) for r in rows]),
            "codes": tally([(r["code"], int(r["n"])) for r in rows]),
            "roles": tally(split("roles", "; ")),
            "sectors": tally(split("sectors", None)),
            "articles": int(totals["articles"] or 0),
            "mentions": int(totals["mentions"] or 0),
            "first_seen": totals["first_seen"],
            "last_seen": totals["last_seen"],
        }

    def counterparts(self, actor: str, limit: int = 50) -> list[dict[str, Any]]:
        """Who an actor's events involve on the other side, with counts and event types.

        A counterpart is named as its article spells it, else by its code.
        """
        sql = (
            "SELECT coalesce(x.name, o.code) AS name, o.code, o.country, me.role AS my_role, "
            "e.plover, count(*) AS n FROM event_parties me "
            "JOIN event_parties o ON o.article_id = me.article_id AND o.event_id = me.event_id "
            "AND o.role <> me.role AND o.actor_id <> me.actor_id "
            "JOIN events e ON e.article_id = me.article_id AND e.local_id = me.event_id "
            "LEFT JOIN actors x ON x.article_id = o.article_id AND x.local_id = o.actor_id "
            "WHERE " + _actor_match("me.code", "me.name_norm") + " "
            "GROUP BY coalesce(x.name, o.code), o.code, o.country, me.role, e.plover "
            "ORDER BY n DESC, name, my_role, e.plover LIMIT ?"
        )
        return self._rows(sql, [actor.upper(), actor.lower(), limit])

    def actor_quotes(self, actor: str, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        """What an actor is quoted as saying, newest first, with the article it is in."""
        sql = (
            "SELECT q.article_id, q.local_id AS attribution_id, q.kind, q.cue, q.content, "
            "q.n_hedges, q.speaker, "
            "a.title, a.outlet, a.published FROM attributions q "
            "JOIN articles a ON a.id = q.article_id "
            "WHERE " + _actor_match("q.speaker_code", "q.speaker_norm") + " "
            "ORDER BY a.published DESC, q.article_id, q.content_start LIMIT ? OFFSET ?"
        )
        return self._rows(sql, [actor.upper(), actor.lower(), limit, offset])

    def count_quotes(self, actor: str) -> int:
        """How many attributions credit this actor (code or case-blind name)."""
        sql = "SELECT count(*) AS n FROM attributions q WHERE " + _actor_match(
            "q.speaker_code", "q.speaker_norm"
        )
        return int(self._rows(sql, [actor.upper(), actor.lower()])[0]["n"] or 0)

    def top_actors(self, limit: int = 12) -> list[dict[str, Any]]:
        """The actors named in the most articles: name, code, country and article count.

        Counted on the (name_norm, published) index alone — one row per actor per article —
        so the overview does not group the whole actors table by four columns.
        """
        top = self._rows(
            "SELECT name_norm, count(*) AS articles FROM actors GROUP BY name_norm "
            "ORDER BY articles DESC, name_norm LIMIT ?",
            [limit],
        )
        out = []
        for r in top:
            # The spelling, code and country the most articles give this name.
            seen = self._rows(
                "SELECT name, code, country, count(*) AS n FROM actors WHERE name_norm = ? "
                "GROUP BY name, code, country ORDER BY n DESC, name LIMIT 1",
                [r["name_norm"]],
            )[0]
            out.append({**seen, "articles": int(r["articles"])})
        return out

    def recent_unsourced(self, limit: int = 8, articles: int = 50) -> list[dict[str, Any]]:
        """The most check-worthy unsourced claims of the latest ``articles`` articles.

        Bounded by the latest articles (an index walk) rather than sorting every unsourced
        claim of the corpus, so the overview stays fast on a big store.
        """
        sql = (
            "SELECT c.article_id, c.local_id AS claim_id, a.title, a.outlet, a.published, "
            "c.certainty, c.check_worthiness, c.sentence FROM claims c "
            "JOIN articles a ON a.id = c.article_id "
            "WHERE c.sourced = 0 AND c.article_id IN "
            "(SELECT id FROM articles ORDER BY published DESC, id LIMIT ?) "
            "ORDER BY c.check_worthiness DESC, a.published DESC, c.article_id, c.sentence_start "
            "LIMIT ?"
        )
        return self._rows(sql, [articles, limit])

    def find_actors(self, text: str, limit: int = 20) -> list[dict[str, Any]]:
        """Actors whose name contains ``text`` (case-blind), most widely reported first."""
        sql = (
            "SELECT name, code, country, count(DISTINCT article_id) AS articles FROM actors "
            "WHERE name_norm LIKE ? ESCAPE '\\' GROUP BY name, code, country "
            "ORDER BY articles DESC, name LIMIT ?"
        )
        return self._rows(sql, [like_pattern(text), limit])

    def event_row(self, article_id: str, event_id: str) -> dict[str, Any] | None:
        """One event as :meth:`Store.query` lists it (the events row), or None."""
        found = self.query("events", Filters(article_id=article_id, limit=0))
        return next((r for r in found if r["event_id"] == event_id), None)

    def claim_row(self, article_id: str, claim_id: str) -> dict[str, Any] | None:
        """One claim as :meth:`Store.query` lists it (the claims row), or None."""
        found = self.query("claims", Filters(article_id=article_id, limit=0))
        return next((r for r in found if r["claim_id"] == claim_id), None)

    def cluster(self, cluster_id: str) -> dict[str, Any] | None:
        """One event cluster with its member events and the articles and outlets behind them."""
        heads = self._rows(
            "SELECT cluster_id, plover, actor, recipient, day_first, day_last, n_events, "
            "n_articles, n_outlets, "
            "n_independent, outlets FROM event_clusters WHERE cluster_id = ?",
            [cluster_id],
        )
        if not heads:
            return None
        head = dict(heads[0])
        head["outlets"] = json.loads(head["outlets"] or "[]")
        head["events"] = self._rows(
            "SELECT e.article_id, e.local_id AS event_id, e.day, e.plover, e.cameo, e.actor_name, "
            "e.actor_code, "
            "e.recipient_name, e.recipient_code, e.place_name, e.negated, e.certainty, "
            "e.evidence_text AS evidence, "
            "a.title, a.outlet, a.published, a.url, d.group_id AS duplicate_group "
            "FROM cluster_events c JOIN events e ON e.article_id = c.article_id AND e.local_id = "
            "c.event_id "
            "JOIN articles a ON a.id = e.article_id LEFT JOIN duplicates d ON d.article_id = a.id "
            "WHERE c.cluster_id = ? ORDER BY a.published, a.outlet, e.article_id, e.local_id",
            [cluster_id],
        )
        return head
