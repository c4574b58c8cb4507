"""Golden entities for a small invented store: extraction over three articles, then resolution."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from dossier.annotate.entities import extract_mentions
from dossier.records import Article, Mention
from dossier.resolve.entities import resolve_entities

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from golden import check_golden

ARTICLES = {
    "first": (
        "North Korean leader Kim Jong Un met Russian President Vladimir Putin in Vladivostock "
        "on Tuesday. Kim said the talks had gone well, and Mr Putin thanked his guest. "
        "Kremlin spokesman Dmitry Orlov gave no details."
    ),
    "second": (
        "Kim Jong-un travelled by armoured train, as his father Kim Jong Il used to do.\n\n"
        "Analysts in Seoul said Vladimir Vladimirovich Putin needed shells. Spokesman Orlov "
        "denied it. The U.S. and the United Kingdom said they were watching."
    ),
    "third": (
        "Reports from Pyongyang said Kim Jon Un would return home on Friday. "
        "George Bush once called the country a threat; Laura Bush visited Seoul years later. "
        "The United States and Kyiv both protested."
    ),
}


def test_store_entities_match_golden(nlp: Any) -> None:
    mentions: list[Mention] = []
    for aid, text in ARTICLES.items():
        article = Article(id=aid, text=text, path=f"{aid}.txt", fmt="txt")
        mentions.extend(extract_mentions(article, nlp(text)))
    entities, assignment = resolve_entities(mentions)
    assert set(assignment) == {m.id for m in mentions}
    check_golden(
        "entities/store_entities",
        [
            {
                "name": e.name,
                "type": e.type,
                "aliases": e.aliases,
                "roles": e.roles,
                "mentions": e.mentions,
                "id": e.id,
            }
            for e in entities
        ],
    )
