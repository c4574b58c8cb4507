"""A quote's date comes from a time expression in its reporting clause."""

from __future__ import annotations

from typing import Any

from quote_helpers import ner_mentions

from dossier.annotate.quotes import extract_quotes
from dossier.records import Article, TimeExpr


def _time(article: Article, word: str, value: str) -> TimeExpr:
    start = article.text.index(word)
    return TimeExpr(
        id="t1",
        article_id=article.id,
        start=start,
        end=start + len(word),
        text=word,
        type="DATE",
        value=value,
        precision="day",
        extractor="test",
        version="0",
    )


def test_date_from_the_reporting_clause(nlp: Any) -> None:
    text = "Mayor Carla Diaz said on Tuesday that the bridge would reopen in the spring."
    article = Article(id="a_date", text=text, path="<test>", fmt="txt")
    doc = nlp(text)
    times = [_time(article, "Tuesday", "2024-03-05")]
    (q,) = extract_quotes(article, doc, ner_mentions(article, doc), times)
    assert q.date == "2024-03-05"


def test_time_inside_the_content_is_not_the_quote_date(nlp: Any) -> None:
    text = "Mayor Carla Diaz said that the bridge would reopen on Tuesday."
    article = Article(id="a_date", text=text, path="<test>", fmt="txt")
    doc = nlp(text)
    times = [_time(article, "Tuesday", "2024-03-05")]
    (q,) = extract_quotes(article, doc, ner_mentions(article, doc), times)
    assert q.date is None
