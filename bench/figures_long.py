"""The figures' cost on one long sentence (issue 32): a list without a final full stop is one
sentence, and the work per number must not grow with the sentence.

    python bench/figures_long.py [LINES ...]

Builds an invented list of LINES lines ("12 Häuser in Nordstadt beschädigt", no full stops), reads it
as one article, tags it once and times the figure extractor alone (the tagging is not timed). Linear
cost: the seconds per 1,000 lines stay about the same as the list grows.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from generator.analyse.figures import FigureExtractor  # noqa: E402
from generator.analyse.postag import PosTagger  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.lang import load_language  # noqa: E402
from generator.read.reader import Reader  # noqa: E402

PLACES = ("Nordstadt", "Südhafen", "Altdorf", "Westend")


def text(lines: int) -> str:
    rows = [
        f"- {n % 90 + 10} Häuser in {PLACES[n % 4]} beschädigt, {n % 7 + 2} Menschen verletzt" for n in range(lines)
    ]
    return "Liste der Schäden\n\n" + "\n".join(rows) + "\n"


def main() -> int:
    sizes = [int(a) for a in sys.argv[1:]] or [1600, 3200, 6400]
    lang = load_language("de")
    extractor, pos = FigureExtractor(lang), PosTagger(lang)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        reader = Reader(load_config({"seeds": str(root), "docs": str(root / "o"), "force_language": "de"}, root))
        for lines in sizes:
            article = reader.parse(text(lines), "a.txt", "a", markdown=False, warnings=[])
            tags = [pos.tag([t.text for t in tokens]) for tokens in article.tokens]
            longest = max(len(t) for t in article.tokens)
            t0 = time.perf_counter()
            found = extractor.extract(article, tags)
            seconds = time.perf_counter() - t0
            print(
                f"{lines:6d} lines  longest sentence {longest:6d} tokens  {len(found):6d} figures  "
                f"{seconds:7.2f} s  {1000 * seconds / lines:6.3f} s per 1,000 lines"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
