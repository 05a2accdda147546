"""Typed, immutable data passed between the pipeline's stages.

read ─▶ :class:`Article` ─analyse─▶ :class:`ArticleFacts` ─merge─▶ :class:`Dossier` ─render─▶ files

Offsets are character offsets into :attr:`Article.body` (``end`` exclusive).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import StrEnum


class Severity(StrEnum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class Issue:
    """A problem with one input file (or the configuration, when ``file`` is empty)."""

    file: str
    severity: Severity
    message: str

    def __str__(self) -> str:
        where = self.file or "configuration"
        return f"{where}: {self.severity.value}: {self.message}"


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Sentence:
    index: int
    start: int
    end: int
    text: str
    paragraph: int


@dataclass(frozen=True)
class Paragraph:
    index: int
    start: int
    end: int
    heading: bool
    first_sentence: int
    sentence_count: int

    @property
    def sentence_indices(self) -> range:
        return range(self.first_sentence, self.first_sentence + self.sentence_count)


@dataclass(frozen=True)
class ArticleMeta:
    title: str
    title_basis: str  # "front matter" | "headline" | "first sentence" | "file name"
    source: str | None
    source_basis: str | None  # "front matter" | "dateline"
    url: str | None
    published: dt.date | None
    published_basis: str  # "front matter" | "command line" | "inferred" | "unknown"
    language: str
    language_basis: str  # "front matter" | "command line" | "detected" | "default"
    dateline: str | None  # the dateline as written, without the dash
    dateline_places: tuple[str, ...] = ()
    published_evidence: str | None = None  # for an inferred date: what it was inferred from


@dataclass(frozen=True)
class Article:
    id: str
    file: str  # path relative to the seeds folder, POSIX separators
    body: str  # decoded text, front matter removed, newlines normalised to "\n"
    meta: ArticleMeta
    paragraphs: tuple[Paragraph, ...]
    sentences: tuple[Sentence, ...]
    word_count: int
    content_hash: str  # sha256 of the body
    # per sentence, same order as ``sentences``; derived from the body, so not part of equality
    tokens: Sequence[tuple[Token, ...]] = field(default=(), compare=False, repr=False)

    @property
    def title(self) -> str:
        return self.meta.title

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence that contains ``offset`` (the nearest before it, between sentences)."""
        lo, hi = 0, len(self.sentences) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.sentences[mid].start <= offset:
                lo = mid
            else:
                hi = mid - 1
        return lo


# --- per-article facts (the output of ``analyse``) ---------------------------------------------


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    kind: str  # person | organization | place
    name: str
    role: str | None = None
    evidence: bool = False  # the kind is said by the text (a role, a head word, a compound), not guessed


@dataclass(frozen=True)
class TimeMention:
    start: int
    end: int
    text: str
    type: str  # date | time | duration | set
    value: str | None
    anchor: str | None = None  # the narrated day (ISO) a relative value was counted from, if not the DCT
    until: str | None = None  # the value of the range's end ("vom 5. bis 22. November": on the 5th)
    # whether its sentence states what happened (or will) at that time: not an age ("ist heute 24
    # Jahre alt"), a plan's target ("bis 2020 sollen"), the start of a state ("seit … 1991 regiert")
    event: bool = True


@dataclass(frozen=True)
class FigureMention:
    start: int
    end: int
    text: str
    value: float | None
    unit: str
    qualifier: str | None
    measure: str | None = None  # what happened to what is counted ("killed"), from the language data
    change: bool = False  # the clause says the number changed ("ist auf 57 gestiegen")
    upper: float | None = None  # the upper end of a range ("zwei bis drei Tote"); ``value`` is the lower


@dataclass(frozen=True)
class QuoteMention:
    start: int
    end: int
    text: str
    kind: str  # direct | indirect
    speaker: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None  # the words that frame the speech, as written ("sagte", "teilte … mit")
    addressee: str | None = None  # whom it was said to, as written, when the text names it


LongForm = tuple[str, int, int]  # the initials a phrase spells, its start and end offsets


@dataclass(frozen=True)
class ArticleFacts:
    article_id: str
    summary: tuple[int, ...] = ()  # sentence indices, in article order
    summary_method: str = ""
    actors: tuple[ActorMention, ...] = ()
    times: tuple[TimeMention, ...] = ()
    figures: tuple[FigureMention, ...] = ()
    quotes: tuple[QuoteMention, ...] = ()
    capabilities: frozenset[str] = frozenset()  # the extractors that ran on this article
    weekdays: tuple[int, ...] = ()  # ISO weekdays it names (future tense left out), to date it by
    long_forms: tuple[LongForm, ...] = ()  # phrases that may spell an acronym (generator.analyse.actors)
    # each sentence's content-word stems (generator.merge.figures.stems), for matching sentences
    sentence_stems: tuple[frozenset[str], ...] = field(default=(), repr=False)


