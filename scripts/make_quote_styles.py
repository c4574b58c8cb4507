"""Build tests/fixtures/quote_styles.jsonl (PolNeAR's row schema) from the marked-up
articles in tests/fixtures/quote_styles/*.txt, written by dossier in the styles of the
seeds: blog relays, dash quotes of translated reports, wire copy, headings and repeats.

Markup: ``⟦N:content⟧`` is the content of gold quote N and ``⟪N:speaker⟫`` its speaker;
``⟦N=M:content⟧`` is a quote whose speaker is quote M's (a quote going on). Only what
someone said or wrote is marked; wishes, findings, headings and repeats are not.
Run: ``python scripts/make_quote_styles.py``. ``quote_styles_check/`` (its file
``quote_styles_check.jsonl``, built with ``main(folder, out)``) was written blind to the
rules, by a session that never read the extractor: score on it, never tune on it.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

_OPEN = re.compile(r"([⟦⟪])(\d+)(?:=(\d+))?:")
_CLOSE = {"⟦": "⟧", "⟪": "⟫"}


def parse(marked: str) -> tuple[str, dict[str, dict[str, list[int]]]]:
    """The plain text and, per quote id, its content and speaker spans."""
    out: list[str] = []
    pos = 0
    stack: list[tuple[str, str, str | None, int]] = []
    spans: dict[str, dict[str, list[int]]] = {}
    i = 0
    while i < len(marked):
        m = _OPEN.match(marked, i)
        ch = marked[i]
        if m:
            stack.append((m.group(1), m.group(2), m.group(3), pos))
            i = m.end()
            continue
        if ch in ("⟧", "⟫"):
            kind, qid, same, start = stack.pop()
            if _CLOSE[kind] != ch:
                raise ValueError(f"unbalanced markup near {marked[i - 30 : i]!r}")
            entry = spans.setdefault(qid, {})
            entry["quote" if kind == "⟦" else "speaker"] = [start, pos]
            if same:
                entry["same"] = [int(same)]
            i += 1
            continue
        out.append(ch)
        pos += 1
        i += 1
    if stack:
        raise ValueError("unclosed markup")
    return "".join(out), spans


def row(name: str, marked: str) -> dict[str, object]:
    text, spans = parse(marked)
    quotes = []
    for qid in sorted(spans, key=int):
        entry = spans[qid]
        if "quote" not in entry:
            continue
        who = spans[str(entry["same"][0])] if "same" in entry else entry
        s, e = entry["quote"]
        content = text[s:e]
        sp = who.get("speaker")
        quotes.append(
            {
                "quote_span_text": content,
                "quote_spans": [[s, e]],
                "speaker_text": text[sp[0] : sp[1]] if sp else "",
                "speaker_spans": [sp] if sp else [],
                "has_quote_marks": any(c in content for c in '"“”'),
            }
        )
    return {
        "doc_id": name,
        "dataset": "dossier-quote-styles",
        "split": "check",
        "lang": "en",
        "text": text,
        "meta": {"is_primary": True},
        "quotes": quotes,
    }


def main(folder: Path, out: Path) -> None:
    rows = [row(p.stem, p.read_text(encoding="utf-8")) for p in sorted(folder.glob("*.txt"))]
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    print(f"{out}: {len(rows)} articles, {sum(len(r['quotes']) for r in rows)} quotes")  # type: ignore[arg-type]


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
    name = sys.argv[1] if len(sys.argv) > 1 else "quote_styles"
    main(root / name, root / f"{name}.jsonl")
