"""Documents from a URL: a page (HTML or plain text, extracted by trafilatura) or a feed
(each new item an article). Fetching is guarded (see ``web``)."""

from __future__ import annotations

from collections.abc import Iterator

from dossier.ingest.feeds import Seen, looks_like_feed, read_feed
from dossier.ingest.formats import Result, decode, read_text, sniff
from dossier.ingest.web import PAGE_TYPES, Fetched, FetchPolicy, fetch
from dossier.records import IngestFailure, RawDocument


def read_url(
    url: str, policy: FetchPolicy | None = None, seen: Seen | None = None
) -> Iterator[Result]:
    """The article at ``url``, or the new items of the feed at ``url``."""
    got = fetch(url, policy)
    if isinstance(got, IngestFailure):
        yield got
        return
    if looks_like_feed(got.data, got.content_type):
        yield from read_feed(got.data, url, seen, policy, read_page)
        return
    yield from _page(got, policy)


def read_page(url: str, policy: FetchPolicy | None = None) -> Iterator[Result]:
    """The article at ``url`` (a page, never a feed: a feed item's link)."""
    got = fetch(url, policy, accept=PAGE_TYPES)
    if isinstance(got, IngestFailure):
        yield got
        return
    yield from _page(got, policy)


def _page(got: Fetched, policy: FetchPolicy | None) -> Iterator[Result]:
    limits = (policy or FetchPolicy()).limits
    html = got.content_type != "text/plain"
    text = decode(
        got.data, got.requested, html=html, fallback=got.charset or limits.fallback_encoding
    )
    if isinstance(text, IngestFailure):
        yield text
        return
    fmt = "txt" if got.content_type == "text/plain" else "html" if got.content_type else sniff(text)
    for doc in read_text(text, got.requested, fmt, limits.max_depth):
        if isinstance(doc, RawDocument):
            doc.url = doc.url or got.url
        yield doc
