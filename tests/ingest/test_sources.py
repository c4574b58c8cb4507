"""Input expansion: files, folders, globs, stdin, and the failures for missing inputs."""

from __future__ import annotations

import io
from pathlib import Path

from dossier.ingest import read_inputs
from dossier.records import IngestFailure, RawDocument

ARTICLE = "A new lighthouse keeper started work in Ormsby on Monday.\n"


def _tree(root: Path) -> Path:
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (root / "b" / "c.md").write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    (root / ".hidden.txt").write_text(ARTICLE, encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "d.txt").write_text(ARTICLE, encoding="utf-8")
    return root


def _paths(results: list[RawDocument | IngestFailure]) -> list[str]:
    return [Path(r.path).name for r in results]


def test_folder_is_read_recursively_in_sorted_order(tmp_path: Path) -> None:
    results = list(read_inputs([str(_tree(tmp_path / "in"))]))
    assert _paths(results) == ["a.txt", "c.md"]


def test_folder_skips_hidden_files_and_folders(tmp_path: Path) -> None:
    results = list(read_inputs([str(_tree(tmp_path / "in"))]))
    assert all(isinstance(r, RawDocument) and ".git" not in r.path for r in results)


def test_glob_pattern_is_expanded(tmp_path: Path) -> None:
    root = _tree(tmp_path / "in")
    results = list(read_inputs([str(root / "**" / "*.md")]))
    assert _paths(results) == ["c.md"]


def test_glob_matching_nothing_is_a_failure(tmp_path: Path) -> None:
    (failure,) = read_inputs([str(tmp_path / "*.nothing")])
    assert isinstance(failure, IngestFailure)
    assert failure.reason == "glob pattern matched no files"


def test_missing_path_is_a_failure(tmp_path: Path) -> None:
    (failure,) = read_inputs([str(tmp_path / "absent.txt")])
    assert isinstance(failure, IngestFailure)
    assert (failure.stage, failure.reason) == ("read", "no such file or directory")


def test_empty_folder_is_a_failure(tmp_path: Path) -> None:
    (failure,) = read_inputs([str(tmp_path)])
    assert isinstance(failure, IngestFailure)
    assert "no (non-hidden) files" in failure.reason


def test_bad_input_does_not_stop_the_good_ones(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    results = list(read_inputs([str(tmp_path / "absent.txt"), str(good)]))
    assert [type(r).__name__ for r in results] == ["IngestFailure", "RawDocument"]


def test_same_file_twice_is_read_once(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    assert len(list(read_inputs([str(good), str(tmp_path)]))) == 1


def test_stdin_plain_text() -> None:
    (doc,) = read_inputs(["-"], stdin=io.StringIO(ARTICLE))
    assert isinstance(doc, RawDocument)
    assert (doc.path, doc.fmt, doc.text) == ("<stdin>", "txt", ARTICLE)


def test_stdin_json() -> None:
    (doc,) = read_inputs(["-"], stdin=io.StringIO('{"text": "Body.", "title": "T"}'))
    assert isinstance(doc, RawDocument)
    assert (doc.fmt, doc.title) == ("json", "T")


def test_stdin_jsonl() -> None:
    lines = '{"text": "One."}\n{"text": "Two."}\n'
    docs = list(read_inputs(["-"], stdin=io.StringIO(lines)))
    assert [(d.fmt, d.line) for d in docs if isinstance(d, RawDocument)] == [
        ("jsonl", 1),
        ("jsonl", 2),
    ]


def test_stdin_text_starting_with_a_bracket_stays_text() -> None:
    (doc,) = read_inputs(["-"], stdin=io.StringIO("[Updated] The road reopened.\n"))
    assert isinstance(doc, RawDocument)
    assert doc.fmt == "txt"


def test_empty_stdin_is_a_failure() -> None:
    (failure,) = read_inputs(["-"], stdin=io.StringIO("  \n"))
    assert isinstance(failure, IngestFailure)
    assert failure.path == "<stdin>"
