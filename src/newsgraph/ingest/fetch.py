"""Fetch a URL safely: timeout, size cap, bounded redirects, no private addresses.

Every hop of a redirect chain is resolved and each of its IP addresses checked with
:mod:`ipaddress` before a connection is made, so a public URL cannot redirect us into a
private network. The body is read in chunks and the size cap is enforced while reading,
so a huge or endless response costs at most ``max_bytes`` of memory.

Known limit: the address is checked when the name is resolved, and the HTTP client
resolves it again when connecting; a DNS server that answers differently within those
milliseconds (DNS rebinding) is not defended against.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

from ..config import Settings
from ..errors import BlockedAddressError, FetchError

_CHUNK = 64 * 1024


@dataclass(frozen=True)
class Fetched:
    """A fetched response body and what the server said about it."""

    url: str  # the final URL, after redirects
    content: bytes
    content_type: str  # media type only, lower-cased, e.g. "text/html"


def is_url(source: str) -> bool:
    """True for http(s) URLs, the only schemes newsgraph fetches."""
    return source.lower().startswith(("http://", "https://"))


def _blocked_reason(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    # most specific first: loopback and link-local addresses also count as "private"
    for attr, what in (
        ("is_loopback", "a loopback"),
        ("is_link_local", "a link-local"),
        ("is_unspecified", "an unspecified"),
        ("is_multicast", "a multicast"),
        ("is_reserved", "a reserved"),
        ("is_private", "a private"),
    ):
        if getattr(ip, attr):
            return f"{what} address"
    return None


def check_address(url: str, settings: Settings) -> None:
    """Raise BlockedAddressError if the URL's host resolves to a non-public address."""
    parts = urlsplit(url)
    host = parts.hostname
    if parts.scheme not in ("http", "https") or not host:
        raise FetchError("not an http(s) URL with a host", input=url)
    if settings.allow_private:
        return
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise FetchError(f"cannot resolve host {host!r}: {e.strerror}", input=url) from None
    for info in infos:
        ip = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        reason = _blocked_reason(ip)
        if reason:
            raise BlockedAddressError(
                f"host {host!r} resolves to {ip}, {reason}; refused",
                input=url,
                hint="pass --allow-private (or set NEWSGRAPH_ALLOW_PRIVATE=1) to fetch it",
            )


def _media_type(value: str | None) -> str:
    return (value or "").split(";", 1)[0].strip().lower()


def fetch(url: str, settings: Settings) -> Fetched:
    """GET ``url`` within the limits of ``settings``; raise FetchError naming the URL."""
    deadline = time.monotonic() + settings.fetch_timeout
    timeout = httpx.Timeout(settings.fetch_timeout)
    headers = {
        "User-Agent": settings.user_agent,
        "Accept": "text/html,application/xhtml+xml,"
        "application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
    }
    current = url
    seen: list[str] = []
    with httpx.Client(timeout=timeout, follow_redirects=False, headers=headers) as client:
        for _hop in range(settings.max_redirects + 1):
            check_address(current, settings)
            seen.append(current)
            try:
                with client.stream("GET", current) as response:
                    if response.is_redirect:
                        location = response.headers.get("location")
                        if not location:
                            raise FetchError(
                                f"HTTP {response.status_code} redirect with no Location header",
                                input=url,
                            )
                        current = urljoin(current, location)
                        if current in seen:
                            raise FetchError(f"redirect loop at {current}", input=url)
                        continue
                    if response.status_code >= 400:
                        raise FetchError(
                            f"HTTP {response.status_code} {response.reason_phrase}", input=url
                        )
                    declared = response.headers.get("content-length")
                    if declared and declared.isdigit() and int(declared) > settings.max_bytes:
                        raise FetchError(
                            f"response is {int(declared):,} bytes, over the "
                            f"{settings.max_bytes:,}-byte limit",
                            input=url,
                        )
                    body = bytearray()
                    for chunk in response.iter_bytes(_CHUNK):
                        body += chunk
                        if len(body) > settings.max_bytes:
                            raise FetchError(
                                f"response is over the {settings.max_bytes:,}-byte limit", input=url
                            )
                        if time.monotonic() > deadline:
                            raise FetchError(
                                f"download took over {settings.fetch_timeout:g} s", input=url
                            )
                    return Fetched(
                        str(response.url),
                        bytes(body),
                        _media_type(response.headers.get("content-type")),
                    )
            except httpx.TimeoutException:
                raise FetchError(
                    f"timed out after {settings.fetch_timeout:g} s", input=url
                ) from None
            except httpx.HTTPError as e:
                raise FetchError(f"could not fetch: {_describe(e)}", input=url) from None
    raise FetchError(f"more than {settings.max_redirects} redirects", input=url)


def _describe(e: Exception) -> str:
    cause = e.__cause__ or e.__context__
    text = str(e) or type(e).__name__
    if isinstance(cause, OSError) and cause.strerror:
        text = cause.strerror
    return text
