"""Outlets: who published an article, keyed by the registered domain of its URL.

``edition.cnn.com``, ``www.cnn.com`` and ``cnn.com`` are one outlet, ``cnn.com``; so are
``news.bbc.co.uk`` and ``www.bbc.co.uk`` (``bbc.co.uk``: the public-suffix list of the
``tld`` package knows ``co.uk``). The key is what corroboration counts (distinct outlets
of an event cluster, the corpus overview); the display name is the site name the article
states (``CNN``), else the registered domain. An article with no URL is keyed by its
stated source: a domain if it is one, else the name case-folded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol
from urllib.parse import urlsplit


@dataclass(frozen=True)
class Outlet:
    key: str | None  # registered domain ("cnn.com"), else the case-folded source name
    name: str | None  # what to show: the stated site name, else the registered domain


def registered_domain(value: str | None) -> str | None:
    """The registered domain of a URL or host name ("https://edition.cnn.com/x" → "cnn.com")."""
    if not value or any(ch.isspace() for ch in value.strip()):
        return None
    from tld import get_fld

    try:
        found = get_fld(value.strip(), fail_silently=True, fix_protocol=True)
    except ValueError:  # a URL that urllib cannot split ("http://[")
        return None
    return found.lower() if isinstance(found, str) else None


def _host(url: str | None) -> str | None:
    try:
        host = urlsplit(url).hostname if url else None
    except ValueError:
        return None
    return host.removeprefix("www.") if host else None


def outlet_of(source: str | None, url: str | None) -> Outlet:
    """The outlet of an article from its stated source (site name) and its URL."""
    name = " ".join(source.split()) if source and source.strip() else None
    domain = registered_domain(url)
    key = domain or _host(url) or registered_domain(name) or (name.casefold() if name else None)
    return Outlet(key, name or domain or _host(url))


class _Writable(Protocol):
    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]: ...

    def _many(self, sql: str, rows: Sequence[Sequence[Any]]) -> None: ...


def backfill_outlets(store: _Writable) -> int:
    """Key the outlets of articles stored before schema 4 (the Python step of migration 4).

    Those rows kept only a name: the stated source, or the URL's host when there was none.
    A host becomes its registered domain (``edition.cnn.com`` → ``cnn.com``); a stated
    name stays. Returns how many articles were keyed.
    """
    rows = store._rows("SELECT id, url, outlet FROM articles WHERE outlet_key IS NULL")
    articles, events = [], []
    for r in rows:
        host_named = r["outlet"] is None or r["outlet"] == _host(r["url"])
        outlet = outlet_of(None if host_named else r["outlet"], r["url"])
        articles.append((outlet.key, outlet.name, r["id"]))
        if outlet.name != r["outlet"]:
            events.append((outlet.name, r["id"]))
    store._many("UPDATE articles SET outlet_key = ?, outlet = ? WHERE id = ?", articles)
    store._many("UPDATE events SET outlet = ? WHERE article_id = ?", events)
    return len(articles)
