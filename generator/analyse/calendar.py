"""Calendar arithmetic for resolving time expressions: a weekday before or after a date, a date some
units away at that unit's granularity (TIMEX3 values), the year nearest a date written without one."""

from __future__ import annotations

import datetime as dt


def last_weekday(d: dt.date, weekday: int, future: bool) -> dt.date:
    delta = (weekday - d.isoweekday()) % 7
    return d + dt.timedelta(days=delta) if future else d - dt.timedelta(days=(d.isoweekday() - weekday) % 7)


def shift(d: dt.date, unit: str, n: int) -> str:
    """The date ``n`` units from ``d``, at that unit's granularity."""
    if unit == "Y":
        return f"{d.year + n:04d}"
    if unit == "DE":
        return f"{(d.year + 10 * n) // 10:03d}"
    if unit == "CE":
        return f"{(d.year + 100 * n) // 100:02d}"
    if unit == "M":
        m = d.year * 12 + d.month - 1 + n
        return f"{m // 12:04d}-{m % 12 + 1:02d}"
    if unit == "W":
        y, w, _ = (d + dt.timedelta(weeks=n)).isocalendar()
        return f"{y:04d}-W{w:02d}"
    return (d + dt.timedelta(days=n)).isoformat()


def nearest_year(dct: dt.date | None, month: int, day: int = 15) -> int | None:
    """The year that puts a date written without one nearest the DCT ("Ende Dezember", written in
    January, is last December)."""
    if dct is None:
        return None
    best = None
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            gap = abs((dt.date(y, month, min(day, 28)) - dct).days)
        except ValueError:
            continue
        if best is None or gap < best[0]:
            best = (gap, y)
    return best[1] if best else None


def make_date(y: int | None, m: int | None, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d) if y and m else None
    except ValueError:
        return None


def year_for(dct: dt.date | None, month: int, day: int | None, tense: str) -> int | None:
    """The year of a date written without one: in a past-tense sentence the last such date (or month)
    on or before the DCT, in a future-tense one the next on or after it, else the nearest."""
    if dct is None:
        return None
    if tense not in ("past", "future"):
        return nearest_year(dct, month, day or 15)
    for y in (dct.year, dct.year - 1) if tense == "past" else (dct.year, dct.year + 1):
        if day is None:  # a month: this month counts as on or before, and as on or after
            ok = (y, month) <= (dct.year, dct.month) if tense == "past" else (y, month) >= (dct.year, dct.month)
        else:
            try:
                d = dt.date(y, month, day)
            except ValueError:
                continue
            ok = d <= dct if tense == "past" else d >= dct
        if ok:
            return y
    return nearest_year(dct, month, day or 15)


def year_with_weekday(dct: dt.date, month: int, day: int, weekday: int) -> int | None:
    """The year next to the DCT's in which ``day``.``month``. falls on ``weekday`` (ISO, Monday 1):
    "Freitag, dem 3. März" names its year by its weekday. None when no year near it does."""
    fits = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        try:
            d = dt.date(y, month, day)
        except ValueError:
            continue
        if d.isoweekday() == weekday:
            fits.append((abs((d - dct).days), y))
    return min(fits)[1] if fits else None
