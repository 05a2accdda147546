"""Sentence segmentation and tokenisation (SoMaJo), with character offsets into the body text."""

from __future__ import annotations

import functools
import unicodedata
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
    """Holds SoMaJo instances per language (building one costs ~0.2 s); create one per run."""

    _instances: dict[tuple[str, bool], Any] = field(default_factory=dict)

    def _somajo(self, language: str, offsets: bool) -> Any:
        model = _SOMAJO_MODELS.get(language, "de_CMC")
        if (model, offsets) not in self._instances:
            somajo = SoMaJo(model, split_camel_case=False, split_sentences=True, character_offsets=offsets)
            _skip_emoji_search_without_emoji(somajo._tokenizer)
            self._instances[model, offsets] = somajo
        return self._instances[model, offsets]

    def sentences(self, text: str, start: int, end: int, language: str) -> list[list[Token]]:
        """Split ``text[start:end]`` (one paragraph) into sentences of tokens with absolute offsets."""
        chunk = text[start:end]
        if not chunk.strip():
            return []
        sentences = list(self._somajo(language, False).tokenize_text([chunk]))
        spans = _spans(chunk, [t.original_spelling or t.text for s in sentences for t in s])
        if spans is None:  # a token that is not in the text as it is: SoMaJo's own, slower alignment
            sentences = list(self._somajo(language, True).tokenize_text([chunk]))
            spans = [t.character_offset for s in sentences for t in s]
        out: list[list[Token]] = []
        first = 0
        for sentence in sentences:
            at = spans[first : first + len(sentence)]
            first += len(sentence)
            tokens = [Token(t.text, start + s, start + e) for t, (s, e) in zip(sentence, at, strict=True)]
            out.extend(p for part in _split_false_abbreviations(tokens) for p in split_long(part))
        return [s for s in out if s]


def _skipped(ch: str) -> bool:
    """Characters between tokens: white space, control and invisible format characters."""
    return ch.isspace() or unicodedata.category(ch) in ("Cc", "Cf")


def _spans(chunk: str, tokens: list[str]) -> list[tuple[int, int]] | None:
    """Where each token stands in ``chunk``, in order, when each is there as it is with only skipped
    characters before it; otherwise None. SoMaJo's own alignment gives the same spans then, but costs
    about a quarter of the tokenising time, since it maps every character of the paragraph."""
    spans = []
    pos, n = 0, len(chunk)
    for token in tokens:
        while pos < n and _skipped(chunk[pos]):
            pos += 1
        if not token or not chunk.startswith(token, pos):
            return None
        spans.append((pos, pos + len(token)))
        pos += len(token)
    return spans


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


MAX_SENTENCE_TOKENS = 150  # a longer "sentence" (a list, a table, a run-on text) is cut into parts


def split_long(tokens: list[Token], limit: int = MAX_SENTENCE_TOKENS) -> list[list[Token]]:
    """A sentence of more than ``limit`` tokens in parts of at most ``limit``, each cut after the last
    comma, semicolon, colon or dash of its second half where there is one, so that no analysis of a
    sentence (names, dates, figures, speech) costs more than a long sentence's."""
    parts: list[list[Token]] = []
    while len(tokens) > limit:
        cut = next(
            (i + 1 for i in range(limit - 1, limit // 2, -1) if tokens[i].text in (",", ";", ":", "-", "–", "—")),
            limit,
        )
        parts.append(tokens[:cut])
        tokens = tokens[cut:]
    parts.append(tokens)
    return parts


def is_word(token: Token) -> bool:
    return any(ch.isalnum() for ch in token.text)
