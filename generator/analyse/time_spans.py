"""Matchers of durations, clock times, parts of the day and repetitions ("drei Tage", "um 20.30 Uhr",
"am Abend", "jeden Montag"). Each returns ``None`` when it does not apply."""

from __future__ import annotations

from generator.analyse.time_spot import CLOCK, Found, Hit, Spot


def duration(s: Spot) -> Found | None:
    """[fast] 30 Jahre [lang], seit drei Tagen, einige Tage (a qualifier, "rund drei Wochen", is no
    part of the expression: TimeML's mod)."""
    t, i = s.t, s.i
    if not (i + 1 < s.n and t.units.get(s.nxt)):
        return None
    amount = s.tw.number(s.w)
    if amount is None and s.lw not in t.vague_amounts:
        return None
    unit = t.units[s.nxt]
    if amount is None:
        prefix = "PT" if unit in ("H", "MIN") else "P"
        return Hit(i + 2, "DURATION", f"{prefix}X{'M' if unit == 'MIN' else unit}"), i
    if unit in ("H", "MIN"):
        return Hit(i + 2, "DURATION", f"PT{amount}{'M' if unit == 'MIN' else 'H'}"), i
    return Hit(i + 2, "DURATION", f"P{amount}{unit}"), i


def clock_time(s: Spot) -> Found | None:
    """20.30 Uhr, 18 Uhr, um 14.30, von 10 bis 12 Uhr."""
    m = CLOCK.match(s.w)
    if not m or int(m.group(1)) >= 24:
        return None
    clock = s.nxt == s.t.clock_word
    after_prep = s.before in s.t.clock_prepositions and m.group(2) is not None
    if not (clock or after_prep or s.tw.range_to_clock(s.low, s.words, s.i)):
        return None
    on, counted_from = s.clock_day()
    value = f"{on.isoformat()}T{int(m.group(1)):02d}:{m.group(2) or '00'}" if on else None
    return Hit(s.i + 2 if clock else s.i + 1, "TIME", value, anchor=counted_from), s.i


def part_of_day(s: Spot) -> Found | None:
    """am Abend, in der Nacht."""
    t = s.t
    if not (s.lw in t.parts_of_day and s.w[:1].isupper() and s.before in t.part_of_day_prepositions):
        return None
    on, counted_from = s.clock_day()
    value = f"{on.isoformat()}T{t.parts_of_day[s.lw]}" if on else None
    return Hit(s.i + 1, "TIME", value, anchor=counted_from), s.i


def repetition(s: Spot) -> Found | None:
    """täglich, jeden Montag, jeden letzten Samstag."""
    t, i, low = s.t, s.i, s.low
    if s.lw in t.sets:
        return Hit(i + 1, "SET", t.sets[s.lw]), i
    if s.lw in t.every and s.nxt in t.weekdays:
        return Hit(i + 2, "SET", f"XXXX-WXX-{t.weekdays[s.nxt]}"), i
    if s.lw in t.every and s.nxt in t.ordinal_words and i + 2 < s.n and low[i + 2] in t.weekdays:
        return Hit(i + 3, "SET", f"XXXX-WXX-{t.weekdays[low[i + 2]]}"), i
    return None
