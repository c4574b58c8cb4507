"""Benchmark of event extraction and CAMEO/PLOVER coding on the PLOVER gold standard.

Data: ``plover_gsr.jsonl`` rows ``{id, text, date, gold_events: [{source, target, code,
plover, ...}]}``: one sentence each, one gold event, PLOVER labels of the 2016 draft and
no CAMEO codes. Scoring is the ``score_events.py`` shipped next to the data, imported from
there (never copied); its printed P/R/F1 lines are read back.

Every event extracted from a sentence is scored (``main_event_only`` repeats the figures
for the one event whose trigger is highest in the dependency tree, the main clause, as
earlier versions scored). Rows marked ``noevents`` count every predicted event as a false
positive; compact dates ('20230913') are read as ISO. Metrics:

- ``plover_accuracy``: share of scored sentences whose predicted PLOVER label (2016 draft)
  equals the gold label (one gold and at most one predicted event per sentence, so this is
  the scorer's plover true positives over sentences); ``plover_f1`` is the scorer's F1.
- ``country_f1`` / ``exact_f1``: the scorer's country and exact levels. Where the gold
  gives no codes (PLOVER labels only) they are predicted with the event code left empty:
  they measure actor coding only; where it gives its own codes, with the code, so the
  country level is (source country, target country, root), as coded newswire scores it. The
  actors are the extractor's own ``source_code``/``target_code``, written the way the gold
  writes them: coordinated parties ('Jordan and Britain agreed') as one compound source
  with no target, except an agreement signed or a truce (057, 087x) between them, which is
  one event each way (the CAMEO manual's note on 057: reciprocal events with the actors
  reversed); the events of coordinated sources of one act ('the army and the police
  raided') as one event with a compound source; with no coded target, the code of the
  event's place ('arrived in Amman'); an unattributed arrest or attack has the place's
  country as source, 'UAF' (unidentified armed force) for violence.
- ``cameo_root_f1`` / ``cameo_code_f1``: the scorer's ``root_code`` and ``code`` F1 on the
  rows with gold CAMEO codes: the file's own codes where its gold events carry them
  (``ccasr_nyt.jsonl``), else the code whose example in ``cameo_event_codes.csv`` (next to
  the data) the sentence is.
- ``seconds_per_sentence``: event extraction alone; ``overhead_vs_parse``: its time over
  the spaCy parse time.

``codebook=True`` instead runs the example sentence of every code in
``cameo_event_codes.csv`` and reports the share coded with the right root (and code).
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from dossier.annotate import nlp as nlp_mod
from dossier.annotate.entities import extract_mentions
from dossier.annotate.events import extract_events
from dossier.annotate.events.actors import actor_code
from dossier.annotate.events.coding import alpha3, place_mention_country
from dossier.annotate.events.lexicon import cameo_convention, plover
from dossier.bench.common import load_rows, load_scorer
from dossier.errors import InputError
from dossier.records import Article, Event, Mention

SCORER = "score_events.py"
CODEBOOK = "cameo_event_codes.csv"
_LINE = re.compile(r"^(\w+)\s+P=([\d.]+) R=([\d.]+) F1=([\d.]+)\s+\(tp=(\d+) fp=(\d+) fn=(\d+)\)")


def _norm(text: str) -> str:
    """A matching key for a sentence: its first 60 characters, spacing and case folded
    (the two files differ in trailing punctuation and character encoding)."""
    return " ".join(text.split()).lower()[:60]


def load_codebook(data: Path) -> list[tuple[str, str]]:
    """(code, example sentence) pairs of the CAMEO codebook next to the data file."""
    path = data.parent / CODEBOOK
    if not path.is_file():
        raise InputError(f"{path} not found: the codebook ships next to the events bench data")
    out: list[tuple[str, str]] = []
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        for row in csv.DictReader(fh):
            example = (row.get("example") or "").strip()
            if example and example != "NA":
                out.append((row["code"], example))
    return out


def _depth(tok: Any) -> int:
    depth = 0
    while tok.head.i != tok.i and depth < 50:
        tok = tok.head
        depth += 1
    return depth


def main_event(events: list[Event], doc: Any) -> Event | None:
    """The event of the main clause: the trigger highest in the dependency tree."""
    best: tuple[int, int] | None = None
    chosen: Event | None = None
    for ev in events:
        span = doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")
        if span is None:
            continue
        root = span.root
        depth = _depth(root)
        if root.pos_ in ("NOUN", "PROPN"):
            # an event noun counts at its verb when it is that verb's object ('staged
            # rallies'), one level lower otherwise
            depth += 0 if root.dep_ in ("dobj", "nsubjpass") else 1
        elif root.dep_ == "advcl":
            depth += 1  # purpose and time clauses ('to demand reforms', 'until ...')
        key = (depth, root.i)
        if best is None or key < best:
            best, chosen = key, ev
    return chosen


def _score(
    scorer: ModuleType, gold: list[dict[str, Any]], pred: list[dict[str, Any]]
) -> dict[str, dict[str, float]]:
    """Run the scorer's ``main`` on temporary files and read back its P/R/F1 lines."""
    with tempfile.TemporaryDirectory() as tmp:
        gpath, ppath = Path(tmp) / "gold.jsonl", Path(tmp) / "pred.jsonl"
        gpath.write_text("".join(json.dumps(g) + "\n" for g in gold), encoding="utf-8")
        ppath.write_text("".join(json.dumps(p) + "\n" for p in pred), encoding="utf-8")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            scorer.main(str(gpath), str(ppath))
    levels: dict[str, dict[str, float]] = {}
    for line in out.getvalue().splitlines():
        m = _LINE.match(line)
        if m:
            levels[m.group(1)] = {
                "p": float(m.group(2)),
                "r": float(m.group(3)),
                "f1": float(m.group(4)),
                "tp": int(m.group(5)),
                "fp": int(m.group(6)),
                "fn": int(m.group(7)),
            }
    return levels


