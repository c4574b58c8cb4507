"""Helpers for the quote tests: fixtures, stable mentions, a compact view of quotes."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dossier.annotate.quotes import extract_quotes
from dossier.ids import span_id
from dossier.records import Article, EntityType, Mention, Quote

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# spaCy NER labels to mention types, fixed here so goldens do not move with the entity stage
LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "GROUP",
}


def fixture_text(name: str) -> str:
    return (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")


def ner_mentions(article: Article, doc: Any) -> list[Mention]:
    """Mentions straight from spaCy's NER, so goldens do not move with the entity stage."""
    out = []
    for ent in doc.ents:
        etype = LABEL_TYPES.get(ent.label_)
        if etype is None:
            continue
        out.append(
            Mention(
                id=span_id("m", article.id, ent.start_char, ent.end_char),
                article_id=article.id,
                start=ent.start_char,
                end=ent.end_char,
                text=ent.text,
                type=etype,
                extractor="test",
                version="0",
                label=ent.label_,
            )
        )
    return out


def run(nlp: Any, text: str) -> tuple[Article, list[Mention], list[Quote]]:
    article = Article(id="a_test", text=text, path="<test>", fmt="txt")
    doc = nlp(text)
    mentions = ner_mentions(article, doc)
    return article, mentions, extract_quotes(article, doc, mentions, [])


def view(article: Article, mentions: list[Mention], quotes: list[Quote]) -> list[dict[str, Any]]:
    """What a golden file records: the meaning of each quote, spans checked on the way."""
    by_id = {m.id: m for m in mentions}
    out = []
    for q in quotes:
        assert q.text == " ".join(article.text[a:b] for a, b in q.spans())
        if q.speaker_start is not None and q.speaker_end is not None:
            assert q.speaker_text == article.text[q.speaker_start : q.speaker_end]
        for r in q.relayed_by:
            if r.start is not None and r.end is not None:
                assert article.text[r.start : r.end] == r.name
        speaker = by_id.get(q.speaker_mention_id or "")
        out.append(
            {
                "kind": q.kind,
                "text": q.text,
                "cue": q.cue,
                "speaker_text": q.speaker_text,
                "speaker": speaker.text if speaker else None,
                "resolution": q.speaker_resolution,
                "relayed_by": [[r.name, r.kind, r.date] for r in q.relayed_by],
                "hedges": q.hedges,
                "date": q.date,
            }
        )
    return out


def by_phrase(quotes: list[Quote], phrase: str) -> Quote:
    found = [q for q in quotes if phrase in q.text]
    assert found, f"no quote holds {phrase!r}"
    return min(found, key=lambda q: q.end - q.start)
