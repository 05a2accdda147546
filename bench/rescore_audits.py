"""Every verdict file in bench/audit/ against the current code, item by item: each file's articles are
rebuilt from SpkAtt's tokens (as the verifier's training does), run through the pipeline, and scored by
``../shared/tools/audit.py rescore``; then the counts are summed per group of files.

    python bench/rescore_audits.py [--raw OUT.txt]

Per area: judged-ok items kept, now wrong, changed or lost; judged errors still there, fixed, other.
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

from generator.training.verifier import ROOT, SHARED, _audit_tool, _build
from generator.write.export import dossier_data

GROUPS = {
    "older audits (*-eval20*)": lambda n: "eval20" in n,
    "labelled set (verifier-g*, trained on)": lambda n: n.startswith("verifier-g"),
    "fresh1 (reported, then developed on)": lambda n: n.startswith("fresh1"),
    "fresh2 (first look at 7890b94)": lambda n: n.startswith("fresh2"),
}
OK = re.compile(r"\s+audited ok (\d+): kept (\d+), now wrong (\d+), changed (\d+), lost (\d+)")
ERR = re.compile(r"\s+audited errors (\d+): same (\d+), other error (\d+), fixed (\d+), changed (\d+), gone (\d+)")


def rescore(verdicts: Path, audit: object) -> str:
    y = yaml.safe_load(verdicts.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as tmp:
        dossier = _build(y.get("files") or [], SHARED, audit, Path(tmp))  # type: ignore[arg-type]
        out = Path(tmp) / "dossier.json"
        out.write_text(json.dumps(dossier_data(dossier), ensure_ascii=False), encoding="utf-8")
        tool = [sys.executable, str(SHARED / "tools" / "audit.py"), "rescore", str(verdicts), str(out)]
        return subprocess.run(tool, capture_output=True, text=True, check=False).stdout


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--raw", type=Path, help="also write every file's full rescore here")
    args = ap.parse_args()
    audit = _audit_tool(SHARED)
    reports = {v.name: rescore(v, audit) for v in sorted((ROOT / "bench" / "audit").glob("*.yaml"))}
    if args.raw:
        args.raw.write_text("".join(f"===== {n}\n{r}" for n, r in reports.items()), encoding="utf-8")
    for group, member in GROUPS.items():
        totals: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
        for name, report in reports.items():
            if not member(name):
                continue
            area = ""
            for line in report.splitlines():
                if m := re.match(r"(actors|timeline|quotes|figures): ", line):
                    area = m.group(1)
                elif m := OK.match(line):
                    keys = ("ok", "kept", "now wrong", "changed", "lost")
                    totals[area].update(dict(zip(keys, map(int, m.groups()), strict=True)))
                elif m := ERR.match(line):
                    keys = ("errors", "same", "other", "fixed", "err changed", "gone")
                    totals[area].update(dict(zip(keys, map(int, m.groups()), strict=True)))
        print(f"## {group}")
        for area, c in totals.items():
            if c["ok"] + c["errors"]:
                print(
                    f"  {area}: judged ok {c['ok']}: kept {c['kept']}, now wrong {c['now wrong']}, changed "
                    f"{c['changed']}, lost {c['lost']} | judged errors {c['errors']}: same {c['same']}, fixed "
                    f"{c['fixed']}, other error {c['other']}, changed {c['err changed']}, gone {c['gone']}"
                )


if __name__ == "__main__":
    main()