@dataclass
class _Run:
    """One sentence through the pipeline: its main event, timings, parse and mentions."""

    ev: Event | None
    all: list[Event]
    event_s: float
    parse_s: float
    doc: Any
    mentions: dict[str, Mention]


def _extract(nlp: Any, ident: str, text: str, date: str | None) -> _Run:
    article = Article(id=ident, text=text, path="<bench>", fmt="jsonl", published=date)
    t0 = time.perf_counter()
    doc = nlp(nlp_mod.plain_spaces(text))  # as nlp.parse reads it
    parse_s = time.perf_counter() - t0
    mentions = extract_mentions(article, doc)
    t0 = time.perf_counter()
    events = extract_events(article, doc, mentions, [], [])
    ev = main_event(events, doc)
    return _Run(ev, events, time.perf_counter() - t0, parse_s, doc, {m.id: m for m in mentions})


def _coordinated(ev: Event, doc: Any) -> bool:
    """Whether the event's source and target are coordinated ('Jordan and Britain agreed'):
    the gold codes such a pair as one compound source with no target."""
    if ev.source_start is None or ev.target_start is None:
        return False
    src = doc.char_span(ev.source_start, ev.source_end, alignment_mode="expand")
    tgt = doc.char_span(ev.target_start, ev.target_end, alignment_mode="expand")
    if src is None or tgt is None:
        return False
    return any(c.i == tgt.root.i for c in src.root.conjuncts)


def _place_code(ev: Event, mentions: dict[str, Mention]) -> str:
    """The code of the event's place: a country or capital by name, else the country the
    places stage geocoded it to."""
    code = actor_code(ev.place_text or "", ev.date)
    m = mentions.get(ev.place_mention_id or "")
    if not code and m is not None and m.country_code:
        code = alpha3(m.country_code) or ""
    return code


def _sentence_country(ev: Event, run: _Run) -> str:
    """The country of the first geocoded place named in the event's sentence outside its
    target ('killed three soldiers outside the city of X')."""
    for m in sorted(run.mentions.values(), key=lambda m: m.start):
        inside_target = (
            ev.target_start is not None
            and ev.target_end is not None
            and ev.target_start <= m.start < ev.target_end
            and ev.target_text != m.text  # a place struck is where it happened
        )
        backer = run.doc.text[max(0, m.start - 5) : m.start].lower().endswith(("anti-", "pro-"))
        if m.type == "PLACE" and not inside_target and not backer:
            country = place_mention_country(m)
            if country:
                return country
    return ""


