"""An editor's corrections (``corrections.yaml``): read and validated once, against the JSON schema
shipped in the package, into typed corrections that the merge applies (generator.merge.corrections).

The file is untrusted input like an article: any problem (encoding, size, YAML, schema) stops with a
message naming the file, the line and the reason; its texts are shown as text, never markup.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from generator.read import safeyaml

MAX_BYTES = 1024 * 1024
SECTIONS = ("actors", "quotes", "timeline", "figures")


class CorrectionsError(ValueError):
    """The corrections file is unusable; the message names the file, the line and the problem."""


@dataclass(frozen=True)
class Where:
    """An item as a reader sees it: the sentence it comes from and a few words of its text."""

    article: str
    sentence: int
    text: str
    expression: str | None = None  # an event's time expression as written, where a sentence dates two

    def __str__(self) -> str:
        return f"{self.article}#s{self.sentence} “{self.text}”"


@dataclass(frozen=True)
class Correction:
    line: int  # of the item in the file, 1-based
    section: str  # actors | quotes | timeline | figures
    name: str | None = None  # an actor, by any of its names
    where: Where | None = None  # a quote, event or figure
    changes: tuple[tuple[str, Any], ...] = ()  # ("kind", "person"), ("drop", True), ("speaker", None) …
    together: tuple[str | Where, ...] = ()  # actors to merge, events to merge, figures that are the same
    note: str | None = None

    def change(self, key: str, default: Any = None) -> Any:
        return dict(self.changes).get(key, default)

    def has(self, key: str) -> bool:
        return any(k == key for k, _ in self.changes)


@dataclass(frozen=True)
class Corrections:
    path: Path | None
    items: tuple[Correction, ...] = ()

    def label(self, c: Correction) -> str:
        return f"{self.path.name if self.path else 'corrections'}:{c.line}"


def _where(value: dict[str, Any]) -> Where:
    article, _, sentence = str(value["at"]).partition("#s")
    expression = value.get("expression")
    return Where(article, int(sentence), str(value["text"]), None if expression is None else str(expression))


def _line_of(node: yaml.Node | None, path: list[str | int]) -> int:
    """The line (1-based) of the YAML node at ``path`` (keys and list indices), or of its nearest parent."""
    line = node.start_mark.line + 1 if node is not None else 1
    for step in path:
        if isinstance(node, yaml.MappingNode) and isinstance(step, str):
            node = next((v for k, v in node.value if getattr(k, "value", None) == step), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            break
        if node is None:
            break
        line = node.start_mark.line + 1
    return line


def load_corrections(path: Path | None) -> Corrections:
    """The corrections in ``path``; none when the path is None or the file does not exist."""
    if path is None or not path.is_file():
        return Corrections(path)
    name = path.name
    raw = path.read_bytes()
    if len(raw) > MAX_BYTES:
        raise CorrectionsError(f"{name}: {len(raw)} bytes, more than the {MAX_BYTES} a corrections file may have")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CorrectionsError(f"{name}: not UTF-8 text (byte {exc.start})") from None
    try:
        data, root = safeyaml.load(text)  # no anchors or aliases; dates stay text
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc)
        raise CorrectionsError(f"{name}{where}: not valid YAML: {problem}") from None
    schema = json.loads((resources.files("generator") / "corrections.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(data), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    if errors:
        first = errors[0]
        deepest = min(first.context or [first], key=lambda e: -len(e.absolute_path))
        at: list[str | int] = list(deepest.absolute_path)
        unknown = _unknown_keys(deepest)
        line = _line_of(root, [*at, unknown[0]] if unknown else at)
        raise CorrectionsError(f"{name}:{line}: {_message(deepest)}")
    items: list[Correction] = []
    for section in SECTIONS:
        for index, item in enumerate((data or {}).get(section) or []):
            line = _line_of(root, [section, index])
            _check_values(name, item, functools.partial(_item_line, root, section, index))
            try:
                items.append(_correction(section, item, line))
            except ValueError as exc:
                raise CorrectionsError(f"{name}:{line}: {exc}") from None
    return Corrections(path, tuple(items))


def _item_line(root: yaml.Node | None, section: str, index: int, key: str) -> int:
    return _line_of(root, [section, index, key])


def _check_values(name: str, item: dict[str, Any], line: Callable[[str], int]) -> None:
    """What the schema cannot say: a date is a real day, a sentence number is of a sane size."""
    date = item.get("date")
    if isinstance(date, str) and len(date) == 10:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise CorrectionsError(f"{name}:{line('date')}: date {date!r} is not a real day") from None
    for key, value in item.items():
        at = value.get("at") if isinstance(value, dict) else value if key == "at" else None
        number = at.partition("#s")[2] if isinstance(at, str) else ""
        if len(number) > 9:
            raise CorrectionsError(f"{name}:{line(key)}: {key}: sentence number {number[:12]}… is too large")


def _unknown_keys(error: jsonschema.ValidationError) -> list[str]:
    """The keys an ``additionalProperties: false`` error is about (its own message does not say which)."""
    if error.validator != "additionalProperties" or not isinstance(error.instance, dict):
        return []
    known = error.schema.get("properties", {}) if isinstance(error.schema, dict) else {}
    return sorted(str(k) for k in error.instance if k not in known)


def _message(error: jsonschema.ValidationError) -> str:
    where = "/".join(str(p) for p in error.absolute_path) or "the file"
    unknown = _unknown_keys(error)
    if unknown:
        known = sorted(error.schema.get("properties", {})) if isinstance(error.schema, dict) else []
        return f"{where}: unknown key {unknown[0]!r} (known here: {', '.join(known)})"
    return f"{where}: {error.message}"


def _correction(section: str, item: dict[str, Any], line: int) -> Correction:
    note = item.get("note")
    group_key = {"actors": "merge", "timeline": "merge", "figures": "same"}.get(section)
    together: tuple[str | Where, ...] = ()
    if group_key and group_key in item:
        together = tuple(str(x) if section == "actors" else _where(x) for x in item[group_key])
    skip = {"name", "at", "text", "note", "expression", group_key}
    changes = tuple(sorted((k, v) for k, v in item.items() if k not in skip))
    return Correction(
        line=line,
        section=section,
        name=str(item["name"]) if "name" in item else None,
        where=_where(item) if "at" in item else None,
        changes=changes,
        together=together,
        note=str(note) if note is not None else None,
    )
