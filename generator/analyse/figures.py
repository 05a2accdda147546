"""Figures in one article: every reported quantity, what it counts, and its qualifier.

A figure is a number (digits, number words, fractions, vague amounts such as "Dutzende", ages) with
what it counts. The unit is found from the sentence's structure (part-of-speech tags): the nouns the
number quantifies, with their coordination ("Polizisten und Nationalgardisten") and a genitive
complement ("Angehörige der Polizei"). A number with no such noun is no figure; neither is a year, a
day of a date, a time, a duration (those belong to the timeline), an identifier or a digit in a URL.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from text_to_num import text2num

from generator.analyse.punctuation import CLAUSE_BREAKS
from generator.lang import LanguageData
from generator.model import Article, FigureMention, Token

NOUN_TAGS = ("NN", "NNA", "NE")
ADJ_TAGS = ("ADJ(A)", "ADJA", "CARD")
QUOTE_TAGS = ("$(",)


@dataclass(frozen=True)
class _Number:
    start: int  # token index of the first token (qualifier excluded)
    end: int  # exclusive: after the number, scale or fraction word
    value: float | None
    kind: str  # count | fraction | vague | age


def _is_noun(tag: str) -> bool:
    return tag.startswith(NOUN_TAGS)


class FigureExtractor:
    def __init__(self, lang: LanguageData) -> None:
        self.lang = lang
        self.cues = lang.figures
        t, d = re.escape(self.cues.thousands_separator), re.escape(self.cues.decimal_separator)
        self._grouped = re.compile(rf"^\d{{1,3}}(?:{t}\d{{3}})+(?:{d}\d+)?$")
        self._plain = re.compile(rf"^\d+(?:{d}\d+)?$")
        suffixes = "|".join(re.escape(s) for s in self.cues.age_suffixes)
        self._age = re.compile(rf"^(\d{{1,3}})-(?:{suffixes})$", re.IGNORECASE)

    def _cap(self, word: str) -> bool:
        """Could start a noun: capitalised where the language capitalises nouns."""
        return word[:1].isupper() if self.cues.nouns_capitalised else word[:1].isalpha()

    # --- numbers ---------------------------------------------------------------------------------

    def digits(self, word: str) -> float | None:
        if self._grouped.match(word) or self._plain.match(word):
            normal = word.replace(self.cues.thousands_separator, "").replace(self.cues.decimal_separator, ".")
            try:
                return float(normal)
            except ValueError:
                return None
        return None

    def number_word(self, word: str) -> float | None:
        low = word.casefold()
        if not word.isalpha() or low in self.lang.function_words:
            return None
        try:
            return float(text2num(low, self.lang.code))
        except (ValueError, KeyError):
            return None

    def _number_at(self, words: Sequence[str], i: int) -> _Number | None:
        w = words[i]
        low = w.casefold()
        age = self._age.match(w)
        if age:
            return _Number(i, i + 1, float(age.group(1)), "age")
        # an age in brackets after a name: "Max Mustermann (81)"
        if 1 < i < len(words) - 1 and words[i - 1] == "(" and words[i + 1] == ")" and words[i - 2][:1].isupper():
            age_value = self.digits(w)
            if age_value is not None and 0 < age_value < 120 and w.isdigit():
                return _Number(i, i + 1, age_value, "age")
        # fractions: "ein Fünftel", "die Hälfte", "zwei Drittel"
        if i + 1 < len(words) and words[i + 1].casefold() in self.cues.fractions:
            n = 1.0 if low in self.lang.function_words else (self.number_word(w) or self.digits(w))
            if n is not None:
                return _Number(i, i + 2, n * self.cues.fractions[words[i + 1].casefold()], "fraction")
        if low in self.cues.vague_before and i + 1 < len(words) and words[i + 1].casefold() in self.cues.scales:
            return _Number(i, i + 2, None, "vague")
        if low in self.cues.vague and w[:1].isupper():
            return _Number(i, i + 1, None, "vague")
        value = self.digits(w)
        if value is None and self._final_count(words, i):
            value = float(w[:-1])
        if value is None:
            value = self.number_word(w)
        if value is None:
            return None
        end = i + 1
        if end < len(words) and words[end].casefold() in self.cues.scales:
            value *= self.cues.scales[words[end].casefold()]
            end += 1
        return _Number(i, end, value, "count")

    def _qualifier(self, words: Sequence[str], start: int) -> tuple[int, str | None]:
        low = [w.casefold() for w in words]
        for phrase in self.cues.qualifiers:
            k = len(phrase)
            if start - k >= 0 and tuple(low[start - k : start]) == phrase:
                return start - k, " ".join(words[start - k : start])
        return start, None

    # --- units -----------------------------------------------------------------------------------

    def _unit(self, words: Sequence[str], tags: Sequence[str], j: int, number: _Number) -> tuple[int, int] | None:
        """Token range of what the number counts, or None."""
        n = len(words)
        if number.kind == "age":
            return (j, j)
        before = words[number.start - 1] if number.start > 0 else ""
        if before in self.cues.currencies and not before.isalpha():
            return (number.start - 1, number.start)  # a currency sign before the number: "$2.5 billion"
        if j < n and (words[j].casefold() in self.cues.percent or words[j].casefold() in self.cues.currencies):
            end = j + 1
            return (j, self._genitive(words, tags, end) if words[j].casefold() in self.cues.percent else end)
        if number.kind == "fraction":
            end = self._genitive(words, tags, j)
            return (j, end) if end > j else None
        if number.kind == "vague" and j < n and words[j].casefold() in ("von", "of"):
            j += 1
        k = j
        while k < n and (
            tags[k] in QUOTE_TAGS
            or tags[k].startswith(ADJ_TAGS)
            # an adverb before an adjective: "7 schwer verletzte Menschen"
            or (tags[k] in ("ADJ(D)", "ADV") and k + 1 < n and tags[k + 1].startswith(ADJ_TAGS))
        ):
            k += 1
        if k >= n or not _is_noun(tags[k]) or not self._cap(words[k]):
            return None
        if words[k].casefold() in self.cues.time_units:
            return None
        start, end = k, k + 1
        if not self.cues.nouns_capitalised:  # English: a noun phrase of several words ("armed criminals")
            while end < n and end - start < 3 and _is_noun(tags[end]) and words[end].isalpha():
                end += 1
            if start > j and tags[start - 1] in QUOTE_TAGS:  # a unit in quotation marks: to the closing one
                while end < n and tags[end] in QUOTE_TAGS:
                    end += 1
        # coordination: "Polizisten und Nationalgardisten", "Einwohnerinnen und Einwohner"
        if end + 1 < n and words[end].casefold() in ("und", "oder", "and", "or"):
            m = end + 1
            # (a number after "und" starts a figure of its own: "12 Soldaten und zwei Polizisten")
            while m < n and tags[m].startswith(ADJ_TAGS) and self._number_at(words, m) is None:
                m += 1
            if m < n and _is_noun(tags[m]) and self._cap(words[m]):
                end = m + 1
        end = self._genitive(words, tags, end)
        # a rate: "100 Kilometer pro Stunde", "8 Liter je 100 Kilometer"
        if end + 1 < n and words[end].casefold() in self.cues.rate_words:
            k = end + 1
            if self._number_at(words, k) is not None:
                k += 1
            if k < n and _is_noun(tags[k]):
                end = k + 1
        return (start, end)

    def _genitive(self, words: Sequence[str], tags: Sequence[str], j: int) -> int:
        """End of a genitive complement starting at ``j`` ("der Polizei und der Nationalgarde"), else ``j``."""
        n = len(words)
        end = j
        m = j
        while m < n and words[m].casefold() in self.cues.genitive_links:
            m += 1
            while m < n and (tags[m].startswith(ADJ_TAGS) or tags[m] in QUOTE_TAGS):
                m += 1
            if m < n and (_is_noun(tags[m]) or words[m][:1].isupper()) and words[m][:1].isupper():
                m += 1
                # a name of several words, perhaps in quotation marks: 'Bitcoin-"Minings"'
                while m < n and (tags[m] in QUOTE_TAGS or (_is_noun(tags[m]) and words[m][:1].isupper())):
                    m += 1
                end = m
                if (
                    m + 1 < n
                    and words[m].casefold() in self.cues.conjunctions
                    and words[m + 1].casefold() in self.cues.genitive_links
                ):
                    m += 1
                    continue
            break
        return end

    # --- the article -----------------------------------------------------------------------------

    def extract(self, article: Article, pos: Sequence[Sequence[str]]) -> tuple[FigureMention, ...]:
        out: list[FigureMention] = []
        for si, tokens in enumerate(article.tokens):
            if not tokens or article.paragraphs[article.sentences[si].paragraph].heading:
                continue
            out.extend(self._sentence(article, tokens, pos[si]))
        return tuple(out)

    def _sentence(self, article: Article, tokens: Sequence[Token], tags: Sequence[str]) -> list[FigureMention]:
        words = [t.text for t in tokens]
        found: list[FigureMention] = []
        i = 0
        while i < len(words):
            number = self._number_at(words, i)
            if number is None or self._not_a_figure(words, i, number):
                i += 1
                continue
            upper, number = self._range(words, number)
            unit = self._unit(words, tags, number.end, number) or self._counted_before(words, tags, number)
            if unit is None:
                i += 1
                continue
            sign = number.start > 0 and words[number.start - 1] in self.cues.currencies  # "about $2.5 billion"
            q_start, qualifier = self._qualifier(words, number.start - 1 if sign else number.start)
            end_tok = max(unit[1], number.end)
            # a unit in quotation marks: keep the closing mark in the text
            opened = any(tags[k] in QUOTE_TAGS for k in range(number.end, end_tok))
            if end_tok < len(words) and tags[end_tok] in QUOTE_TAGS and opened:
                end_tok += 1
            start, end = tokens[q_start].start, tokens[end_tok - 1].end
            if number.kind == "age":
                unit_text = self.cues.age_unit
            else:
                u0 = unit[0]
                while u0 < unit[1] - 1 and words[u0].casefold() in self.cues.unit_articles:
                    u0 += 1  # "ein Fünftel des weltweiten …": what is counted, without its article
                unit_text = article.body[tokens[u0].start : tokens[unit[1] - 1].end]
                unit_text = unit_text.strip("\"„“”»«'’‚ ")
            qualifier = qualifier.lower() if qualifier else None
            if unit == (number.start - 1, number.start):  # a currency sign: "$2.5 billion"
                start, end = tokens[min(q_start, unit[0])].start, tokens[number.end - 1].end
                end_tok = number.end
            elif unit[0] < number.start:  # counted before the number ("die Zahl der Todesopfer … auf 57")
                start, end = tokens[q_start].start, tokens[number.end - 1].end
                end -= words[number.end - 1].endswith(".")  # "auf 12." ends the sentence
                end_tok = number.end
            measure = self._measure(words, unit, number) if number.kind in ("count", "vague") else None
            change = any(w.casefold() in self.cues.change_cues for w in self._clause(words, number.start))
            found.append(
                FigureMention(
                    start, end, article.body[start:end], number.value, unit_text, qualifier, measure, change, upper
                )
            )
            i = end_tok
        return found

    # --- what is counted, and how ------------------------------------------------------------------

    def _final_count(self, words: Sequence[str], i: int) -> bool:
        """ "Die Zahl der Opfer stieg auf 12.": the tokeniser keeps the full stop with a number that
        ends the sentence; after a count word in its clause it is a count, not an ordinal."""
        return (
            i == len(words) - 1
            and words[i][:-1].isdigit()
            and any(w.casefold() in self.cues.count_words for w in self._clause(words, i))
        )

    def _range(self, words: Sequence[str], number: _Number) -> tuple[float | None, _Number]:
        """A range's upper end, and the number with its end moved past it ("zwei bis drei",
        "zwischen 20 und 30"); (None, number) for a single number."""
        n = len(words)
        j = number.end
        between = number.start > 0 and words[number.start - 1].casefold() in self.cues.range_openers
        joins = self.cues.range_words | ({"und", "and"} if between else set())
        if number.kind != "count" or number.value is None or j + 1 >= n or words[j].casefold() not in joins:
            return None, number
        other = self._number_at(words, j + 1)
        if other is None or other.kind != "count" or other.value is None or other.value <= number.value:
            return None, number
        return other.value, _Number(number.start, other.end, number.value, "count")

    def _counted_before(self, words: Sequence[str], tags: Sequence[str], number: _Number) -> tuple[int, int] | None:
        """ "die Zahl der Todesopfer ist auf 57 gestiegen": the noun after a count word earlier in the
        clause, when nothing counted follows the number."""
        if number.kind != "count":
            return None
        lo = self._clause_start(words, number.start)
        for k in range(number.start - 1, lo - 1, -1):
            if words[k].casefold() not in self.cues.count_words:
                continue
            if k + 2 < number.start and words[k + 1].casefold() in self.cues.genitive_links and _is_noun(tags[k + 2]):
                return (k + 2, k + 3)
            if k > lo and _is_noun(tags[k - 1]) and words[k + 1].casefold() not in self.cues.genitive_links:
                return (k - 1, k)  # the noun before it: "the death toll rose to 57"
        return None

    def _clause_start(self, words: Sequence[str], i: int) -> int:
        """Start of the number's clause: after the last comma, semicolon, colon or dash before it
        (a bracketed aside is part of the clause: "acht Menschen (sieben Patienten …) kamen ums Leben")."""
        depth = 0
        for k in range(i - 1, -1, -1):
            depth = max(depth + (words[k] == ")") - (words[k] == "("), 0)
            if depth == 0 and words[k] in CLAUSE_BREAKS:
                return k + 1
        return 0

    def _clause_end(self, words: Sequence[str], i: int) -> int:
        depth = 0
        for k in range(i + 1, len(words)):
            depth = max(depth + (words[k] == "(") - (words[k] == ")"), 0)
            if depth == 0 and words[k] in CLAUSE_BREAKS:
                return k
        return len(words)

    def _clause(self, words: Sequence[str], i: int) -> Sequence[str]:
        return words[self._clause_start(words, i) : self._clause_end(words, i)]

    def _measure(self, words: Sequence[str], unit: tuple[int, int], number: _Number) -> str | None:
        """What the figure counts happened to it: a measure noun as what is counted ("57 Todesopfer"),
        else the cue nearest the number in its clause ("36 Menschen kamen ums Leben")."""
        counted = {w.casefold() for w in words[unit[0] : unit[1]]}
        lo = self._clause_start(words, number.start)
        # "die Zahl der Todesopfer ist auf 57 Menschen gestiegen": the count word's noun says it
        for k in range(lo, number.start - 2):
            if words[k].casefold() in self.cues.count_words:
                counted.add(words[k + 2].casefold())
        for key, m in self.cues.measures.items():
            if counted & m.nouns:
                return key
        hi = self._clause_end(words, number.end - 1)
        low = [w.casefold() for w in words]
        # a cue before the number is the number's own only if no other number stands before the cue
        # ("Getötet wurden 12 Soldaten und zwei Polizisten"; not "40 Menschen getötet und 100 Autos")
        earlier = [k for k in range(lo, number.start) if self._number_at(words, k) is not None]
        best: tuple[int, int, str] | None = None  # (distance, after the number first, key)
        for key, m in self.cues.measures.items():
            for cue in m.cues:
                for k in range(lo, hi - len(cue) + 1):
                    if k < number.start and earlier and earlier[0] < k:
                        continue
                    if tuple(low[k : k + len(cue)]) == cue and not number.start <= k < number.end:
                        distance = k - number.end if k >= number.end else number.start - k
                        candidate = (distance, 0 if k >= number.end else 1, key)
                        if best is None or candidate < best:
                            best = candidate
        return best[2] if best else None

    def _not_a_figure(self, words: Sequence[str], i: int, number: _Number) -> bool:
        w = words[i]
        nxt = words[number.end].casefold() if number.end < len(words) else ""
        prev = words[i - 1].casefold() if i > 0 else ""
        if nxt in self.cues.months or (w.endswith(".") and not self._final_count(words, i)):  # "am 5. Januar"
            return True
        # a road, line or model number: "B 96", "A 9", "U 2"
        if i > 0 and words[i - 1].isupper() and words[i - 1].isalpha() and len(words[i - 1]) <= 2 and w.isdigit():
            return True
        if prev in self.cues.months and len(w) == 4 and w.isdigit():  # "am 11. November 2004 Verstorbenen"
            return True
        # an identifier ("Platz 3") or a year after a time word ("im Jahr 1991"); a bare year has no
        # unit after it ("2019 hatte er …") and is left out for that reason
        return prev in self.cues.identifier_words or prev in self.cues.time_units
