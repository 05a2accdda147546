"""A per-article analysis cache: reading and analysis are skipped for files that have not changed.

An entry is keyed by the file's bytes, the generator's version, a fingerprint of its language data,
its models and the code that reads and analyses (the ``read`` and ``analyse`` packages and every
module of the generator they import), and the options that change what is read (so any change to
one of them misses). It lives in a folder the user may delete at any time. An entry that cannot be
read, or that holds something else than an article and its facts, is ignored and rebuilt, never
trusted.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import pickle
import re
from array import array
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import TypeVar, overload

from generator import __version__
from generator.atomic import atomic_write
from generator.config import Config
from generator.model import Article, ArticleFacts, Token

log = logging.getLogger(__name__)

FORMAT = b"dossier-cache-6\n"


@functools.cache
def fingerprint() -> str:
    """The generator's version, the contents of its language data and models (all but the page
    labels, ``ui.yaml``, which only rendering reads: a changed label must not re-analyse every article;
    and Python's bytecode, which it writes beside the sources as it likes), and the source of the
    code that reads and analyses (:func:`analysis_code`)."""
    return data_fingerprint(Path(str(resources.files("generator"))))


ANALYSIS_PACKAGES = ("read", "analyse")  # the stages whose output the cache keeps


def data_fingerprint(root: Path) -> str:
    h = hashlib.sha256(__version__.encode())
    for folder in ("lang", "models"):
        base = root / folder
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and path.name != "ui.yaml" and "__pycache__" not in path.parts:
                h.update(path.relative_to(base).as_posix().encode())
                h.update(path.read_bytes())
    for path in analysis_code(root):
        h.update(path.relative_to(root).as_posix().encode())
        h.update(path.read_bytes())
    return h.hexdigest()


def analysis_code(root: Path) -> list[Path]:
    """The source files of the ``read`` and ``analyse`` packages below ``root`` (the package folder)
    and of every module of the package they import, directly or not, sorted: the code whose change
    changes what an entry holds. Rendering and merging code is not among them (unless analysis
    imports it), so that changing a page re-analyses nothing."""
    todo = [p for name in ANALYSIS_PACKAGES if (root / name).is_dir() for p in (root / name).rglob("*.py")]
    seen: set[Path] = set()
    while todo:
        path = todo.pop()
        if path in seen or "__pycache__" in path.parts:
            continue
        seen.add(path)
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # hashed as it is; importing it fails anyway
        for m in _IMPORT.finditer(text):  # a line that only looks like an import adds a file: harmless
            if m.group("module"):
                names = re.sub(r"#[^\n]*", "", m.group("names")).strip("()").replace("\n", " ").split(",")
                modules = [m.group("module"), *(f"{m.group('module')}.{n.split()[0]}" for n in names if n.split())]
            else:
                modules = [m.group("plain")]
            for module in modules:
                todo.extend(_module_files(root, module))
    return sorted(seen)


# "from generator.x import a, b", "from generator.x import (\n a,\n b,\n)", "import generator.x"
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(?P<module>generator(?:\.\w+)*)[ \t]+import[ \t]+(?P<names>\([^)]*\)|[^\n]*)"
    r"|import[ \t]+(?P<plain>generator(?:\.\w+)*))",
    re.MULTILINE,
)


def _module_files(root: Path, module: str) -> list[Path]:
    """The files of ``generator.x.y`` below ``root`` (the module, or the package's ``__init__``), and
    of the packages that hold it (importing a module runs them too); nothing for other packages."""
    parts = module.split(".")
    if parts[0] != root.name and parts[0] != "generator":
        return []
    out = []
    for n in range(1, len(parts) + 1):
        base = root.joinpath(*parts[1:n])
        for candidate in (base / "__init__.py", base.with_suffix(".py") if n > 1 else None):
            if candidate is not None and candidate.is_file():
                out.append(candidate)
    return out


# Tokens are most of an entry and most of its loading time as objects. They are stored as offsets
# into the body (machine integers in one byte string; the few tokens whose text is not the body's
# slice, e.g. "... :(" split by the tokeniser, kept as written) and made into Token objects only when
# something reads them: a rebuild reads the tokens of the changed articles only.
Packed = tuple[bytes, bytes, tuple[tuple[int, int, str], ...]]


def pack_tokens(article: Article) -> Packed:
    offsets, counts = array("I"), array("I")
    odd = []
    for si, sentence in enumerate(article.tokens):
        counts.append(len(sentence))
        for k, t in enumerate(sentence):
            offsets.append(t.start)
            offsets.append(t.end)
            if article.body[t.start : t.end] != t.text:
                odd.append((si, k, t.text))
    return offsets.tobytes(), counts.tobytes(), tuple(odd)


class PackedTokens(Sequence[tuple[Token, ...]]):
    """An article's tokens per sentence, from a packed cache entry, built when first read."""

    __slots__ = ("_body", "_counts", "_odd", "_offsets", "_sentences")

    def __init__(self, body: str, packed: Packed, sentences: int) -> None:
        """Checks the shape now (a damaged entry must be refused when loaded, not when read)."""
        offsets, counts = array("I"), array("I")
        offsets.frombytes(packed[0])
        counts.frombytes(packed[1])
        if len(counts) != sentences or len(offsets) != 2 * sum(counts) or (offsets and max(offsets) > len(body)):
            raise ValueError("tokens do not fit the article")
        if any(not (0 <= si < sentences and 0 <= k < counts[si]) or not isinstance(t, str) for si, k, t in packed[2]):
            raise ValueError("tokens do not fit the article")
        self._body, self._offsets, self._counts, self._odd = body, offsets, counts, packed[2]
        self._sentences: tuple[tuple[Token, ...], ...] | None = None

    def _built(self) -> tuple[tuple[Token, ...], ...]:
        if self._sentences is None:
            body, flat = self._body, self._offsets
            out: list[list[Token]] = []
            i = 0
            for n in self._counts:
                out.append([Token(body[flat[k] : flat[k + 1]], flat[k], flat[k + 1]) for k in range(i, i + 2 * n, 2)])
                i += 2 * n
            for si, k, text in self._odd:
                t = out[si][k]
                out[si][k] = Token(text, t.start, t.end)
            self._sentences = tuple(tuple(s) for s in out)
        return self._sentences

    def __len__(self) -> int:
        return len(self._counts)

    @overload
    def __getitem__(self, index: int) -> tuple[Token, ...]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[Token, ...]]: ...

    def __getitem__(self, index: int | slice) -> tuple[Token, ...] | Sequence[tuple[Token, ...]]:
        return self._built()[index]

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(self._built())


