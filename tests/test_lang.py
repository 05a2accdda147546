"""Integrity of the language data (as dateparser checks its own): every language complete and well-formed."""

from __future__ import annotations

import re
import string
from importlib import metadata, resources

import pytest
import yaml

from generator.analyse.lexicon import SOURCES
from generator.lang import REFERENCE_LANGUAGE, available_languages, load_language

LANG_ROOT = resources.files("generator") / "lang"


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_german_and_english_have_data() -> None:
    assert {"de", "en"} <= set(available_languages())


@pytest.mark.parametrize("code", available_languages())
def test_language_has_the_reference_files_and_keys(code: str) -> None:
    ref_files = sorted(p.name for p in (LANG_ROOT / REFERENCE_LANGUAGE).iterdir() if p.name.endswith(".yaml"))
    files = sorted(p.name for p in (LANG_ROOT / code).iterdir() if p.name.endswith(".yaml"))
    assert files == ref_files
    ref = load_language(REFERENCE_LANGUAGE)
    lang = load_language(code)
    assert set(lang.ui) == set(ref.ui)
    for key, text in lang.ui.items():
        assert text.strip() == text and text, key
        assert placeholders(text) == placeholders(ref.ui[key]), f"{code}: {key}: placeholders differ"
        lang.label(key, **dict.fromkeys(placeholders(text), 1))  # every label formats


@pytest.mark.parametrize("code", available_languages())
def test_every_data_file_has_the_reference_keys_with_the_same_types(code: str) -> None:
    """The reference language's files are the schema: every key in every language, each value of the same
    type (an unused rule is an empty value, written and commented, never a missing key). ui.yaml is
    checked above, key by key; a mapping of names to entries (institutions, measures) may differ in its names."""
    for path in sorted((LANG_ROOT / REFERENCE_LANGUAGE).iterdir()):
        if not path.name.endswith(".yaml") or path.name == "ui.yaml":
            continue
        ref = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        data = yaml.safe_load((LANG_ROOT / code / path.name).read_text(encoding="utf-8")) or {}
        assert sorted(data) == sorted(ref), f"{code}/{path.name}: keys differ from {REFERENCE_LANGUAGE}"
        for key, value in ref.items():
            if value is None or data[key] is None:
                continue
            assert type(data[key]) is type(value), f"{code}/{path.name}: {key}: {type(data[key]).__name__}"


@pytest.mark.parametrize("code", available_languages())
def test_word_lists_are_plain_lowercase_words(code: str) -> None:
    raw = yaml.safe_load((LANG_ROOT / code / "words.yaml").read_text(encoding="utf-8"))
    words = raw["function_words"].split()
    assert len(words) == len(set(words)), "duplicates"
    for w in words:
        assert re.fullmatch(r"[^\W\d_]+", w) and w == w.lower(), w
    assert load_language(code).function_words == frozenset(w.casefold() for w in words)  # ß matches ss


def test_language_data_names_no_story() -> None:
    """Language data is general: no word list may carry a name (capitalised entries would be names)."""
    for code in available_languages():
        text = (LANG_ROOT / code / "words.yaml").read_text(encoding="utf-8")
        data = yaml.safe_load(text)
        for value in data.values():
            assert all(not w[0].isupper() for w in str(value).split())


@pytest.mark.parametrize("code", available_languages())
def test_lexicon_sources_are_libraries_the_lexicon_reads_and_installed(code: str) -> None:
    sources = load_language(code).actors.lexicon_sources
    assert set(sources) <= set(SOURCES)
    for name in sources:
        assert metadata.version(name)  # installed: the tool cache names the lexicon by its version


def test_institutions_have_the_same_keys_in_every_language() -> None:
    """An institution can only be matched across languages when every language names it: the same keys
    everywhere, each name under one key, and every name read back to its key (inflected too in German)."""
    keys = {code: set(load_language(code).actors.institutions.values()) for code in available_languages()}
    assert len({frozenset(k) for k in keys.values()}) == 1, keys
    for code in available_languages():
        raw = yaml.safe_load((LANG_ROOT / code / "actors.yaml").read_text(encoding="utf-8"))["institutions"]
        cues = load_language(code).actors
        for key, names in raw.items():
            for name in names:
                assert cues.institution(name) == key, (code, name)
    assert load_language("de").actors.institution("Innenministeriums") == "interior-ministry"
    assert load_language("en").actors.institution("Ministry of Defence") == "defence-ministry"
    assert load_language("en").actors.institution("Ministry") is None  # a bare head is no institution
