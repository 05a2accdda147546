"""YAML front matter: split off the top of a text and checked field by field (an article's metadata
is data, never markup)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from generator.read.decoding import ReadError

FRONT_MATTER_KEYS = ("title", "source", "url", "published", "language")


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str, int]:
    """Returns (front matter or None, body, offset of the body in ``text``)."""
    if not text.startswith("---\n"):
        return None, text, 0
    m = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE).search(text, 4)
    if m is None:
        return None, text, 0  # a rule at the top of a text, not front matter
    try:
        data = yaml.safe_load(text[4 : m.start()])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ReadError(f"malformed front matter{where}: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ReadError("malformed front matter: expected 'key: value' lines")
    body_start = m.end() + 1 if m.end() < len(text) else m.end()
    return data, text[body_start:], body_start


def front_matter_fields(data: dict[str, Any], issues: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in sorted(set(map(str, data)) - set(FRONT_MATTER_KEYS)):
        issues.append(f"front matter: unknown key {key!r} ignored")
    for key in ("title", "source", "url"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise ReadError(f"front matter: {key} must be text")
        if str(value).strip():
            out[key] = " ".join(str(value).split())
    published = data.get("published")
    if published is not None:
        if isinstance(published, dt.datetime):
            published = published.date()
        elif isinstance(published, str):
            try:
                published = dt.date.fromisoformat(published.strip()[:10])
            except ValueError:
                raise ReadError(f"front matter: published {published!r} is not a date YYYY-MM-DD") from None
        if not isinstance(published, dt.date):
            raise ReadError(f"front matter: published {published!r} is not a date YYYY-MM-DD")
        out["published"] = published
    language = data.get("language")
    if language is not None:
        code = str(language).strip().lower()[:2]
        if not re.fullmatch(r"[a-z]{2}", code):
            raise ReadError(f"front matter: language {language!r} is not an ISO 639-1 code")
        out["language"] = code
    return out
