"""RSS and Atom feeds: full-text items read from the feed, summary items fetched by their
link, metadata from the item, and a feed read again adding only its new items."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from pathlib import Path

import dossier
from dossier.ingest.feeds import looks_like_feed, read_feed
from dossier.ingest.remote import read_page, read_url
from dossier.ingest.web import FetchPolicy
from dossier.records import IngestFailure, RawDocument
from website import Site, serving

LOCAL = FetchPolicy(allow_networks=(ipaddress.ip_network("127.0.0.1/32"),))
ARTICLE = (
    "<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
    "<p>{body}</p></article></body></html>"
)
BODIES = {
    "1": "The town council of Marrow voted on Tuesday to close the old iron bridge to cars "
    "after engineers found cracks in two of its supports. Buses will cross the river at "
    "the new bridge to the south, which adds ten minutes to the route into the centre.",
    "2": "Shopkeepers on the east bank of Marrow said their takings fell by a third in the "
    "first week without the bridge, and asked the council for a reduction in local taxes "
    "until the crossing reopens to traffic next year.",
    "3": "Engineers from the regional roads agency began drilling test cores from the piers "
    "of the iron bridge on Monday; their report on whether the supports can be saved or "
    "must be rebuilt is expected before the summer.",
}


def _atom(site: Site, ids: Sequence[str]) -> str:
    entries = "".join(
        f"<entry><id>urn:item:{i}</id><title>Bridge story {i}</title>"
        f'<link href="{site.url(f"/story/{i}.html")}"/>'
        f"<updated>2025-04-0{i}T08:00:00Z</updated><summary>Short.</summary></entry>"
        for i in ids
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Marrow Gazette</title><id>urn:gazette</id>{entries}</feed>"
    )


def _pages(site: Site, ids: Sequence[str]) -> None:
    for i in ids:
        site.add(f"/story/{i}.html", ARTICLE.format(title=f"Page title {i}", body=BODIES[i]))


def test_full_text_items_are_read_from_the_feed(fixtures: Path) -> None:
    data = (fixtures / "feeds" / "courier.rss").read_bytes()
    docs = list(read_feed(data, "courier.rss"))
    assert [type(d) for d in docs] == [RawDocument, RawDocument]
    first = docs[0]
    assert isinstance(first, RawDocument)
    assert first.title == "Northern ferry terminal reopens after storm repairs"
    assert first.published == "2025-03-24"
    assert first.source == "Coastal Courier"
    assert first.author == "Maja Lund"
    assert first.url == "https://courier.example/2025/03/terminal-reopens"
    assert "breakwater" in first.text
    assert (first.feed, first.item) == ("courier.rss", "courier-0001")


def test_items_already_seen_are_skipped(fixtures: Path) -> None:
    data = (fixtures / "feeds" / "courier.rss").read_bytes()
    docs = list(read_feed(data, "courier.rss", seen=lambda feed, ids: {"courier-0001"}))
    assert [d.item for d in docs if isinstance(d, RawDocument)] == ["courier-0002"]


def test_summary_items_are_fetched_by_their_link() -> None:
    with serving() as site:
        _pages(site, ["1", "2"])
        feed = site.add("/feed.atom", _atom(site, ["1", "2"]), "application/atom+xml")
        docs = list(read_url(feed, LOCAL))
    got = [d for d in docs if isinstance(d, RawDocument)]
    assert len(got) == 2
    assert got[0].title == "Bridge story 1"  # the item's title, not the page's
    assert got[0].published == "2025-04-01"
    assert got[0].source == "Marrow Gazette"
    assert "cracks in two of its supports" in got[0].text


def test_a_feed_item_link_is_guarded_like_any_url() -> None:
    with serving() as site:
        _pages(site, ["1"])
        feed = site.add("/feed.atom", _atom(site, ["1"]), "application/atom+xml")
        docs = list(read_feed(site.routes["/feed.atom"].body, feed, None, FetchPolicy(), read_page))
    assert len(docs) == 1 and isinstance(docs[0], IngestFailure)
    assert "loopback" in docs[0].reason


def test_a_page_that_is_not_a_feed_is_not_taken_for_one() -> None:
    assert not looks_like_feed(b"<!doctype html><html><body><p>x</p></body></html>")
    assert looks_like_feed(b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')


def test_reading_a_feed_again_adds_only_new_items(tmp_path: Path) -> None:
    with serving() as site, dossier.open(tmp_path / "s.sqlite") as db:
        _pages(site, ["1", "2", "3"])
        site.add("/feed.atom", _atom(site, ["1", "2"]), "application/atom+xml")
        first = db.ingest([site.url("/feed.atom")], allow_private=True)
        site.add("/feed.atom", _atom(site, ["1", "2", "3"]), "application/atom+xml")
        site.hits.clear()
        second = db.ingest([site.url("/feed.atom")], allow_private=True)
    assert len(first.added) == 2 and first.ok
    assert len(second.added) == 1 and second.ok
    assert site.hits == ["/feed.atom", "/story/3.html"]  # the old items are not fetched again
