"""Sentence segmentation and tokenisation (SoMaJo), with character offsets into the body text."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

import regex
from somajo import SoMaJo

from generator.model import Token

# SoMaJo's models per language code; a language without one falls back to the German model,
# which splits on the same punctuation for Latin-script text.
_SOMAJO_MODELS = {"de": "de_CMC", "en": "en_PTB"}


@dataclass
class Segmenter:
    """Holds one SoMaJo instance per language (building one costs ~0.2 s); create one per run."""

    _instances: dict[str, Any] = field(default_factory=dict)

    def _somajo(self, language: str) -> Any:
        model = _SOMAJO_MODELS.get(language, "de_CMC")
        if model not in self._instances:
            somajo = SoMaJo(model, split_camel_case=False, split_sentences=True, character_offsets=True)
            _skip_emoji_search_without_emoji(somajo._tokenizer)
            self._instances[model] = somajo
        return self._instances[model]

    def sentences(self, text: str, start: int, end: int, language: str) -> list[list[Token]]:
        """Split ``text[start:end]`` (one paragraph) into sentences of tokens with absolute offsets."""
        chunk = text[start:end]
        if not chunk.strip():
            return []
        out: list[list[Token]] = []
        for sentence in self._somajo(language).tokenize_text([chunk]):
            tokens = [
                Token(t.text, start + t.character_offset[0], start + t.character_offset[1])
                for t in sentence
                if t.character_offset is not None
            ]
            out.extend(_split_false_abbreviations(tokens))
        return [s for s in out if s]


# SoMaJo looks for emoji grapheme by grapheme, looking each pattern up by its text every time: a
# tenth of all tokenising time on news text, which rarely holds an emoji. A token without any
# character of the wider of its two classes cannot have one, and then that step changes nothing.
_EMOJI_CHARS = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")


def _skip_emoji_search_without_emoji(tokenizer: Any) -> None:
    """On this tokenizer instance only: run the emoji step for tokens that hold an emoji character."""
    split_emojis = getattr(tokenizer, "_split_emojis", None)
    if split_emojis is None:  # another SoMaJo version: leave it as it is
        return

    def split_if_any(node: Any, token_class: str = "emoticon") -> None:
        if _EMOJI_CHARS.search(node.value.text):
            split_emojis(node, token_class)

    tokenizer._split_emojis = split_if_any


@functools.cache
def _abbreviations() -> frozenset[str]:
    """SoMaJo's own abbreviation lists, with their exact spelling."""
    words: set[str] = set()
    data = resources.files("somajo") / "data"
    for name in ("abbreviations_de.txt", "abbreviations_en.txt", "single_token_abbreviations_de.txt",
                 "single_token_abbreviations_en.txt"):  # fmt: skip
        path = data / name
        if path.is_file():
            words.update(w.strip() for w in path.read_text(encoding="utf-8").splitlines() if w.strip())
    return frozenset(words)


def _split_false_abbreviations(tokens: list[Token]) -> list[list[Token]]:
    """SoMaJo matches its abbreviation list regardless of case, so a name such as "Berger." (listed:
    "BerGer.") keeps its full stop and the sentence does not end. Split such a token when its exact
    spelling is not an abbreviation, and end the sentence there when a capitalised word follows."""
    sentences: list[list[Token]] = [[]]
    abbreviations = _abbreviations()
    for i, t in enumerate(tokens):
        word = t.text[:-1]
        if t.text.endswith(".") and len(word) > 1 and word.isalpha() and t.text not in abbreviations:
            sentences[-1].append(Token(word, t.start, t.end - 1))
            sentences[-1].append(Token(".", t.end - 1, t.end))
            if i + 1 < len(tokens) and tokens[i + 1].text[:1].isupper():
                sentences.append([])
        else:
            sentences[-1].append(t)
    return sentences


def is_word(token: Token) -> bool:
    return any(ch.isalnum() for ch in token.text)
