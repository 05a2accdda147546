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
_OFFSETS = (-2, -1, 1, 2)
_CONTEXT_KEYS = {off: (f"{off}:w", f"{off}:pos", f"{off}:q", f"{off}:ent", f"{off}:cue") for off in _OFFSETS}
_EDGE = {off: {f"{off}:edge": True} for off in _OFFSETS}
_PLACE_KEYS = ("cue_rel", "cue_clause", "cue_pos", "cue_w", "no_cue", "cl_cue")  # set by placed()
_WORDS_REMEMBERED = 50_000  # distinct words whose features are kept; then the memory starts afresh


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
        self._words: dict[str, tuple[str, str, str, bool, bool, bool, bool]] = {}

    def sentence(self, s: SentenceInput, cues: Sequence[bool] | None = None) -> list[dict[str, Any]]:
        """The features of each token. ``cues``: which tokens a first pass labelled cue (the second
        pass places tokens relative to them, else relative to the cue lexicon's words)."""
        return self.placed(self.static(s), cues)

    def _word(self, word: str) -> tuple[str, str, str, bool, bool, bool, bool]:
        """What a token's features take from the word alone (kept: words repeat)."""
        hit = self._words.get(word)
        if hit is None:
            low = word.casefold()
            hit = (
                low,
                low[-3:],
                _shape(word),
                self.lang.actors.is_role(word),
                low in self.q.pronouns,
                low in self.q.that_words,
                cue_stem(word) in self.cues,
            )
            if len(self._words) > _WORDS_REMEMBERED:
                self._words.clear()
            self._words[word] = hit
        return hit

    def static(self, s: SentenceInput) -> _Static:
        """The features that do not depend on where the cues are, made once for both passes."""
        words = s.words
        n = len(words)
        states = quote_states(words, self._openers)
        props = [self._word(w) for w in words]
        has_quote = any(st != "out" for st in states)
        pos = s.pos
        own: list[dict[str, Any]] = []
        for i in range(n):
            low, suf, shape, role, pron, that, cue = props[i]
            state = states[i]
            f: dict[str, Any] = {
                "w": f"<{state}>" if state in ("open", "close") else low,  # every style of mark alike
                "suf": suf,
                "shape": shape,
                "pos": pos[i] if i < len(pos) else "",
                "ent": s.entities[i],
                "q": state,
            }
            # a feature of value 0 adds nothing to any label's score: false flags are left out (faster)
            if cue:
                f["cue"] = True
            if role:
                f["role"] = True
            if pron:
                f["pron"] = True
            if that:
                f["that"] = True
            own.append(f)
        # what each token tells its neighbours, under the neighbour's offset
        seen: dict[int, list[dict[str, Any]]] = {}
        for off, (kw, kp, kq, ke, kc) in _CONTEXT_KEYS.items():
            seen[off] = []
            for o in own:
                d = {kw: o["w"], kp: o["pos"], kq: o["q"], ke: o["ent"]}
                if "cue" in o:
                    d[kc] = True
                seen[off].append(d)
        # clauses: runs between commas, colons, semicolons and dashes
        clause = [0] * n
        c = 0
        for i, w in enumerate(words):
            if w in _CLAUSE_BREAKS:
                c += 1
            clause[i] = c
        clause_ent = {clause[i] for i in range(n) if s.entities[i] in ("PER", "ORG")}
        clause_that = {clause[i] for i in range(n) if "that" in own[i] and (i == 0 or words[i - 1] in _CLAUSE_BREAKS)}
        shared: dict[str, Any] = {"bias": 1.0}
        if has_quote:
            shared["has_quote"] = True
        if s.after_colon:
            shared["after_colon"] = True
        out: list[dict[str, Any]] = []
        for i in range(n):
            f = {**shared, **own[i]}
            for off in _OFFSETS:
                j = i + off
                f.update(seen[off][j] if 0 <= j < n else _EDGE[off])
            k = clause[i]
            if k in clause_ent:
                f["cl_ent"] = True
            if k in clause_that:
                f["cl_that"] = True
            f["clause"] = min(k, 4)
            out.append(f)
        return _Static(out, clause, [p[6] for p in props], has_quote)

    def placed(self, static: _Static, cues: Sequence[bool] | None) -> list[dict[str, Any]]:
        """The static features with each token's place relative to the nearest cue: of the first
        pass (``cues``) or of the cue lexicon's words. The features are placed anew in ``static``
        (no copy: a sentence is placed once per pass, and a pass reads them before the next)."""
        clause = static.clause
        flags = static.lexicon_cues if cues is None else cues
        cue_at = [k for k, flag in enumerate(flags) if flag]
        clause_cue = {clause[k] for k in cue_at}
        out = static.features
        for i, f in enumerate(out):
            for key in _PLACE_KEYS:
                f.pop(key, None)
            if cue_at:
                nearest = min(cue_at, key=lambda k: abs(k - i))
                d = i - nearest
                f["cue_rel"] = "at" if d == 0 else (("L" if d < 0 else "R") + (str(abs(d)) if abs(d) < 4 else "+"))
                dc = clause[i] - clause[nearest]
                f["cue_clause"] = str(dc) if abs(dc) < 3 else ("+" if dc > 0 else "-")
                f["cue_pos"] = static.features[nearest]["pos"]
                f["cue_w"] = static.features[nearest]["w"]
            else:
                f["no_cue"] = True
            if clause[i] in clause_cue:
                f["cl_cue"] = True
        return out


