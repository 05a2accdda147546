"""Sentence segmentation and tokenisation (SoMaJo), with character offsets into the body text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from somajo import SoMaJo

# SoMaJo's models per language code; a language without one falls back to the German model,
# which splits on the same punctuation for Latin-script text.
_SOMAJO_MODELS = {"de": "de_CMC", "en": "en_PTB"}


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int


@dataclass
class Segmenter:
    """Holds one SoMaJo instance per language (building one costs ~0.2 s); create one per run."""

    _instances: dict[str, Any] = field(default_factory=dict)

    def _somajo(self, language: str) -> Any:
        model = _SOMAJO_MODELS.get(language, "de_CMC")
        if model not in self._instances:
            self._instances[model] = SoMaJo(model, split_camel_case=False, split_sentences=True, character_offsets=True)
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
            if tokens:
                out.append(tokens)
        return out


def is_word(token: Token) -> bool:
    return any(ch.isalnum() for ch in token.text)
