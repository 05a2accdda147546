"""Part-of-speech tags (STTS) for tokenised sentences: HanTa for German, HanTa's English tags mapped to
STTS classes for English, a plain fallback elsewhere; the tense of a verb form from HanTa's
morphology in German and English.

The fallback marks words that are not function words as nouns, quotation marks as such and digits
as numbers: enough for the figure extractor to find what a number counts in a language without a
tagger, never used to train or feed the German NER model.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Any

from generator.lang import LanguageData

HANTA_MODELS = {"de": "morphmodel_ger.pgz", "en": "morphmodel_en.pgz"}  # HanTa's models, by language
QUOTES = set("\"„“”»«'’‚‘")
# HanTa's English tags (BNC C5) by their first two letters → the STTS class the figure extractor reads
_C5_AS_STTS = {
    "NN": "NN",
    "NP": "NE",
    "AJ": "ADJA",
    "CR": "CARD",
    "OR": "ADJA",
    "AT": "ART",
    "PR": "APPR",
    "CJ": "KON",
    "AV": "ADV",
    "PU": "$.",
    "VV": "VVFIN",
    "VB": "VAFIN",
    "VD": "VAFIN",
    "VH": "VAFIN",
    "VM": "VMFIN",
    "DT": "PDAT",
    "PN": "PPER",
    "DP": "PPOSAT",
}
# HanTa's English tags (BNC C5) of finite verbs and participles; modals ("would") tell no tense
_ENGLISH_TENSE = {
    **dict.fromkeys(("VVD", "VBD", "VHD", "VDD"), "past"),
    **dict.fromkeys(("VVZ", "VBZ", "VHZ", "VDZ"), "present"),
    "VVN": "participle",
}


_DIGIT = re.compile(r"\d")
MAX_WORD = 24  # HanTa's analysis of an unknown word grows with the square of its length


def bounded(word: str) -> str:
    """The word HanTa is given: a long token by its first character and its end (a compound's head,
    which decides its class), so that a hostile token of thousands of characters costs no more than
    a long word; a run of punctuation by its first character; a long number by its shape (every
    number of the same shape is then analysed once: each distinct number cost HanTa ~1 ms)."""
    if len(word) > 4 and any(ch.isdigit() for ch in word):
        word = _DIGIT.sub("5", word)  # "1.234.567" → "5.555.555": a number's class is its shape's
    if len(word) <= MAX_WORD:
        return word
    if not any(ch.isalnum() for ch in word):
        return word[0]
    return word[0] + word[-15:]


class PosTagger:
    def __init__(self, lang: LanguageData) -> None:
        self.lang = lang
        self._hanta: Any = None
        if lang.code == "de":
            from HanTa import HanoverTagger

            self._hanta = HanoverTagger.HanoverTagger(HANTA_MODELS["de"])
            # HanTa caches the words of its model only; an unknown word is analysed anew at every
            # occurrence. Its analysis depends on the word alone, so remember it (per tagger).
            self._hanta.analyze_forward = functools.lru_cache(maxsize=200_000)(self._hanta.analyze_forward)

        self._morph_en: Any = None
        if lang.code == "en":  # English: the morphology for the tense of verbs only, no tags
            from HanTa import HanoverTagger

            self._morph_en = HanoverTagger.HanoverTagger(HANTA_MODELS["en"])

    @property
    def real(self) -> bool:
        """A tagger of the language's own (its tags feed the German NER and speech models)."""
        return self._hanta is not None

    @property
    def has_tense(self) -> bool:
        return self._hanta is not None or self._morph_en is not None

    @functools.lru_cache(maxsize=50_000)  # noqa: B019 - one tagger per language and process
    def finite_tense(self, word: str) -> str | None:
        """``past`` or ``present`` for a finite verb form other than a modal, ``participle`` for a past
        participle, from HanTa's morphology; None for anything else (or without a morphological
        analyser). The simple past is a weak verb's "-te" suffix ("sagte", "teilten") or a strong verb's
        changed stem without a present ending ("kam", "trafen"); a changed stem with "-t"/"-st" or an
        umlaut is the present ("trifft", "hält")."""
        if self._morph_en is not None and word.islower():
            return _ENGLISH_TENSE.get(self._morph_en.analyze(bounded(word), taglevel=1)[1])
        if self._hanta is None or not word.islower():
            return None
        _lemma, parts, tag = self._hanta.analyze(bounded(word), taglevel=3)
        if tag in ("VV(PP)", "VA(PP)"):
            return "participle"  # for the perfect: "hat sich … verschlechtert", "sei … beendet worden"
        if not tag.endswith("(FIN)") or tag.startswith("VM") or not parts:
            return None  # a modal's past ("sollte … dabei sein") says nothing of the event's direction
        verb = [p for p in parts if not p[1].startswith("PTKVZ")]  # "an|kündig|te": the prefix left out
        stem, kind = verb[0] if verb else parts[0]
        suffix = verb[1][0] if len(verb) > 1 else ""
        if suffix.startswith(("te", "ete")) or (kind.endswith("_IRR") and stem.startswith("war")):
            return "past"  # "sagte", "landete", "ankündigte"
        if kind.endswith("_VAR"):
            if suffix in ("", "en", "e", "n"):
                # the present of a strong verb that turns its "e" into "i" ("gilt", "tritt"), else the past
                raised = _lemma.replace("e", "i", 1)
                vowel_raised = not suffix and raised != _lemma and stem.startswith(raised)
                return "present" if any(ch in stem for ch in "äöü") or stem == "wird" or vowel_raised else "past"
            return "present"
        return "present"

    def tag(self, words: Sequence[str]) -> list[str]:
        return self.tags(words)[0]

    def tags(self, words: Sequence[str]) -> tuple[list[str], list[str] | None]:
        """(the STTS classes the analysers read, the tagger's own tags the NER model was trained on;
        None without a tagger for the language)."""
        if not words:
            return [], []
        if self._hanta is not None:
            stts = list(self._hanta.tag_sent([bounded(w) for w in words], taglevel=0))  # tags only: no lemmas needed
            return stts, stts
        if self._morph_en is not None:  # HanTa's English tags (BNC C5), as the STTS classes the figures read
            c5 = list(self._morph_en.tag_sent([bounded(w) for w in words], taglevel=0))
            mapped = [
                "$(" if all(ch in QUOTES for ch in w) else _C5_AS_STTS.get(tag[:2], "XY")
                for w, tag in zip(words, c5, strict=True)
            ]
            return mapped, c5
        return self._fallback(words), None

    def _fallback(self, words: Sequence[str]) -> list[str]:
        out = []
        for w in words:
            if all(ch in QUOTES for ch in w):
                out.append("$(")
            elif any(ch.isdigit() for ch in w):
                out.append("CARD")
            elif w.isalpha() and w.casefold() not in self.lang.function_words:
                out.append("NN")
            else:
                out.append("XY")
        return out
