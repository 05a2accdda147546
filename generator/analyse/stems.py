"""Content-word stems of a text, for matching sentences and figures across articles.

The analysis stores each sentence's stems with an article's facts (:func:`stems` at ``STEM``
letters); the merge and the source comparison take them from there (:func:`sentence_stems`).
"""

from __future__ import annotations

import re

from generator.model import Article, ArticleFacts

_ALNUM_RUN = re.compile(r"[^\W_]+")  # \w is isalnum() plus "_"
STEM = 6  # characters of a word that stand for its stem ("Nationalgardisten" ~ "Nationalgarde")


def stems(text: str, function_words: frozenset[str], size: int = STEM) -> frozenset[str]:
    """Content words of ``text``, each cut to its first ``size`` letters (a crude, language-neutral stem)."""
    words = _ALNUM_RUN.findall(text)  # runs of letters and digits (str.isalnum)
    return frozenset(
        c[:size] for w in words if len(w) > 2 and w.isalpha() and (c := w.casefold()) not in function_words
    )


def sentence_stems(
    article: Article, facts: ArticleFacts | None, function_words: frozenset[str], size: int = STEM
) -> tuple[frozenset[str], ...]:
    """The stems of each of the article's sentences, cut to ``size`` letters: from those its analysis
    stored (``STEM`` letters, made with the function words of the article's language), else made here
    with ``function_words``. A stem cut shorter is the stem of that size: "c[:6][:5] == c[:5]"."""
    if facts is not None and len(facts.sentence_stems) == len(article.sentences) and size <= STEM:
        stored = facts.sentence_stems
        return stored if size == STEM else tuple(frozenset(w[:size] for w in s) for s in stored)
    return tuple(stems(s.text, function_words, size) for s in article.sentences)
