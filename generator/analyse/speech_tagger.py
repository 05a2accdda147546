"""Speech attribution as sequence labelling: every token of a sentence labelled cue (``C``), source
(``S``), message (``M``), addressee (``A``) or nothing (``O``) by a CRF.

The model (``generator/models/speech-<code>.crfsuite``) is trained by ``bench/train_quotes.py`` on
the training fold of SpkAtt-2023 (German Wikinews with Cue, Source, Message and Addr spans) and
shipped inside the package; the cue lexicon it uses as a feature (``lang/<code>/speech_cues.yaml``)
is learned from the same fold. The same feature function serves training and tagging.

Features of a token: the word, its suffix and shape, its part of speech, whether an actor mention
covers it (and of which kind), whether it stands inside quotation marks (tracked across the sentence,
a quotation opened before it or closed after it included), whether it is a learned cue word, a role
word, a pronoun or a subordinator, where it stands relative to the nearest cue word and to commas,
and the same for its neighbours.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from generator.lang import LanguageData

LABELS = ("C", "S", "M", "A", "O")
_PUNCT = set(".,;:!?()[]-–—/")
_QUOTE_CHARS = set("\"„“”»«'’‚‘")
_CLAUSE_BREAKS = {",", ":", ";", "-", "–", "—"}


def quote_states(words: Sequence[str], openers: dict[str, str]) -> list[str]:
    """Per token: ``open``/``close`` for a quotation mark, ``in`` inside a quotation, ``out`` outside.

    A quotation still open at the sentence's end runs to it; a closing mark with no mark before it
    in the sentence closes a quotation that started in a sentence before (all before it is inside)."""
    closers = set(openers.values())
    out = ["out"] * len(words)
    expect: str | None = None
    seen = False
    for i, w in enumerate(words):
        if not w or any(ch not in _QUOTE_CHARS for ch in w):
            if expect is not None:
                out[i] = "in"
            continue
        if expect is not None and w == expect:
            out[i], expect = "close", None
        elif expect is None and w in closers and not seen and i > 0 and (w not in openers or _closes_before(words, i)):
            out[i] = "close"
            out[:i] = ["in"] * i
        elif w in openers:
            out[i], expect = "open", openers[w]
        seen = True
    return out


def _closes_before(words: Sequence[str], i: int) -> bool:
    """A mark that is both an opener and a closer ("“") closes when text stands right before it and
    punctuation or a frame follows."""
    return i > 0 and i + 1 < len(words) and words[i + 1] in (",", ".", ";", ":") and words[i - 1] not in _PUNCT


# inflection endings stripped to find a cue word's stem ("behauptete", "behauptet" → "behaupt")
_ENDINGS = ("eten", "ten", "te", "et", "en", "est", "st", "t", "e", "n", "s")


def cue_stem(word: str) -> str:
    """The word case-folded without its inflection ending (at least four letters stay)."""
    low = word.casefold()
    for ending in _ENDINGS:
        if low.endswith(ending) and len(low) - len(ending) >= 4:
            return low[: -len(ending)]
    return low


def _shape(word: str) -> str:
    if all(ch in _QUOTE_CHARS for ch in word):
        return "quote"
    if all(ch in _PUNCT for ch in word):
        return "punct"
    if any(ch.isdigit() for ch in word):
        return "num"
    if word.isupper() and len(word) > 1:
        return "up"
    return "cap" if word[:1].isupper() else "low"


@dataclass(frozen=True)
class SentenceInput:
    """What the features of one sentence are made from."""

    words: Sequence[str]
    pos: Sequence[str]
    entities: Sequence[str]  # per token: PER, ORG, LOC or O (the actor mentions that cover it)
    after_colon: bool  # the sentence before ends in a colon (a frame for what follows)


class SpeechFeatures:
    def __init__(self, lang: LanguageData, cues: frozenset[str]) -> None:
        self.lang = lang
        self.cues = cues
        self.q = lang.quotes
        self._openers = {o: c for o, c in self.q.quote_marks}

    def sentence(self, s: SentenceInput, cues: Sequence[bool] | None = None) -> list[dict[str, Any]]:
        """The features of each token. ``cues``: which tokens a first pass labelled cue (the second
        pass places tokens relative to them, else relative to the cue lexicon's words)."""
        words = s.words
        n = len(words)
        low = [w.casefold() for w in words]
        states = quote_states(words, self._openers)
        cue = [cue_stem(w) in self.cues for w in words]
        cue_at = [k for k in range(n) if (cues[k] if cues is not None else cue[k])]
        cue_set = set(cue_at)
        has_quote = any(st != "out" for st in states)
        own: list[dict[str, Any]] = []
        for i, w in enumerate(words):
            f: dict[str, Any] = {
                "w": f"<{states[i]}>" if states[i] in ("open", "close") else low[i],  # every style of mark alike
                "suf": low[i][-3:],
                "shape": _shape(w),
                "pos": s.pos[i] if i < len(s.pos) else "",
                "ent": s.entities[i],
                "q": states[i],
                "cue": cue[i],
                "role": self.lang.actors.is_role(w),
                "pron": low[i] in self.q.pronouns,
                "that": low[i] in self.q.that_words,
            }
            own.append(f)
        # clauses: runs between commas, colons, semicolons and dashes
        clause = [0] * n
        c = 0
        for i, w in enumerate(words):
            if w in _CLAUSE_BREAKS:
                c += 1
            clause[i] = c
        clause_cue: set[int] = set()
        clause_ent: set[int] = set()
        clause_that: set[int] = set()
        for i in range(n):
            if i in cue_set:
                clause_cue.add(clause[i])
            if s.entities[i] in ("PER", "ORG"):
                clause_ent.add(clause[i])
            if own[i]["that"] and (i == 0 or words[i - 1] in _CLAUSE_BREAKS):
                clause_that.add(clause[i])
        out: list[dict[str, Any]] = []
        for i in range(n):
            f = {"bias": 1.0, **own[i]}
            for off in (-2, -1, 1, 2):
                j = i + off
                if 0 <= j < n:
                    o = own[j]
                    f[f"{off}:w"] = o["w"]
                    f[f"{off}:pos"] = o["pos"]
                    f[f"{off}:q"] = o["q"]
                    f[f"{off}:ent"] = o["ent"]
                    f[f"{off}:cue"] = o["cue"]
                else:
                    f[f"{off}:edge"] = True
            if cue_at:
                nearest = min(cue_at, key=lambda k: abs(k - i))
                d = i - nearest
                f["cue_rel"] = "at" if d == 0 else (("L" if d < 0 else "R") + (str(abs(d)) if abs(d) < 4 else "+"))
                dc = clause[i] - clause[nearest]
                f["cue_clause"] = str(dc) if abs(dc) < 3 else ("+" if dc > 0 else "-")
                f["cue_pos"] = own[nearest]["pos"]
                f["cue_w"] = own[nearest]["w"]
            else:
                f["no_cue"] = True
            k = clause[i]
            f["cl_cue"] = k in clause_cue
            f["cl_ent"] = k in clause_ent
            f["cl_that"] = k in clause_that
            f["has_quote"] = has_quote
            f["after_colon"] = s.after_colon
            f["clause"] = min(k, 4)
            out.append(f)
        return out


class SpeechTagger:
    """Labels tokenised sentences with the packaged speech model, in two passes: the first finds
    the cues, the second labels every token, placed relative to those cues."""

    def __init__(self, lang: LanguageData, model: Path | None = None) -> None:
        """``model``: another model file than the packaged one (to measure one in training); its
        first pass is the file of the same name with ``speech-<code>-cue``."""
        import pycrfsuite

        self.features = SpeechFeatures(lang, lang.quotes.learned_cues)
        self._cue = pycrfsuite.Tagger()
        self._tagger = pycrfsuite.Tagger()
        second = resources.files("generator") / "models" / f"speech-{lang.code}.crfsuite"
        with resources.as_file(second) as path:
            path = model or path
            self._tagger.open(str(path))
            self._cue.open(str(path.with_name(path.name.replace(f"speech-{lang.code}", f"speech-{lang.code}-cue"))))

    @staticmethod
    def available(code: str) -> bool:
        models = resources.files("generator") / "models"
        return (models / f"speech-{code}.crfsuite").is_file() and (models / f"speech-{code}-cue.crfsuite").is_file()

    def tag(self, s: SentenceInput) -> tuple[list[str], list[float]]:
        """The labels of the sentence's tokens, and each token's probability of being (part of) a source."""
        if not s.words:
            return [], []
        cues = [label == "C" for label in self._cue.tag(self.features.sentence(s))]
        labels = list(self._tagger.tag(self.features.sentence(s, cues)))
        return labels, [self._tagger.marginal("S", i) for i in range(len(labels))]
