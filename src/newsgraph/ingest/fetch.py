"""Fetch a URL safely: one deadline, size cap, bounded redirects, no non-global addresses.

Every hop of a redirect chain is resolved once, each of its IP addresses checked with
:mod:`ipaddress` (anything not globally routable is refused: private, loopback,
link-local, carrier-grade NAT 100.64.0.0/10, and IPv4 addresses embedded in IPv6 ones —
mapped, 6to4, Teredo, NAT64), and the connection is then made to the checked address
itself (:class:`_PinnedBackend`), so a DNS server that answers differently the second time
(DNS rebinding) is never asked a second time. TLS still verifies, and the ``Host`` header
still names, the URL's host. The backend is httpcore's public seam for how sockets are
made (``ConnectionPool(network_backend=…)``), under httpx through a transport of our own
(:class:`_PinnedTransport`, httpx's documented way to replace how requests are sent).

``fetch_timeout`` is one deadline for the whole URL — resolving, connecting, TLS, headers,
body and redirects — enforced on every socket operation, so a server that trickles a byte
a second cannot hold a fetch past it. The body is read in chunks and the size cap is
enforced while reading, so a huge or endless response costs at most ``max_bytes``.
"""

from __future__ import annotations

import ipaddress
import socket
import ssl
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from ..config import Settings
from ..errors import BlockedAddressError, FetchError

_CHUNK = 64 * 1024
_NAT64 = ipaddress.ip_network("64:ff9b::/96")

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


@dataclass(frozen=True)
class Fetched:
    """A fetched response body and what the server said about it."""

    url: str  # the final URL, after redirects
    content: bytes
    content_type: str  # media type only, lower-cased, e.g. "text/html"


def is_url(source: str) -> bool:
    """True for http(s) URLs, the only schemes newsgraph fetches."""
    return source.lower().startswith(("http://", "https://"))


def _embedded(ip: IPAddress) -> list[IPAddress]:
    """Any IPv4 address an IPv6 one carries, then the address itself."""
    found: list[IPAddress] = []
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped:
            found.append(ip.ipv4_mapped)
        if ip.sixtofour:
            found.append(ip.sixtofour)
        if ip.teredo:
            found.append(ip.teredo[1])
        if ip in _NAT64:
            found.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
    return [*found, ip]


def _blocked_reason(ip: IPAddress) -> str | None:
    for addr in _embedded(ip):
        where = "" if addr is ip else f" (inside {ip})"
        # most specific first: loopback and link-local addresses also count as "private"
        for attr, what in (
            ("is_loopback", "a loopback"),
            ("is_link_local", "a link-local"),
            ("is_unspecified", "an unspecified"),
            ("is_multicast", "a multicast"),
            ("is_reserved", "a reserved"),
            ("is_private", "a private"),
        ):
            if getattr(addr, attr):
                return f"{what} address{where}"
        if not addr.is_global:
            return f"not a globally routable address{where} (e.g. carrier-grade NAT)"
    return None


def _getaddrinfo(host: str, port: int) -> list[Any]:
    """The resolver (a seam for tests: a stub stands in for DNS)."""
    return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)


def _resolve(host: str, port: int, url: str, deadline: float) -> list[str]:
    """The host's addresses, resolved once, within what is left of the deadline."""
    try:
        ipaddress.ip_address(host)
        return [host]
    except ValueError:
        pass
    box: dict[str, Any] = {}

    def run() -> None:
        try:
            box["infos"] = _getaddrinfo(host, port)
        except OSError as e:
            box["error"] = e

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(max(0.0, deadline - time.monotonic()))
    if worker.is_alive():
        raise FetchError(f"resolving host {host!r} took past the deadline", input=url)
    if "error" in box:
        e = box["error"]
        raise FetchError(f"cannot resolve host {host!r}: {e.strerror or e}", input=url)
    addresses: list[str] = []
    for info in box["infos"]:
        address = str(info[4][0]).split("%", 1)[0]
        if address not in addresses:
            addresses.append(address)
    return addresses


