"""Pick the SpkAtt-2023 articles the verifier is judged and fitted on, and link them into a folder.

    python bench/verifier_sample.py labels /tmp/vf/src    # the labelled set (fit / calibrate / test by hash)
    python bench/verifier_sample.py fresh1 /tmp/fresh1/src  # a fresh sample, judged only after freezing

Every article named in an earlier audit (bench/audit/*.yaml) is left out, then each remaining file is
placed by the sha256 of its name with the salt ``verifier``: 0-5 of 16 the labelled set (235 of
620), 6 a fresh sample ``fresh1`` (about 39: the first 30 taken), 7 ``fresh2``, the rest unused. The
part of a labelled article (fit, calibrate, test) is :func:`generator.training.split.part`.
Then ``python3 ../shared/tools/audit.py articles SRC SEEDS --every 1`` writes the texts.
"""

from __future__ import annotations

import hashlib
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "spkatt2023-train"
AUDITS = Path(__file__).resolve().parent / "audit"
SETS = {"labels": range(0, 6), "fresh1": range(6, 7), "fresh2": range(7, 8)}
LIMIT = {"labels": 235, "fresh1": 30, "fresh2": 30}  # labels: the first 160 judged as g0-g7, the rest as g8-g10


def bucket(name: str) -> int:
    return hashlib.sha256(("verifier:" + name).encode("utf-8")).digest()[0] % 16


def audited() -> set[str]:
    ids: set[str] = set()
    for f in AUDITS.glob("*.yaml"):
        if f.name.startswith("verifier-"):
            continue
        ids.update(re.findall(r"spkatt-(\d+)\.txt", f.read_text(encoding="utf-8")))
    return ids


def pick(which: str) -> list[Path]:
    seen = audited()
    files = [f for f in sorted(DATA.glob("*.json")) if f.name.split(" ", 1)[0] not in seen]
    return [f for f in files if bucket(f.name) in SETS[which]][: LIMIT[which]]


def main() -> None:
    which, out = sys.argv[1], Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    chosen = pick(which)
    for f in chosen:
        link = out / f.name
        if not link.exists():
            link.symlink_to(f)
    print(f"{len(chosen)} articles of set {which} linked into {out}")


if __name__ == "__main__":
    main()
