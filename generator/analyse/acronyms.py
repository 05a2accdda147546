"""The phrases of an article that could be the long form of an acronym, found once per article (the
merge decides which acronyms of the dossier they spell)."""

from __future__ import annotations

from collections.abc import Callable

from generator.model import Article, LongForm

MAX_ACRONYM = 8  # letters; acronyms of 3 to 8 letters get long forms


def long_form_candidates(
    article: Article, function_words: frozenset[str], heads_organisation: Callable[[str], bool]
) -> tuple[LongForm, ...]:
    """The phrases of an article that could be an acronym's long form, each with its initials
    (function words left out: "Organisation für gemeinsame Verteidigung" → "OGV"), in text order.

    A phrase is a run of tokens of letters only (a figure, a hyphenated word or punctuation ends it).
    It starts with a capitalised word that is not a function word ("Die …", "Ich …" start none) and
    ends with a capitalised one; a word in lower case stands before a capitalised one, as an adjective
    before its noun ("gemeinsame Verteidigung", not "Berlin verkündete heute das Urteil"). Its first
    or its last word names a kind of organisation (``heads_organisation``: "Organisation …",
    "… Institut"), so that a phrase whose initials only happen to spell an acronym is none. Computed
    once per article (cached with its facts); which acronyms the dossier has decides later which of
    them are long forms (:func:`generator.merge.actors.long_forms`)."""
    out: list[LongForm] = []
    for tokens in article.tokens:
        for i, first in enumerate(tokens):
            w = first.text
            if not w.isalpha() or not w[0].isupper() or w.isupper() or w.casefold() in function_words:
                continue
            first_heads = heads_organisation(w)
            initials, adjective = "", False
            for last in tokens[i : i + 16]:
                word = last.text
                if not word.isalpha() or (adjective and not word[0].isupper()):
                    break
                if word.casefold() in function_words:
                    continue
                capitalised = word[0].isupper()
                adjective = not capitalised
                initials += word[0].upper()
                if len(initials) > MAX_ACRONYM:
                    break
                if (
                    len(initials) > 2
                    and capitalised
                    and last is not first
                    and (first_heads or heads_organisation(word))
                ):
                    out.append((initials, first.start, last.end))
    return tuple(out)
