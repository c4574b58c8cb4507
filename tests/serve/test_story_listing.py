"""The stories listing reads its member articles without their text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

import dossier
from dossier.api import Dossier
from dossier.store.sql_record import HEAD_CHARS


@pytest.fixture()
def db(built_store: Path) -> Iterator[Dossier]:
    with dossier.open(built_store, create=False) as d:
        yield d


def test_heads_of_titled_articles_carry_no_text(db: Dossier) -> None:
    titled = [a.id for a in db.store.articles() if a.title]
    assert titled and all(a.text == "" for a in db.store.article_heads(titled))


def test_heads_of_untitled_articles_carry_their_opening(tmp_path: Path) -> None:
    record = tmp_path / "untitled.json"
    body = "Officials in Porto said the harbour reopened on Friday after the storm. " * 30
    record.write_text(json.dumps({"text": body, "date": "2024-05-03"}), encoding="utf-8")
    with dossier.open(tmp_path / "s.sqlite") as d:
        (aid,) = d.ingest([record]).added
        (head,) = d.store.article_heads([aid])
        assert head.text == d.store.articles([aid])[0].text[:HEAD_CHARS]


def test_heads_keep_every_other_field(db: Dossier) -> None:
    full = db.store.articles()
    heads = db.store.article_heads([a.id for a in full])
    strip = [(a.id, a.title, a.source, a.published, a.published_how, a.path) for a in full]
    assert [(h.id, h.title, h.source, h.published, h.published_how, h.path) for h in heads] == (
        strip
    )


def test_the_listing_answers_as_with_the_full_articles(
    db: Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    lean = [s.as_json() for s in db.stories()]
    monkeypatch.setattr(db.store, "article_heads", db.store.articles)
    assert lean and [s.as_json() for s in db.stories()] == lean


def test_the_listing_does_not_read_full_articles(
    db: Dossier, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*_: object) -> None:
        raise AssertionError("stories read every member article with its text")

    monkeypatch.setattr(db.store, "articles", refuse)
    assert db.stories().total >= 1


def test_the_listing_gives_each_member_the_cosine_it_joined_on(db: Dossier) -> None:
    joined = {m.article_id: m.similarity for m in db.store.story_members()}
    listed = {a["id"]: a["similarity"] for s in db.stories() for a in s.as_json()["articles"]}
    assert listed == {a: None if s is None else round(s, 4) for a, s in joined.items()}
