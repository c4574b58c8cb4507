"""Stories: stored articles grouped as they arrive, without a rebuild.

Each new article gets a vector (the normalised mean of its paragraphs' wordllama
embeddings, joined with a hashed bag of its names and numbers, which tells apart two
stories on one subject) and is placed by :class:`~dossier.resolve.events.stories.StoryIndex`:
it joins the most similar story active within ``WINDOW_DAYS`` of its date, if the cosine
reaches the threshold, or starts a story. An undated article is compared with every
story. Stories keep the sum of their articles' vectors, so the next ingest restores the
index from the store and places its articles in the same way a batch run would (in date
order, then by id).
"""

from __future__ import annotations

import datetime as dt
import re
import zlib
from collections.abc import Sequence

import numpy as np

from dossier.records import Article, Story, StoryMember
from dossier.resolve import dates
from dossier.resolve.events import embeddings
from dossier.resolve.events.model import PairModel
from dossier.resolve.events.stories import StoryIndex

EXTRACTOR = "dossier.resolve.stories"
VERSION = "1"
# A developing story runs for weeks: articles this many days apart can share one.
WINDOW_DAYS = 45
_LEX_DIM = 1024
_LEX_WEIGHT = 0.3  # share of the names-and-numbers bag, as in the ECB+ story vectors
_PARAGRAPHS = re.compile(r"\n\s*\n|\n")
_WORD = re.compile(r"[\w'’-]+")


def article_vector(article: Article) -> np.ndarray:
    """Unit vector of an article for grouping into stories."""
    paras = [p.strip() for p in _PARAGRAPHS.split(article.text) if len(p.strip()) > 20]
    if article.title:
        paras.insert(0, article.title)
    paras = paras or [article.text[:2000] or " "]
    dense = embeddings.normalise(embeddings.embed(paras).mean(axis=0))
    lex = np.zeros(_LEX_DIM, dtype=np.float32)
    for para in paras:
        for i, m in enumerate(_WORD.finditer(para)):
            tok = m.group(0)
            if (i > 0 and tok[:1].isupper()) or any(c.isdigit() for c in tok):
                lex[zlib.crc32(tok.lower().encode()) % _LEX_DIM] += 1.0
    lex = embeddings.normalise(np.sqrt(lex))
    joined = np.concatenate([np.sqrt(1 - _LEX_WEIGHT) * dense, np.sqrt(_LEX_WEIGHT) * lex])
    return embeddings.normalise(joined)


def _day(article: Article) -> int | None:
    """The day an article is placed on: its stated date (the first day of a month or
    year when that is all it states); None when undated or only inferred."""
    if article.published_how == "inferred" or not dates.is_calendar(article.published):
        return None
    span = dates.interval(article.published or "")
    day = dates.to_date(span[0]) if span else None
    return day.toordinal() if day else None


def _label(article: Article) -> str:
    if article.title:
        return article.title
    words = article.text.split()
    return " ".join(words[:12]) + (" …" if len(words) > 12 else "")


def assign_stories(
    new: Sequence[Article],
    stories: Sequence[Story],
    members: Sequence[StoryMember],
    articles: dict[str, Article] | None = None,
    threshold: float | None = None,
) -> tuple[list[Story], list[StoryMember]]:
    """Place ``new`` articles (in date order, then id) into the stored ``stories`` (those
    a new article may join: the ones active near its date); returns the stories created
    or changed and the new memberships. ``members`` are the stored memberships of those
    stories; a story's date range grows with each article that joins it."""
    if threshold is None:
        threshold = PairModel.load().story_threshold
    index = StoryIndex(threshold, WINDOW_DAYS, undated_any=True)
    by_id = {s.id: s for s in stories}
    days: dict[str, list[int | None]] = {}
    for m in members:
        days.setdefault(m.story_id, []).append(m.day)
    for story in stories:
        index.restore(
            story.id, np.frombuffer(story.vector, dtype=np.float64), days.get(story.id, [])
        )
    placed = {m.article_id for m in members}
    todo = sorted(
        (a for a in new if a.id not in placed),
        key=lambda a: (_day(a) is None, _day(a) or 0, a.id),
    )
    changed: dict[str, Story] = {}
    new_members: list[StoryMember] = []
    for article in todo:
        day = _day(article)
        sid = index.add(article.id, article_vector(article), dt_of(day))
        _, total, joined = index.last()
        story = by_id.get(sid) or Story(sid, _label(article))
        by_id[sid] = story
        story.article_ids = [*story.article_ids, article.id]
        story.vector = np.asarray(total, dtype=np.float64).tobytes()
        _extend(story, article)
        changed[sid] = story
        new_members.append(StoryMember(article.id, sid, day, joined, EXTRACTOR, VERSION))
    return list(changed.values()), new_members


def dt_of(day: int | None) -> dt.date | None:
    return dt.date.fromordinal(day) if day is not None else None


def _extend(story: Story, article: Article) -> None:
    """A story's first and last stated dates, with one more article."""
    if not article.published or article.published_how == "inferred":
        return
    day = article.published
    if story.first_published is None or day < story.first_published:
        story.first_published = day
    if story.last_published is None or day > story.last_published:
        story.last_published = day
