"""The hostile-input corpus: every kind of bad (and awkward but good) input, generated.

Nothing here is third-party text: the articles are invented sentences about fictional
places. ``build(root)`` writes one folder per case under ``root`` and returns the cases
with what ingesting each must give. Run it as a script to look at the files:

    .venv/bin/python tests/hostile/make_corpus.py /tmp/hostile
"""

from __future__ import annotations

import codecs
import gzip
import io
import json
import os
import random
import sqlite3
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

TOWNS = ("Varnholm", "Oskeby", "Tallmark", "Brenna", "Lysund", "Kettleford", "Ambry", "Dunmere")
DEEDS = (
    "agreed to repair the harbour pier",
    "voted to close the old ferry terminal",
    "approved a new flood barrier",
    "postponed the vote on the bridge toll",
    "named a new harbour master",
)


def article(seed: int, paragraphs: int = 3) -> str:
    """An invented news article, different for every seed."""
    rng = random.Random(seed)
    town = rng.choice(TOWNS)
    out = [
        f"{town.upper()}, March {1 + seed % 27}, 2023 — The {town} council "
        f"{rng.choice(DEEDS)} on Monday, case {seed}, a spokesman said."
    ]
    for p in range(paragraphs - 1):
        out.append(
            f"Mayor Ilse Marrow of {town} said the decision number {seed}-{p} would "
            f"{rng.choice(('save money', 'take a year', 'need a second vote'))}. "
            f"Residents of {rng.choice(TOWNS)} have asked for a meeting."
        )
    return "\n\n".join(out) + "\n"


def page(body: str, head: str = "", prolog: str = "") -> str:
    paras = "".join(f"<p>{p}</p>\n" for p in body.split("\n\n") if p.strip())
    return (
        f"{prolog}<html><head><title>Council news</title>{head}</head>"
        f"<body><article>{paras}</article></body></html>\n"
    )


@dataclass(frozen=True)
class Case:
    """One hostile input. ``fails`` maps each file name that must fail to (stage, a
    phrase of the line that says what to do); every other input must be stored.
    ``articles``: how many articles the case itself adds; ``store`` a special store
    the batch goes into (then the whole ingest fails with ``says``)."""

    name: str
    fails: dict[str, tuple[str, str]] = field(default_factory=dict)
    articles: int = 0
    duplicates: int = 0
    env: dict[str, str] = field(default_factory=dict)
    forbid: str | None = None  # text no stored article may contain
    store: str | None = None
    says: str | None = None  # the one error line of a store that cannot be used


Writer = Callable[[Path], None]
CASES: list[tuple[Case, Writer]] = []
# what test_hostile measured of each case: (case, seconds, peak MB, growth MB)
RESULTS: list[tuple[str, float, float, float]] = []


def case(c: Case) -> Callable[[Writer], Writer]:
    def register(write: Writer) -> Writer:
        CASES.append((c, write))
        return write

    return register


def _put(folder: Path, name: str, data: bytes | str) -> None:
    path = folder / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)


# ------------------------------------------------------------------ empty and binary
@case(Case("empty", {"empty.txt": ("read", "empty file")}))
def _empty(d: Path) -> None:
    _put(d, "empty.txt", b"")


@case(Case("whitespace", {"blank.txt": ("read", "empty file")}))
def _blank(d: Path) -> None:
    _put(d, "blank.txt", " \n\t\r\n   \n")


@case(Case("binary", {"noise.dat": ("decode", "give a text, HTML or JSON file")}))
def _binary(d: Path) -> None:
    _put(d, "noise.dat", random.Random(1).randbytes(4096))


@case(Case("nul-bytes", {"nul.txt": ("decode", "NUL bytes")}))
def _nul(d: Path) -> None:
    _put(d, "nul.txt", article(2).encode() + b"\x00\x00tail")


# ------------------------------------------------------------------------ encodings
@case(Case("utf8", articles=1))
def _utf8(d: Path) -> None:
    _put(d, "plain.txt", article(3).replace("Mayor", "Mayor Åsa Ørn and"))


@case(Case("utf8-bom", articles=1))
def _utf8_bom(d: Path) -> None:
    _put(d, "bom.txt", codecs.BOM_UTF8 + article(4).encode())


@case(Case("utf16-le-bom", articles=1))
def _utf16le(d: Path) -> None:
    _put(d, "u16le.txt", article(5).encode("utf-16"))  # BOM + little endian


@case(Case("utf16-be-bom", articles=1))
def _utf16be(d: Path) -> None:
    _put(d, "u16be.txt", codecs.BOM_UTF16_BE + article(6).encode("utf-16-be"))


@case(Case("latin1-undeclared", {"latin.txt": ("decode", "$DOSSIER_FALLBACK_ENCODING")}))
def _latin1(d: Path) -> None:
    _put(
        d,
        "latin.txt",
        article(7).replace("—", "-").replace("Mayor", "Café owner").encode("latin-1"),
    )


