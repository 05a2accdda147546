"""Labels and titles cut to a length at a word, for every stage that shows a short form of a text."""

from __future__ import annotations


def cut_at_word(text: str, limit: int) -> str:
    """``text`` when it has at most ``limit`` characters, else cut at the last word that fits, with
    " …" (a word longer than ``limit`` is cut inside)."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(" ,;:-–") + " …"
