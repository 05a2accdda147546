"""Extractive summaries."""

from __future__ import annotations

from generator.model import Article

LEAD_SENTENCES = 3
MIN_WORDS = 5


def lead_summary(article: Article, size: int = LEAD_SENTENCES) -> tuple[int, ...]:
    """The article's lead: its first ``size`` body sentences (no headings, no fragments, no repeats)."""
    chosen: list[int] = []
    seen: set[str] = set()
    for p in article.paragraphs:
        if p.heading:
            continue
        for i in p.sentence_indices:
            text = article.sentences[i].text
            key = " ".join(text.casefold().split())
            if len(text.split()) < MIN_WORDS or key in seen:
                continue
            seen.add(key)
            chosen.append(i)
            if len(chosen) == size:
                return tuple(chosen)
    return tuple(chosen)


def summary_text(article: Article, index: int) -> str:
    """A summary sentence as a reader sees it: without the dateline (``Almaty/Moskau (Reuters) -``)."""
    text = article.sentences[index].text
    dateline = article.meta.dateline
    if dateline and text.startswith(dateline):
        text = text[len(dateline) :].lstrip(" -–—")
    return text
