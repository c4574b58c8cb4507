"""Quotes: who said what, with cue, kind, speaker and relay chain. Owner: quotes.

Pipeline for one article (all rules; indexes built once, no re-parsing):
quote marks are paired (``marks``), dash-led quotes found (``dashes``), a transcript's
labelled turns read as direct quotes (``transcript``), speech-verb
clauses and 'according to' read from the parse (``indirect``), direct quotes given their
cue and speaker (``cues``, ``speakers``), relay blocks and relays attached (``relay``),
then speakers resolved to mentions, by coreference for pronouns and descriptions
(``coref``); verbs no rule reads are offered to a learned stance model (``learned``,
extractor ``quotes.stance_model``). Public entry point: :func:`extract_quotes`.
"""

from __future__ import annotations

from typing import Any

from dossier.annotate.quotes.assemble import assemble
from dossier.records import Article, Mention, Quote, TimeExpr

EXTRACTOR = "quotes.rules"
VERSION = "0.9"

__all__ = ["EXTRACTOR", "VERSION", "extract_quotes"]


def extract_quotes(
    article: Article, doc: Any, mentions: list[Mention], times: list[TimeExpr]
) -> list[Quote]:
    """The quotes of one parsed article, speakers linked to ``mentions`` where resolvable.

    ``doc`` is the spaCy parse of ``article.text``; ``times`` its time expressions
    (may be empty). Quotes come back in text order; every span points into
    ``article.text``, and ``quote.text`` is the words of ``quote.spans()`` joined by a
    space: ``article.text[quote.start:quote.end]`` unless the quote's own attribution
    interrupts it (then ``quote.pieces`` are the spans on either side of it).
    """
    return assemble(article, doc, mentions, times, EXTRACTOR, VERSION)
