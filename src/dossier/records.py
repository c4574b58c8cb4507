"""The record model: typed records that flow between pipeline stages.

Every stage is a plain function from these records to these records. Every derived
record (mention, time expression, quote, event) carries its provenance: the article
id, the character span ``[start, end)`` into the stored article text, and the name
and version of the extractor that made it.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Literal

EntityType = Literal["PERSON", "ORG", "PLACE", "GROUP"]
PublishedHow = Literal["metadata", "text", "inferred", "unknown"]
QuoteKind = Literal["direct", "indirect", "mixed", "according-to"]
EventStatus = Literal["asserted", "negated", "expected", "hypothetical", "reported", "opinion"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]
Precision = Literal[
    "day", "week", "month", "season", "quarter", "year", "decade", "century", "time", "unknown"
]


def to_dict(record: Any) -> dict[str, Any]:
    """A JSON-ready dict of a record (nested records become dicts too)."""
    return dataclasses.asdict(record)


@dataclass(frozen=True)
class Provenance:
    """Where a derived fact came from: article, character span, extractor."""

    article_id: str
    start: int
    end: int
    extractor: str
    version: str


# --------------------------------------------------------------------------- ingest


@dataclass
class RawDocument:
    """One input document as read from disk or stdin, before cleaning.

    ``meta_*`` fields come from the container (HTML metadata, JSON fields); they are
    ``None`` when the container had nothing to say.
    """

    path: str  # file path, or "<stdin>"; with ":LINE" for JSON Lines records
    fmt: Literal["txt", "html", "json", "jsonl"]
    text: str  # body text (HTML already reduced to its main text)
    line: int | None = None  # 1-based line for JSON Lines records
    title: str | None = None
    url: str | None = None
    source: str | None = None  # outlet or site name
    author: str | None = None
    published: str | None = None  # ISO date from metadata, if any
    feed: str | None = None  # the feed it came from (URL or file), for feed items
    item: str | None = None  # the feed item's id (guid, else link)


@dataclass
class Article:
    """A stored article. ``text`` is the cleaned text every span points into."""

    id: str  # hash of the normalised text
    text: str
    path: str
    fmt: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    author: str | None = None
    published: str | None = None  # ISO value: YYYY-MM-DD (or coarser) ; None if unknown
    published_how: PublishedHow = "unknown"
    published_evidence: str | None = None  # e.g. the text span the date was read from
    removed: list[tuple[int, int]] = field(default_factory=list)  # leftovers dropped (raw spans)
    # An inferred publication window (published_how == "inferred"): never shown as stated.
    published_earliest: str | None = None  # ISO day
    published_latest: str | None = None  # ISO day
    language: str | None = None  # detected ISO 639-1 code; None if too short to tell
    dateline: str | None = None  # the dateline's place as written ("PYONGYANG")


@dataclass
class PublicationWindow:
    """Where an undated article's publication date must lie, and why.

    ``earliest``/``latest`` are ISO days (either may be None: open-ended). Each evidence
    line names what it rests on: a span of the text, or an event shared with a dated
    article.
    """

    earliest: str | None
    latest: str | None
    evidence: list[str] = field(default_factory=list)


@dataclass
class IngestFailure:
    """An input that could not be ingested. Failures are data: they are stored."""

    path: str
    stage: str  # "read", "decode", "parse", "clean", "annotate", "store"
    reason: str
    line: int | None = None

    def describe(self) -> str:
        """One line: control and bidirectional characters (in odd file names) are
        shown escaped, so they can neither break the line nor reorder it."""
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return visible(f"{where}: {self.stage}: {self.reason}")


def visible(text: str) -> str:
    """``text`` with control and format characters (newlines, bidi overrides) escaped."""
    if text.isprintable():
        return text
    return "".join(
        c if c.isprintable() or c == " " else c.encode("unicode_escape").decode("ascii")
        for c in text
    )


@dataclass
class Sighting:
    """Another copy of an already-stored article (exact or near duplicate)."""

    article_id: str  # the stored article it duplicates
    path: str
    kind: Literal["exact", "near"]
    similarity: float
    url: str | None = None
    source: str | None = None
    title: str | None = None
    published: str | None = None


# ------------------------------------------------------------------------- annotate


@dataclass
class Mention:
    """A mention of a person, organisation, place or group in one article."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    type: EntityType
    extractor: str
    version: str
    label: str = ""  # the NER label it came from (PERSON, GPE, NORP...)
    role: str | None = None  # 'Kremlin spokesman', 'Russian President'
    role_start: int | None = None
    role_end: int | None = None
    org: str | None = None  # 'Polish Institute of International Affairs'
    canonical: str | None = None  # normalised name hint (e.g. 'Vladivostok' for a misspelling)
    entity_id: str | None = None  # filled by resolve
    # Places (toponyms): how the name is used and where it resolves on the map.
    usage: str | None = None  # 'literal' | 'metonymic' | 'demonym'
    geonameid: int | None = None
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None  # ISO 3166-1 alpha-2
    geo_how: str | None = None  # how the gazetteer entry was chosen


