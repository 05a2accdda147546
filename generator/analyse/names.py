"""Whole names: where a name found by the model or a cue rule begins and ends, the nominative of a name
of several words, and names that are no actor.

* A name ends before a preposition and an article ("Karl Weber von der Demokratischen Partei" names
  Karl Weber) and before an article inside it ("Kleinau den Kleinwagen"), unless the language data
  lists the whole; "von der" stays in a person's name before a surname ("Anna von der Au").
* A role next to a person's name is no part of it ("Karl Weber, Professor …" → "Karl Weber").
* A genitive tail rejoins its organisation head ("Bundesverband des Deutschen Einzelhandels",
  "Bundesministerium des Innern"), unless the tail is a place ("Regierung der Vereinigten Staaten").
* The nominative of a name of adjectives and a noun, declined by the noun's gender from the lexicon
  ("des Deutschen Roten Kreuzes" → "Deutsches Rotes Kreuz", "der Vereinten Nationen" → "Vereinte
  Nationen"), not from lists of names.
* No actor: software, products, prizes, celestial bodies, languages, military ranks (language data and
  Babel's language names).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from generator.analyse.lexicon import Lexicon
from generator.analyse.ner import Span
from generator.lang import LanguageData

_VERSION = re.compile(r"^\d+(?:\.\d+)+$")  # "17.10": a product's version
_ADJECTIVE_SUFFIXES = ("ischen", "ische", "ischer", "lichen", "liche", "licher", "igen", "alen", "ären")
_OBLIQUE = ("en", "em")  # endings of an attributive adjective that is not in the nominative
_STRONG = {"m": "er", "f": "e", "n": "es", "pl": "e"}  # adjective endings in the nominative, no article
TAIL_WORDS = 4  # capitalised words a genitive tail has at most


class Names:
    def __init__(self, lang: LanguageData, lexicon: Lexicon) -> None:
        self.lang = lang
        self.cues = lang.actors
        self.lex = lexicon
        self.articles = lang.time.articles | lang.time.indefinite_articles  # not "am": "Frankfurt am Main"
        self.genitive = lang.figures.genitive_links if lang.figures.nouns_capitalised else frozenset()

    # --- where a name ends ---------------------------------------------------------------------

    def whole(self, words: Sequence[str], spans: Sequence[Span], pos: Sequence[str] | None = None) -> list[Span]:
        """``spans`` cut at a preposition and an article or a role, genitive tails joined to their head."""
        out = [self._adjectives_before(words, self._trim(words, self._cut(words, s, pos))) for s in spans]
        return self._short_forms(words, self._join_tails(words, [s for s in out if s.end > s.start]))

    @staticmethod
    def _short_forms(words: Sequence[str], spans: list[Span]) -> list[Span]:
        """An organisation's short form in brackets right after it is the organisation too:
        "Gewerkschaft der Kleinbahner (GdK)"."""
        taken = {i for s in spans for i in range(s.start, s.end)}
        extra = []
        for s in spans:
            k = s.end + 1
            if s.label == "ORG" and k + 1 < len(words) and words[s.end] == "(" and words[k + 1] == ")":
                short = words[k]
                if k not in taken and 1 < len(short) <= 8 and short[0].isupper() and sum(map(str.isupper, short)) > 1:
                    extra.append(Span(k, k + 1, "ORG"))
        return sorted([*spans, *extra], key=lambda s: s.start) if extra else spans

    def _adjectives_before(self, words: Sequence[str], span: Span) -> Span:
        """An organisation's capitalised adjectives after an article belong to it: "des Deutschen
        Roten Kreuzes", where the model or the language data found "Roten Kreuzes"."""
        if span.label != "ORG" or not self.genitive:
            return span
        start = span.start
        while start > 1 and words[start - 1][:1].isupper() and words[start - 1].endswith(_OBLIQUE):
            w = words[start - 1]
            if w in self.lex.places or w.casefold() in self.lang.function_words or w in self.lex.noun_genders:
                break  # a noun of its own: "das Unternehmen CGX Energy"
            start -= 1
        if start < span.start and words[start - 1].casefold() in self.articles:
            return Span(start, span.end, span.label)
        return span

    def _cut(self, words: Sequence[str], span: Span, pos: Sequence[str] | None) -> Span:
        whole = " ".join(words[span.start : span.end])
        if self.cues.institution(whole) is not None:
            return span
        for k in range(span.start + 1, span.end):
            w = words[k]
            if not w.islower():
                continue
            low = w.casefold()
            nxt = k + 1 < len(words) and words[k + 1].casefold() in self.articles
            if low in self.cues.name_breaks and nxt:
                if span.label == "PER" and low in self.cues.name_particles and not self._not_a_name(words, k + 2, pos):
                    continue  # "Anna von der Au"
                return Span(span.start, k, span.label)
            contracted = low in self.cues.definite_articles and low not in self.articles  # "vom", "zum"
            if span.label == "PER" and contracted and k + 1 < len(words) and self._noun_after(words[k + 1]):
                return Span(span.start, k, span.label)  # "Swantje Hartmann vom Fraktionsvorstand"
            if low in self.articles and words[k - 1].casefold() not in self.cues.name_particles:
                if span.label == "ORG" and low in self.genitive:
                    continue  # "Bundesverband des Deutschen Einzelhandels"
                return Span(span.start, k, span.label)
        return span

    def _not_a_name(self, words: Sequence[str], i: int, pos: Sequence[str] | None) -> bool:
        """The word at ``i`` is an adjective or an organisation's head, no surname ("von der
        Demokratischen …", "von der Partei")."""
        if i >= len(words):
            return True
        w = words[i]
        if w in self.lex.surnames:
            return False
        if pos is not None and i < len(pos) and pos[i] == "ADJA":
            return True
        return w.casefold().endswith(_ADJECTIVE_SUFFIXES) or self.cues.is_organisation_head(w)

    def _noun_after(self, word: str) -> bool:
        """A common noun, or a compound on one ("Fraktionsvorstand"), and no surname."""
        lex = self.lex
        return word not in lex.surnames and (lex.is_common_noun(word) or lex.gender(word) is not None)

    def _trim(self, words: Sequence[str], span: Span) -> Span:
        """A person's name without a role or rank before or after it ("Weber Professor" → "Weber")."""
        if span.label != "PER":
            return span
        start, end = span.start, span.end
        while end - start > 1 and self._rank(words[end - 1]):
            end -= 1
        while end - start > 1 and self._rank(words[start]):
            start += 1
        return Span(start, end, span.label)

    def _rank(self, word: str) -> bool:
        return self.cues.is_role(word) or word.casefold() in self.cues.non_actor_words

    def _join_tails(self, words: Sequence[str], spans: list[Span]) -> list[Span]:
        """An organisation's head and its genitive tail as one name: "Bundesministerium des Innern"."""
        if not self.genitive:
            return spans
        for i in range(len(words) - 2):
            head = words[i]
            if not (head[:1].isupper() and self.cues.is_organisation_head(head)) or words[i + 1] not in self.genitive:
                continue
            end = self._tail_end(words, i + 2)
            if end is None or not self._names_one(words, i, end):
                continue
            if any(s.label != "ORG" and s.start < end and s.end > i + 2 for s in spans):
                continue  # the tail is a person or a place: "Regierung der Vereinigten Staaten"
            if " ".join(words[i + 2 : end]) in self.lex.place_lemmas:
                continue
            owner = next((s for s in spans if s.start <= i < s.end), None)
            if owner is not None and (owner.label != "ORG" or owner.end != i + 1):
                continue
            start = owner.start if owner is not None else i
            spans = [s for s in spans if s.end <= start or s.start >= end]
            spans.append(Span(start, end, "ORG"))
        return sorted(spans, key=lambda s: s.start)

    def _names_one(self, words: Sequence[str], i: int, end: int) -> bool:
        """Head and tail name one body, not a kind of body ("Organisationen der Minderheit",
        "Wetterbehörde des Landes"): the tail has a capitalised adjective, which German writes only in
        names ("des Deutschen Einzelhandels"), or the language data lists the head's institution with
        the tail ("Bundesministerium des Innern": "Ministerium des Innern")."""
        if end - i > 3:
            return True
        tail = " ".join(words[i + 1 : end])
        head = words[i]
        return any(self.cues.institution(f"{head[k:].capitalize()} {tail}") is not None for k in range(len(head) - 3))

    def _tail_end(self, words: Sequence[str], j: int) -> int | None:
        """End of a genitive tail from ``j``: capitalised adjectives and a common noun that is no place
        or name ("des Deutschen Einzelhandels", "des Innern")."""
        lex = self.lex
        for k in range(j, min(len(words), j + TAIL_WORDS)):
            w = words[k]
            if not w[:1].isupper() or w.casefold() in self.lang.function_words:
                return None
            if w in lex.places or w in lex.place_lemmas or w in lex.gazetteer or self.cues.is_organisation_head(w):
                return None
            if self.cues.is_role(w):
                return None  # "das Amt des Vizepräsidenten"
            noun = lex.is_common_noun(w) or (w.endswith("ern") and lex.is_common_noun(w[:-1] + "en"))  # "Innern"
            if noun and not (k + 1 < len(words) and words[k + 1][:1].isupper()):
                return k + 1
            if not w.endswith(_OBLIQUE):
                return None
        return None

    # --- the nominative --------------------------------------------------------------------------

    def nominative(self, name: str) -> str:
        """A name of capitalised adjectives and a noun, in the nominative without an article: "Deutschen
        Roten Kreuzes" → "Deutsches Rotes Kreuz", "Militärischen Abschirmdienstes" → "Militärischer
        Abschirmdienst"; a genitive tail keeps its case ("Bundesverbands des Deutschen Einzelhandels" →
        "Bundesverband des Deutschen Einzelhandels"). Unchanged when the lexicon does not know the noun."""
        if not self.genitive or " " not in name:
            return name
        words = name.split(" ")
        k = next((n for n, w in enumerate(words) if w in self.genitive), len(words))
        head, tail = words[:k], words[k:]
        if len(head) == 1:
            return " ".join([self._noun(head[0])[0], *tail]) if tail else name
        adjectives = head[:-1]
        endings = ("e", "en", "em", "er", "es")
        if not all(w[:1].isupper() and w.isalpha() for w in head) or not all(w.endswith(endings) for w in adjectives):
            return name
        noun, number = self._noun(head[-1])
        if number is None:
            return name
        weak = number in ("m", "n") and any(w.endswith("e") for w in adjectives)  # "Der Deutsche Wetterdienst"
        if not weak and not any(w.endswith(_OBLIQUE) for w in adjectives):
            return name
        declined = [self._strong(w, number) for w in adjectives]
        if declined == adjectives:
            return name  # no adjective to decline: "Ice Tigers" is no genitive of "Ice Tiger"
        return " ".join([*declined, noun, *tail])

    @staticmethod
    def _strong(adjective: str, number: str) -> str:
        """An adjective's ending before a noun of ``number`` (or gender) with no article."""
        if adjective.endswith(_OBLIQUE) and len(adjective) > 4:
            return adjective[:-2] + _STRONG[number]
        if adjective.endswith("e") and len(adjective) > 3 and number in ("m", "n"):
            return adjective[:-1] + _STRONG[number]  # the weak nominative after "der"/"das"
        return adjective

    def _noun(self, word: str) -> tuple[str, str | None]:
        """A noun's nominative and its number or gender ("Kreuzes" → ("Kreuz", "n"), "Nationen" →
        ("Nationen", "pl")); (word, None) when unknown or ambiguous."""
        gender = self.lex.gender
        if word in self.lex.noun_genders:
            return word, self.lex.noun_genders[word]
        for ending in ("es", "s"):  # the genitive singular of a masculine or neuter noun
            stem = word[: -len(ending)]
            g = gender(stem) if word.endswith(ending) and len(stem) > 2 else None
            if g in ("m", "n") and not (ending == "s" and stem.endswith("s")):  # "Hauses" → "Haus"
                return stem, g
        for ending in ("en", "n"):  # the plural of a feminine noun ("Nationen")
            stem = word[: -len(ending)]
            if word.endswith(ending) and len(stem) > 2 and self.lex.noun_genders.get(stem) == "f":
                return word, "pl"
        g = gender(word)  # a compound in the nominative or dative singular ("Abschirmdienst")
        if g is not None:
            return word, g
        return word, None

    # --- no actor ----------------------------------------------------------------------------------

    def non_actor(self, words: Sequence[str], span: Span) -> bool:
        """The span names software, a product, a prize, a celestial body, a language or a rank."""
        name = words[span.start : span.end]
        cues = self.cues
        if span.start > 0 and words[span.start - 1].casefold() in cues.non_actor_heads:
            return True  # "das Betriebssystem X", "der Komet X"
        if span.end < len(words) and _VERSION.match(words[span.end]):
            return True  # "X 17.10"
        last = name[-1].casefold()
        if any(last.endswith(e) for e in cues.non_actor_endings):
            return True  # "Friedenspreis", "Grammy Award"
        one = " ".join(name)
        if len(name) == 1 and one in self.lex.languages:
            return True  # "Englisch"
        return span.label != "ORG" and len(name) == 1 and one.casefold() in cues.non_actor_words
