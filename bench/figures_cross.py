"""Figures merged across unrelated articles (issue 29): a dossier of 30 unrelated Wikinews articles
(SpkAtt-2023 training data, read from ../shared/data; never the reserved ones listed in
/work/fresh2-ids.txt) should merge no figure across articles and build no development, unless it
is one quantity.

    python bench/figures_cross.py [--fold eval|train] [--count 30] [--offset K] [--show]

The articles: of the fold's files (the evaluation fold by default: measured only, never tuned on),
sorted by date, 30 spread evenly over the years (every k-th), so that no two report the same story.
Each becomes a seed (its sentences one to a line, the date from the file name). Prints the figures
whose mentions come from more than one article, the cross-article conflicts and the developments,
with the story-anchor rule and without it (``--show`` lists them).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import generator.merge.dossier as dossier_module  # noqa: E402
from bench.spkatt import DATA, fold  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.lang import load_language  # noqa: E402
from generator.merge.dossier import merge  # noqa: E402
from generator.model import Dossier  # noqa: E402
from generator.pipeline import _read_and_analyse, date_articles  # noqa: E402

RESERVED = Path("/work/fresh2-ids.txt")
_DATE = re.compile(r"\((\d{4}-\d{2}-\d{2})\)\.json$")


def pick(which: str, count: int, offset: int = 0) -> list[Path]:
    reserved = set(RESERVED.read_text(encoding="utf-8").splitlines()) if RESERVED.exists() else set()
    files = [
        f for f in DATA.glob("*.json") if f.name not in reserved and fold(f.name) == which and _DATE.search(f.name)
    ]
    files.sort(key=lambda f: (_DATE.search(f.name).group(1), f.name))  # type: ignore[union-attr]
    step = max(len(files) // count, 1)
    return files[offset % step :: step][:count]


def seed(path: Path) -> str:
    doc = json.loads(path.read_text(encoding="utf-8"))
    date = _DATE.search(path.name).group(1)  # type: ignore[union-attr]
    lines = [" ".join(s["Tokens"]) for s in doc["Sentences"]]
    return f"---\npublished: {date}\nlanguage: de\n---\n" + "\n\n".join(lines) + "\n"


def build(root: Path, anchored: bool) -> Dossier:
    config = load_config({"seeds": "seeds", "docs": "site_src", "jobs": 1, "cache": ".cache"}, root)
    results, analyser = _read_and_analyse(config, None)
    articles = [r.article for r in results if r.article is not None]
    facts = [r.facts for r in results if r.facts is not None]
    articles, facts = date_articles(articles, facts, analyser, load_language("de"))
    plain = dossier_module.merge_figure_mentions

    def unanchored(*args: Any, **kwargs: Any) -> Any:
        return plain(*args[:4])  # the same merge without the story anchors

    if not anchored:
        dossier_module.merge_figure_mentions = unanchored  # type: ignore[assignment]
    try:
        return merge("bench", "de", tuple(articles), tuple(facts))
    finally:
        dossier_module.merge_figure_mentions = plain


def report(d: Dossier, label: str, show: bool) -> None:
    cross = [f for f in d.figures if len({m.article for m in f.mentions}) > 1]
    by_id = {f.id: f for f in d.figures}
    art = {f.id: {m.article for m in f.mentions} for f in d.figures}
    conflicts = {tuple(sorted((f.id, c))) for f in d.figures for c in f.conflicts if art[f.id] != art[c]}
    print(
        f"{label:18s} figures {len(d.figures):4d}  merged across articles {len(cross):3d}  "
        f"cross-article conflicts {len(conflicts):3d}  developments {len(d.developments):3d}"
    )
    if show:
        for f in cross:
            print("   merged:", [(m.article, m.text[:70]) for m in f.mentions])
        for a, b in sorted(conflicts):
            print("   conflict:", by_id[a].text, "|", by_id[b].text)
        for dev in d.developments:
            print("   development:", dev.measure, dev.counted, [(p.value, p.articles) for p in dev.points])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fold", default="eval", choices=("eval", "train"))
    ap.add_argument("--count", type=int, default=30)
    ap.add_argument("--offset", type=int, default=0, help="another sample: start at the k-th file of each step")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        (root / "seeds").mkdir()
        for n, path in enumerate(pick(args.fold, args.count, args.offset)):
            (root / "seeds" / f"a{n:02d}.txt").write_text(seed(path), encoding="utf-8")
        report(build(root, anchored=False), "value/unit/context", args.show)
        report(build(root, anchored=True), "story anchors", args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
