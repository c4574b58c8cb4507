"""RSS and Atom feeds, through feedparser: each item is an article.

An item whose feed carries its full text (``content:encoded``, Atom ``content``) is read
from the feed; otherwise its link is fetched (guarded, see ``web``). The item's date,
title, author and the feed's title become the article's metadata. Items already read
(``seen``: what the store remembers of this feed) are skipped before anything is fetched,
so reading a feed again adds only what is new.

feedparser is only ever given bytes: given a string that looks like a URL it would fetch
it itself, past the address guard.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from typing import Any

from dossier.ingest.formats import Result, read_html
from dossier.ingest.web import FetchPolicy, is_url
from dossier.records import IngestFailure, RawDocument

Seen = Callable[[str, Sequence[str]], set[str]]  # (feed, item ids) -> those already read
FULL_TEXT_CHARS = 500  # feed content shorter than this is a summary: fetch the link
_FEED_HEAD = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)
FEED_EXTENSIONS = (".rss", ".atom")


def looks_like_feed(data: bytes, content_type: str = "") -> bool:
    """Whether a body is an RSS/Atom feed: its media type, else its first elements."""
    if content_type in ("application/rss+xml", "application/atom+xml", "application/rdf+xml"):
        return True
    head = data[:2048].lstrip()
    return (
        head.startswith(b"<")
        and bool(_FEED_HEAD.search(head))
        and b"<html" not in head[:512].lower()
    )


def _iso(entry: Any) -> str | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            stamp = calendar.timegm(value)
            return dt.datetime.fromtimestamp(stamp, dt.UTC).date().isoformat()
    return None


def _item_id(entry: Any) -> str | None:
    for key in ("id", "guid", "link"):
        value = entry.get(key)
        if isinstance(value, str) and value.strip():
            return value.strip()
    return None


def _full_text(entry: Any, where: str) -> RawDocument | None:
    """The item's own full text, when the feed carries it."""
    for part in entry.get("content") or []:
        value = part.get("value") or ""
        kind = (part.get("type") or "").lower()
        if "html" in kind:
            doc = read_html(f"<html><body><article>{value}</article></body></html>", where)
            if isinstance(doc, RawDocument) and len(doc.text) >= FULL_TEXT_CHARS:
                return doc
        elif len(value.strip()) >= FULL_TEXT_CHARS:
            return RawDocument(path=where, fmt="txt", text=value)
    return None


def read_feed(
    data: bytes,
    feed: str,
    seen: Seen | None = None,
    policy: FetchPolicy | None = None,
    fetch_page: Callable[[str, FetchPolicy | None], Iterator[Result]] | None = None,
) -> Iterator[Result]:
    """Articles of a feed's items not seen before; a failure per item that cannot be read."""
    import feedparser  # only paid when there is a feed to read

    parsed = feedparser.parse(data)
    if not parsed.entries:
        why = getattr(parsed, "bozo_exception", None)
        detail = f": {why}" if parsed.get("bozo") and why else ""
        yield IngestFailure(feed, "parse", f"not an RSS or Atom feed with items{detail}")
        return
    source = (parsed.feed.get("title") or "").strip() or None
    ids = [_item_id(e) for e in parsed.entries]
    already = seen(feed, [i for i in ids if i]) if seen is not None else set()
    for entry, item in zip(parsed.entries, ids, strict=True):
        if item is None:
            yield IngestFailure(feed, "parse", "a feed item has no id and no link: skipped")
            continue
        if item in already:
            continue
        link = (entry.get("link") or "").strip() or None
        where = link or f"{feed}#{item}"
        doc = _full_text(entry, where)
        if doc is None:
            if link is None or not is_url(link) or fetch_page is None:
                yield IngestFailure(
                    where, "parse", "the feed item has no full text and no http(s) link"
                )
                continue
            docs = list(fetch_page(link, policy))
            found = [d for d in docs if isinstance(d, RawDocument)]
            if not found:
                yield from docs
                continue
            doc = found[0]
        doc.path = where
        doc.url = link or doc.url
        doc.title = (entry.get("title") or "").strip() or doc.title
        doc.author = (entry.get("author") or "").strip() or doc.author
        doc.published = _iso(entry) or doc.published
        doc.source = source or doc.source
        doc.feed, doc.item = feed, item
        yield doc
