"""Fetching URLs: limits and the address guard, against a real server on 127.0.0.1."""

from __future__ import annotations

import ipaddress
from collections.abc import Iterator

import pytest

from dossier.ingest import web
from dossier.ingest.web import Fetched, FetchPolicy, check_url, fetch
from dossier.records import IngestFailure
from dossier.settings import Limits
from website import Site, serving

PAGE = (
    "<html><head><title>A harbour reopens</title></head>"
    "<body><p>Ferries ran again.</p></body></html>"
)
LOCAL = (ipaddress.ip_network("127.0.0.1/32"),)  # this test server, and nothing else


@pytest.fixture()
def site() -> Iterator[Site]:
    with serving() as s:
        yield s


def _local(**limits: object) -> FetchPolicy:
    return FetchPolicy(allow_networks=LOCAL, limits=Limits(**limits))  # type: ignore[arg-type]


def test_a_page_on_an_allowed_network_is_fetched(site: Site) -> None:
    got = fetch(site.add("/a.html", PAGE), _local())
    assert isinstance(got, Fetched)
    assert got.content_type == "text/html" and b"Ferries" in got.data


def test_a_loopback_address_is_refused_by_default(site: Site) -> None:
    got = fetch(site.add("/a.html", PAGE))
    assert isinstance(got, IngestFailure) and got.stage == "fetch"
    assert "loopback" in got.reason and "--allow-private" in got.reason
    assert site.hits == []  # refused before any request


def test_a_name_is_checked_after_dns_resolution(site: Site) -> None:
    got = fetch(f"http://localhost:{site.port}/a.html")
    assert isinstance(got, IngestFailure)
    assert "localhost resolves to a loopback address" in got.reason


def test_allow_private_lifts_the_guard(site: Site) -> None:
    got = fetch(site.add("/a.html", PAGE), FetchPolicy(allow_private=True))
    assert isinstance(got, Fetched)


@pytest.mark.parametrize(
    ("url", "kind"),
    [
        ("http://10.1.2.3/", "private"),
        ("http://192.168.0.1/", "private"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://224.0.0.1/", "multicast"),
        ("http://[::1]/", "loopback"),
        ("http://0.0.0.0/", "unspecified"),
    ],
)
def test_each_non_public_kind_is_refused_by_name(url: str, kind: str) -> None:
    reason = check_url(url, FetchPolicy())
    assert reason is not None and f"a {kind} address" in reason


def test_a_redirect_to_a_link_local_address_is_refused(site: Site) -> None:
    start = site.redirect("/go", "http://169.254.169.254/latest/meta-data/")
    got = fetch(start, _local())
    assert isinstance(got, IngestFailure)
    assert "link-local" in got.reason and "redirected to http://169.254.169.254" in got.reason


def test_a_redirect_to_an_allowed_page_is_followed(site: Site) -> None:
    target = site.add("/b.html", PAGE)
    got = fetch(site.redirect("/go", "/b.html"), _local())
    assert isinstance(got, Fetched) and got.url == target


def test_too_many_redirects_fail(site: Site) -> None:
    for i in range(4):
        site.redirect(f"/r{i}", f"/r{i + 1}")
    site.add("/r4", PAGE)
    got = fetch(site.url("/r0"), _local(max_redirects=2))
    assert isinstance(got, IngestFailure) and "more than 2 redirects" in got.reason


def test_a_body_over_the_size_limit_fails_by_its_declared_length(site: Site) -> None:
    got = fetch(site.add("/big.html", "x" * 5000), _local(max_file_bytes=1000))
    assert isinstance(got, IngestFailure) and got.stage == "limits"


def test_a_body_over_the_size_limit_fails_while_streamed(site: Site) -> None:
    got = fetch(site.add("/big.html", "x" * 50_000, chunked=True), _local(max_file_bytes=1000))
    assert isinstance(got, IngestFailure) and "over 1,000 bytes" in got.reason


def test_a_content_type_that_is_not_text_fails(site: Site) -> None:
    got = fetch(site.add("/pic", b"\x89PNG\r\n", content_type="image/png"), _local())
    assert isinstance(got, IngestFailure) and "image/png" in got.reason


def test_a_slow_server_times_out(site: Site) -> None:
    got = fetch(site.add("/slow.html", PAGE, delay=3.0), _local(fetch_timeout=1.0))
    assert isinstance(got, IngestFailure) and "timed out" in got.reason


def test_an_error_status_fails_with_it(site: Site) -> None:
    got = fetch(site.url("/missing.html"), _local())
    assert isinstance(got, IngestFailure) and "HTTP 404" in got.reason


def test_only_http_and_https_are_fetched() -> None:
    reason = check_url("file:///etc/passwd", FetchPolicy(allow_private=True))
    assert reason is not None and "only http and https" in reason


def test_the_connected_address_is_checked_too(site: Site, monkeypatch: pytest.MonkeyPatch) -> None:
    # DNS answers a public address, the connection lands on loopback (DNS rebinding)
    monkeypatch.setattr(web, "resolve", lambda host, port: [ipaddress.ip_address("93.184.216.34")])
    got = fetch(site.add("/a.html", PAGE))
    assert isinstance(got, IngestFailure)
    assert "connected to a loopback address" in got.reason
