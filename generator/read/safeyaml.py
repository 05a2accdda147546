"""YAML from untrusted files (front matter, corrections.yaml): data only, bounded, with lines.

PyYAML's SafeLoader builds no objects, but it expands aliases: nine lines of anchors and aliases
("billion laughs") become billions of values once anything formats or copies them. This loader
refuses anchors and aliases while composing, before any value is built. Dates stay text (the
readers check them, naming the line), and a value that cannot be built (a number of thousands of
digits) is an error at its line, never a traceback.
"""

from __future__ import annotations

import re
from typing import Any

import yaml
from yaml.composer import ComposerError
from yaml.constructor import ConstructorError

_TIMESTAMP = "tag:yaml.org,2002:timestamp"
_SURROGATE = re.compile("[\ud800-\udfff]")


class UntrustedLoader(yaml.SafeLoader):
    """SafeLoader without anchors, aliases or implicit dates."""

    yaml_implicit_resolvers = {  # noqa: RUF012 - PyYAML's own class attribute, copied
        first: [(tag, rx) for tag, rx in resolvers if tag != _TIMESTAMP]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event: Any = self.peek_event()  # type: ignore[no-untyped-call]
        mark: Any = event.start_mark
        if isinstance(event, yaml.AliasEvent):
            raise ComposerError(None, None, f"an alias (*{event.anchor}) is not allowed: write the value out", mark)
        if getattr(event, "anchor", None):
            raise ComposerError(None, None, f"an anchor (&{event.anchor}) is not allowed: write the value out", mark)
        return super().compose_node(parent, index)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        try:
            value = super().construct_object(node, deep)
            # an escape such as "\\ud800" makes a lone surrogate, which no file or library can take
            return _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value
        except (ValueError, OverflowError) as exc:
            if isinstance(exc, yaml.YAMLError):
                raise
            mark: Any = node.start_mark
            raise ConstructorError(None, None, f"a value that cannot be read ({exc})", mark) from None


def load(text: str) -> tuple[Any, yaml.Node | None]:
    """The data in ``text`` and its node tree (for lines); raises ``yaml.YAMLError`` with a mark."""
    loader = UntrustedLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()
    return data, node


def line_of_key(node: yaml.Node | None, key: str) -> int | None:
    """The line (0-based) of ``key``'s value in a mapping node, if it is there."""
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            if getattr(k, "value", None) == key:
                return int(v.start_mark.line)
    return None
