"""What happened to what a figure counts (its measure: killed, injured, arrested …), read from the
number's clause, and the clause itself.

A measure noun as what is counted says it ("57 Todesopfer"); else the cue nearest the number in its
clause ("36 Menschen kamen ums Leben"), a verb before an adjective or noun ("Von den Verletzten
starben 28 Menschen": killed). A clause that negates or only supposes ("… könnten sterben",
"niemand wurde verletzt") tells no measure. The clause is bounded (``WINDOW`` tokens either side of
the number), so the work per number does not grow with the sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.analyse.punctuation import CLAUSE_BREAKS
from generator.lang import FigureCues

# How far (tokens) a number's clause and its unit may reach on either side: the work per number is
# bounded, so a list without a full stop (one sentence of thousands of tokens) costs linear time.
WINDOW = 40


def clause_start(words: Sequence[str], i: int) -> int:
    """Start of the clause of the token at ``i``: after the last comma, semicolon, colon or dash
    before it (a bracketed aside is part of the clause: "acht Menschen (sieben Patienten …) kamen
    ums Leben"), at most ``WINDOW`` tokens back."""
    depth = 0
    lo = max(i - WINDOW, 0)
    for k in range(i - 1, lo - 1, -1):
        depth = max(depth + (words[k] == ")") - (words[k] == "("), 0)
        if depth == 0 and words[k] in CLAUSE_BREAKS:
            return k + 1
    return lo


def clause_end(words: Sequence[str], i: int) -> int:
    depth = 0
    hi = min(i + 1 + WINDOW, len(words))
    for k in range(i + 1, hi):
        depth = max(depth + (words[k] == "(") - (words[k] == ")"), 0)
        if depth == 0 and words[k] in CLAUSE_BREAKS:
            return k
    return hi


def measure(
    cues: FigureCues,
    words: Sequence[str],
    tags: Sequence[str],
    unit: tuple[int, int],
    number: tuple[int, int],
    is_number: Callable[[int], bool],
) -> str | None:
    """The measure of the figure whose number spans ``number`` and counts ``unit`` (token ranges)."""
    start, end = number
    lo, hi = clause_start(words, start), clause_end(words, end - 1)
    low = {k: words[k].casefold() for k in range(lo, hi)}
    if any(w in cues.doubt_words for w in low.values()):
        return None  # "bis zu 500 Menschen könnten sterben", "30 Menschen wurden nicht verletzt"
    counted = {w.casefold() for w in words[unit[0] : unit[1]]}
    # "die Zahl der Todesopfer ist auf 57 Menschen gestiegen": the count word's noun says it
    for k in range(lo, start - 2):
        if low[k] in cues.count_words:
            counted.add(low[k + 2])
    for key, m in cues.measures.items():
        if counted & m.nouns:
            return key
    # a cue before the number is the number's own only if no other number stands before the cue
    # ("Getötet wurden 12 Soldaten und zwei Polizisten"; not "40 Menschen getötet und 100 Autos"),
    # or if it stands right before the number and its qualifier ("killed 12 and injured 40 others")
    first_earlier = next((k for k in range(lo, start) if is_number(k)), None)
    best: tuple[int, int, int, str] | None = None  # (not a verb, distance, after the number first, key)
    index = cues.cues_by_first_word
    for k in range(lo, hi):
        for key, cue in index.get(low[k], ()):
            if k + len(cue) > hi:
                continue
            taken = k < start and first_earlier is not None and first_earlier < k and k + len(cue) < start
            if taken or start <= k < end:
                continue
            if all(low[k + n] == c for n, c in enumerate(cue)):
                verb = any(tags[k + n].startswith("V") for n in range(len(cue)))
                distance = k - end if k >= end else start - k
                candidate = (0 if verb else 1, distance, 0 if k >= end else 1, key)
                if best is None or candidate < best:
                    best = candidate
    return best[3] if best else None
