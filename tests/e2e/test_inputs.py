"""Every input over real pages: the seeds and the Zyte pages fetched by URL from a local
server, read from RSS and Atom feeds, and from a web archive (skipped when ../shared is
absent)."""

from __future__ import annotations

import gzip
import html
import json
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path

import pytest

import dossier
from dossier.ingest import prepare, read_inputs
from dossier.records import RawDocument
from website import Site, serving

ZYTE = Path(__file__).resolve().parents[3] / "shared" / "bench" / "ingest" / "zyte"
PAGES = 6  # Zyte pages used (the first by name): enough to see each path work


@pytest.fixture(scope="module")
def zyte() -> dict[str, dict[str, str]]:
    if not (ZYTE / "ground-truth.json").is_file():
        pytest.skip(f"the Zyte pages are not at {ZYTE} (../shared is absent): skipping")
    truth = json.loads((ZYTE / "ground-truth.json").read_text(encoding="utf-8"))
    ids = sorted(truth)[:PAGES]
    return {i: {"url": truth[i]["url"], "html": _page(i)} for i in ids}


def _page(page_id: str) -> str:
    return gzip.decompress((ZYTE / "html" / f"{page_id}.html.gz").read_bytes()).decode("utf-8")


@pytest.fixture(scope="module")
def site(seeds_dir: Path, zyte: dict[str, dict[str, str]]) -> Iterator[Site]:
    with serving() as s:
        for seed in sorted(seeds_dir.glob("*.txt")):
            s.add(f"/seeds/{seed.name}", seed.read_bytes(), "text/plain; charset=utf-8")
        for page_id, page in zyte.items():
            s.add(f"/zyte/{page_id}.html", page["html"], "text/html; charset=utf-8")
        s.add("/feeds/seeds.rss", _seed_feed(seeds_dir), "application/rss+xml")
        s.add("/feeds/zyte.atom", _zyte_feed(s, zyte), "application/atom+xml")
        yield s


def _seed_feed(seeds_dir: Path) -> str:
    items = []
    for n, seed in enumerate(sorted(seeds_dir.glob("*.txt"))):
        paras = "".join(
            f"<p>{html.escape(line)}</p>" for line in seed.read_text("utf-8").splitlines() if line
        )
        items.append(
            f"<item><title>Seed item {n}</title><guid>seed-{n}</guid>"
            f"<pubDate>Mon, 1{n} Jun 2024 08:00:00 +0000</pubDate>"
            f"<content:encoded><![CDATA[{paras}]]></content:encoded></item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        f"<title>Seed Relay</title>{''.join(items)}</channel></rss>"
    )


def _zyte_feed(site: Site, zyte: dict[str, dict[str, str]]) -> str:
    entries = "".join(
        f"<entry><id>urn:zyte:{i}</id><title>Page {i[:8]}</title>"
        f'<link href="{site.url(f"/zyte/{i}.html")}"/><updated>2024-06-19T08:00:00Z</updated>'
        "<summary>A summary only.</summary></entry>"
        for i in zyte
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Zyte Pages</title><id>urn:zyte</id>{entries}</feed>"
    )


def _ids_of_files(paths: list[Path]) -> set[str]:
    docs = [d for d in read_inputs([str(p) for p in paths]) if isinstance(d, RawDocument)]
    return {prepare(d).id for d in docs}


def _stored_ids(db: dossier.Dossier) -> set[str]:
    return {view.article.id for view in db.articles(limit=1000)}


def test_the_seeds_by_url_are_the_seeds_by_file(
    seeds_dir: Path, site: Site, tmp_path: Path
) -> None:
    urls = [site.url(f"/seeds/{p.name}") for p in sorted(seeds_dir.glob("*.txt"))]
    with dossier.open(tmp_path / "s.sqlite") as db:
        report = db.ingest(urls, allow_private=True)
        stored = _stored_ids(db)
        langs = {view.article.language for view in db.articles()}
    assert report.ok and len(report.added) == 5
    assert stored == _ids_of_files(sorted(seeds_dir.glob("*.txt")))
    assert langs == {"en"}


def test_the_zyte_pages_by_url_are_the_pages_by_file(
    zyte: dict[str, dict[str, str]], site: Site, tmp_path: Path
) -> None:
    files = []
    for page_id, page in zyte.items():
        (tmp_path / f"{page_id}.html").write_text(page["html"], encoding="utf-8")
        files.append(tmp_path / f"{page_id}.html")
    with dossier.open(tmp_path / "s.sqlite") as db:
        report = db.ingest([site.url(f"/zyte/{i}.html") for i in zyte], allow_private=True)
        stored = _stored_ids(db)
    assert report.ok and len(report.added) == PAGES
    assert stored == _ids_of_files(files)


def test_a_feed_with_full_text_gives_each_item_with_its_metadata(
    site: Site, tmp_path: Path
) -> None:
    with dossier.open(tmp_path / "s.sqlite") as db:
        first = db.ingest([site.url("/feeds/seeds.rss")], allow_private=True)
        again = db.ingest([site.url("/feeds/seeds.rss")], allow_private=True)
        views = list(db.articles())
    assert first.ok and len(first.added) == 5
    assert again.ok and again.added == [] and again.unchanged == []
    assert {v.article.source for v in views} == {"Seed Relay"}
    assert sorted(v.article.published or "" for v in views)[0] == "2024-06-10"


def test_a_feed_of_links_fetches_each_page_once(
    zyte: dict[str, dict[str, str]], site: Site, tmp_path: Path
) -> None:
    with dossier.open(tmp_path / "s.sqlite") as db:
        first = db.ingest([site.url("/feeds/zyte.atom")], allow_private=True)
        site.hits.clear()
        again = db.ingest([site.url("/feeds/zyte.atom")], allow_private=True)
    assert first.ok and len(first.added) == PAGES
    assert again.added == [] and site.hits == ["/feeds/zyte.atom"]


def test_a_web_archive_of_the_zyte_pages_gives_each_with_its_uri(
    zyte: dict[str, dict[str, str]], tmp_path: Path
) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    archive = tmp_path / "zyte.warc.gz"
    with archive.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for page in zyte.values():
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            body = BytesIO(page["html"].encode("utf-8"))
            writer.write_record(
                writer.create_warc_record(page["url"], "response", payload=body, http_headers=http)
            )
    with dossier.open(tmp_path / "s.sqlite") as db:
        report = db.ingest([archive])
        urls = {view.article.url for view in db.articles(limit=1000)}
    assert report.ok and len(report.added) == PAGES
    assert urls == {page["url"] for page in zyte.values()}


def test_watching_a_folder_the_seeds_arrive_in_ingests_each_once(
    seeds_dir: Path, tmp_path: Path
) -> None:
    import os
    import shutil

    from dossier.watch import Watcher

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    with dossier.open(tmp_path / "s.sqlite") as db:
        watcher = Watcher(db, [str(inbox)], every=0.01)
        rounds = []
        for batch in (seeds[:2], seeds[2:], []):
            for seed in batch:
                shutil.copy(seed, inbox / seed.name)
                os.utime(inbox / seed.name, (0, 0))  # written long ago: settled
            rounds.append(watcher.round(len(rounds) + 1))
        stored = _stored_ids(db)
    assert [len(r.report.added) for r in rounds] == [2, 3, 0]
    assert stored == _ids_of_files(seeds)
