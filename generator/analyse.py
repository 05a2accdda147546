"""Per-article analysis: a pure function of one article (plus language data and packaged models)
→ :class:`ArticleFacts`.

Each extractor has its place here. Until an extractor exists for a language, its place yields
nothing, and the article's facts say which extractors ran, so the pages tell "none found" from
"not extracted".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.actors import ActorExtractor
from generator.figures import FigureExtractor
from generator.lang import load_language
from generator.model import Article, ArticleFacts
from generator.ner import Tagger, has_model
from generator.postag import PosTagger
from generator.quotes import QuoteExtractor
from generator.summarise import rank_summary
from generator.timex import TimeTagger

# Extractors that run for every language with language data.
CAPABILITIES = frozenset({"summary", "figures", "conflicts", "timeline", "quotes"})


@dataclass
class Analyser:
    """Holds the tools that are costly to build (the NER model and lexicons), one set per language."""

    _actors: dict[str, ActorExtractor | None] = field(default_factory=dict)
    _pos: dict[str, PosTagger] = field(default_factory=dict)
    _figures: dict[str, FigureExtractor] = field(default_factory=dict)
    _times: dict[str, TimeTagger] = field(default_factory=dict)
    _quotes: dict[str, QuoteExtractor] = field(default_factory=dict)

    def quote_extractor(self, language: str) -> QuoteExtractor:
        if language not in self._quotes:
            self._quotes[language] = QuoteExtractor(load_language(language))
        return self._quotes[language]

    def time_tagger(self, language: str) -> TimeTagger:
        if language not in self._times:
            self._times[language] = TimeTagger(load_language(language))
        return self._times[language]

    def pos_tagger(self, language: str) -> PosTagger:
        if language not in self._pos:
            self._pos[language] = PosTagger(load_language(language))
        return self._pos[language]

    def figure_extractor(self, language: str) -> FigureExtractor:
        if language not in self._figures:
            self._figures[language] = FigureExtractor(load_language(language))
        return self._figures[language]

    def actor_extractor(self, language: str) -> ActorExtractor | None:
        if language not in self._actors:
            lang = load_language(language)
            self._actors[language] = ActorExtractor(lang, Tagger(lang)) if has_model(language) else None
        return self._actors[language]

    def analyse(self, article: Article) -> ArticleFacts:
        language = article.meta.language
        capabilities = set(CAPABILITIES)
        tagger = self.pos_tagger(language)
        pos = [tagger.tag([t.text for t in tokens]) for tokens in article.tokens]
        extractor = self.actor_extractor(language)
        actors = extractor.extract(article, pos if tagger.real else None) if extractor else ()
        if extractor:
            capabilities.add("actors")
        figures = self.figure_extractor(language).extract(article, pos)
        return ArticleFacts(
            article_id=article.id,
            summary=rank_summary(article, figures, actors),
            summary_method="ranked",
            actors=actors,
            times=self.time_tagger(language).tag(article, article.meta.published),
            figures=figures,
            quotes=self.quote_extractor(language).extract(article, actors),
            capabilities=frozenset(capabilities),
        )