@dataclass(frozen=True)
class AnalysisCache:
    folder: Path
    options: str  # the options that change reading and analysis

    @classmethod
    def for_config(cls, config: Config) -> AnalysisCache | None:
        if config.cache_dir is None:
            return None
        options = repr(
            (config.language, config.published, config.force_language, config.max_article_bytes, fingerprint())
        )
        return cls(config.cache_dir, options)

    def key(self, raw: bytes) -> str:
        return hashlib.sha256(self.options.encode() + b"\0" + raw).hexdigest()

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.pickle"

    def has(self, key: str) -> bool:
        return self._path(key).is_file()

    def get(self, key: str) -> tuple[Article, ArticleFacts, tuple[str, ...]] | None:
        path = self._path(key)
        value = _read_entry(path)
        if value is None:
            return None
        if (
            isinstance(value, tuple)
            and len(value) == 4
            and isinstance(value[0], Article)
            and isinstance(value[2], ArticleFacts)
            and isinstance(value[3], tuple)
            and all(isinstance(w, str) for w in value[3])
        ):
            try:
                tokens = PackedTokens(value[0].body, value[1], len(value[0].sentences))
            except Exception:  # not the shape put() writes
                log.info("cache entry %s ignored: unexpected tokens", path)
                return None
            return replace(value[0], tokens=tokens), value[2], value[3]
        log.info("cache entry %s ignored: unexpected content", path)
        return None

    def put(self, key: str, article: Article, facts: ArticleFacts, warnings: tuple[str, ...]) -> None:
        entry = (replace(article, tokens=()), pack_tokens(article), facts, warnings)
        _write_atomic(self._path(key), FORMAT + pickle.dumps(entry, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self, keep: Collection[str]) -> int:
        """Removes the entries not in ``keep`` (those of edited or deleted articles, or written by
        another generator version or language data), so that the folder holds what the next build can
        use rather than every version of every article ever read. Returns how many were removed."""
        removed = 0
        for folder in _subfolders(self.folder):
            for path in _files(folder):
                if _ENTRY_NAME.fullmatch(path.name) and path.stem not in keep:
                    removed += _remove(path)
        return removed


T = TypeVar("T")


@dataclass(frozen=True)
class ToolStore:
    """Tools that are costly to build and cheap to load (the lexicon built from word-list libraries,
    the language identifier's decompressed model), kept in the cache folder. An entry is named by
    what it was built from; one that cannot be read or holds something else is rebuilt."""

    folder: Path | None = None

    @classmethod
    def for_config(cls, config: Config) -> ToolStore:
        return cls(None if config.cache_dir is None else config.cache_dir / "tools")

    def load(self, name: str, made_from: str, build: Callable[[], T], kind: type[T]) -> T:
        if self.folder is None:
            return build()
        digest = hashlib.sha256(f"{__version__}\0{made_from}".encode()).hexdigest()[:24]
        path = self.folder / f"{name}-{digest}.pickle"
        same_tool = re.compile(rf"{re.escape(name)}-[0-9a-f]{{24}}\.pickle")
        for other in _files(self.folder):  # the same tool built from other versions: no longer used
            if same_tool.fullmatch(other.name) and other != path:
                _remove(other)
        stored = _read_entry(path)
        if isinstance(stored, kind):
            return stored
        if stored is not None:
            log.info("cache entry %s ignored: unexpected content", path)
        value = build()
        _write_atomic(path, FORMAT + pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
        return value


def _read_entry(path: Path) -> object | None:
    """What an entry holds, or None when it is missing, of another format or unreadable (a damaged
    entry is rebuilt, never trusted; the caller checks the content's type)."""
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if not data.startswith(FORMAT):
        log.info("cache entry %s ignored: unknown format", path)
        return None
    try:
        value: object = pickle.loads(memoryview(data)[len(FORMAT) :])  # our own folder; no copy of the data
    except Exception:
        log.info("cache entry %s ignored: unreadable", path)
        return None
    return value


_ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.pickle")  # an analysis entry: its key and suffix


def _subfolders(folder: Path) -> list[Path]:
    """The analysis entries' folders (the key's first two hex digits)."""
    return [p for p in _files(folder) if re.fullmatch(r"[0-9a-f]{2}", p.name) and p.is_dir()]


def _files(folder: Path) -> list[Path]:
    try:
        return sorted(folder.iterdir())
    except OSError:
        return []


def _remove(path: Path) -> int:
    try:
        path.unlink()
    except OSError as exc:  # another build removed it, or the folder is read-only: it only costs space
        log.info("cache entry %s not removed: %s", path, exc)
        return 0
    return 1


def _write_atomic(path: Path, data: bytes) -> None:
    try:
        atomic_write(path, data)
    except OSError as exc:  # a cache that cannot be written only costs time
        log.info("cache entry %s not written: %s", path, exc)
