"""Punctuation the analysers share: the marks that end a clause inside a sentence."""

from __future__ import annotations

CLAUSE_BREAKS = frozenset({",", ";", ":", "–", "—"})  # a comma, semicolon, colon or dash
