"""The English NER model is built by ``python -m generator.training.ner en`` (``--check``: rebuild and
compare the bytes; ``--score``: the held-out scores). This wrapper runs it.

Why a CRF and not spaCy's en_core_web_sm 3.8.0: on the same odd halves spaCy scored strict F1 0.568
(UNER) and 0.546 (wikigold); see bench/english_ner.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.training.ner import main

if __name__ == "__main__":
    sys.exit(main(["en", *sys.argv[1:]]))
