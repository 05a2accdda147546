"""Named-entity recognition: a CRF over word shape, library lexicons and language-data cues.

The model (``generator/models/ner-<code>.crfsuite``) is built by ``python -m generator.training.ner
<code>`` (its data, licences, hyperparameters and scores in ``ner-<code>.card.json`` beside it) and
shipped inside the package; nothing is downloaded. Labels are
BIO over PER, LOC and ORG. The same feature function serves training and tagging.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

from generator.analyse.lexicon import Lexicon, load_lexicon
from generator.analyse.postag import HANTA_MODELS
from generator.cache import ToolStore
from generator.lang import LanguageData

KINDS = {"PER": "person", "LOC": "place", "ORG": "organization"}

_SHAPE_SUBS = ((re.compile(r"[A-ZÄÖÜ]"), "X"), (re.compile(r"[a-zäöüß]"), "x"), (re.compile(r"\d"), "d"))


def shape(word: str) -> str:
    s = word
    for pattern, repl in _SHAPE_SUBS:
        s = pattern.sub(repl, s)
    s = re.sub(r"[^Xxd]", "-", s)
    return re.sub(r"(.)\1+", r"\1", s)  # Xxxxx → Xx, XXX → X


@dataclass(frozen=True)
class Span:
    start: int  # token index
    end: int  # exclusive
    label: str  # PER | LOC | ORG


class Features:
    """Token features from the lexicon and the language's cues; one instance per language."""

    def __init__(self, lang: LanguageData, lexicon: Lexicon, pos_tagger: Any = None) -> None:
        self.lang = lang
        self.lex = lexicon
        self.cues = lang.actors
        self.pos_tagger = pos_tagger
        self._compound: dict[str, bool] = {}
        self._words: dict[str, _WordFeatures] = {}

    def compound_noun(self, word: str) -> bool:
        """Ends in a known common noun (a compound such as "Fernsehansprache")."""
        hit = self._compound.get(word)
        if hit is None:
            nouns = self.lex.common_nouns
            hit = any(word[k:].capitalize() in nouns for k in range(3, len(word) - 3)) if len(word) > 6 else False
            self._compound[word] = hit
        return hit

    def _word(self, word: str) -> dict[str, Any]:
        low = word.casefold()
        stem = word[:-1] if len(word) > 3 and word.endswith("s") else word  # genitive: Polens
        lex = self.lex
        f: dict[str, Any] = {
            "low": low,
            "shape": shape(word),
            "title": word[:1].isupper(),
            "upper": word.isupper() and len(word) > 1,
            "fw": low in self.lang.function_words,
            "noun": lex.is_common_noun(word),
            "first": word in lex.first_names,
            "last": word in lex.surnames,
            "place": word in lex.places,
            "country": word in lex.countries,
            "pname": word in lex.proper_names,
            "gen_place": stem != word and stem in lex.places,
            "gen_name": stem != word and (stem in lex.surnames or stem in lex.first_names),
            "cmpd": word[:1].isupper() and self.compound_noun(word),
            "role": self.cues.is_role(word),
            "org": self.cues.is_organisation_head(word) and word[:1].isupper(),
            "orgsfx": low in self.cues.organisation_suffixes,
            "particle": low in self.cues.name_particles and word.islower(),
            "pcue": low in self.cues.person_cues,
        }
        return f

    def _own(self, word: str) -> _WordFeatures:
        """The features of ``word`` that do not depend on its neighbours, remembered per word."""
        hit = self._words.get(word)
        if hit is None:
            if len(self._words) >= _WORDS_REMEMBERED:
                self._words.clear()
            base = self._word(word)
            extra = {
                "sfx3": word[-3:].casefold(),
                "sfx4": word[-4:].casefold(),
                "pfx3": word[:3].casefold(),
                # as a number, turned into 1.0 below like every non-string value: a second bias the model
                # was trained with. As a category (str) it scored F1 0.655 against 0.659 on the held-out
                # half (bench/train_ner.py --no-save), so it stays as trained.
                "len": min(len(word), 12),
                "hyph": "-" in word,
            }
            hit = _WordFeatures(
                _present(base.items()),
                _present(extra.items()),
                {off: _present((key, base[name]) for name, key in _NEIGHBOUR_KEYS[off]) for off in _OFFSETS},
            )
            self._words[word] = hit
        return hit

    def sentence(self, words: Sequence[str], pos: Sequence[str] | None = None) -> list[dict[str, Any]]:
        """CRF features of each word: its own, then those of its neighbours two either side.

        Boolean features become 1.0, false and empty ones are left out (what the model was trained on).
        """
        if pos is None and self.pos_tagger is not None:
            pos = [p for _, _, p in self.pos_tagger.tag_sent(list(words), taglevel=1)]
        if pos is not None and len(pos) != len(words):
            raise ValueError(f"{len(pos)} tags for {len(words)} words")
        own = [self._own(w) for w in words]
        n = len(words)
        out = []
        for i in range(n):
            f: dict[str, Any] = {"bias": 1.0}
            if i == 0:
                f["first_tok"] = 1.0
            f.update(own[i].head)
            if pos is not None and pos[i]:
                f["pos"] = pos[i]
            f.update(own[i].tail)
            for off in _OFFSETS:
                j = i + off
                if 0 <= j < n:
                    f.update(own[j].as_neighbour[off])
                    if abs(off) == 1 and pos is not None and pos[j]:
                        f[_POS_KEYS[off]] = pos[j]
                else:
                    f[_EDGE_KEYS[off]] = 1.0
            out.append(f)
        return out