# --- the merged dossier ------------------------------------------------------------------------


@dataclass(frozen=True)
class MentionRef:
    """Where an item was found: an article, the 0-based sentence index, the sentence as written."""

    article: str
    sentence: int
    text: str


@dataclass(frozen=True)
class Actor:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: tuple[MentionRef, ...]
    corrected: str | None = None  # an editor corrected it (corrections.yaml): their note, "" for none
    confidence: float | None = None  # the verifier's estimate that a careful reader judges it right (0..1)
    published: bool = True  # shown on the public pages (False: withheld for the editor's review)


@dataclass(frozen=True)
class Figure:
    id: str
    value: float | None
    unit: str
    qualifier: str | None
    text: str
    mentions: tuple[MentionRef, ...]
    conflicts: tuple[str, ...] = ()  # ids of figures from other sources that count the same thing differently
    measure: str | None = None  # what happened to what is counted ("killed"): the language data's key
    upper: float | None = None  # the upper end of a range; ``value`` is the lower
    corrected: str | None = None  # an editor corrected it (corrections.yaml): their note, "" for none
    confidence: float | None = None  # the verifier's estimate that a careful reader judges it right (0..1)
    published: bool = True  # shown on the public pages (False: withheld for the editor's review)


@dataclass(frozen=True)
class DevelopmentPoint:
    figure: str  # figure id
    value: float | None
    date: str | None  # the publication date of the articles that report it (ISO), None if unknown
    articles: tuple[str, ...]  # article ids


@dataclass(frozen=True)
class Development:
    """One quantity reported with different values over time ("36 Tote" on 1 March, "57 Tote" on 3
    March): an update, not a contradiction."""

    id: str
    measure: str  # the language data's key: "killed"
    counted: str  # what is counted, as written in the first report ("Menschen")
    points: tuple[DevelopmentPoint, ...]  # in time order
    confidence: float | None = None  # the verifier's estimate that a careful reader judges it right (0..1)
    published: bool = True  # shown on the public pages (False: withheld for the editor's review)


@dataclass(frozen=True)
class Quote:
    id: str
    text: str
    speaker: str | None  # actor id
    speaker_name: str | None
    kind: str
    mention: MentionRef
    cue: str | None = None  # the words that frame it, as written
    addressee: str | None = None  # whom it was said to, as written, when the text names it
    corrected: str | None = None  # an editor corrected it (corrections.yaml): their note, "" for none
    confidence: float | None = None  # the verifier's estimate that a careful reader judges it right (0..1)
    published: bool = True  # shown on the public pages (False: withheld for the editor's review)


@dataclass(frozen=True)
class EventMention:
    article: str
    sentence: int
    text: str
    expression: str
    anchor: str | None = None  # the narrated day (ISO) the expression's date was counted from


@dataclass(frozen=True)
class Event:
    id: str
    date: str
    time_of_day: str | None
    label: str
    mentions: tuple[EventMention, ...]
    until: str | None = None  # the last day of a range ("vom 5. bis 22. November"), as precise as ``date``
    corrected: str | None = None  # an editor corrected it (corrections.yaml): their note, "" for none
    confidence: float | None = None  # the verifier's estimate that a careful reader judges it right (0..1)
    published: bool = True  # shown on the public pages (False: withheld for the editor's review)


@dataclass(frozen=True)
class Dossier:
    title: str
    language: str
    articles: tuple[Article, ...]
    facts: tuple[ArticleFacts, ...]  # same order as ``articles``
    actors: tuple[Actor, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    timeline: tuple[Event, ...] = ()
    issues: tuple[Issue, ...] = field(default=())
    developments: tuple[Development, ...] = ()  # figures that changed over time, apart from conflicts
    # which extractors ran ("actors", "figures", "timeline", "quotes", "summary", "conflicts"): an empty
    # list of a kind that did not run means "not extracted", not "none found"
    capabilities: frozenset[str] = frozenset()
    # per area ("actors", "quotes", "timeline", "figures"), how many items the public view left out
    withheld: tuple[tuple[str, int], ...] = ()

    def article(self, article_id: str) -> Article:
        for article in self.articles:
            if article.id == article_id:
                return article
        raise KeyError(article_id)
