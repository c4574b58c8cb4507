"""Fetching a URL, guarded: http(s) only, bounded in time, size and redirects, of a text
content type, and never from a private, loopback, link-local or multicast address unless
the user allows it.

The address guard runs after DNS resolution (every address a name resolves to must be
public), again on every redirect hop, and once more on the address the connection really
went to (so a name that resolves differently the second time, DNS rebinding, is caught
too). Proxies from the environment are not used: the guard checks the address fetched
from, and a proxy would hide it.

Every function here returns failures as values (``IngestFailure``, stage ``fetch``).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Collection
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

from dossier import __version__
from dossier.records import IngestFailure
from dossier.settings import Limits

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

PAGE_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
FEED_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    }
)
USER_AGENT = f"dossier/{__version__} (+https://github.com/dossier-news/dossier)"
ALLOW_HINT = "pass --allow-private to fetch from your own network"


@dataclass(frozen=True)
class FetchPolicy:
    """What may be fetched. ``allow_private`` lifts the address guard altogether;
    ``allow_networks`` lifts it for those networks only (a newsroom's own servers)."""

    allow_private: bool = False
    allow_networks: tuple[Network, ...] = ()
    limits: Limits = field(default_factory=Limits)

    def allows(self, address: IPAddress) -> bool:
        if self.allow_private:
            return True
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        if any(address in net for net in self.allow_networks):
            return True
        return address.is_global and not address.is_multicast


@dataclass(frozen=True)
class Fetched:
    """A fetched body: ``url`` is where it came from after redirects."""

    requested: str
    url: str
    content_type: str
    charset: str | None
    data: bytes


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def kind_of(address: IPAddress) -> str:
    """The kind of a non-public address, in words."""
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if address.is_unspecified:
        return "unspecified"
    if address.is_private:
        return "private"
    return "reserved"


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address ``host`` resolves to (an IP literal resolves to itself)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    out: list[IPAddress] = []
    for info in infos:
        addr = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if addr not in out:
            out.append(addr)
    return out


def check_url(url: str, policy: FetchPolicy) -> str | None:
    """Why ``url`` may not be fetched (None when it may): scheme, host, and the addresses
    its host resolves to."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return f"only http and https URLs are fetched, not {parts.scheme or 'no scheme'}"
    host = parts.hostname
    if not host:
        return "the URL has no host"
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        return "the URL has an invalid port"
    try:
        addresses = resolve(host, port)
    except (socket.gaierror, UnicodeError) as exc:
        return f"cannot resolve {host}: {exc}"
    for address in addresses:
        if not policy.allows(address):
            kind = kind_of(address)
            return f"refused: {host} resolves to a {kind} address ({address}); {ALLOW_HINT}"
    return None


def _peer(response: Any) -> IPAddress | None:
    """The address the connection of ``response`` went to, where httpx tells it."""
    stream = response.extensions.get("network_stream")
    if stream is None:
        return None
    peer = stream.get_extra_info("server_addr")
    if not peer:
        return None
    try:
        return ipaddress.ip_address(str(peer[0]).split("%", 1)[0])
    except ValueError:
        return None


def media_type(header: str | None) -> tuple[str, str | None]:
    if not header:
        return "", None
    parts = [p.strip() for p in header.split(";")]
    charset = None
    for p in parts[1:]:
        if p.lower().startswith("charset="):
            charset = p.split("=", 1)[1].strip("\"' ") or None
    return parts[0].lower(), charset


def fetch(
    url: str, policy: FetchPolicy | None = None, accept: Collection[str] | None = None
) -> Fetched | IngestFailure:
    """GET ``url`` under ``policy``; a failure names the URL and why, in one line."""
    import httpx  # only paid when a URL is read

    policy = policy or FetchPolicy()
    limits = policy.limits
    kinds = frozenset(accept) if accept is not None else PAGE_TYPES | FEED_TYPES
    current = url
    timeout = httpx.Timeout(limits.fetch_timeout, connect=min(10.0, limits.fetch_timeout))
    headers = {"User-Agent": USER_AGENT, "Accept": ", ".join(sorted(kinds)) + ", */*;q=0.1"}

    def fail(reason: str) -> IngestFailure:
        return IngestFailure(url, "fetch", reason)

    try:
        with httpx.Client(
            timeout=timeout, follow_redirects=False, trust_env=False, headers=headers
        ) as client:
            for _hop in range(limits.max_redirects + 1):
                problem = check_url(current, policy)
                if problem:
                    hop = "" if current == url else f" (redirected to {current})"
                    return fail(problem + hop)
                with client.stream("GET", current) as resp:
                    peer = _peer(resp)
                    if peer is not None and not policy.allows(peer):
                        return fail(
                            f"refused: connected to a {kind_of(peer)} address ({peer}); "
                            + ALLOW_HINT
                        )
                    if resp.is_redirect:
                        location = resp.headers.get("location")
                        if not location:
                            return fail(f"HTTP {resp.status_code} redirect without a Location")
                        current = urljoin(current, location)
                        continue
                    if resp.status_code >= 400:
                        return fail(f"HTTP {resp.status_code} {resp.reason_phrase}".rstrip())
                    ctype, charset = media_type(resp.headers.get("content-type"))
                    if ctype and ctype not in kinds:
                        return fail(
                            f"content type {ctype} is not an article page or a feed "
                            f"(expected one of {', '.join(sorted(kinds))})"
                        )
                    return _body(resp, url, current, ctype, charset, limits)
            return fail(f"more than {limits.max_redirects} redirects: raise $DOSSIER_MAX_REDIRECTS")
    except httpx.TimeoutException:
        return fail(f"timed out after {limits.fetch_timeout:g} s: raise $DOSSIER_FETCH_TIMEOUT")
    except httpx.HTTPError as exc:
        return fail(f"could not fetch: {type(exc).__name__}: {exc}".rstrip(": "))


def _body(
    resp: Any, url: str, final: str, ctype: str, charset: str | None, limits: Limits
) -> Fetched | IngestFailure:
    cap = limits.max_file_bytes
    declared = resp.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > cap:
        return IngestFailure(url, "limits", _too_big(int(declared), cap))
    chunks: list[bytes] = []
    size = 0
    for chunk in resp.iter_bytes():
        size += len(chunk)
        if size > cap:
            return IngestFailure(url, "limits", _too_big(size, cap))
        chunks.append(chunk)
    return Fetched(url, final, ctype, charset, b"".join(chunks))


def _too_big(size: int, cap: int) -> str:
    return f"the page is over {cap:,} bytes ({size:,}+): raise $DOSSIER_MAX_FILE_BYTES to read it"