# Acts the two coordinated parties do to each other ('A and B signed a deal', 'agreed to a
# ceasefire'): the gold codes them as two events, A->B and B->A, not a compound source.
RECIPROCAL = ("057", "087")


def _reciprocal(ev: Event, doc: Any) -> bool:
    """Whether the event is a mutual act of its coordinated source and target."""
    return ev.code.startswith(RECIPROCAL) and _coordinated(ev, doc)


def _coded(ev: Event, with_code: bool, run: _Run) -> dict[str, Any]:
    code = cameo_convention(ev.code, ev.status, ev.hedges)
    source, target = ev.source_code or "", ev.target_code or ""
    unnamed = ev.source_text is None or ev.source_mention_id is None
    if not source and unnamed and ev.code[:2] in ("17", "18", "19", "20"):
        # an unattributed arrest or attack: the gold codes the place's country as the
        # source, an unidentified armed force (UAF) for violence
        place = (_place_code(ev, run.mentions) or _sentence_country(ev, run))[:3]
        if place:
            source = place + ("UAF" if ev.code[:2] != "17" else "")
    if source and target and _coordinated(ev, run.doc) and not _reciprocal(ev, run.doc):
        source, target = f"{source}+{target}", ""
    elif not target and ev.place_text:
        # the gold codes the place acted on as the target where no party is named
        # ('Serbia lifted a curfew in Montenegro', 'arrived in Amman')
        target = _place_code(ev, run.mentions)
    return {
        "source": source,
        "target": target,
        "code": code if with_code else None,
        "plover": plover(code, draft_2016=True),
    }


def _written(events: list[Event], with_code: bool, run: _Run) -> list[dict[str, Any]]:
    """The sentence's events as the gold writes them: the events the extractor gives
    each of coordinated sources of one act ('the army and the police raided ...') as one
    event with a compound source ('IRQMIL+IRQCOP'); a mutual act of two coordinated
    parties as one event each way."""
    out: list[dict[str, Any]] = []
    seen: dict[tuple[Any, ...], dict[str, Any]] = {}
    for ev in events:
        coded = _coded(ev, with_code, run)
        if coded["source"] and coded["target"] and _reciprocal(ev, run.doc):
            out.append({**coded, "source": coded["target"], "target": coded["source"]})
        key = (ev.trigger_start, coded["code"], coded["plover"], coded["target"])
        prev = seen.get(key)
        if prev is None:
            seen[key] = coded
            out.append(coded)
            continue
        parts = prev["source"].split("+") if prev["source"] else []
        if coded["source"] and coded["source"] not in parts:
            prev["source"] = "+".join([*parts, coded["source"]])
    return out


def _codebook_report(data: Path, limit: int | None) -> dict[str, Any]:
    nlp = nlp_mod.load()
    pairs = load_codebook(data)[:limit] if limit else load_codebook(data)
    root_ok = code_ok = empty = 0
    for code, example in pairs:
        ev = _extract(nlp, f"cb-{code}", example, None).ev
        if ev is None:
            empty += 1
            continue
        got = cameo_convention(ev.code, ev.status, ev.hedges)
        root_ok += got[:2] == code[:2]
        code_ok += got == code
    n = len(pairs)
    return {
        "examples": n,
        "root_accuracy": round(root_ok / n, 4) if n else 0.0,
        "code_accuracy": round(code_ok / n, 4) if n else 0.0,
        "no_event": empty,
    }


def _iso(date: Any) -> str | None:
    """A row's date as ISO: '2023-09-13' as it is, compact '20230913' spelt out."""
    value = str(date or "").strip()
    if re.fullmatch(r"\d{8}", value):
        return f"{value[:4]}-{value[4:6]}-{value[6:]}"
    return value or None


