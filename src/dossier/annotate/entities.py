"""Entity mentions: people, organisations, places and groups, from spaCy's NER.

Owner: entities. (Baseline version; to be deepened.)
"""

from __future__ import annotations

from typing import Any

from dossier.ids import span_id
from dossier.records import Article, EntityType, Mention

EXTRACTOR = "entities.spacy"
VERSION = "0.1"

LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "PERSON",
    "ORG": "ORG",
    "GPE": "PLACE",
    "LOC": "PLACE",
    "FAC": "PLACE",
    "NORP": "GROUP",
}


def extract_mentions(article: Article, doc: Any) -> list[Mention]:
    """Mentions of people, organisations, places and groups in one parsed article."""
    out: list[Mention] = []
    for ent in doc.ents:
        etype = LABEL_TYPES.get(ent.label_)
        if etype is None:
            continue
        start, end = ent.start_char, ent.end_char
        out.append(
            Mention(
                id=span_id("m", article.id, start, end),
                article_id=article.id,
                start=start,
                end=end,
                text=article.text[start:end],
                type=etype,
                label=ent.label_,
                extractor=EXTRACTOR,
                version=VERSION,
            )
        )
    return out
