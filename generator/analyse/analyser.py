"""Per-article analysis: a pure function of one article (plus language data and packaged models)
→ :class:`ArticleFacts`.

Each extractor has its place here. Until an extractor exists for a language, its place yields
nothing, and the article's facts say which extractors ran, so the pages tell "none found" from
"not extracted".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from generator.analyse.acronyms import long_form_candidates
from generator.analyse.actors import ActorExtractor
from generator.analyse.figures import FigureExtractor
from generator.analyse.ner import Tagger, has_model
from generator.analyse.postag import PosTagger
from generator.analyse.quotes import QuoteExtractor
from generator.analyse.stems import stems
from generator.analyse.summarise import rank_summary
from generator.analyse.timex import TimeTagger, speakers_now
from generator.cache import ToolStore
from generator.lang import LanguageData, load_language
from generator.model import Article, ArticleFacts

T = TypeVar("T")

# Extractors that run for every language with language data.
CAPABILITIES = frozenset({"summary", "figures", "conflicts", "timeline", "quotes"})


@dataclass
class Analyser:
    """Holds the tools that are costly to build (the NER model and lexicons), one set per language."""

    store: ToolStore = field(default_factory=ToolStore)
    _actors: dict[str, ActorExtractor | None] = field(default_factory=dict)
    _tools: dict[tuple[object, str], Any] = field(default_factory=dict)

    def _tool(self, kind: Callable[[LanguageData], T], language: str) -> T:
        """One ``kind(language data)`` per language, built when first needed."""
        key = (kind, language)
        if key not in self._tools:
            self._tools[key] = kind(load_language(language))
        tool: T = self._tools[key]
        return tool

    def pos_tagger(self, language: str) -> PosTagger:
        return self._tool(PosTagger, language)

    def figure_extractor(self, language: str) -> FigureExtractor:
        key = (FigureExtractor, language)
        if key not in self._tools:
            self._tools[key] = FigureExtractor(load_language(language), self.store)
        tool: FigureExtractor = self._tools[key]
        return tool

    def time_tagger(self, language: str) -> TimeTagger:
        """With the part-of-speech tagger's morphology for the tense of verbs, where it has one."""
        key = (TimeTagger, language)
        if key not in self._tools:
            pos = self.pos_tagger(language)
            self._tools[key] = TimeTagger(load_language(language), pos.finite_tense if pos.has_tense else None)
        tagger: TimeTagger = self._tools[key]
        return tagger

    def quote_extractor(self, language: str) -> QuoteExtractor:
        return self._tool(QuoteExtractor, language)

    def actor_extractor(self, language: str) -> ActorExtractor | None:
        if language not in self._actors:
            lang = load_language(language)
            self._actors[language] = (
                ActorExtractor(lang, Tagger(lang, store=self.store)) if has_model(language) else None
            )
        return self._actors[language]

    def analyse(self, article: Article) -> ArticleFacts:
        language = article.meta.language
        lang = load_language(language)
        capabilities = set(CAPABILITIES)
        tagger = self.pos_tagger(language)
        tagged = [tagger.tags([t.text for t in tokens]) for tokens in article.tokens]
        pos = [stts for stts, _ in tagged]
        own = [tags for _, tags in tagged]  # the tags the NER model was trained on (STTS or C5)
        extractor = self.actor_extractor(language)
        has_own = all(tags is not None for tags in own)
        actors = extractor.extract(article, [t or [] for t in own] if has_own else None) if extractor else ()
        if extractor:
            capabilities.add("actors")
        figures = self.figure_extractor(language).extract(article, pos)
        quoter = self.quote_extractor(language)
        passages = quoter.direct.passages(article)
        quotations = [(p.start, p.end) for p in passages]
        times = speakers_now(self.time_tagger(language).tag(article, article.meta.published), quotations)
        return ArticleFacts(
            article_id=article.id,
            summary=rank_summary(article, figures, actors),
            summary_method="ranked",
            actors=actors,
            times=times,
            figures=figures,
            quotes=quoter.extract(article, actors, pos if tagger.real else None, passages),
            capabilities=frozenset(capabilities),
            weekdays=tuple(self.time_tagger(language).weekdays_named(article)),
            long_forms=long_form_candidates(article, lang.function_words, lang.actors.is_organisation_head),
            sentence_stems=tuple(stems(s.text, lang.function_words) for s in article.sentences),
        )
