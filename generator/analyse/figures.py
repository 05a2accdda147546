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

from generator.analyse.figure_measures import WINDOW, clause_end, clause_start, measure
from generator.analyse.postag import QUOTES
from generator.analyse.unit_forms import unit_forms
from generator.cache import ToolStore
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
    def __init__(self, lang: LanguageData, store: ToolStore | None = None) -> None:
        self.lang = lang
        self.cues = lang.figures
        self.forms = unit_forms(self.cues.unit_forms, store)
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
        for phrase in self.cues.qualifiers:
            k = len(phrase)
            if start - k >= 0 and tuple(w.casefold() for w in words[start - k : start]) == phrase:
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
        while k < min(n, j + WINDOW) and (
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
        n = min(len(words), j + WINDOW)
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
        slogans = self._slogans(words, tags)
        i = 0
        while i < len(words):
            number = self._number_at(words, i)
            if number is None or i in slogans or self._not_a_figure(words, i, number):
                i += 1
                continue
            upper, number = self._range(words, number)
            unit = self._unit(words, tags, number.end, number) or self._counted_before(words, tags, number)
            if unit is None or self._year(words, unit, number):
                i += 1
                continue
            sign = number.start > 0 and words[number.start - 1] in self.cues.currencies  # "about $2.5 billion"
            q_start, qualifier = self._qualifier(words, number.start - 1 if sign else number.start)
            if (
                upper is not None
                and q_start == number.start > 0
                and words[q_start - 1].casefold() in self.cues.range_openers
            ):
                q_start -= 1  # "zwischen 107 und 338 Euro": the range as written
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
                unit_text = self._nominative(unit_text.strip("\"„“”»«'’‚ "), number)
            qualifier = qualifier.lower() if qualifier else None
            if unit == (number.start - 1, number.start):  # a currency sign: "$2.5 billion"
                start, end = tokens[min(q_start, unit[0])].start, tokens[number.end - 1].end
                end_tok = number.end
            elif unit[0] < number.start:  # counted before the number ("die Zahl der Todesopfer … auf 57")
                start, end = tokens[q_start].start, tokens[number.end - 1].end
                end -= words[number.end - 1].endswith(".")  # "auf 12." ends the sentence
                end_tok = number.end
            what = (
                measure(self.cues, words, tags, unit, (q_start, number.end), lambda k: bool(self._number_at(words, k)))
                if number.kind in ("count", "vague")
                else None
            )
            change = any(w.casefold() in self.cues.change_cues for w in self._clause(words, number.start))
            found.append(
                FigureMention(
                    start, end, article.body[start:end], number.value, unit_text, qualifier, what, change, upper
                )
            )
            i = end_tok
        return found

    # --- what is counted, and how ------------------------------------------------------------------

    def _nominative(self, unit: str, number: _Number) -> str:
        """What is counted as a reader writes it on its own: a dative plural in the nominative
        ("mit 12 Punkten" → "Punkte"); words that are nominatives as well stay ("Menschen")."""
        if number.kind == "age" or not self.forms.nominative:
            return unit
        return " ".join(self.forms.nominative_plural(w) for w in unit.split(" "))

    def _year(self, words: Sequence[str], unit: tuple[int, int], number: _Number) -> bool:
        """A year written before what it dates: "die 2017 anstehende Wahl" (a four-digit number
        without separators counting a noun that is only ever singular)."""
        w = words[number.start]
        if number.end != number.start + 1 or not (w.isdigit() and len(w) == 4 and 1000 <= int(w) <= 2100):
            return False
        if unit[0] < number.end or unit[1] <= unit[0]:
            return False
        head = words[unit[0]]
        if self.cues.nouns_capitalised:
            return head in self.forms.singular
        return not head.casefold().endswith("s") and head.casefold() not in self.cues.people_nouns

    def _slogans(self, words: Sequence[str], tags: Sequence[str]) -> set[int]:
        """Tokens inside a short quotation without a verb: a name or a slogan ("„Ein Land, zwei
        Systeme“"), whose numbers are no figures. One pass over the sentence."""
        limit = self.cues.slogan_words
        marks = [k for k, w in enumerate(words) if w in QUOTES] if limit else []
        inside: set[int] = set()
        for a, b in zip(marks[::2], marks[1::2], strict=False):
            span = range(a + 1, b)
            words_in = [k for k in span if words[k][:1].isalnum()]
            if 0 < len(words_in) <= limit and not any(tags[k].startswith("V") for k in span):
                inside.update(span)
        return inside

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
        joins = self.cues.range_words | self.cues.alternative_words | ({"und", "and"} if between else set())
        if number.kind != "count" or number.value is None or j + 1 >= n or words[j].casefold() not in joins:
            return None, number
        other = self._number_at(words, j + 1)
        if other is None or other.kind != "count" or other.value is None or other.value <= number.value:
            return None, number
        low = number.value
        scale = self.cues.scales.get(words[other.end - 1].casefold()) if other.end - other.start > 1 else None
        if scale and number.end - number.start == 1 and other.value > number.value * scale:
            low *= scale  # "30 bis 40 Milliarden Euro": the scale word serves both ends
        return other.value, _Number(number.start, other.end, low, "count")

    def _counted_before(self, words: Sequence[str], tags: Sequence[str], number: _Number) -> tuple[int, int] | None:
        """ "die Zahl der Todesopfer ist auf 57 gestiegen": the noun after a count word earlier in the
        clause, when nothing counted follows the number."""
        if number.kind != "count":
            return None
        lo = clause_start(words, number.start)
        for k in range(number.start - 1, lo - 1, -1):
            if words[k].casefold() not in self.cues.count_words:
                continue
            if k + 2 < number.start and words[k + 1].casefold() in self.cues.genitive_links and _is_noun(tags[k + 2]):
                return (k + 2, k + 3)
            if k > lo and _is_noun(tags[k - 1]) and words[k + 1].casefold() not in self.cues.genitive_links:
                return (k - 1, k)  # the noun before it: "the death toll rose to 57"
        return None

    def _clause(self, words: Sequence[str], i: int) -> Sequence[str]:
        return words[clause_start(words, i) : clause_end(words, i)]

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
        head = prev.rsplit("-", 1)[-1]  # "UN-Resolution 2417"
        return head in self.cues.identifier_words or prev in self.cues.time_units