@dataclass(frozen=True)
class _Static:
    features: list[dict[str, Any]]
    clause: list[int]
    lexicon_cues: list[bool]
    quoted: bool  # a quotation mark in the sentence


class SpeechTagger:
    """Labels tokenised sentences with the packaged speech model, in two passes: the first finds
    the cues, the second labels every token, placed relative to those cues."""

    def __init__(self, lang: LanguageData, model: Path | None = None) -> None:
        """``model``: another model file than the packaged one (to measure one in training); its
        first pass is the file of the same name with ``speech-<code>-cue``."""
        import pycrfsuite

        self.features = SpeechFeatures(lang, lang.quotes.learned_cues)
        self._tagger = pycrfsuite.Tagger()
        self._cue: Any = None  # without a first-pass model, one pass places tokens by the cue lexicon
        second = resources.files("generator") / "models" / f"speech-{lang.code}.crfsuite"
        with resources.as_file(second) as path:
            path = model or path
            self._tagger.open(str(path))
            first = path.with_name(path.name.replace(f"speech-{lang.code}", f"speech-{lang.code}-cue"))
            if first.is_file():
                self._cue = pycrfsuite.Tagger()
                self._cue.open(str(first))

    @staticmethod
    def available(code: str) -> bool:
        return (resources.files("generator") / "models" / f"speech-{code}.crfsuite").is_file()

    def tag(self, s: SentenceInput) -> tuple[list[str], list[float]]:
        """The labels of the sentence's tokens, and each token's probability of being (part of) a
        source where the sentence has a message and no source (else no probabilities)."""
        if not s.words:
            return [], []
        static = self.features.static(s)
        if self._cue is None:
            labels = list(self._tagger.tag(self.features.placed(static, None)))
            return labels, (self._source_p(labels) if "M" in labels and "S" not in labels else [])
        first = self._cue.tag(self.features.placed(static, None))
        if "C" not in first and "M" not in first and not static.quoted:
            return list(first), []  # no speech in sight: the second pass would place tokens relative to nothing
        cues = [label == "C" for label in first]
        labels = list(self._tagger.tag(self.features.placed(static, cues)))
        if "M" not in labels or "S" in labels:
            return labels, []  # the probabilities of a source are read only where a message has none
        return labels, self._source_p(labels)

    def _source_p(self, labels: Sequence[str]) -> list[float]:
        return [self._tagger.marginal("S", i) for i in range(len(labels))]
