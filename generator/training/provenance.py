"""What a model card records about where a model came from: file checksums and the commit."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def commit_of(root: Path) -> str:
    """The short commit ``root`` is checked out at, ``unknown`` outside a git checkout."""
    try:
        out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=root, capture_output=True, text=True)
    except OSError:
        return "unknown"
    return out.stdout.strip() or "unknown"
