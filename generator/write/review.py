"""``dossier review``: the items the generator is least sure of, most doubtful first, as a
``corrections.yaml`` block with every line commented out (an editor uncomments what is wrong and
edits it), or as JSON for tools.

Uncommenting an item as printed applies cleanly and changes nothing but the mark "corrected"; the
other choices stand below it, commented twice ("# # drop: true").
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from generator.model import Dossier, Issue

# how doubtful each kind of item is (higher first); withheld items come first, least sure first
WITHHELD = 10
NO_SPEAKER = 3
CONFLICT = 2
ONE_MENTION = 2
COUNTED_FROM_NARRATED_DAY = 1
WEEKDAY = 1


@dataclass(frozen=True)
class Doubt:
    score: int
    section: str  # actors | quotes | timeline | figures
    reason: str
    correction: dict[str, Any]  # as it would stand in corrections.yaml
    choices: tuple[tuple[str, Any], ...] = ()  # other fields an editor may set instead
    confidence: float = 1.0  # the verifier's, where it withheld the item


def doubts(dossier: Dossier, weekdays: frozenset[str] = frozenset()) -> list[Doubt]:
    """``weekdays``: the language's weekday names, case-folded (a date read from one has a direction)."""
    out = _withheld(dossier)
    for q in dossier.quotes:
        if not q.published:
            continue
        if q.speaker_name is None and q.corrected is None:
            where = {"at": f"{q.mention.article}#s{q.mention.sentence}", "text": _words(q.text)}
            out.append(Doubt(NO_SPEAKER, "quotes", "no speaker named", {**where, "speaker": None}, (("drop", True),)))
    for f in dossier.figures:
        if f.published and f.conflicts and f.corrected is None:
            r = f.mentions[0]
            where = {"at": f"{r.article}#s{r.sentence}", "text": f.text}
            change = {"value": f.value} if f.value is not None else {"counted": f.unit}
            reason = f"conflicts with {len(f.conflicts)} other figure(s)"
            out.append(Doubt(CONFLICT, "figures", reason, {**where, **change}, (("drop", True),)))
    for a in dossier.actors:
        if a.published and len(a.mentions) == 1 and a.corrected is None:
            r = a.mentions[0]
            reason = f"one mention only ({r.article}#s{r.sentence})"
            choices = (("drop", True), ("rename", a.name))
            out.append(Doubt(ONE_MENTION, "actors", reason, {"name": a.name, "kind": a.kind}, choices))
    for e in dossier.timeline:
        if e.corrected is not None or not e.published:
            continue
        m = e.mentions[0]
        where = {"at": f"{m.article}#s{m.sentence}", "text": _words(m.text), "expression": m.expression}
        if any(x.anchor for x in e.mentions):
            reason = f"“{m.expression}” counted from a day the text named before"
            out.append(
                Doubt(COUNTED_FROM_NARRATED_DAY, "timeline", reason, {**where, "date": e.date}, (("drop", True),))
            )
        elif any(x.expression.casefold().rstrip(".") in weekdays for x in e.mentions):
            reason = f"“{m.expression}”: a weekday, its direction read from the tense"
            out.append(Doubt(WEEKDAY, "timeline", reason, {**where, "date": e.date}, (("drop", True),)))
    order = {"quotes": 0, "figures": 1, "actors": 2, "timeline": 3}
    return sorted(out, key=lambda d: (-d.score, d.confidence, order[d.section]))


PUBLISH = {"publish": True}
DROP: tuple[tuple[str, Any], ...] = (("drop", True),)


def _withheld(dossier: Dossier) -> list[Doubt]:
    """Every item the verifier withheld: uncommented as printed (``publish: true``), the editor
    confirms it and the pages show it; the other choice drops it. Each address names one item alone:
    a quote by its sentence and first words, an event by its sentence and time expression, a figure
    by its sentence and text, an actor by its name."""
    out = []
    for q in dossier.quotes:
        if not q.published and q.corrected is None:
            where = {"at": f"{q.mention.article}#s{q.mention.sentence}", "text": _words(q.text, 8)}
            reason = f"withheld (confidence {q.confidence:.2f}); speaker: {q.speaker_name or 'none named'}"
            out.append(
                Doubt(WITHHELD, "quotes", reason, {**where, "publish": True}, (("drop", True),), _c(q.confidence))
            )
    for f in dossier.figures:
        if not f.published and f.corrected is None:
            r = f.mentions[0]
            where = {"at": f"{r.article}#s{r.sentence}", "text": f.text}
            reason = f"withheld (confidence {f.confidence:.2f}): {f.text}"
            out.append(
                Doubt(WITHHELD, "figures", reason, {**where, "publish": True}, (("drop", True),), _c(f.confidence))
            )
    for a in dossier.actors:
        if not a.published and a.corrected is None:
            reason = f"withheld (confidence {a.confidence:.2f}), {a.kind}"
            choices = (("drop", True), ("rename", a.name))
            out.append(Doubt(WITHHELD, "actors", reason, {"name": a.name, "publish": True}, choices, _c(a.confidence)))
    for e in dossier.timeline:
        if not e.published and e.corrected is None:
            m = e.mentions[0]
            where = {"at": f"{m.article}#s{m.sentence}", "text": _words(m.text), "expression": m.expression}
            reason = f"withheld (confidence {e.confidence:.2f}): {e.date}"
            out.append(
                Doubt(
                    WITHHELD,
                    "timeline",
                    reason,
                    {**where, "publish": True},
                    (("drop", True), ("date", e.date)),
                    _c(e.confidence),
                )
            )
    return out


def _c(confidence: float | None) -> float:
    return 1.0 if confidence is None else confidence


def _words(text: str, n: int = 6) -> str:
    """A few words of a text, enough to find it again."""
    return " ".join(text.split()[:n])


def _scalar(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)  # a YAML scalar (JSON is YAML): quotes and escapes all text


def review_yaml(items: list[Doubt], issues: Sequence[Issue] = ()) -> str:
    """Every item commented out, grouped by section in the order of the first doubt of each; first
    the problems with the input files (``issues``: skipped or read with reservations), which the
    public pages do not show."""
    lines = [
        "# dossier review: the items the generator is least sure of, most doubtful first.",
        "# Uncomment an item (and its section line) in corrections.yaml and edit it; lines commented",
        "# twice are other choices. Uncommented as printed, an item only marks the item as checked.",
    ]
    if issues:
        lines.append("# input files skipped or read with reservations (fix the files, then build again):")
        lines.extend(f"#   {' '.join(str(i).split())}" for i in issues)
    sections = list(dict.fromkeys(d.section for d in items))
    for section in sections:
        lines.append(f"# {section}:")
        for d in (d for d in items if d.section == section):
            first = True
            for key, value in d.correction.items():
                lead = "- " if first else "  "
                comment = f"  # {d.reason}" if first else ""
                lines.append(f"#   {lead}{key}: {_scalar(value)}{comment}")
                first = False
            lines.extend(f"# #   {key}: {_scalar(value)}" for key, value in d.choices)
    return "\n".join(lines) + "\n"


def review_json(items: list[Doubt]) -> str:
    return (
        json.dumps(
            [
                {
                    "section": d.section,
                    "score": d.score,
                    "confidence": d.confidence,
                    "reason": d.reason,
                    "correction": d.correction,
                }
                for d in items
            ],
            ensure_ascii=False,
            indent=2,
        )
        + "\n"
    )
