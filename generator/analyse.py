"""Per-article analysis: a pure function of one article (plus language data) → :class:`ArticleFacts`.

Each extractor has its place here. Until an extractor exists, its place yields nothing: an empty
result, never made-up data. The pages say "none found" rather than guess.
"""

from __future__ import annotations

from generator.model import Article, ArticleFacts
from generator.summarise import lead_summary

# The extractors this version runs; the pages tell "none found" from "not extracted yet" by it.
CAPABILITIES = frozenset({"summary"})


def analyse(article: Article) -> ArticleFacts:
    summary = lead_summary(article)
    return ArticleFacts(
        article_id=article.id,
        summary=summary,
        summary_method="lead",
        actors=(),  # actor recognition: not implemented yet
        times=(),  # temporal tagging: not implemented yet
        figures=(),  # figure extraction: not implemented yet
        quotes=(),  # quote detection: not implemented yet
    )
