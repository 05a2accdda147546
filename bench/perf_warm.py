"""Analysis time with the tools cached and no analysis cache: the cost per word without the fixed cost of
building the lexicon, the unit-forms table and the NER model in every worker (which a cold `perf.py` run
pays, and a normal build keeps in `.dossier-cache/tools`).

    PYTHONPATH=CHECKOUT python bench/perf_warm.py [--size 300] [--runs 2]

The corpus is bench/corpus.py's (SpkAtt Wikinews texts, detokenised), written to a temporary folder.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import write_corpus  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.pipeline import gather  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--size", type=int, default=300)
    ap.add_argument("--runs", type=int, default=2)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    work = Path(tempfile.mkdtemp())
    write_corpus(work / "seeds", args.size)
    cache = work / "cache"
    options = {"seeds": str(work / "seeds"), "docs": str(work / "site_src"), "jobs": args.jobs, "cache": str(cache)}
    config = load_config(options, work)
    gather(config)  # builds the tools into the cache
    times = []
    for _ in range(args.runs):
        for entry in cache.iterdir():  # every analysis entry goes; the tools stay
            if entry.name != "tools":
                shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
        start = time.perf_counter()
        gather(config)
        times.append(round(time.perf_counter() - start, 1))
    print(f"{args.size} articles, tools cached, no analysis cache: {times} s")
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