_OFFSETS = (-2, -1, 1, 2)
# What a word tells its neighbours: its lower case two either side, more right beside it.
_NEIGHBOUR_KEYS = {
    off: tuple(
        (name, f"{off}:{name}")
        for name in (
            ("low", "title", "fw", "noun", "first", "last", "place", "role", "org", "particle", "pcue", "shape")
            if abs(off) == 1
            else ("low",)
        )
    )
    for off in _OFFSETS
}
_POS_KEYS = {off: f"{off}:pos" for off in _OFFSETS}
_EDGE_KEYS = {off: f"{off}:edge" for off in _OFFSETS}
_WORDS_REMEMBERED = 50_000  # distinct words whose features are kept; then the memory starts afresh


def _present(items: Iterable[tuple[str, Any]]) -> tuple[tuple[str, Any], ...]:
    """Feature items as the CRF takes them: strings and floats as they are, other values as 1.0,
    false and empty values left out."""
    return tuple((k, v if isinstance(v, str | float) else 1.0) for k, v in items if v)


@dataclass(frozen=True)
class _WordFeatures:
    head: tuple[tuple[str, Any], ...]  # the word's own features before its POS tag
    tail: tuple[tuple[str, Any], ...]  # suffixes, prefix, length, hyphen: after the tag
    as_neighbour: dict[int, tuple[tuple[str, Any], ...]]  # what the word gives the word ``off`` before or after it


def spans_from_bio(labels: Sequence[str]) -> list[Span]:
    spans: list[Span] = []
    start, kind = -1, ""
    for i, tag in enumerate([*labels, "O"]):
        if start >= 0 and (tag == "O" or tag.startswith("B-") or tag[2:] != kind):
            spans.append(Span(start, i, kind))
            start, kind = -1, ""
        if tag.startswith("B-") or (tag.startswith("I-") and start < 0):
            start, kind = i, tag[2:]
    return spans


class LazyHanta:
    """HanTa's tagger for a language, loaded when first asked to tag."""

    def __init__(self, code: str) -> None:
        self.model = HANTA_MODELS[code]
        self._hanta: Any = None

    def tag_sent(self, words: list[str], taglevel: int = 1) -> Any:
        if self._hanta is None:
            from HanTa import HanoverTagger

            self._hanta = HanoverTagger.HanoverTagger(self.model)
        return self._hanta.tag_sent(words, taglevel=taglevel)


class Tagger:
    """Tags tokenised sentences with PER/LOC/ORG spans using the packaged CRF model.

    A span is kept when the model is confident of each of its tokens (marginal probability of at
    least ``min_confidence``) and it is not junk: a function word, a bare role word, a common noun,
    a number or a URL.
    """

    def __init__(
        self, lang: LanguageData, min_confidence: float = 0.6, store: ToolStore | None = None, model_file: str = ""
    ) -> None:
        """``model_file``: another model than the packaged one (training scores a rebuilt model)."""
        import pycrfsuite

        self.lang = lang
        self.lexicon = load_lexicon(lang.code, lang.actors.lexicon_sources, store)
        # HanTa for callers that do not bring their own tags (English, training, benchmarks): loaded then
        pos = LazyHanta(lang.code) if lang.code in HANTA_MODELS else None
        self.features = Features(lang, self.lexicon, pos)
        self.min_confidence = min_confidence
        self._tagger = pycrfsuite.Tagger()
        model = resources.files("generator") / "models" / f"ner-{lang.code}.crfsuite"
        if model_file:
            self._tagger.open(model_file)
            return
        with resources.as_file(model) as path:
            if not path.is_file():
                raise FileNotFoundError(f"no NER model for {lang.code!r}: {model}")
            self._tagger.open(str(path))

    def tag(self, words: Sequence[str], pos: Sequence[str] | None = None) -> list[Span]:
        """Spans in one sentence; ``pos``: its HanTa tags, when the caller has them already."""
        if not words:
            return []
        labels = self._tagger.tag(self.features.sentence(words, pos))
        out = []
        for span in spans_from_bio(labels):
            confidence = min(self._tagger.marginal(labels[i], i) for i in range(span.start, span.end))
            if confidence >= self.min_confidence and not self.is_junk(words[span.start : span.end]):
                out.append(span)
        return out

    def is_junk(self, words: Sequence[str]) -> bool:
        """Never an actor: function words, bare roles, common nouns, numbers, URLs, lower-case words."""
        text = " ".join(words)
        if "://" in text or text.startswith("www.") or not any(ch.isalpha() for ch in text):
            return True
        if not words[0][:1].isupper() and not words[0][:1].isdigit():
            return True
        if len(words) == 1:
            w = words[0]
            lex = self.lexicon
            known_name = w in lex.gazetteer or w in lex.first_names or w in lex.surnames or w in lex.proper_names
            low = w.casefold()
            if low in self.lang.function_words or low in self.lang.time.months or low in self.lang.time.weekdays:
                return True  # a month or a weekday is no actor ("February" typed as a place)
            if not known_name and (lex.is_common_noun(w) or self.lang.actors.is_role(w)):
                return True
            cues = self.lang.actors
            if low in cues.organisation_endings and low not in cues.institution_endings and cues.institution(w) is None:
                return True  # an organisation's head word alone names none ("Agency", "Association")
        return False


def has_model(code: str) -> bool:
    return (resources.files("generator") / "models" / f"ner-{code}.crfsuite").is_file()
