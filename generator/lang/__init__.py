"""Language data: one folder per language (``generator/lang/<code>/*.yaml``), loaded by one loader.

Code stays language-neutral; adding a language means adding a folder with the same files and keys
as ``de`` (``tests/test_lang.py`` checks that).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources
from types import MappingProxyType
from typing import Any

import yaml

REFERENCE_LANGUAGE = "de"


class LanguageDataError(ValueError):
    pass


@dataclass(frozen=True)
class LanguageData:
    code: str
    name: str
    ui: MappingProxyType[str, str]  # page labels and sentences shown to the reader
    function_words: frozenset[str]  # articles, pronouns, conjunctions…, case-folded

    def label(self, key: str, **values: object) -> str:
        text = self.ui[key]
        return text.format(**values) if values else text


def _lang_root() -> Any:
    return resources.files(__name__)


@functools.cache
def available_languages() -> tuple[str, ...]:
    root = _lang_root()
    return tuple(sorted(p.name for p in root.iterdir() if p.is_dir() and (p / "ui.yaml").is_file()))


def _load_yaml(code: str, name: str) -> dict[str, Any]:
    path = _lang_root() / code / name
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise LanguageDataError(f"lang/{code}/{name}: {exc}") from exc
    if not isinstance(data, dict):
        raise LanguageDataError(f"lang/{code}/{name}: expected a mapping at the top level")
    return data


@functools.cache
def load_language(code: str) -> LanguageData:
    if code not in available_languages():
        raise LanguageDataError(f"no language data for {code!r} (known: {', '.join(available_languages())})")
    ui = _load_yaml(code, "ui.yaml")
    name = ui.pop("language_name", code)
    bad = sorted(k for k, v in ui.items() if not isinstance(v, str) or not v.strip())
    if bad:
        raise LanguageDataError(f"lang/{code}/ui.yaml: empty or non-text labels: {', '.join(bad)}")
    words = _load_yaml(code, "words.yaml")
    return LanguageData(
        code=code,
        name=str(name),
        ui=MappingProxyType(dict(ui)),
        function_words=_word_set(words, "function_words", f"lang/{code}/words.yaml"),
    )


def _word_set(data: dict[str, Any], key: str, where: str) -> frozenset[str]:
    """A word list written as text (words separated by white space), case-folded."""
    value = data.get(key)
    if not isinstance(value, str) or not value.split():
        raise LanguageDataError(f"{where}: {key} must be text: words separated by spaces")
    return frozenset(w.casefold() for w in value.split())
