"""A per-article analysis cache: reading and analysis are skipped for files that have not changed.

An entry is keyed by the file's bytes, the generator's version, a fingerprint of its language data
and models, and the options that change what is read (so any change to one of them misses). It
lives in a folder the user may delete at any time. An entry that cannot be read, or that holds
something else than an article and its facts, is ignored and rebuilt, never trusted.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import os
import pickle
import tempfile
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from generator import __version__
from generator.config import Config
from generator.model import Article, ArticleFacts

log = logging.getLogger(__name__)

FORMAT = b"dossier-cache-1\n"


@functools.cache
def fingerprint() -> str:
    """The generator's version and the contents of its language data and models (all but the page
    labels, ``ui.yaml``, which only rendering reads: a changed label must not re-analyse every article)."""
    h = hashlib.sha256(__version__.encode())
    root = resources.files("generator")
    for folder in ("lang", "models"):
        base = Path(str(root / folder))
        if not base.is_dir():
            continue
        for path in sorted(base.rglob("*")):
            if path.is_file() and path.name != "ui.yaml":
                h.update(path.relative_to(base).as_posix().encode())
                h.update(path.read_bytes())
    return h.hexdigest()


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

    def get(self, key: str) -> tuple[Article, ArticleFacts, tuple[str, ...]] | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except OSError:
            return None
        if not data.startswith(FORMAT):
            log.info("cache entry %s ignored: unknown format", path)
            return None
        try:
            value = pickle.loads(data[len(FORMAT) :])  # our own folder; the content is checked below
        except Exception:  # a damaged entry: rebuilt, never trusted
            log.info("cache entry %s ignored: unreadable", path)
            return None
        if (
            isinstance(value, tuple)
            and len(value) == 3
            and isinstance(value[0], Article)
            and isinstance(value[1], ArticleFacts)
            and isinstance(value[2], tuple)
            and all(isinstance(w, str) for w in value[2])
        ):
            return value[0], value[1], value[2]
        log.info("cache entry %s ignored: unexpected content", path)
        return None

    def put(self, key: str, article: Article, facts: ArticleFacts, warnings: tuple[str, ...]) -> None:
        path = self._path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".entry-", dir=path.parent)
            with os.fdopen(fd, "wb") as fh:
                fh.write(FORMAT + pickle.dumps((article, facts, warnings), protocol=pickle.HIGHEST_PROTOCOL))
            os.replace(tmp, path)
        except OSError as exc:  # a cache that cannot be written only costs time
            log.info("cache entry %s not written: %s", path, exc)