def _gold_codes(row: dict[str, Any], examples: dict[str, str]) -> dict[str, Any] | None:
    """The row with CAMEO codes on its gold events: the file's own when it carries them,
    else the codebook's when the sentence is a code's example; None when it has neither.
    A ``noevents`` row is kept as it is (any predicted event is a false positive)."""
    golds = row.get("gold_events") or []
    if row.get("noevents") and not golds:
        return dict(row)
    if golds and all(g.get("code") for g in golds):
        return dict(row)
    code = examples.get(_norm(row.get("text", "")))
    if code is None:
        return None
    return dict(row, gold_events=[dict(g, code=code) for g in golds])


def _levels(levels: dict[str, dict[str, float]], n: int) -> dict[str, Any]:
    plov = levels.get("plover", {})
    return {
        "plover_accuracy": round(plov.get("tp", 0) / n, 4) if n else 0.0,
        "plover_f1": plov.get("f1", 0.0),
        "country_f1": levels.get("country", {}).get("f1", 0.0),
        "exact_f1": levels.get("exact", {}).get("f1", 0.0),
    }


def run_events_bench(
    data: Path, limit: int | None = None, codebook: bool = False, scorer_path: Path | None = None
) -> dict[str, Any]:
    """Score :func:`extract_events` on a gold file; see the module docstring.
    ``scorer_path``: score_events.py (with the codebook beside it), when the data file is
    not next to it (a file written for a check, such as ``tests/fixtures``' wire one)."""
    data = Path(data)
    ref = data if scorer_path is None else Path(scorer_path)  # a file in the scorer's folder
    scorer = load_scorer(ref, SCORER)
    if codebook:
        return _codebook_report(ref, limit)
    rows = load_rows(data, limit)
    examples = {_norm(ex): code for code, ex in load_codebook(ref)}
    nlp = nlp_mod.load()
    parse_s = event_s = 0.0
    # every event of each sentence, and (for comparison) the main clause's only
    pred_actors: list[dict[str, Any]] = []
    pred_main: list[dict[str, Any]] = []
    pred_codes: list[dict[str, Any]] = []
    pred_codes_main: list[dict[str, Any]] = []
    cameo_gold: list[dict[str, Any]] = []
    for row in rows:
        run = _extract(nlp, row["id"], row.get("text", ""), _iso(row.get("date")))
        event_s += run.event_s
        parse_s += run.parse_s
        main = [run.ev] if run.ev else []
        # actors are scored with the code where the gold gives its own codes and actors
        # (then the country level is the scorer's (source, target, root), as on coded
        # newswire); a file of codes without actors (ccasr_nyt) scores codes only
        own = any(
            ev.get("code") and (ev.get("source") or ev.get("target"))
            for ev in row.get("gold_events") or []
        )
        pred_actors.append({"id": row["id"], "events": _written(run.all, own, run)})
        pred_main.append({"id": row["id"], "events": [_coded(e, own, run) for e in main]})
        gold = _gold_codes(row, examples)
        if gold is not None:
            cameo_gold.append(gold)
            pred_codes.append({"id": row["id"], "events": _written(run.all, True, run)})
            pred_codes_main.append(
                {"id": row["id"], "events": [_coded(e, True, run) for e in main]}
            )
    levels = _score(scorer, rows, pred_actors)
    cameo = _score(scorer, cameo_gold, pred_codes) if cameo_gold else {}
    cameo_main = _score(scorer, cameo_gold, pred_codes_main) if cameo_gold else {}
    n = len(rows)
    main_levels = _score(scorer, rows, pred_main)
    return {
        **_levels(levels, n),
        "cameo_root_f1": cameo.get("root_code", {}).get("f1", 0.0),
        "cameo_code_f1": cameo.get("code", {}).get("f1", 0.0),
        "seconds_per_sentence": round(event_s / n, 5) if n else 0.0,
        "overhead_vs_parse": round(event_s / parse_s, 4) if parse_s else 0.0,
        "sentences": n,
        "cameo_scored": len(cameo_gold),
        "levels": levels,
        "cameo_levels": cameo,
        "main_event_only": {
            **_levels(main_levels, n),
            "cameo_root_f1": cameo_main.get("root_code", {}).get("f1", 0.0),
            "cameo_code_f1": cameo_main.get("code", {}).get("f1", 0.0),
        },
    }
