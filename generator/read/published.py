"""Publication dates of articles that give none, inferred from evidence the page then names.

Evidence, in this order (DESIGN.md, "Publication dates"):

1. a date in the article's own URL (front matter ``url``), as htmldate reads URLs: that is its date;
2. dated links in the text: the article appeared on or after the latest of them (a lower bound only);
3. the weekdays the text names ("am Freitag", "seit Mittwoch"): news name the days just before
   their publication, so the publication weekday is the one that puts every named weekday closest
   before it; with a lower bound, the date is the first such weekday on or after it;
4. other articles of the dossier that report the same facts (figures, actors) and are dated: an
   undated article whose weekdays agree takes their date.

Where the evidence does not fix a day, the date stays unknown: no guessing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

_URL = re.compile(r"(?:https?://|www\.)\S+")
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
    return d + dt.timedelta(days=(weekday - d.isoweekday()) % 7)


def infer_dates(
    ids: Sequence[str],
    own_url: Mapping[str, str | None],
    text: Mapping[str, str],
    weekdays: Mapping[str, Sequence[int]],
    known: Mapping[str, dt.date],
    overlap: Callable[[str, str], int],
    labels: Mapping[str, str],
    words: Mapping[str, str],
) -> dict[str, Dating]:
    """Dates for the articles in ``ids`` that have none in ``known``.

    ``overlap(a, b)``: how many facts two articles share; ``labels``: a name for each article;
    ``words``: the language's phrases for the evidence ("link", "weekdays", "same facts", "url").
    """
    found: dict[str, Dating] = {}
    for a in ids:
        if a in known:
            continue
        url = own_url.get(a)
        d = url_date(url) if url else None
        if d is not None:
            found[a] = Dating(d, words["url"].format(date=d.isoformat()))
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
