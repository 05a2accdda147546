"""Score the verifier on a judged sample: published precision, coverage and calibration per area.

    python bench/verifier_check.py bench/audit/fresh1-h0.yaml:/tmp/fresh1/h0/site_src/dossier.json [...]

Each argument pairs a verdict file with the dossier.json of the build that was judged (its items carry
``confidence`` and ``published``). Items are matched to verdicts as ``audit.py rescore`` matches them.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import yaml

from generator.training.verifier import AREAS, SHARED, _audit_tool, _scores, _status


def main(pairs: list[str]) -> None:
    audit = _audit_tool(SHARED)
    conf: dict[str, list[float]] = {a: [] for a in AREAS}
    label: dict[str, list[int]] = {a: [] for a in AREAS}
    shown: dict[str, list[bool]] = {a: [] for a in AREAS}
    for pair in pairs:
        verdicts, dossier = pair.split(":", 1)
        y = yaml.safe_load(Path(verdicts).read_text(encoding="utf-8"))
        for area in AREAS:
            y[area] = [x for x in y[area] if x.get("verdict") not in (None, "?")]
        d = json.loads(Path(dossier).read_text(encoding="utf-8"))
        judged, found = audit.load_audit(y), audit.load_new(d)
        raw = {"actors": d["actors"], "timeline": d["timeline"], "quotes": d["quotes"], "figures": d["figures"]}
        for area in AREAS:
            for item, lab in zip(raw[area], _status(audit.SPECS[area], judged[area], found[area]), strict=True):
                if lab is None:
                    continue
                conf[area].append(float(item.get("confidence", 1.0)))
                label[area].append(lab)
                shown[area].append(bool(item.get("published", True)))
    for area in AREAS:
        c, lab = np.array(conf[area]), np.array(label[area])
        s = _scores(c, lab, 0.0)
        pub = np.array(shown[area])
        right = int(lab.sum())
        s.update(
            published=int(pub.sum()),
            published_right=int(lab[pub].sum()),
            precision_published=round(float(lab[pub].mean()), 3) if pub.any() else 0.0,
            coverage=round(float(lab[pub].sum() / right), 3) if right else 0.0,
        )
        print(area, json.dumps(s))


if __name__ == "__main__":
    main(sys.argv[1:])
