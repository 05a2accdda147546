"""YAML front matter: split off the top of a text and checked field by field (an article's metadata
is data, never markup)."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

import yaml

from generator.read import safeyaml
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
        data, node = safeyaml.load(text[4 : m.start()])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        hint = _HINT if "mapping values" in problem or "could not find expected ':'" in problem else ""
        raise ReadError(f"malformed front matter{where}: {problem}{hint}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ReadError("malformed front matter (line 2): expected 'key: value' lines")
    lines = {str(k): n + 2 for k in data if (n := safeyaml.line_of_key(node, str(k))) is not None}
    data = {**data, _LINES: lines}
    body_start = m.end() + 1 if m.end() < len(text) else m.end()
    return data, text[body_start:], body_start


_HINT = ' (a value with a colon in it goes in quotes: title: "Berlin: the day after")'
_LINES = "\x00lines"  # where each key stands in the file (1-based), beside the keys themselves
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _where(data: dict[str, Any], key: str) -> str:
    line = data.get(_LINES, {}).get(key)
    return f" (line {line})" if line else ""


def _short(value: Any) -> str:
    text = repr(value) if isinstance(value, str | int | float | dt.date) else type(value).__name__
    return text if len(text) <= 80 else text[:77] + "…"


def _date(value: Any, data: dict[str, Any]) -> dt.date:
    """A publication date: YYYY-MM-DD (with a time of day after it, which is left out), a real date."""
    where = _where(data, "published")
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip() if isinstance(value, str | int) and not isinstance(value, bool) else None
    m = _ISO_DATE.match(text or "")
    rest = text[10:] if text is not None else ""
    if m is None or not re.fullmatch(r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?", rest):
        raise ReadError(f"front matter{where}: published {_short(value)} is not a date YYYY-MM-DD")
    try:
        return dt.date.fromisoformat(m.group())
    except ValueError as exc:
        raise ReadError(f"front matter{where}: published {_short(value)} is not a real date ({exc})") from None


def front_matter_fields(data: dict[str, Any], issues: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in sorted(set(map(str, data)) - {*FRONT_MATTER_KEYS, _LINES}):
        issues.append(f"front matter{_where(data, key)}: unknown key {key[:80]!r} ignored")
    for key in ("title", "source", "url"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise ReadError(f"front matter{_where(data, key)}: {key} must be text")
        if str(value).strip():
            out[key] = " ".join(str(value).split())
    published = data.get("published")
    if published is not None:
        out["published"] = _date(published, data)
    language = data.get("language")
    if language is not None:
        code = str(language).strip().lower()[:2] if isinstance(language, str) else ""
        if not re.fullmatch(r"[a-z]{2}", code):
            shown = repr(language) if isinstance(language, str | int | float) else type(language).__name__
            raise ReadError(f"front matter{_where(data, 'language')}: language {shown[:80]} is not an ISO 639-1 code")
        out["language"] = code
    return out
