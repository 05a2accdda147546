"""The generator's configuration: validated once, then passed explicitly to every stage."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.lang import available_languages

DEFAULT_MAX_ARTICLE_BYTES = 5 * 1024 * 1024
DEFAULT_CACHE = ".dossier-cache"


class ConfigError(ValueError):
    """The configuration is unusable; the message says which option and why."""


@dataclass(frozen=True)
class Config:
    seeds_dir: Path
    docs_dir: Path
    title: str = "Dossier"
    language: str = "de"  # UI language of the site, and the fallback for undetectable articles
    published: dt.date | None = None  # publication date for files that carry none
    force_language: str | None = None  # overrides detection for files without front matter
    max_article_bytes: int = DEFAULT_MAX_ARTICLE_BYTES
    jobs: int = 1  # processes that read and analyse articles in parallel
    cache_dir: Path | None = None  # the analysis cache (None: no cache)
    corrections: Path | None = None  # the editor's corrections file (None, or a missing default: none)
    publish: str = "sure"  # "sure": only what the verifier is sure of; "all": everything, doubt marked
    verify: bool = True  # False: no confidence at all (training the verifier reads the unverified dossier)


_KNOWN = {
    "seeds", "docs", "title", "language", "published", "force_language", "max_article_bytes", "jobs", "cache",
    "corrections", "publish",
}  # fmt: skip
PUBLISH_CHOICES = ("sure", "all")
DEFAULT_CORRECTIONS = "corrections.yaml"  # beside mkdocs.yml; used when it exists


def _language(value: Any, option: str) -> str:
    if not isinstance(value, str) or value not in available_languages():
        known = ", ".join(available_languages())
        raise ConfigError(f"{option}: {value!r} is not a language with data (known: {known})")
    return value


def load_config(options: Mapping[str, Any], base: Path) -> Config:
    """Validate ``options`` (from mkdocs.yml or the command line); relative paths are taken from ``base``."""
    unknown = sorted(set(options) - _KNOWN)
    if unknown:
        raise ConfigError(f"unknown option(s): {', '.join(unknown)}")

    def path(name: str, default: str) -> Path:
        value = options.get(name, default)
        if not isinstance(value, str | os.PathLike) or not str(value):
            raise ConfigError(f"{name}: expected a folder path, got {value!r}")
        p = Path(value)
        return p if p.is_absolute() else base / p

    title = options.get("title", "Dossier")
    if not isinstance(title, str) or not title.strip():
        raise ConfigError("title: expected a non-empty string")

    published = options.get("published")
    if isinstance(published, str):
        try:
            published = dt.date.fromisoformat(published)
        except ValueError:
            raise ConfigError(f"published: {published!r} is not a date of the form YYYY-MM-DD") from None
    if published is not None and (not isinstance(published, dt.date) or isinstance(published, dt.datetime)):
        raise ConfigError(f"published: expected a date YYYY-MM-DD, got {published!r}")

    force = options.get("force_language")
    max_bytes = options.get("max_article_bytes", DEFAULT_MAX_ARTICLE_BYTES)
    if not isinstance(max_bytes, int) or isinstance(max_bytes, bool) or max_bytes <= 0:
        raise ConfigError(f"max_article_bytes: expected a positive whole number, got {max_bytes!r}")
    jobs = options.get("jobs", 1)
    if jobs is None:
        jobs = os.cpu_count() or 1
    if not isinstance(jobs, int) or isinstance(jobs, bool) or jobs < 1:
        raise ConfigError(f"jobs: expected a whole number ≥ 1, got {jobs!r}")
    cache = options.get("cache")
    if cache is not None and (not isinstance(cache, str | os.PathLike) or not str(cache)):
        raise ConfigError(f"cache: expected a folder path, got {cache!r}")

    corrections = options.get("corrections")
    if corrections is None:
        default = base / DEFAULT_CORRECTIONS
        corrections_path = default if default.is_file() else None
    elif not isinstance(corrections, str | os.PathLike) or not str(corrections):
        raise ConfigError(f"corrections: expected a file path, got {corrections!r}")
    else:
        corrections_path = Path(corrections) if Path(corrections).is_absolute() else base / Path(corrections)
        if not corrections_path.is_file():
            raise ConfigError(f"corrections: {corrections_path} does not exist")

    publish = options.get("publish", "sure")
    if publish not in PUBLISH_CHOICES:
        raise ConfigError(f"publish: expected one of {', '.join(PUBLISH_CHOICES)}, got {publish!r}")

    seeds = path("seeds", "seeds")
    docs = path("docs", "site_src")
    if seeds.resolve() == docs.resolve():
        raise ConfigError("seeds and docs must be different folders")
    return Config(
        seeds_dir=seeds,
        docs_dir=docs,
        title=title.strip(),
        language=_language(options.get("language", "de"), "language"),
        published=published,
        force_language=None if force is None else _language(force, "force_language"),
        max_article_bytes=max_bytes,
        jobs=jobs,
        cache_dir=None if cache is None else (Path(cache) if Path(cache).is_absolute() else base / Path(cache)),
        corrections=corrections_path,
        publish=publish,
    )
