"""Per-article analysis: a pure function of one article (plus language data and packaged models)
→ :class:`ArticleFacts`.

Each extractor has its place here. Until an extractor exists for a language, its place yields
nothing, and the article's facts say which extractors ran, so the pages tell "none found" from
"not extracted".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.actors import ActorExtractor
from generator.lang import load_language
from generator.model import Article, ArticleFacts
from generator.ner import Tagger, has_model
from generator.summarise import lead_summary

# Extractors that run for every language.
CAPABILITIES = frozenset({"summary"})


@dataclass
class Analyser:
    """Holds the tools that are costly to build (the NER model and lexicons), one set per language."""

    _actors: dict[str, ActorExtractor | None] = field(default_factory=dict)

    def actor_extractor(self, language: str) -> ActorExtractor | None:
        if language not in self._actors:
            lang = load_language(language)
            self._actors[language] = ActorExtractor(lang, Tagger(lang)) if has_model(language) else None
        return self._actors[language]

    def analyse(self, article: Article) -> ArticleFacts:
        capabilities = set(CAPABILITIES)
        extractor = self.actor_extractor(article.meta.language)
        actors = extractor.extract(article) if extractor else ()
        if extractor:
            capabilities.add("actors")
        return ArticleFacts(
            article_id=article.id,
            summary=lead_summary(article),
            summary_method="lead",
            actors=actors,
            times=(),  # temporal tagging: not implemented yet
            figures=(),  # figure extraction: not implemented yet
            quotes=(),  # quote detection: not implemented yet
            capabilities=frozenset(capabilities),
        )
