"""Apply an editor's corrections to the merged dossier: a pure function of the dossier and the
corrections, run at every build after the merge (so the analysis cache never depends on them).

A correction that matches nothing (the article changed, the item is gone) is reported as a warning
naming its line and changes nothing; two corrections that say different things of one item stop the
build with an error naming both lines. Every corrected item carries the editor's note (``corrected``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Any, TypeVar

from generator.model import Actor, Dossier, Event, Figure, Issue, MentionRef, Quote, Severity
from generator.read.corrections import Correction, Corrections, CorrectionsError, Where

T = TypeVar("T", Actor, Quote, Event, Figure)


def apply_corrections(dossier: Dossier, corrections: Corrections) -> tuple[Dossier, list[Issue]]:
    if not corrections.items:
        return dossier, []
    issues: list[Issue] = []
    _contradictions(dossier, corrections)
    file = corrections.path.name if corrections.path else "corrections.yaml"

    def stale(c: Correction, what: str) -> None:
        issues.append(Issue(file, Severity.WARNING, f"line {c.line}: {what} matches nothing; not applied"))

    actors = list(dossier.actors)
    quotes = list(dossier.quotes)
    events = list(dossier.timeline)
    figures = list(dossier.figures)
    for c in corrections.items:
        if c.section == "actors":
            actors, quotes, ok = _actor(c, actors, quotes)
            if not ok:
                stale(c, f"actor {c.name or ', '.join(map(str, c.together))!r}")
        elif c.section == "quotes":
            quotes, ok = _quote(c, quotes, actors)
            if not ok:
                stale(c, f"quote {c.where}")
        elif c.section == "timeline":
            events, ok = _event(c, events)
            if not ok:
                stale(c, f"event {c.where or ', '.join(map(str, c.together))}")
        else:
            figures, ok = _figure(c, figures)
            if not ok:
                stale(c, f"figure {c.where or ', '.join(map(str, c.together))}")
    events.sort(key=lambda e: (e.date, e.time_of_day or ""))
    corrected = replace(
        dossier,
        actors=tuple(actors),
        quotes=tuple(quotes),
        timeline=tuple(events),
        figures=tuple(figures),
    )
    return corrected, issues


# --- finding what a correction means -----------------------------------------------------------


def _named(actors: Sequence[Actor], name: str) -> Actor | None:
    key = name.casefold()
    return next((a for a in actors if key in {n.casefold() for n in (a.name, *a.aliases)}), None)


def _at(refs: Sequence[MentionRef], where: Where, texts: Sequence[str]) -> bool:
    """The item comes from the sentence ``where`` names and its words are among ``texts``."""
    words = where.text.casefold()
    return any(r.article == where.article and r.sentence == where.sentence for r in refs) and any(
        words in t.casefold() for t in texts
    )


def _quote_at(q: Quote, where: Where) -> bool:
    return _at([q.mention], where, [q.text, q.mention.text])


def _event_at(e: Event, where: Where) -> bool:
    refs = [MentionRef(m.article, m.sentence, m.text) for m in e.mentions]
    if where.expression is not None and not any(
        m.expression.casefold() == where.expression.casefold() for m in e.mentions
    ):
        return False
    return _at(refs, where, [e.label, *(m.text for m in e.mentions), *(m.expression for m in e.mentions)])


def _figure_at(f: Figure, where: Where) -> bool:
    return _at(f.mentions, where, [f.text, *(r.text for r in f.mentions)])


def _mark(item: T, c: Correction) -> T:
    """An item an editor corrected or confirmed: marked, and published whatever the verifier said."""
    return replace(item, corrected=c.note or "", published=True)


def _targets(c: Correction, dossier: Dossier) -> list[tuple[str, str]]:
    """(section, item id) pairs a correction changes, for finding contradictions."""
    if c.section == "actors":
        names = [c.name] if c.name else [str(x) for x in c.together]
        return [("actors", a.id) for n in names if (a := _named(dossier.actors, n))]
    found: list[tuple[str, str]] = []
    wheres = [c.where] if c.where else [w for w in c.together if isinstance(w, Where)]
    for w in wheres:
        if c.section == "quotes":
            found += [("quotes", q.id) for q in dossier.quotes if _quote_at(q, w)]
        elif c.section == "timeline":
            found += [("timeline", e.id) for e in dossier.timeline if _event_at(e, w)]
        else:
            found += [("figures", f.id) for f in dossier.figures if _figure_at(f, w)]
    return found


def _contradictions(dossier: Dossier, corrections: Corrections) -> None:
    """Two corrections of one item that set one field differently, or one drops what another changes."""
    seen: dict[tuple[str, str], Correction] = {}
    for c in corrections.items:
        for target in _targets(c, dossier):
            other = seen.get(target)
            if other is None:
                seen[target] = c
                continue
            mine, theirs = dict(c.changes), dict(other.changes)
            clash = [
                k for k in mine.keys() & theirs.keys() if mine[k] != theirs[k] and k not in ("add_role", "remove_role")
            ]
            dropped = ("drop" in mine) != ("drop" in theirs) and bool(mine) and bool(theirs)
            if clash or dropped:
                what = ", ".join(clash) if clash else "drop"
                raise CorrectionsError(
                    f"{corrections.label(other)} and line {c.line} contradict each other about "
                    f"the same {target[0][:-1] if target[0] != 'timeline' else 'event'} ({what})"
                )
            seen[target] = c


# --- the operations --------------------------------------------------------------------------------


def _actor(c: Correction, actors: list[Actor], quotes: list[Quote]) -> tuple[list[Actor], list[Quote], bool]:
    if c.together:
        parts = [_named(actors, str(n)) for n in c.together]
        found = [a for a in dict.fromkeys(p for p in parts if p is not None)]
        if len(found) < 2 or len(found) != len(parts):
            return actors, quotes, False
        keep, rest = found[0], found[1:]
        names = [n for a in rest for n in (a.name, *a.aliases)]
        merged = replace(
            keep,
            aliases=tuple(dict.fromkeys(n for n in (*keep.aliases, *names) if n != keep.name)),
            roles=tuple(dict.fromkeys((*keep.roles, *(r for a in rest for r in a.roles)))),
            mentions=tuple(dict.fromkeys((*keep.mentions, *(m for a in rest for m in a.mentions)))),
        )
        gone = {a.id for a in rest}
        actors = [_mark(merged, c) if a.id == keep.id else a for a in actors if a.id not in gone]
        quotes = [replace(q, speaker=keep.id) if q.speaker in gone else q for q in quotes]
        return actors, quotes, True
    actor = _named(actors, c.name or "")
    if actor is None:
        return actors, quotes, False
    if c.has("drop"):
        quotes = [replace(q, speaker=None) if q.speaker == actor.id else q for q in quotes]
        return [a for a in actors if a.id != actor.id], quotes, True
    new = actor
    extra: list[Actor] = []
    if c.has("split"):
        spelling = str(c.change("split"))
        if spelling not in new.aliases:
            return actors, quotes, False
        moved = tuple(m for m in new.mentions if spelling in m.text)
        new = replace(
            new,
            aliases=tuple(a for a in new.aliases if a != spelling),
            mentions=tuple(m for m in new.mentions if m not in moved),
        )
        extra.append(_mark(Actor(f"{actor.id}-{len(actors)}", spelling, actor.kind, (), (), moved), c))
    if c.has("kind"):
        new = replace(new, kind=str(c.change("kind")))
    if c.has("rename"):
        name = str(c.change("rename"))
        new = replace(new, name=name, aliases=tuple(dict.fromkeys(a for a in (*new.aliases, actor.name) if a != name)))
    if c.has("add_role") and c.change("add_role") not in new.roles:
        new = replace(new, roles=(*new.roles, str(c.change("add_role"))))
    if c.has("remove_role"):
        role = c.change("remove_role")
        if role not in new.roles:
            return actors, quotes, False
        new = replace(new, roles=tuple(r for r in new.roles if r != role))
    out = [_mark(new, c) if a.id == actor.id else a for a in actors]
    return out + extra, quotes, True


def _quote(c: Correction, quotes: list[Quote], actors: list[Actor]) -> tuple[list[Quote], bool]:
    assert c.where is not None
    hits = [q for q in quotes if _quote_at(q, c.where)]
    if not hits:
        return quotes, False
    ids = {q.id for q in hits}
    if c.has("drop"):
        return [q for q in quotes if q.id not in ids], True
    speaker: dict[str, Any] = {}
    if c.has("speaker"):  # "publish: true" alone confirms the speaker as found
        name = c.change("speaker")
        actor = _named(actors, name) if isinstance(name, str) else None
        speaker = {"speaker": actor.id if actor else None, "speaker_name": actor.name if actor else name}
    return [_mark(replace(q, **speaker), c) if q.id in ids else q for q in quotes], True


def _together(c: Correction, items: list[T], at: Callable[[T, Where], bool]) -> list[T] | None:
    """The items a merge names, in dossier order: two at least, each place matching one; else None."""
    groups = [[x for x in items if at(x, w)] for w in c.together if isinstance(w, Where)]
    if any(not g for g in groups):
        return None
    found = list(dict.fromkeys(x for g in groups for x in g))
    return found if len(found) >= 2 else None


def _event(c: Correction, events: list[Event]) -> tuple[list[Event], bool]:
    if c.together:
        found = _together(c, events, _event_at)
        if found is None:
            return events, False
        keep = found[0]
        merged = replace(keep, mentions=tuple(dict.fromkeys(m for e in found for m in e.mentions)))
        gone = {e.id for e in found[1:]}
        return [_mark(merged, c) if e.id == keep.id else e for e in events if e.id not in gone], True
    where = c.where
    assert where is not None
    return _each(
        c,
        events,
        lambda e: _event_at(e, where),
        lambda e: replace(e, date=str(c.change("date"))) if c.has("date") else e,
    )


def _figure(c: Correction, figures: list[Figure]) -> tuple[list[Figure], bool]:
    if c.together:
        found = _together(c, figures, _figure_at)
        if found is None:
            return figures, False
        keep = found[0]
        gone = {f.id for f in found[1:]}
        merged = replace(
            keep,
            mentions=tuple(dict.fromkeys(m for f in found for m in f.mentions)),
            conflicts=tuple(
                x for x in dict.fromkeys(x for f in found for x in f.conflicts) if x not in gone | {keep.id}
            ),
        )
        out = [_mark(merged, c) if f.id == keep.id else f for f in figures if f.id not in gone]
        return [
            replace(f, conflicts=tuple(x if x not in gone else keep.id for x in dict.fromkeys(f.conflicts)))
            for f in out
        ], True
    assert c.where is not None

    def change(f: Figure) -> Figure:
        if c.has("value"):
            f = replace(f, value=float(c.change("value")))
        if c.has("qualifier"):
            f = replace(f, qualifier=c.change("qualifier"))
        if c.has("counted"):
            f = replace(f, unit=str(c.change("counted")), measure=None)
        return f

    where = c.where
    assert where is not None
    figures, ok = _each(c, figures, lambda f: _figure_at(f, where), change)
    if ok and c.has("drop"):
        kept = {f.id for f in figures}
        figures = [replace(f, conflicts=tuple(x for x in f.conflicts if x in kept)) for f in figures]
    return figures, ok


def _each(c: Correction, items: list[T], hit: Callable[[T], bool], change: Callable[[T], T]) -> tuple[list[T], bool]:
    """Drop or change every item ``hit`` picks; (items, whether any was picked)."""
    picked = [x for x in items if hit(x)]
    if not picked:
        return items, False
    ids = {x.id for x in picked}
    if c.has("drop"):
        return [x for x in items if x.id not in ids], True
    return [_mark(change(x), c) if x.id in ids else x for x in items], True