def check_address(
    url: str, settings: Settings, deadline: float | None = None
) -> tuple[str, list[str]]:
    """The URL's host and its addresses, resolved once and checked.

    Raise BlockedAddressError if any address is not globally routable (unless
    ``allow_private``); the caller connects to these addresses, never to the name.
    """
    parts = urlsplit(url)
    host = parts.hostname
    if parts.scheme not in ("http", "https") or not host:
        raise FetchError("not an http(s) URL with a host", input=url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    deadline = time.monotonic() + settings.fetch_timeout if deadline is None else deadline
    addresses = _resolve(host, port, url, deadline)
    if not addresses:
        raise FetchError(f"host {host!r} has no address", input=url)
    if settings.allow_private:
        return host, addresses
    for address in addresses:
        ip = ipaddress.ip_address(address)
        reason = _blocked_reason(ip)
        if reason:
            raise BlockedAddressError(
                f"host {host!r} resolves to {ip}, {reason}; refused",
                input=url,
                hint="pass --allow-private (or set NEWSGRAPH_ALLOW_PRIVATE=1) to fetch it",
            )
    return host, addresses


class _DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read, write and handshake ends by the fetch's deadline."""

    def __init__(self, inner: httpcore.NetworkStream, deadline: float) -> None:
        self._inner = inner
        self._deadline = deadline

    def _left(self, timeout: float | None, exc: type[Exception]) -> float:
        left = self._deadline - time.monotonic()
        if left <= 0:
            raise exc("the fetch deadline has passed")
        return left if timeout is None else min(timeout, left)

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._inner.read(max_bytes, self._left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._inner.write(buffer, self._left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._inner.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        left = self._left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._inner.start_tls(ssl_context, server_hostname, left), self._deadline
        )

    def get_extra_info(self, info: str) -> Any:
        return self._inner.get_extra_info(info)


class _PinnedBackend(httpcore.NetworkBackend):
    """Connects to the addresses checked for a host (never resolving it again), in time."""

    def __init__(self, deadline: float) -> None:
        self.deadline = deadline
        self.pins: dict[str, list[str]] = {}
        self._plain = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        addresses = self.pins.get(host)
        if not addresses:
            raise httpcore.ConnectError(f"host {host!r} was not checked before connecting")
        error: Exception | None = None
        for address in addresses:
            left = self.deadline - time.monotonic()
            if left <= 0:
                raise httpcore.ConnectTimeout("the fetch deadline has passed")
            try:
                stream = self._plain.connect_tcp(
                    address, port, min(timeout or left, left), local_address, socket_options
                )
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as e:
                error = e
                continue
            return _DeadlineStream(stream, self.deadline)
        assert error is not None
        raise error

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("newsgraph does not fetch over unix sockets")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


# httpcore's errors as httpx's (most specific first), as httpx's own transport maps them
_ERRORS: tuple[tuple[type[Exception], type[httpx.HTTPError]], ...] = (
    (httpcore.ConnectTimeout, httpx.ConnectTimeout),
    (httpcore.ReadTimeout, httpx.ReadTimeout),
    (httpcore.WriteTimeout, httpx.WriteTimeout),
    (httpcore.PoolTimeout, httpx.PoolTimeout),
    (httpcore.TimeoutException, httpx.TimeoutException),
    (httpcore.ConnectError, httpx.ConnectError),
    (httpcore.ReadError, httpx.ReadError),
    (httpcore.WriteError, httpx.WriteError),
    (httpcore.NetworkError, httpx.NetworkError),
    (httpcore.UnsupportedProtocol, httpx.UnsupportedProtocol),
    (httpcore.LocalProtocolError, httpx.LocalProtocolError),
    (httpcore.RemoteProtocolError, httpx.RemoteProtocolError),
    (httpcore.ProtocolError, httpx.ProtocolError),
)


@contextmanager
def _as_httpx_errors() -> Iterator[None]:
    try:
        yield
    except Exception as e:
        for theirs, ours in _ERRORS:
            if isinstance(e, theirs):
                raise ours(str(e)) from e
        raise


class _Body(httpx.SyncByteStream):
    def __init__(self, stream: Iterable[bytes]) -> None:
        self._stream = stream

    def __iter__(self) -> Iterator[bytes]:
        with _as_httpx_errors():
            yield from self._stream

    def close(self) -> None:
        close = getattr(self._stream, "close", None)
        if close is not None:
            close()


class _PinnedTransport(httpx.BaseTransport):
    """httpx requests sent through an httpcore pool that connects with ``backend`` (no
    proxy from the environment, which would resolve names itself)."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(), network_backend=backend
        )

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        assert isinstance(request.stream, httpx.SyncByteStream)
        req = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        with _as_httpx_errors():
            resp = self._pool.handle_request(req)
        assert isinstance(resp.stream, Iterable)
        return httpx.Response(
            status_code=resp.status,
            headers=resp.headers,
            stream=_Body(resp.stream),
            extensions=resp.extensions,
        )

    def close(self) -> None:
        self._pool.close()


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
    backend = _PinnedBackend(deadline)
    transport = _PinnedTransport(backend)
    with httpx.Client(
        timeout=timeout, follow_redirects=False, headers=headers, transport=transport
    ) as client:
        for _hop in range(settings.max_redirects + 1):
            _host, addresses = check_address(current, settings, deadline)
            backend.pins[_pin_key(current)] = addresses
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
                            raise _past_deadline(url, settings)
                    return Fetched(
                        str(response.url),
                        bytes(body),
                        _media_type(response.headers.get("content-type")),
                    )
            except httpx.TimeoutException:
                raise _past_deadline(url, settings) from None
            except httpx.HTTPError as e:
                raise FetchError(f"could not fetch: {_describe(e)}", input=url) from None
    raise FetchError(f"more than {settings.max_redirects} redirects", input=url)


def _pin_key(url: str) -> str:
    """The host as the HTTP client will name it when connecting (IDNA, no brackets)."""
    try:
        return httpx.URL(url).raw_host.decode("ascii")
    except (httpx.InvalidURL, UnicodeError):
        raise FetchError("not a valid URL", input=url) from None


def _past_deadline(url: str, settings: Settings) -> FetchError:
    return FetchError(
        f"timed out: no complete response within {settings.fetch_timeout:g} s "
        "(fetch_timeout, the deadline for the whole URL)",
        input=url,
    )


def _describe(e: Exception) -> str:
    cause = e.__cause__ or e.__context__
    text = str(e) or type(e).__name__
    if isinstance(cause, OSError) and cause.strerror:
        text = cause.strerror
    return text
