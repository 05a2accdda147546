"""Publication dates of articles that give none, inferred from evidence the page then names.

Evidence, in this order (DESIGN.md, "Publication dates"):

1. a date in the article's own URL (front matter ``url``), as htmldate reads URLs, or a full date in
   its dateline ("Kleinau, 7. Januar 2023 (dpa) -"): that is its date;
2. a dateline's day without a year ("LONDON, Jan 7 (Reuters) -"): the year that puts the day nearest
   (within two months: one year at most) to a dated article of the dossier or to the latest dated
   link, not before that link; no such evidence, no year;
3. dated links in the text: the article appeared on or after the latest of them (a lower bound only);
4. the weekdays the text names ("am Freitag", "seit Mittwoch"): news name the days just before
   their publication, so the publication weekday is the one that puts every named weekday closest
   before it; with a lower bound, the date is the first such weekday on or after it;
5. other articles of the dossier that report the same facts (figures, actors) and are dated: an
   undated article whose weekdays agree takes their date.

Where the evidence does not fix a day, the date stays unknown: no guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

_URL = re.compile(r"(?:https?://|www\.)\S+")
YEAR_WINDOW = dt.timedelta(days=60)  # a dateline's day belongs to the year within this of the evidence
_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[/_.-]?(0[1-9]|1[0-2])[/_.-]?(0[1-9]|[12]\d|3[01])(?!\d)")


@dataclass(frozen=True)
class Dating:
    date: dt.date
    basis: str  # a short, readable account of the evidence


def url_date(url: str) -> dt.date | None:
    """The date in a URL (".../2022/01/05/...", "...-2022-01-05", "...20220105..."), if it holds one."""
    for m in _URL_DATE.finditer(url):
        try:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
    return None


def linked_dates(text: str) -> list[dt.date]:
    return sorted(d for d in (url_date(u) for u in _URL.findall(text)) if d is not None)


def publication_weekday(weekdays: Sequence[int]) -> int | None:
    """The ISO weekday (1–7) that puts all named weekdays closest before it (ties: the later day)."""
    if not weekdays:
        return None
    best: tuple[int, int] | None = None
    for candidate in range(1, 8):
        worst = max((candidate - w) % 7 for w in weekdays)
        if best is None or worst < best[0] or (worst == best[0] and candidate > best[1]):
            best = (worst, candidate)
    return best[1] if best else None


def first_on_or_after(d: dt.date, weekday: int) -> dt.date:
    """The first day on or after ``d`` that is a ``weekday`` (``d`` itself at the calendar's end)."""
    days = (weekday - d.isoweekday()) % 7
    return d if days > (dt.date.max - d).days else d + dt.timedelta(days=days)


def infer_dates(
    ids: Sequence[str],
    own_url: Mapping[str, str | None],
    text: Mapping[str, str],
    weekdays: Mapping[str, Sequence[int]],
    known: Mapping[str, dt.date],
    overlap: Callable[[str, str], int],
    labels: Mapping[str, str],
    words: Mapping[str, str],
    dateline_days: Mapping[str, tuple[int | None, int, int]] | None = None,
) -> dict[str, Dating]:
    """Dates for the articles in ``ids`` that have none in ``known``.

    ``overlap(a, b)``: how many facts two articles share; ``labels``: a name for each article;
    ``words``: the language's phrases for the evidence ("link", "weekdays", "same facts", "url",
    "dateline", "dateline_year"); ``dateline_days``: (year or None, month, day) from an article's dateline.
    """
    found: dict[str, Dating] = {}
    days = dateline_days or {}
    for a in ids:
        if a in known:
            continue
        url = own_url.get(a)
        d = url_date(url) if url else None
        if d is not None:
            found[a] = Dating(d, words["url"].format(date=d.isoformat()))
            continue
        year, month, mday = days.get(a) or (None, 0, 0)
        if year is not None:
            found[a] = Dating(dt.date(year, month, mday), words["dateline"].format(date=f"{year}-{month:02}-{mday:02}"))
            continue
        links = linked_dates(text[a])
        day = publication_weekday(weekdays[a])
        if links and day is not None:
            d = first_on_or_after(links[-1], day)
            found[a] = Dating(d, words["link_and_weekdays"].format(date=links[-1].isoformat()))
    # the same facts as a dated article, with weekdays that agree
    changed = True
    while changed:
        changed = False
        dated = {**known, **{k: v.date for k, v in found.items()}}
        for a in ids:
            if a in dated:
                continue
            day = publication_weekday(weekdays[a])
            if a in days:
                year_of = _dateline_year(
                    days[a], linked_dates(text[a]), {labels[b]: dated[b] for b in ids if b in dated}
                )
                if year_of is not None:
                    found[a] = Dating(year_of[0], words["dateline_year"].format(evidence=year_of[1]))
                    changed = True
                    continue
            candidates = sorted(
                ((overlap(a, b), b) for b in ids if b in dated and b != a),
                key=lambda x: (-x[0], ids.index(x[1])),
            )
            for shared, b in candidates:
                if shared < 2:
                    break
                if day is None or dated[b].isoweekday() == day:
                    found[a] = Dating(dated[b], words["same_facts"].format(article=labels[b], n=shared))
                    changed = True
                    break
    return found


def _dateline_year(
    day: tuple[int | None, int, int], links: Sequence[dt.date], dated: Mapping[str, dt.date]
) -> tuple[dt.date, str] | None:
    """The date of a dateline's day without a year: the year that puts it nearest to a dated article
    or to the latest dated link (within :data:`YEAR_WINDOW`, so one year at most), not before that
    link; with the evidence (the article's label, or the link's date)."""
    _, month, mday = day
    anchors = [(d, label) for label, d in dated.items()]
    if links:
        anchors.append((links[-1], links[-1].isoformat()))
    best: tuple[dt.timedelta, dt.date, str] | None = None
    for anchor, label in anchors:
        for year in (anchor.year - 1, anchor.year, anchor.year + 1):
            try:
                d = dt.date(year, month, mday)
            except ValueError:
                continue
            gap = abs(d - anchor)
            if gap > YEAR_WINDOW or (links and d < links[-1]):
                continue
            if best is None or (gap, d) < best[:2]:
                best = (gap, d, label)
    return (best[1], best[2]) if best else None
