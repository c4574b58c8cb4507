"""The CLI over URLs: a refused address is one line and a non-zero exit; --allow-private
fetches; a non-English article is reported."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from dossier.cli.main import app
from website import serving

runner = CliRunner()
PAGE = (
    "<html><head><title>Night trains return</title></head><body><article><p>The rail "
    "operator will run night trains between the two capitals again from May, after a "
    "pause of four years, with sleeping cars bought from a neighbouring country.</p>"
    "</article></body></html>"
)
GERMAN = (
    "Der Bahnbetreiber will von Mai an wieder Nachtzüge zwischen den beiden Hauptstädten "
    "fahren lassen, nach einer Pause von vier Jahren und mit Schlafwagen aus dem Nachbarland."
)


def test_a_loopback_url_is_refused_in_one_line(tmp_path: Path) -> None:
    with serving() as site:
        url = site.add("/n.html", PAGE)
        result = runner.invoke(app, ["--db", str(tmp_path / "s.sqlite"), "ingest", url])
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "loopback" in errors[0] and "--allow-private" in errors[0]
    assert "Traceback" not in result.output


def test_allow_private_fetches_from_this_machine(tmp_path: Path) -> None:
    with serving() as site:
        url = site.add("/n.html", PAGE)
        args = ["--db", str(tmp_path / "s.sqlite"), "ingest", url, "--allow-private"]
        result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "stored 1 new article(s)" in result.stdout


def test_an_article_not_in_english_is_reported(tmp_path: Path) -> None:
    (tmp_path / "de.txt").write_text(GERMAN, encoding="utf-8")
    result = runner.invoke(
        app, ["--db", str(tmp_path / "s.sqlite"), "ingest", str(tmp_path / "de.txt")]
    )
    assert result.exit_code == 0, result.output
    assert "not in English (de 1)" in result.stderr
