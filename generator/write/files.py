"""Write the rendered files into the docs folder, owning only what the generator wrote.

A manifest (``.dossier-manifest.json``; MkDocs skips dot files) lists every file the generator
wrote. A file that is not in it belongs to someone else: it is never overwritten or deleted. A file
in it that the generator no longer produces (an article removed from ``seeds/``) is removed.
Files are replaced atomically and only when their content changes, so ``mkdocs serve`` does not
loop on its own output.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from generator.atomic import atomic_write
from generator.model import Issue, Severity

log = logging.getLogger(__name__)

MANIFEST = ".dossier-manifest.json"


@dataclass(frozen=True)
class WriteReport:
    written: tuple[str, ...]
    unchanged: tuple[str, ...]
    removed: tuple[str, ...]
    issues: tuple[Issue, ...]


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read_manifest(docs_dir: Path) -> dict[str, str]:
    path = docs_dir / MANIFEST
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        files = data["files"]
        if isinstance(files, dict) and all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
            return dict(files)
    except FileNotFoundError:
        return {}
    except (OSError, ValueError, KeyError, TypeError):
        pass
    log.warning("%s is unreadable; treating every existing file as someone else's", path)
    return {}


def _safe_relpath(rel: str) -> PurePosixPath:
    p = PurePosixPath(rel)
    if p.is_absolute() or ".." in p.parts or not p.parts:
        raise ValueError(f"refusing to write outside the docs folder: {rel!r}")
    return p


def write_site(docs_dir: Path, files: Mapping[str, bytes]) -> WriteReport:
    old = read_manifest(docs_dir)
    written, unchanged, removed, issues = [], [], [], []
    owned: dict[str, str] = {}
    for rel, data in sorted(files.items()):
        target = docs_dir / _safe_relpath(rel)
        if target.exists() and rel not in old:
            issues.append(
                Issue(
                    str(target),
                    Severity.ERROR,
                    "exists and was not written by the generator; left alone (move it to generate this page)",
                )
            )
            continue
        digest = _digest(data)
        if target.is_file() and target.read_bytes() == data:
            unchanged.append(rel)
        else:
            atomic_write(target, data)
            written.append(rel)
        owned[rel] = digest
    for rel in sorted(set(old) - set(files)):
        target = docs_dir / _safe_relpath(rel)
        if target.is_file():
            target.unlink()
            removed.append(rel)
            _prune_empty_dirs(docs_dir, target.parent)
    manifest = json.dumps({"generator": "dossier", "files": owned}, indent=1, sort_keys=True) + "\n"
    mpath = docs_dir / MANIFEST
    if not mpath.is_file() or mpath.read_text(encoding="utf-8") != manifest:
        atomic_write(mpath, manifest.encode("utf-8"))
    return WriteReport(tuple(written), tuple(unchanged), tuple(removed), tuple(issues))


def _prune_empty_dirs(root: Path, directory: Path) -> None:
    root = root.resolve()
    d = directory.resolve()
    while d != root and root in d.parents:
        try:
            d.rmdir()
        except OSError:
            return
        d = d.parent
