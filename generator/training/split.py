"""The fixed split of the reader-judged articles into fit, calibrate and test parts, by article."""

from __future__ import annotations

import hashlib

PARTS = ("fit", "calibrate", "test")


def part(article_file: str) -> str:
    """``fit`` (6 in 10), ``calibrate`` (2 in 10) or ``test`` (2 in 10), by the file name's sha256."""
    bucket = hashlib.sha256(("verifier-part:" + article_file).encode("utf-8")).digest()[0] % 10
    return "fit" if bucket < 6 else "calibrate" if bucket < 8 else "test"
