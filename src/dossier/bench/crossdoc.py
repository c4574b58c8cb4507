"""Cross-document event coreference on ECB+ with gold mentions, and the scale run.

Data: ``X.docs.jsonl`` (documents: topic, subtopic, tokenised sentences) with its sibling
``X.event_mentions.jsonl`` (one gold mention a line: ``sentence``, token span, gold
``cluster_id``). The mentions are clustered by :mod:`dossier.resolve.events` and scored
with the ``score_coref.py`` shipped next to the data, imported from there (never copied).

Stories: the top-level figures take the ECB+ subtopic as the story (the usual
gold-mentions setting, where documents are first split into the two stories of a topic;
published systems predict these document clusters almost perfectly). The same run
reports ``predicted_stories``: the topic is given and the documents of each topic are
split into stories by :class:`~dossier.resolve.events.stories.StoryIndex` on their
embeddings, without reading the subtopics. The baseline is the same-lemma baseline:
mentions with the same trigger lemma in the same topic form a cluster;
``baseline_subtopic`` is the same within the gold subtopic.

``synthetic=N`` runs the scale test instead (:mod:`dossier.bench.crossdoc_scale`).
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

from dossier.bench import common
from dossier.errors import InputError
from dossier.resolve.events import train
from dossier.resolve.events.features import lemma_basis
from dossier.resolve.events.mention import Analyser, EventMention
from dossier.resolve.events.model import PairModel
from dossier.resolve.events.resolver import EventResolver
from dossier.resolve.events.stories import StoryIndex

SCORER = "score_coref.py"
DOCS_SUFFIX = ".docs.jsonl"
MENTIONS_SUFFIX = ".event_mentions.jsonl"


def mentions_path(data: Path) -> Path:
    name = data.name
    if not name.endswith(DOCS_SUFFIX):
        raise InputError(f"{data}: expected a file named X{DOCS_SUFFIX}")
    path = data.with_name(name[: -len(DOCS_SUFFIX)] + MENTIONS_SUFFIX)
    if not path.is_file():
        raise InputError(f"{path} not found: the gold mentions sit next to {data.name}")
    return path


def _read(path: Path) -> list[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def _span(row: dict[str, Any]) -> tuple[int, int]:
    """Character span of the trigger in ``row['sentence']`` (tokens joined by spaces).
    Rows without ``sent_token_span`` (train) are located by their text (first match)."""
    tokens = row["sentence"].split(" ")
    if "sent_token_span" in row:
        a, b = row["sent_token_span"]
    else:
        words = row["text"].split(" ")
        a = next(
            (i for i in range(len(tokens)) if tokens[i : i + len(words)] == words),
            0,
        )
        b = a + len(words) if tokens[a : a + len(words)] == words else a + 1
    start = sum(len(t) + 1 for t in tokens[:a])
    end = start + len(" ".join(tokens[a:b]))
    return start, end


def load_bench(
    data: Path, limit: int | None = None
) -> tuple[list[EventMention], dict[str, str], dict[str, str]]:
    """Mentions (story unset), gold clusters, and each document's topic. ``limit`` keeps
    the documents of the first ``limit`` topics (in file order)."""
    docs = _read(data)
    topics: list[str] = []
    for d in docs:
        if d["topic"] not in topics:
            topics.append(d["topic"])
    keep = set(topics[:limit] if limit is not None else topics)
    topic_of = {d["doc_id"]: d["topic"] for d in docs if d["topic"] in keep}
    mentions, gold = [], {}
    for row in _read(mentions_path(data)):
        if row["doc_id"] not in topic_of:
            continue
        start, end = _span(row)
        mentions.append(EventMention(row["mention_id"], row["doc_id"], row["sentence"], start, end))
        gold[row["mention_id"]] = row["cluster_id"]
    return mentions, gold, topic_of


def assign_stories(
    mentions: list[EventMention], topic_of: dict[str, str], analyser: Analyser, threshold: float
) -> list[EventMention]:
    """The mentions with ``story`` set: documents split into stories inside each topic."""
    vecs = analyser.story_vectors(mentions)
    story: dict[str, str] = {}
    for topic in sorted(set(topic_of.values())):
        index = StoryIndex(threshold)
        for doc_id in sorted(d for d, t in topic_of.items() if t == topic and d in vecs):
            story[doc_id] = f"{topic}/{index.add(doc_id, vecs[doc_id])}"
    return [_with_story(m, story[m.doc_id]) for m in mentions]


def _with_story(m: EventMention, story: str) -> EventMention:
    return EventMention(m.id, m.doc_id, m.sentence, m.start, m.end, story=story)


def _scores(scorer: ModuleType, gold: dict[str, str], system: dict[str, str]) -> dict[str, float]:
    res = scorer.evaluate(gold, system)
    return {
        "conll_f1": round(res["conll_f1"] / 100, 4),
        "muc_f1": round(res["muc"]["f1"] / 100, 4),
        "b3_f1": round(res["bcub"]["f1"] / 100, 4),
        "ceafe_f1": round(res["ceafe"]["f1"] / 100, 4),
        "lea_f1": round(res["lea"]["f1"] / 100, 4),
    }


def lemma_baseline(
    mentions: list[EventMention], group: dict[str, str], analyser: Analyser
) -> dict[str, str]:
    """Same trigger lemma (spaCy, in context) in the same group -> one cluster."""
    return {
        m.id: f"{group[m.doc_id]}|{a.lemma}"
        for m, a in zip(mentions, analyser.analyse(mentions), strict=True)
    }


def run_crossdoc_bench(
    data: Path, limit: int | None = None, synthetic: int | None = None
) -> dict[str, Any]:
    """CoNLL, MUC, B3, CEAF-e and LEA F1 of the resolver on gold mentions, with the
    same-lemma baseline under ``baseline``; or, with ``synthetic``, the scale run."""
    if synthetic is not None:
        from dossier.bench.crossdoc_scale import run_scale

        return run_scale(data, synthetic)
    scorer = common.load_scorer(data, SCORER)
    mentions, gold, topic_of = load_bench(data, limit)
    if not mentions:
        raise InputError(f"{data}: no event mentions found")
    subtopic_of = {d["doc_id"]: d["subtopic"] for d in _read(data) if d["doc_id"] in topic_of}
    model = PairModel.load()
    import spacy  # noqa: F401  (imported before timing, as it was when nlp imported it)

    t0 = time.perf_counter()
    resolver = EventResolver(model)
    resolver.add([_with_story(m, subtopic_of[m.doc_id]) for m in mentions])
    system = resolver.clusters()
    seconds = time.perf_counter() - t0
    report: dict[str, Any] = {**_scores(scorer, gold, system), "seconds": round(seconds, 3)}
    baseline = lemma_baseline(mentions, topic_of, resolver.analyser)
    report["baseline"] = {"name": "same lemma, same topic", **_scores(scorer, gold, baseline)}
    report["baseline_subtopic"] = _scores(
        scorer, gold, lemma_baseline(mentions, subtopic_of, resolver.analyser)
    )
    predicted = EventResolver(model.for_predicted_stories())
    storied = assign_stories(mentions, topic_of, predicted.analyser, model.story_threshold)
    predicted.add(storied)
    report["predicted_stories"] = {
        **_scores(scorer, gold, predicted.clusters()),
        "stories": len({m.story for m in storied}),
    }
    report["mentions"] = len(mentions)
    report["documents"] = len({m.doc_id for m in mentions})
    report["subtopics"] = len(set(subtopic_of.values()))
    return report


def fit_crossdoc(
    data: Path, out: Path | None = None, folds: int = 5, limit: int | None = None
) -> PairModel:
    """Fit the pairwise model on ``data`` (e.g. train.docs.jsonl): logistic regression on
    the pairs within gold subtopics; the story threshold (best pairwise F1 of same-story
    documents against subtopics); and two average-link thresholds chosen by
    leave-topics-out cross-validation on ``data`` (each topic's clusters come from a
    model fitted without that topic, the CoNLL F1 is taken over all of them):
    ``threshold`` on gold-subtopic blocks (the setting of the top-level figure) and
    ``predicted_threshold`` on predicted-story blocks. Writes the model to ``out``.
    ``limit`` keeps the first topics only (a quick check; at least ``folds``)."""
    scorer = common.load_scorer(data, SCORER)
    mentions, gold, topic_of = load_bench(data, limit)
    subtopic_of = {d["doc_id"]: d["subtopic"] for d in _read(data)}
    topics = sorted(set(topic_of.values()), key=lambda t: (len(t), t))
    held = [frozenset(topics[k::folds]) for k in range(folds)]

    def conll(system: dict[str, str]) -> float:
        return float(scorer.evaluate(gold, system)["conll_f1"])

    analyser = Analyser()
    blocks = train.block_analyses(
        [_with_story(m, subtopic_of[m.doc_id]) for m in mentions], analyser
    )
    basis = lemma_basis(np.stack([a.lemma_vec for _, analyses in blocks for a in analyses]))
    model = train.fit_with_lexicon(blocks, gold, topic_of.__getitem__, basis)
    story_threshold, story_f1 = _tune_story(mentions, topic_of, subtopic_of, analyser)
    storied = assign_stories(mentions, topic_of, analyser, story_threshold)
    pred_blocks = train.block_analyses(storied, analyser)
    (given_feats, given_models), (pred_feats, pred_models) = train.cross_validate(
        blocks, gold, topic_of.__getitem__, held, basis, extra=[pred_blocks]
    )
    model.threshold, cv_given = train.tune_threshold(given_feats, given_models, conll)
    model.predicted_threshold, cv_pred = train.tune_threshold(pred_feats, pred_models, conll)
    model.story_threshold = story_threshold
    model.notes.update(
        {
            "fitted_on": data.name,
            "folds": folds,
            "story_pair_f1": round(story_f1, 4),
            "cv_conll_f1": round(cv_given / 100, 4),
            "cv_conll_f1_predicted_stories": round(cv_pred / 100, 4),
        }
    )
    if out is not None:
        model.save(out)
    return model


def _tune_story(
    mentions: list[EventMention],
    topic_of: dict[str, str],
    subtopic_of: dict[str, str],
    analyser: Analyser,
) -> tuple[float, float]:
    best = (0.8, -1.0)
    for t in [x / 100 for x in range(20, 100, 2)]:
        storied = assign_stories(mentions, topic_of, analyser, t)
        story = {m.doc_id: m.story for m in storied}
        docs = sorted(story)
        tp = fp = fn = 0
        for i, a in enumerate(docs):
            for b in docs[i + 1 :]:
                if topic_of[a] != topic_of[b]:
                    continue
                same_pred = story[a] == story[b]
                same_gold = subtopic_of[a] == subtopic_of[b]
                tp += same_pred and same_gold
                fp += same_pred and not same_gold
                fn += same_gold and not same_pred
        f1 = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
        if f1 > best[1]:
            best = (t, f1)
    return best
