from __future__ import annotations

import numpy as np

from dossier.records import Article, Story, StoryMember
from dossier.resolve.stories import article_vector, assign_stories

FLOOD = (
    "Heavy rain flooded the river town of Marlow on Monday.\n\n"
    "Rescue crews moved two hundred families from the lower streets of Marlow.\n\n"
    "The mayor of Marlow said the water was still rising along the Wend river."
)
FLOOD_2 = (
    "Floodwater in Marlow began to fall on Tuesday after the Wend river crested.\n\n"
    "Families moved out of the lower streets of Marlow returned to clean their homes."
)
MATCH = (
    "Eastfield Rovers beat Harlow United three goals to one in the cup final.\n\n"
    "The Rovers striker scored twice before half time at the Eastfield ground."
)


def _article(aid: str, text: str, published: str | None) -> Article:
    return Article(
        id=aid,
        text=text,
        path=f"{aid}.txt",
        fmt="txt",
        published=published,
        published_how="text" if published else "unknown",
    )


ARTS = [
    _article("a1", FLOOD, "2025-03-03"),
    _article("a2", FLOOD_2, "2025-03-04"),
    _article("a3", MATCH, "2025-03-04"),
]


def _story_of(members: list[StoryMember]) -> dict[str, str]:
    return {m.article_id: m.story_id for m in members}


def test_article_vectors_are_unit_length() -> None:
    assert abs(float(np.linalg.norm(article_vector(ARTS[0]))) - 1.0) < 1e-5


def test_reports_of_one_story_join_and_another_subject_starts_a_story() -> None:
    stories, members = assign_stories(ARTS, [], [], {a.id: a for a in ARTS})
    story = _story_of(members)
    assert story["a1"] == story["a2"] != story["a3"]
    assert len(stories) == 2


def test_a_story_keeps_its_date_range_and_first_title() -> None:
    stories, _ = assign_stories(ARTS, [], [], {a.id: a for a in ARTS})
    flood = next(s for s in stories if "a1" in s.article_ids)
    assert (flood.first_published, flood.last_published) == ("2025-03-03", "2025-03-04")


def test_the_joining_cosine_is_kept_and_the_first_article_has_none() -> None:
    _, members = assign_stories(ARTS, [], [], {a.id: a for a in ARTS})
    sims = {m.article_id: m.similarity for m in members}
    assert sims["a1"] is None and sims["a2"] is not None


def test_placing_articles_one_ingest_at_a_time_gives_the_batch_stories() -> None:
    every = {a.id: a for a in ARTS}
    _, batch = assign_stories(ARTS, [], [], every)
    stored: dict[str, Story] = {}
    members: list[StoryMember] = []
    for article in ARTS:
        changed, new = assign_stories([article], list(stored.values()), members, every)
        stored.update({s.id: s for s in changed})
        members += new
    assert _story_of(members) == _story_of(batch)


def test_an_undated_article_joins_the_most_similar_story() -> None:
    late = _article("a4", FLOOD_2.replace("Tuesday", "the weekend"), None)
    arts = [*ARTS, late]
    _, members = assign_stories(arts, [], [], {a.id: a for a in arts})
    story = _story_of(members)
    assert story["a4"] == story["a1"]


def test_articles_months_apart_start_separate_stories() -> None:
    later = _article("a5", FLOOD_2, "2025-11-20")
    arts = [ARTS[0], later]
    _, members = assign_stories(arts, [], [], {a.id: a for a in arts})
    story = _story_of(members)
    assert story["a1"] != story["a5"]