@dataclass
class TimeExpr:
    """A normalised time expression (TIMEX3 value) anchored on the article date."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    type: TimexType
    value: str  # TIMEX3 value: 2023-09-13, 2023-09, 2023-W37, P18M, PAST_REF, XXXX-09...
    precision: Precision
    extractor: str
    version: str
    mod: str | None = None  # START, END, APPROX...
    begin: str | None = None  # ranges
    end_value: str | None = None
    anchor: str | None = None  # what the value was computed from: 'dct', 'text', 'absolute'


@dataclass
class Relay:
    """One link of a relay chain: the outlet or journalist that passed a quote on."""

    name: str
    kind: Literal["outlet", "journalist", "media"]
    start: int | None = None
    end: int | None = None
    date: str | None = None


@dataclass
class Quote:
    """Who said what. ``start``/``end`` span the quoted content."""

    id: str
    article_id: str
    start: int
    end: int
    text: str
    kind: QuoteKind
    extractor: str
    version: str
    cue: str | None = None  # lemma of the cue verb: 'say', 'tell', 'warn'
    cue_start: int | None = None
    cue_end: int | None = None
    speaker_text: str | None = None  # as written: 'he', 'spokesman Dmitry Peskov'
    speaker_start: int | None = None
    speaker_end: int | None = None
    speaker_mention_id: str | None = None  # the resolved mention (antecedent for pronouns)
    speaker_resolution: str | None = None  # 'direct', 'coref', 'floating', 'unresolved'
    relayed_by: list[Relay] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    date: str | None = None
    speech: bool = True  # said or written (False: a view, wish or finding attributed)
    repeats: list[tuple[int, int]] = field(default_factory=list)  # the same quote again
    # the quoted pieces when the attribution interrupts the quote ('"A," he said, "B."'):
    # ``text`` is these pieces joined; empty when the quote is one piece (start..end)
    pieces: list[tuple[int, int]] = field(default_factory=list)

    def spans(self) -> list[tuple[int, int]]:
        """The character spans of the quoted words: its pieces, or (start, end)."""
        return list(self.pieces) or [(self.start, self.end)]


@dataclass
class Event:
    """Who did what to whom, when and where, coded in CAMEO."""

    id: str
    article_id: str
    start: int  # the clause or sentence the event was read from
    end: int
    text: str
    code: str  # CAMEO code, e.g. '036'
    extractor: str
    version: str
    trigger: str = ""
    trigger_start: int | None = None
    trigger_end: int | None = None
    code_name: str | None = None
    source_text: str | None = None
    source_start: int | None = None
    source_end: int | None = None
    source_mention_id: str | None = None
    target_text: str | None = None
    target_start: int | None = None
    target_end: int | None = None
    target_mention_id: str | None = None
    place_text: str | None = None
    place_start: int | None = None
    place_end: int | None = None
    place_mention_id: str | None = None
    date: str | None = None  # TIMEX3 value at the precision the text allows
    date_precision: Precision | None = None
    date_how: str | None = None  # 'text' (a governing time expression), 'published', None
    time_id: str | None = None
    status: EventStatus = "asserted"
    quote_id: str | None = None  # the quote it was stated in, if any
    quantities: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)
    # Coding beyond CAMEO: actor codes (country + sector, e.g. RUSGOV), PLOVER, Goldstein.
    source_code: str | None = None
    target_code: str | None = None
    plover: str | None = None  # PLOVER category, e.g. CONSULT
    plover_mode: str | None = None
    plover_context: list[str] = field(default_factory=list)
    goldstein: float | None = None
    # What resolution reads of the trigger's parse (annotate.events.hints): its lemma and
    # the participants, places and times its arguments name, the entities of its clause.
    hint_lemma: str | None = None
    hint_participants: list[str] = field(default_factory=list)
    hint_places: list[str] = field(default_factory=list)
    hint_times: list[str] = field(default_factory=list)
    hint_entities: list[str] = field(default_factory=list)


@dataclass
class Annotations:
    """Everything the annotate stage found in one article."""

    article_id: str
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)


# -------------------------------------------------------------------------- resolve


@dataclass
class Entity:
    """One real person, organisation, place or group, whatever the spelling."""

    id: str
    name: str
    type: EntityType
    aliases: list[str] = field(default_factory=list)
    roles: list[str] = field(default_factory=list)
    mentions: int = 0
    geonameid: int | None = None  # places: the gazetteer entry all its mentions share
    lat: float | None = None
    lon: float | None = None
    country_code: str | None = None


@dataclass
class TimelineEntry:
    """One real-world event, merged across the articles that report it."""

    id: str
    date: str | None
    date_precision: str | None
    code: str
    code_name: str | None
    source_actor: str | None  # entity name
    target_actor: str | None
    place: str | None
    status: str
    event_ids: list[str] = field(default_factory=list)
    article_ids: list[str] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)  # outlets / article labels
    places: list[str] = field(default_factory=list)  # every place any source gives
    text: str = ""  # the text of the best-supported mention
    article_id: str = ""  # the article of that mention
    start: int = 0
    end: int = 0
    date_how: str | None = None  # 'text', 'text+published' (year from a report's date), 'published'
    # Cross-document resolution (issue 7).
    confidence: float | None = None  # mean pair probability of its mentions (None: one mention)
    first_source: str | None = None  # the outlet whose article was published first
    first_article_id: str | None = None
    first_published: str | None = None  # that article's stated publication date
    story_id: str | None = None  # the story of its best-supported mention's article
    # The entities behind the actors and the place (names above are theirs when read).
    source_entity_id: str | None = None
    target_entity_id: str | None = None
    place_entity_id: str | None = None
    place_refs: list[str] = field(default_factory=list)  # entity id or text, as ``places``


@dataclass
class Story:
    """Articles about one developing story, grouped as they arrive.

    A new article joins the story whose centroid (the sum of its articles' vectors) is
    most similar, among the stories active within a date window, or starts a story.
    ``vector`` is that sum, kept so that the next article is placed without a rebuild.
    """

    id: str
    label: str  # the title (or first words) of its first article
    article_ids: list[str] = field(default_factory=list)
    first_published: str | None = None
    last_published: str | None = None
    vector: bytes = b""  # float64 sum of its articles' vectors


@dataclass
class StoryMember:
    """One article's place in a story, with the cosine it joined on (None: it started it)."""

    article_id: str
    story_id: str
    day: int | None  # proleptic ordinal of the date used to place it (None: undated)
    similarity: float | None = None
    extractor: str = "dossier.resolve.stories"
    version: str = "1"
