"""Where a build's time goes, stage by stage (wall seconds), for a project folder.

    python bench/stages.py PROJECT [--jobs N] [--no-cache]

PROJECT holds ``seeds/`` (and, for a warm run, ``.dossier-cache/``). Run it after a cache-filling
build and one changed article to see the incremental rebuild: reading (cache hits load here, misses
are analysed), dating, merging, rendering and writing ``site_src/``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

T0 = time.perf_counter()
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.config import load_config  # noqa: E402
from generator.lang import load_language  # noqa: E402
from generator.merge.dossier import merge  # noqa: E402
from generator.pipeline import _read_and_analyse, date_articles  # noqa: E402
from generator.render.site import render  # noqa: E402
from generator.write.export import dossier_json  # noqa: E402
from generator.write.files import write_site  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("project", type=Path)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--no-cache", action="store_true")
    args = ap.parse_args()
    options = {"seeds": "seeds", "docs": "site_src", "jobs": args.jobs}
    options["cache"] = None if args.no_cache else ".dossier-cache"
    config = load_config(options, args.project.resolve())
    times = {"start and imports": time.perf_counter() - T0}

    def lap(name: str, start: float) -> float:
        now = time.perf_counter()
        times[name] = now - start
        return now

    t = time.perf_counter()
    results, analyser = _read_and_analyse(config, None)
    t = lap("read and analyse (cache hits loaded)", t)
    articles = [r.article for r in results if r.article is not None]
    facts = [r.facts for r in results if r.facts is not None]
    articles, facts = date_articles(articles, facts, analyser, load_language(config.language))
    t = lap("date", t)
    capabilities = frozenset().union(*(f.capabilities for f in facts))
    dossier = merge(config.title, config.language, tuple(articles), tuple(facts), (), capabilities)
    t = lap("merge", t)
    site = render(dossier, load_language(config.language), dossier_json, config.jobs)
    t = lap("render", t)
    write_site(config.docs_dir, site.files)
    lap("write", t)
    for name, seconds in times.items():
        print(f"{name:40s} {seconds:6.2f} s")
    print(f"{'total':40s} {sum(times.values()):6.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
