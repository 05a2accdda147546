"""The analysis cache and parallel analysis: the same output, whatever the cache holds or how many
processes do the work."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

from generator.cache import FORMAT, AnalysisCache, ToolStore, data_fingerprint
from generator.config import load_config
from generator.pipeline import CHUNK, generate
from tests.conftest import CORPUS, tree


def _config(root: Path, docs: str, **options: object):  # type: ignore[no-untyped-def]
    return load_config({"seeds": str(root / "seeds"), "docs": str(root / docs), **options}, root)


def test_cached_rebuild_is_identical_and_corrupt_entries_are_rebuilt(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "seeds")
    cache = tmp_path / "cache"
    plain = generate(_config(tmp_path, "plain"))
    generate(_config(tmp_path, "first", cache=str(cache)))
    entries = sorted(p for p in cache.rglob("*.pickle") if "tools" not in p.parts)
    assert len(entries) == 4  # one per article
    # the lexicons of the corpus's two languages (German, English), the language identifier and the
    # German unit forms (figures: dative plurals, singular-only nouns)
    assert len(list((cache / "tools").glob("*.pickle"))) == 4
    second = generate(_config(tmp_path, "second", cache=str(cache)))
    assert tree(tmp_path / "plain") == tree(tmp_path / "first") == tree(tmp_path / "second")
    assert plain.dossier.facts == second.dossier.facts
    assert plain.dossier.articles == second.dossier.articles
    # tokens are not part of an article's equality (derived from its body): compared on their own,
    # though stored as offsets and built only when read
    assert [tuple(a.tokens) for a in plain.dossier.articles] == [tuple(a.tokens) for a in second.dossier.articles]
    assert all(len(a.tokens) == len(a.sentences) > 0 for a in second.dossier.articles)
    # damaged entries: ignored, rebuilt, the output unchanged
    entries[0].write_bytes(b"not a cache entry")
    entries[1].write_bytes(entries[1].read_bytes()[:40])
    entries[2].write_bytes(FORMAT + b"\x80\x05garbage")
    third = generate(_config(tmp_path, "third", cache=str(cache)))
    assert tree(tmp_path / "third") == tree(tmp_path / "plain")
    assert third.exit_code == 0
    assert entries[0].read_bytes().startswith(FORMAT)  # rewritten


def test_cache_key_changes_with_content_and_options(tmp_path: Path) -> None:
    a = AnalysisCache(tmp_path, "options-a")
    b = AnalysisCache(tmp_path, "options-b")
    assert a.key(b"text") != a.key(b"text!")
    assert a.key(b"text") != b.key(b"text")
    assert a.get(a.key(b"missing")) is None


def test_parallel_analysis_gives_the_same_output(tmp_path: Path) -> None:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    sources = sorted(CORPUS.iterdir())
    for n in range(CHUNK + 4):  # more than one chunk, so the pool really runs
        src = sources[n % len(sources)]
        text = src.read_text(encoding="utf-8")
        text += f"\n\nNachtrag {n}: Die Lage in der Stadt bleibt nach Angaben der Behörden angespannt.\n"
        (seeds / f"{n:02d}-{src.name}").write_text(text, encoding="utf-8")
    one = generate(_config(tmp_path, "one", jobs=1))
    two = generate(_config(tmp_path, "two", jobs=2))
    assert len(one.dossier.articles) == CHUNK + 4  # more than one chunk: the pool really ran
    assert tree(tmp_path / "one") == tree(tmp_path / "two")
    assert one.issues == two.issues


def test_tool_store_builds_once_and_rebuilds_a_damaged_entry(tmp_path: Path) -> None:
    store = ToolStore(tmp_path / "tools")
    built: list[int] = []

    def build() -> frozenset[str]:
        built.append(1)
        return frozenset({"Wort"})

    assert store.load("words", "v1", build, frozenset) == frozenset({"Wort"})
    assert store.load("words", "v1", build, frozenset) == frozenset({"Wort"})
    assert len(built) == 1  # the second time from the folder
    (entry,) = (tmp_path / "tools").glob("words-*.pickle")
    entry.write_bytes(FORMAT + b"\x80\x05garbage")
    assert store.load("words", "v1", build, frozenset) == frozenset({"Wort"}) and len(built) == 2
    entry.write_bytes(FORMAT + pickle.dumps(["not", "a", "frozenset"]))
    assert store.load("words", "v1", build, frozenset) == frozenset({"Wort"}) and len(built) == 3
    other_tool = tmp_path / "tools" / f"words2-{'0' * 24}.pickle"
    other_tool.write_bytes(b"another tool's entry")
    assert store.load("words", "v2", build, frozenset) and len(built) == 4  # made from something else
    (entry,) = (tmp_path / "tools").glob("words-*.pickle")  # the v1 entry is gone: nothing loads it again
    assert store.load("words", "v2", build, frozenset) and len(built) == 4 and entry.exists()
    assert other_tool.exists()
    stale = tmp_path / "tools" / f"words-{'1' * 24}.pickle"  # left by another version, found on a hit
    stale.write_bytes(entry.read_bytes())
    assert store.load("words", "v2", build, frozenset) and len(built) == 4 and not stale.exists()
    assert ToolStore(None).load("words", "v1", build, frozenset) and len(built) == 5  # no cache folder


def test_entries_of_files_no_longer_read_are_removed_and_nothing_else(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "seeds")
    cache = tmp_path / "cache"
    generate(_config(tmp_path, "first", cache=str(cache)))

    def entries() -> set[str]:
        return {p.stem for p in cache.glob("[0-9a-f][0-9a-f]/*.pickle")}

    before = entries()
    assert len(before) == 4
    others = [cache / "notes.txt", cache / "zz" / f"{'a' * 64}.pickle", cache / sorted(before)[0][:2] / "mine.txt"]
    for path in others:
        path.parent.mkdir(exist_ok=True)
        path.write_text("not an analysis entry", encoding="utf-8")
    edited, deleted = sorted((tmp_path / "seeds").iterdir())[:2]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nEin Satz kam hinzu.\n", encoding="utf-8")
    deleted.unlink()
    generate(_config(tmp_path, "second", cache=str(cache)))
    after = entries()
    assert len(after) == 3 and len(after & before) == 2  # the two unchanged articles, and the edited one anew
    assert all(path.exists() for path in others)
    assert len(list((cache / "tools").glob("*.pickle"))) == 4
    third = generate(_config(tmp_path, "third", cache=str(cache)))  # everything from the cache again
    assert entries() == after and tree(tmp_path / "third") == tree(tmp_path / "second")
    assert third.exit_code == 0


def test_an_entry_whose_tokens_do_not_fit_its_article_is_ignored(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "seeds")
    cache_dir = tmp_path / "cache"
    config = _config(tmp_path, "first", cache=str(cache_dir))
    generate(config)
    cache = AnalysisCache.for_config(config)
    assert cache is not None
    path = sorted(p for p in cache_dir.rglob("*.pickle") if "tools" not in p.parts)[0]
    article, packed, facts, warnings = pickle.loads(path.read_bytes()[len(FORMAT) :])
    key = path.stem
    assert cache.get(key) is not None
    damaged = [
        (packed[0][:-4], packed[1], packed[2]),  # one offset short
        (packed[0], packed[1] + packed[1][:4], packed[2]),  # a sentence too many
        (b"\xff\xff\xff\x7f" * (len(packed[0]) // 4), packed[1], packed[2]),  # offsets past the body
        (packed[0], packed[1], ((999, 0, "x"),)),  # a token outside the article
    ]
    for bad in damaged:
        path.write_bytes(FORMAT + pickle.dumps((article, bad, facts, warnings)))
        assert cache.get(key) is None


def test_fingerprint_follows_language_data_but_not_labels_or_bytecode(tmp_path: Path) -> None:
    (tmp_path / "lang" / "de").mkdir(parents=True)
    (tmp_path / "lang" / "de" / "words.yaml").write_text("function_words: und\n", encoding="utf-8")
    (tmp_path / "lang" / "de" / "ui.yaml").write_text("nav_home: Start\n", encoding="utf-8")
    before = data_fingerprint(tmp_path)
    (tmp_path / "lang" / "__pycache__").mkdir()
    (tmp_path / "lang" / "__pycache__" / "__init__.cpython-311.pyc").write_bytes(b"bytecode")
    (tmp_path / "lang" / "de" / "ui.yaml").write_text("nav_home: Übersicht\n", encoding="utf-8")
    assert data_fingerprint(tmp_path) == before
    (tmp_path / "lang" / "de" / "words.yaml").write_text("function_words: und oder\n", encoding="utf-8")
    assert data_fingerprint(tmp_path) != before
