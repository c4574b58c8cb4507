"""Golden output of the mention extractor on an invented news story."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from dossier.annotate.entities import extract_mentions
from dossier.records import Article

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from golden import check_golden

STORY = """Harbour talks end without a deal

Tuesday, 4 March 2031

North Korean leader Kim Jong Un arrived in Vladivostock by train on Monday, where
Russian President Vladimir Putin was waiting. Kremlin spokesman Dmitry Orlov said the two
men would tour the Vostochny cosmodrome. Kim told reporters the visit was a "new page".

Maria Kowalska, the head of the Baltic Research Centre, called the trip a signal to Seoul
and the US. Dr. Anna Novak from the Institute of Coastal Studies was more cautious.

"Nobody should be surprised," said Tom Baker of the Northern Security Council. At the
time, CNN's Asia Editor, Sarah Lund, was in Kiev, where Ukrainian officials watched closely.
"""


def test_story_mentions_match_golden(nlp: Any) -> None:
    article = Article(id="golden-story", text=STORY, path="story.txt", fmt="txt")
    mentions = extract_mentions(article, nlp(STORY))
    rows = []
    for m in mentions:
        assert STORY[m.start : m.end] == m.text
        rows.append(
            {
                "text": m.text,
                "type": m.type,
                "span": [m.start, m.end],
                "label": m.label,
                "canonical": m.canonical,
                "role": m.role,
                "org": m.org,
            }
        )
    check_golden("entities/story_mentions", rows)