@case(Case("latin1-declared-html", articles=1))
def _latin1_html(d: Path) -> None:
    body = article(8).replace("—", "-").replace("Mayor", "Café owner")
    head = '<meta charset="iso-8859-1">'
    _put(d, "latin.html", page(body, head).encode("latin-1"))


@case(Case("latin1-by-setting", articles=1, env={"DOSSIER_FALLBACK_ENCODING": "cp1252"}))
def _latin1_setting(d: Path) -> None:
    _put(d, "cp1252.txt", article(9).replace("said.", "said \u201cyes\u201d.").encode("cp1252"))


@case(
    Case(
        "mixed-encodings",
        {"mixed.txt": ("decode", "re-save it in one encoding")},
        env={"DOSSIER_FALLBACK_ENCODING": "latin-1"},
    )
)
def _mixed(d: Path) -> None:
    _put(d, "mixed.txt", "Åsa said ".encode() + "café".encode("latin-1") + article(10).encode())


# ----------------------------------------------------------------------- big inputs
@case(Case("huge-text", {"huge.txt": ("limits", "$DOSSIER_MAX_CHARS")}))
def _huge(d: Path) -> None:
    block = article(11, paragraphs=8)
    _put(d, "huge.txt", block * (2_100_000 // len(block) + 1))


@case(Case("single-5mb-line", {"line.txt": ("limits", "$DOSSIER_MAX_CHARS")}))
def _line(d: Path) -> None:
    _put(d, "line.txt", article(12).replace("\n", " ") * (5_000_000 // len(article(12)) + 1))


@case(
    Case(
        "file-over-byte-limit",
        {"big.txt": ("limits", "$DOSSIER_MAX_FILE_BYTES")},
        env={"DOSSIER_MAX_FILE_BYTES": "1000000"},
    )
)
def _bytes(d: Path) -> None:
    _put(d, "big.txt", article(13) * (1_200_000 // len(article(13))))


@case(Case("html-bomb-100k-nested", {"nested.html": ("limits", "$DOSSIER_MAX_DEPTH")}))
def _nested(d: Path) -> None:
    inner = page(article(14))
    _put(d, "nested.html", "<html><body>" + "<div>" * 100_000 + inner + "</div>" * 100_000)


def _zeros_gzip(gib: int = 1) -> bytes:
    """A gzip stream of ``gib`` GiB of zeros, as repeated members (about 1 MB)."""
    member = gzip.compress(b"\x00" * (16 << 20), compresslevel=9)
    return member * (64 * gib)


@case(Case("gzip-bomb", {"bomb.txt.gz": ("limits", "gzip bomb")}))
def _bomb(d: Path) -> None:
    _put(d, "bomb.txt.gz", _zeros_gzip())


@case(Case("gzip-bomb-jsonl", {"bomb.jsonl.gz": ("limits", "gzip bomb")}))
def _bomb_lines(d: Path) -> None:
    _put(d, "bomb.jsonl.gz", _zeros_gzip())


@case(Case("truncated-gzip", {"cut.txt.gz": ("decode", "not a valid gzip file")}))
def _cut_gzip(d: Path) -> None:
    data = gzip.compress(article(15).encode() * 20)
    _put(d, "cut.txt.gz", data[: len(data) // 2])


# -------------------------------------------------------------------- HTML and XML
@case(Case("xml-external-entity", articles=1, forbid="SECRET-OF-THE-HOST"))
def _xxe(d: Path) -> None:
    secret = d.parent / "secret.txt"
    secret.write_text("SECRET-OF-THE-HOST\n", encoding="utf-8")
    prolog = (
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE html [<!ENTITY leak SYSTEM "file://{secret.resolve()}">]>\n'
    )
    _put(d, "xxe.html", page(article(16) + "\n\nThe file says &leak; today.", prolog=prolog))


@case(Case("xml-prolog-doctype", articles=1))
def _prolog(d: Path) -> None:
    prolog = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML '
        '1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
    )
    _put(d, "prolog.html", page(article(17), prolog=prolog))


@case(Case("xml-prolog-sniffed", articles=1))
def _prolog_sniffed(d: Path) -> None:
    prolog = '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE html>\n'
    _put(d, "page-without-extension", page(article(18), prolog=prolog))


@case(Case("scripts-only", {"scripts.html": ("parse", "no article text found")}))
def _scripts(d: Path) -> None:
    js = "<script>var x = 1; document.write('hello');</script>" * 50
    _put(d, "scripts.html", f"<!DOCTYPE html><html><head>{js}</head><body>{js}</body></html>")


# --------------------------------------------------------------------------- JSON
@case(Case("truncated-json", {"cut.json": ("parse", "invalid JSON")}))
def _cut_json(d: Path) -> None:
    _put(d, "cut.json", json.dumps({"title": "Cut", "text": article(19)})[:-20])


@case(Case("wrong-typed-json", {"typed.json": ("parse", "expected a non-empty 'text'")}))
def _typed(d: Path) -> None:
    _put(d, "typed.json", json.dumps({"title": ["no"], "text": 42, "date": {"y": 1}}))


@case(Case("json-array", articles=2))
def _array(d: Path) -> None:
    _put(d, "many.json", json.dumps([{"text": article(20)}, {"text": article(21)}]))


@case(Case("json-array-bad-item", {"mixed.json": ("parse", "expected a JSON object")}, 1))
def _array_bad(d: Path) -> None:
    _put(d, "mixed.json", json.dumps([{"text": article(22)}, 5]))


@case(Case("json-deep", {"deep.json": ("limits", "$DOSSIER_MAX_DEPTH")}))
def _deep(d: Path) -> None:
    _put(d, "deep.json", "[" * 100_000 + "]" * 100_000)


@case(Case("bad-metadata-dates", articles=3))
def _dates(d: Path) -> None:
    rows = [
        {"text": article(23), "date": "2023-13-45"},
        {"text": article(24), "published": "yesterday-ish"},
        {"text": article(25), "date": 12345678901234567890},
    ]
    _put(d, "dates.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")


@case(
    Case(
        "jsonl-bad-lines",
        {"lines.jsonl": ("parse", "invalid JSON")},
        articles=1,
    )
)
def _lines(d: Path) -> None:
    good = json.dumps({"text": article(26)})
    _put(d, "lines.jsonl", good.encode() + b"\n{not json\n")


# ------------------------------------------------------------ characters and names
@case(Case("control-and-bidi", articles=1))
def _controls(d: Path) -> None:
    text = article(27).replace("council", "coun\u200bcil\u202e evil\u202c").replace("a ", "a\x07 ")
    _put(d, "controls.txt", text)


@case(Case("odd-file-names", {"new\nline \u202eeman.txt": ("read", "empty file")}, 2))
def _names(d: Path) -> None:
    _put(d, " spaced  name .txt", article(28))
    _put(d, "ünïcödé — 名前.txt", article(29))
    _put(d, "new\nline \u202eeman.txt", b"")


# ------------------------------------------------------------------ floods and loops
@case(Case("flood-10k-copies", articles=1, duplicates=9_999))
def _flood(d: Path) -> None:
    text = article(30).encode()
    for i in range(10_000):
        _put(d, f"copy{i:05d}.txt", text)


@case(
    Case(
        "symlink-loops",
        {"a": ("read", "symbolic link loop"), "b": ("read", "symbolic link loop")},
        1,
    )
)
def _loops(d: Path) -> None:
    _put(d, "real.txt", article(31))
    os.symlink("b", d / "a")  # a -> b -> a
    os.symlink("a", d / "b")
    os.symlink(".", d / "self")  # a folder that contains itself
    os.symlink("..", d / "up")


# ------------------------------------------------------------ formats not supported
@case(Case("pdf", {"report.pdf": ("read", "not supported")}))
def _pdf(d: Path) -> None:
    _put(d, "report.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n")


@case(Case("pdf-named-txt", {"report.txt": ("read", "not supported")}))
def _pdf_txt(d: Path) -> None:
    _put(d, "report.txt", b"%PDF-1.7\n" + article(32).encode())


@case(Case("docx", {"memo.docx": ("read", "not supported")}))
def _docx(d: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", f"<w:document>{article(33)}</w:document>")
    _put(d, "memo.docx", buf.getvalue())


@case(Case("docx-unnamed", {"memo": ("read", "not supported")}))
def _docx_unnamed(d: Path) -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        z.writestr("word/document.xml", f"<w:document>{article(34)}</w:document>")
    _put(d, "memo", buf.getvalue())


# --------------------------------------------------------------------------- stores
@case(Case("corrupt-store", store="corrupt.sqlite", says="is not a dossier store"))
def _corrupt(d: Path) -> None:
    _put(d, "ok.txt", article(35))
    data = bytearray(b"SQLite format 3\x00" + random.Random(2).randbytes(8192))
    (d.parent / "corrupt.sqlite").write_bytes(bytes(data))


@case(Case("newer-schema-store", store="newer.sqlite", says="newer than this dossier"))
def _newer(d: Path) -> None:
    _put(d, "ok.txt", article(36))
    conn = sqlite3.connect(d.parent / "newer.sqlite")
    conn.execute(
        "CREATE TABLE schema_migrations (number INTEGER PRIMARY KEY, name TEXT, applied_at TEXT)"
    )
    conn.execute("INSERT INTO schema_migrations VALUES (999, '0999_future.sql', 'later')")
    conn.commit()
    conn.close()


def build(root: Path) -> list[tuple[Case, Path]]:
    """Write every case under ``root`` (``root/<case>/input/...``); the cases and folders."""
    out = []
    for c, write in CASES:
        folder = root / c.name / "input"
        folder.mkdir(parents=True, exist_ok=True)
        write(folder)
        control = root / c.name / "control.txt"
        control.write_text(article(1000 + len(out)), encoding="utf-8")
        out.append((c, folder))
    return out


if __name__ == "__main__":
    where = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-corpus")
    for c, folder in build(where):
        print(f"{c.name:24} {folder}")
