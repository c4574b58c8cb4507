"""Benchmark of quote extraction and attribution on PolNeAR-style data.

Data rows: ``{doc_id, text, meta{is_primary, ...}, quotes: [{quote_spans, speaker_text,
speaker_spans, has_quote_marks, ...}]}``; only primary rows are scored (a missing key
counts as primary). Scoring is the Gender Gap Tracker style span-overlap metric of the
``score_quotes.py`` shipped next to the data, imported from there (never copied).

Scheme adapter: gold direct quotes in PolNeAR include their quote marks (and the comma
before the closing mark); our ``Quote`` spans exclude them, so the runner widens a
direct quote over adjacent marks before scoring, and a direct quote that its
attribution splits ('"A," she said, "B."') is scored as its quote-marked pieces
(the scorer's discontinuous ``spans``), as PolNeAR marks it; so is a floating
quote, as one more piece of the quote-marked (direct or mixed) quote before it
(PolNeAR annotates a speaker's run of quotes as one attribution). Speakers are given
as spans when the speaker is written at the quote (direct, pronoun or description),
as text when a floating quote inherits its speaker from an earlier one.
"""

from __future__ import annotations

import json
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from dossier.annotate import nlp as nlp_mod
from dossier.annotate.entities import extract_mentions
from dossier.annotate.quotes import extract_quotes
from dossier.annotate.quotes.marks import find_trailers, pair_marks
from dossier.bench import common
from dossier.records import Article, Quote

SCORER = "score_quotes.py"
MARKS = '"“”‘’«»„‟'
KEYS = (
    "precision_30",
    "recall_30",
    "f1_30",
    "f1_80",
    "speaker_accuracy",
    "f1_30_direct",
    "f1_30_indirect",
    "n_gold",
    "n_pred",
)


def _is_primary(row: dict[str, Any]) -> bool:
    return bool((row.get("meta") or {}).get("is_primary", True))


def load_rows(data: Path, limit: int | None = None) -> list[dict[str, Any]]:
    """The primary rows of a PolNeAR file (one per article; first ``limit`` of them)."""
    return common.load_rows(data, limit, keep=_is_primary)


def widen(text: str, start: int, end: int) -> tuple[int, int]:
    """A direct quote's span over its own quote marks (and the comma before the close)."""
    if start > 0 and text[start - 1] in MARKS:
        start -= 1
        j = end
        while j < len(text) and text[j] in ",.":
            j += 1
        if j < len(text) and text[j] in MARKS:
            end = j + 1
    return start, end


def segments(
    text: str, start: int, end: int, marks: list[tuple[int, int]]
) -> list[list[int]] | None:
    """The quote-marked pieces of a direct quote split by its attribution
    ('"A," she said, "B."' -> '"A,"' and '"B."'), as PolNeAR marks them; ``None`` when
    the quote is one piece. ``marks``: top-level quote-mark spans of the text."""
    inside = [(a, b) for a, b in marks if start <= a and b <= end]
    if len(inside) < 2 or inside[0][0] != start:
        return None
    pieces: list[list[int]] = [[inside[0][0], inside[0][1]]]
    for a, b in inside[1:]:
        if any(ch.isalpha() for ch in text[pieces[-1][1] : a]):
            pieces.append([a, b])
        else:  # paragraphs of one quote: only a line break between them
            pieces[-1][1] = b
    if len(pieces) < 2:
        return None
    pieces[-1][1] = max(pieces[-1][1], end)
    return pieces


def _top_marks(text: str) -> list[tuple[int, int]]:
    spans = pair_marks(text, find_trailers(text))
    return sorted((ms.open_pos, ms.close_end) for ms in spans if ms.parent is None and not ms.block)


def system_row(doc_id: str, text: str, quotes: list[Quote]) -> dict[str, Any]:
    """One SYSTEM line for the scorer."""
    out: list[dict[str, Any]] = []
    kinds: list[str] = []
    marks: list[tuple[int, int]] | None = None
    for q in quotes:
        start, end = q.start, q.end
        row: dict[str, Any] = {}
        if q.kind == "direct":
            start, end = widen(text, start, end)
            if marks is None:
                marks = _top_marks(text)
            pieces = segments(text, start, end, marks)
            if pieces is not None:
                row["spans"] = pieces
        elif q.pieces:  # the attribution inside ('A, said X, B'): the quoted pieces
            row["spans"] = [[a, b] for a, b in q.pieces]
        row.update({"start": start, "end": end})
        prev = out[-1] if out else None
        marked = kinds[-1] in ("direct", "mixed") if kinds else False
        if q.speaker_resolution == "floating" and prev is not None and marked:
            # a floating quote goes on with the attribution before it: one piece more
            prev["spans"] = prev.get("spans") or [[prev["start"], prev["end"]]]
            prev["spans"] += row.get("spans") or [[start, end]]
            prev["end"] = end
            continue
        kinds.append(q.kind)
        if q.speaker_resolution == "floating":
            row["speaker"] = q.speaker_text or ""
        elif q.speaker_start is not None and q.speaker_end is not None:
            row["speaker_start"], row["speaker_end"] = q.speaker_start, q.speaker_end
        out.append(row)
    return {"doc_id": doc_id, "quotes": out}


