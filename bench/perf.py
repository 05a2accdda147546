"""Performance of `dossier generate` on corpora of 100, 1,000 and 5,000 articles (bench/corpus.py).

    python bench/perf.py [--sizes 100 1000 5000] [--jobs N] [--out bench/RESULTS.md]

For each size: wall time and peak memory of a cold `dossier generate` (no cache; peak resident memory
of the main process and of the largest worker, from getrusage), words per second, and in the same run
the time to only tokenise the same text with SoMaJo (the floor). For the middle size also: the rebuild
after one changed article (with the analysis cache; five times, another article each time, median
and range), output identical with 1 and N processes, and `mkdocs build` of the generated site.
The package's bytecode is compiled first, as a normal install does.
"""

from __future__ import annotations

import argparse
import compileall
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.corpus import write_corpus  # noqa: E402

REBUILDS = 5  # the machine is noisy: rebuilds are timed several times

MKDOCS = """site_name: Benchmark
docs_dir: site_src
use_directory_urls: false
theme:
  name: material
  font: false
plugins:
  - search
  - dossier:
      seeds: seeds
markdown_extensions:
  - attr_list
  - toc
"""


def run(cmd: list[str], cwd: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (MiB) of the largest process the command ran."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t = time.perf_counter()
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) // 1024


def tokenise_floor(seeds: Path) -> tuple[float, int]:
    from generator.read.segment import Segmenter

    seg = Segmenter()
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt"))]
    t = time.perf_counter()
    tokens = 0
    for text in texts:
        pos = 0
        for para in text.split("\n\n"):
            tokens += sum(len(s) for s in seg.sentences(text, pos, pos + len(para), "de"))
            pos += len(para) + 2
    return time.perf_counter() - t, tokens


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args()
    dossier = [sys.executable, "-m", "generator", "generate", "-q"]
    # bytecode cached as after a normal install (an editable install under PYTHONDONTWRITEBYTECODE
    # would otherwise compile the package at every start)
    compileall.compile_dir(ROOT / "generator", quiet=1)
    lines = [
        "# Performance results",
        "",
        f"Command: `python bench/perf.py --sizes {' '.join(map(str, args.sizes))} --jobs {args.jobs}`",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.platform()}",
        "",
        "| articles | words | generate (cold, no cache) | words/s | peak memory | tokenise only | × tokenise |",
        "|---|---|---|---|---|---|---|",
    ]
    extra: list[str] = []
    times: dict[int, float] = {}
    middle = sorted(args.sizes)[len(args.sizes) // 2]
    for size in args.sizes:
        work = Path(tempfile.mkdtemp(prefix=f"dossier-perf-{size}-"))
        words = write_corpus(work / "seeds", size)
        (work / "site_src").mkdir()
        (work / "mkdocs.yml").write_text(MKDOCS, encoding="utf-8")
        floor, _tokens = tokenise_floor(work / "seeds")
        wall, peak = run([*dossier, "--no-cache", "--jobs", str(args.jobs)], work)
        times[size] = wall
        lines.append(
            f"| {size:,} | {words:,} | {wall:.1f} s | {words / wall:,.0f} | {peak:,} MiB | {floor:.1f} s "
            f"| {wall / floor:.1f} |"
        )
        print(lines[-1], flush=True)
        if size == middle:
            # incremental: a cache-filling build, then rebuilds after one article changed (another each time)
            run([*dossier, "--jobs", str(args.jobs)], work)
            rebuilds = []
            for n in range(REBUILDS):
                changed = work / "seeds" / f"a{7 + 10 * n:05d}.txt"
                text = changed.read_text(encoding="utf-8") + f"\nEin neuer Satz kam hinzu ({n}).\n"
                changed.write_text(text, encoding="utf-8")
                rebuilds.append(run([*dossier, "--jobs", str(args.jobs)], work)[0])
            extra.append(
                f"- Rebuild of {size:,} articles after one changed (analysis cache), {REBUILDS} times: "
                f"median {statistics.median(rebuilds):.1f} s (from {min(rebuilds):.1f} to {max(rebuilds):.1f} s)"
            )
            # the same output from one process and from N
            one, many = work / "one", work / "many"
            run([*dossier, "--no-cache", "--jobs", "1", "--docs", str(one)], work)
            run([*dossier, "--no-cache", "--jobs", str(args.jobs), "--docs", str(many)], work)
            same = tree(one) == tree(many)
            extra.append(f"- Output with `--jobs 1` and `--jobs {args.jobs}` byte-identical: {same}")
            # MkDocs build of the generated site (the plugin regenerates from the cache first)
            mk, _ = run([sys.executable, "-m", "mkdocs", "build", "-q"], work)
            extra.append(f"- `mkdocs build` of the {size:,}-article site (generation included): {mk:.1f} s")
            print("\n".join(extra), flush=True)
        shutil.rmtree(work, ignore_errors=True)
    if len(times) > 1 and 1000 in times and 5000 in times:
        extra.append(f"- 5,000 articles cost {times[5000] / times[1000]:.1f}× of 1,000")
    text = "\n".join([*lines, "", *extra, ""])
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
