"""The role the text gives a name: before it ("Frankreichs Präsident", "der stellvertretende
Außenminister"), in an apposition ("Die Sprecherin des Weißen Hauses, <name>") or after it ("als
Präsident"), with its modifiers, as written."""

from __future__ import annotations

from collections.abc import Sequence

from generator.analyse.lexicon import Lexicon
from generator.lang import ActorCues, LanguageData

_ADJECTIVE_ENDINGS = ("en", "em", "es", "er", "e")  # of a German attributive adjective, longest first


def nominative(role: str, cues: ActorCues) -> str:
    """A role as a reader writes it on its own, in the nominative singular ("früheren
    Geheimdienstchef" → "früherer Geheimdienstchef", "amtierenden Generalsekretärs" → "amtierender
    Generalsekretär", "Abgeordneten" → "Abgeordneter"); only the role word and the adjectives before
    it change ("Sprecher der russischen Regierung" keeps its genitive)."""
    words = role.split(" ")
    k = next((n for n in range(len(words) - 1, -1, -1) if cues.is_role(words[n])), None)
    if k is None:
        return role
    head, feminine = _role_word(words[k], cues)
    before = [_adjective(w, feminine) for w in words[:k]]
    return " ".join([*before, head, *words[k + 1 :]])


def _role_word(word: str, cues: ActorCues) -> tuple[str, bool]:
    """The role word in the nominative singular, and whether it names a woman."""
    low = word.casefold()
    endings = sorted(cues.role_endings, key=len, reverse=True)
    for inflection in ("", *cues.role_inflections):
        if inflection and not low.endswith(inflection):
            continue
        stem = low[: len(low) - len(inflection)] if inflection else low
        ending = next((e for e in endings if stem.endswith(e)), None)
        if ending is None:
            continue
        if inflection and ending + "r" in cues.role_endings:  # an adjectival noun: "Abgeordneten"
            word, ending = word[: len(word) - len(inflection)] + "r", ending + "r"
        elif inflection:
            word = word[: len(word) - len(inflection)]
        feminine = ending.endswith("in") and ending[:-2] in cues.role_endings
        return word, feminine or (ending.endswith("e") and ending + "r" in cues.role_endings)
    return word, False


def _adjective(word: str, feminine: bool) -> str:
    """An adjective before a role, with the ending it takes there in the nominative without an article."""
    if not (word.islower() and word.isalpha()):
        return word
    base = next((word[: -len(e)] for e in _ADJECTIVE_ENDINGS if word.endswith(e) and len(word) > len(e) + 2), None)
    return word if base is None else base + ("e" if feminine else "er")


def _cap(word: str) -> bool:
    return word[:1].isupper()


class Roles:
    def __init__(self, lang: LanguageData, lexicon: Lexicon) -> None:
        self.lang = lang
        self.cues = lang.actors
        self.lex = lexicon

    def before(self, words: Sequence[str], start: int) -> str | None:
        """The role written before a name: "Frankreichs Präsident", "der stellvertretende Außenminister",
        "Die Sprecherin des Weißen Hauses, …"."""
        i = start - 1
        if i > 0 and words[i] == "," and not self.lang.figures.nouns_capitalised and self.cues.is_role(words[i - 1]):
            return self._with_modifiers(words, i - 1, i)  # "The company's chief executive, Maria Lindqvist"
        if i >= 0 and words[i] == ",":  # apposition: "<role> des Weißen Hauses, Name"
            for j in range(i - 1, max(-1, i - 7), -1):
                if self.cues.is_role(words[j]) and self.apposition_end(words, j) == i:
                    return self._with_modifiers(words, j, i)
            return None
        if i >= 0 and self.cues.is_role(words[i]):
            return self._with_modifiers(words, i, i + 1)
        return None

    def _with_modifiers(self, words: Sequence[str], role: int, end: int) -> str:
        start = role
        # where nouns are not capitalised, capitalised words before a role are part of it: a body, a
        # place, a nationality ("White House spokeswoman", "German Chancellor", "UN Secretary-General")
        names_modify = not self.lang.figures.nouns_capitalised
        while start > 0:
            prev = words[start - 1]
            low = prev.casefold()
            if names_modify and prev == "-" and start > 1 and _cap(words[start - 2]):
                start -= 2  # "Secretary - General"
            elif (
                (names_modify and _cap(prev) and low not in self.lang.function_words and role - start < 3)
                or low in self.cues.role_modifiers
                or (
                    prev.islower()
                    and low not in self.lang.function_words  # "an economist": no adjective in "-an"
                    and low.endswith(self.cues.role_adjective_endings)
                )
            ):
                start -= 1
            elif _cap(prev) and prev.endswith("s") and prev[:-1] in self.lex.places:  # "Frankreichs Präsident"
                start -= 1
                break
            else:
                break
        return " ".join(words[start:end]).replace(" - ", "-")

    def after(self, words: Sequence[str], end: int) -> str | None:
        """ "… Mustermann als Präsident …" → "Präsident"; in English an apposition too: "Karl Weber,
        the country's foreign minister, said" → "foreign minister", "…, a spokesman for the company," →
        "spokesman for the company"."""
        if end + 1 < len(words) and words[end].casefold() in ("als", "as") and self.cues.is_role(words[end + 1]):
            return words[end + 1]
        if self.lang.figures.nouns_capitalised or end + 2 >= len(words) or words[end] != ",":
            return None
        if words[end + 1].casefold() not in self.lang.time.articles | self.lang.time.indefinite_articles:
            return None
        for j in range(end + 2, min(len(words), end + 7)):
            if words[j] in (",", "."):
                return None
            if self.cues.is_role(words[j]):
                k = j + 1  # "for the company", "of Kleinau", up to the closing comma
                while k < len(words) and k - j <= 6 and words[k] not in (",", ".", ";"):
                    k += 1
                closed = k < len(words) and words[k] in (",", ".")
                if closed and (k == j + 1 or words[j + 1].casefold() in self.cues.role_links):
                    return self._with_modifiers(words, j, k)
                return None
        return None

    def apposition_end(self, words: Sequence[str], role: int) -> int | None:
        """Index of the comma in "<role> des Weißen Hauses, <name>": only articles and capitalised
        words stand between the role and the comma."""
        for j in range(role + 1, min(len(words), role + 7)):
            w = words[j]
            if w == ",":
                return j if j > role + 1 else None
            if not (w.casefold() in self.lang.function_words or _cap(w)):
                return None
        return None
