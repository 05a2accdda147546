"""Cost of odd and large input (issue 32): an invented 200 KB article of each shape (a list, a run-on
sentence, prose, numbers, a run of quotation marks) analysed alone, and the peak memory of a build of
many small invented articles.

    python -m bench.hostile                      # the 200 KB shapes (target: each under 5 s)
    python -m bench.hostile --many 5000          # plus a build of 5,000 small articles (target: < 2 GB peak)

Every text is generated here from general words; no article of any data set is read.
"""

from __future__ import annotations

import argparse
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from generator.analyse.analyser import Analyser
from generator.config import load_config
from generator.read.reader import Reader

SIZE = 200_000
WORDS = [
    "der",
    "die",
    "das",
    "Stadt",
    "Rat",
    "Ministerin",
    "sagte",
    "am",
    "Montag",
    "neue",
    "Haushalt",
    "Schulen",
    "Geld",
    "Menschen",
    "Polizei",
    "Brücke",
    "Hafen",
    "wurde",
    "hat",
    "nach",
    "vor",
    "drei",
    "Jahren",
    "Prozent",
    "Millionen",
    "Euro",
    "Bericht",
    "Regierung",
    "Straße",
    "Bürger",
]


def shapes(rng: random.Random) -> dict[str, str]:
    def words(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n))

    prose = []
    while sum(map(len, prose)) < SIZE:
        prose.append(f"{words(rng.randint(8, 20)).capitalize()}.")
    listing = "\n".join(f"- {words(3)}, {rng.randint(1, 999)} {rng.choice(WORDS)}" for _ in range(SIZE // 30))
    run_on = ", ".join(words(4) for _ in range(SIZE // 30)) + "."
    numbers = " ".join(f"{rng.randint(1, 10**6):,}".replace(",", ".") + " Euro" for _ in range(SIZE // 12)) + "."
    quotes = "Die Ministerin sagte: " + "„" * (SIZE // 2) + " Ende."
    return {
        "prose": "Hamburg (epd) - " + " ".join(prose),
        "list": listing,
        "run-on": run_on,
        "numbers": numbers,
        "quotes": quotes,
    }


def time_shapes() -> None:
    config = load_config({"seeds": ".", "docs": ".unused", "force_language": "de"}, Path.cwd())
    reader, analyser = Reader(config), Analyser()
    warm = reader.read_bytes(b"Der Rat hat am Montag beschlossen. Die Stadt zahlt.", "w.txt", "w", False, [])
    analyser.analyse(warm)
    for name, text in shapes(random.Random(7)).items():
        start = time.perf_counter()
        article = reader.read_bytes(text.encode("utf-8"), f"{name}.txt", name, False, [])
        analyser.analyse(article)
        took = time.perf_counter() - start
        print(f"{name:8} {len(text.encode()) / 1000:6.0f} KB  {took:6.2f} s  {'ok' if took < 5 else 'SLOW'}")


def peak_of_many(count: int) -> None:
    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        seeds = root / "seeds"
        seeds.mkdir()
        for i in range(count):
            body = " ".join(f"{' '.join(rng.choice(WORDS) for _ in range(12)).capitalize()}." for _ in range(6))
            (seeds / f"a{i:05d}.txt").write_text(f"Hamburg (epd) - {body}\n", encoding="utf-8")
        start = time.perf_counter()
        cmd = [sys.executable, "-m", "generator", "generate", "-q", "--seeds", str(seeds), "--docs", str(root / "out")]
        subprocess.run(cmd, cwd=root, check=False)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 2**20
        print(f"{count} small articles: {time.perf_counter() - start:.0f} s, peak {peak:.2f} GB (largest process)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--many", type=int, default=0, help="also build this many small articles")
    args = parser.parse_args()
    time_shapes()
    if args.many:
        peak_of_many(args.many)


if __name__ == "__main__":
    main()