def _score(scorer: ModuleType, data: Path, ids: set[str], rows: list[dict[str, Any]]) -> Any:
    gold = {k: v for k, v in scorer.load_gold(str(data)).items() if k in ids}
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row) + "\n")
        tmp = fh.name
    try:
        system = scorer.load_system(tmp)
    finally:
        Path(tmp).unlink(missing_ok=True)
    return scorer.score(gold, system)


def _textacy_baseline(
    scorer: ModuleType, data: Path, rows: list[dict[str, Any]], docs: list[Any]
) -> dict[str, Any]:
    try:
        from textacy.extract.triples import direct_quotations
    except ImportError:
        return {"error": "textacy not installed"}
    out = []
    failed = 0
    t0 = time.perf_counter()
    for row, doc in zip(rows, docs, strict=True):
        preds = []
        try:
            triples = list(direct_quotations(doc))
        except ValueError:  # textacy gives up on a document with an unclosed quotation
            failed += 1
            triples = []
        for triple in triples:
            content = triple.content
            toks = list(content)
            if not toks:
                continue
            pred: dict[str, Any] = {
                "start": toks[0].idx,
                "end": toks[-1].idx + len(toks[-1].text),
            }
            speaker = list(triple.speaker)
            if speaker:
                pred["speaker_start"] = speaker[0].idx
                pred["speaker_end"] = speaker[-1].idx + len(speaker[-1].text)
            preds.append(pred)
        out.append({"doc_id": row["doc_id"], "quotes": preds})
    seconds = time.perf_counter() - t0
    res = _score(scorer, data, {r["doc_id"] for r in rows}, out)
    report = {k: round(float(res[k]), 4) if isinstance(res[k], float) else res[k] for k in KEYS}
    report["seconds_per_doc"] = round(seconds / len(rows), 4) if rows else 0.0
    report["docs_failed"] = failed
    return report


def run_quotes_bench(
    data: Path, limit: int | None = None, speech: bool = False, scorer_path: Path | None = None
) -> dict[str, Any]:
    """Score :func:`extract_quotes` on a PolNeAR-style file; see the module docstring.

    ``speech``: score only the quotes marked as speech (what ``dossier quotes`` lists), for
    gold that marks only what was said or written. ``scorer_path``: the scorer, when the
    data file is not next to it (a file written for a check, such as the quote styles)."""
    data = Path(data)
    scorer = common.load_scorer(
        data if scorer_path is None else Path(scorer_path).parent / SCORER, SCORER
    )
    rows = load_rows(data, limit)
    nlp = nlp_mod.load()
    parse_s = quote_s = 0.0
    system_rows: list[dict[str, Any]] = []
    docs: list[Any] = []
    for row in rows:
        text = row["text"]
        article = Article(id=str(row["doc_id"]), text=text, path=str(data), fmt="jsonl")
        t0 = time.perf_counter()
        doc = nlp(nlp_mod.plain_spaces(text))
        parse_s += time.perf_counter() - t0
        docs.append(doc)
        mentions = extract_mentions(article, doc)
        t0 = time.perf_counter()
        quotes = extract_quotes(article, doc, mentions, [])
        quote_s += time.perf_counter() - t0
        if speech:
            quotes = [q for q in quotes if q.speech]
        system_rows.append(system_row(row["doc_id"], text, quotes))
    res = _score(scorer, data, {r["doc_id"] for r in rows}, system_rows)
    n = len(rows)
    report: dict[str, Any] = {
        k: round(float(res[k]), 4) if isinstance(res[k], float) else res[k] for k in KEYS
    }
    report.update(
        {
            "seconds_per_doc": round(quote_s / n, 4) if n else 0.0,
            "overhead_vs_parse": round(quote_s / parse_s, 4) if parse_s else 0.0,
            "docs": n,
        }
    )
    report["speech_only"] = speech
    report["baseline"] = _textacy_baseline(scorer, data, rows, docs)
    return report
