"""The German NER model is built by ``python -m generator.training.ner de`` (``--check``: rebuild and
compare the bytes; ``--score``: the held-out scores). This wrapper runs it."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.training.ner import main

if __name__ == "__main__":
    sys.exit(main(["de", *sys.argv[1:]]))
