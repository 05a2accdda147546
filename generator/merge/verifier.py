"""Sure or withheld: every merged item gets a calibrated confidence, and only the sure ones are published.

The verifier of an area is a logistic regression over the item's evidence
(:mod:`generator.merge.evidence`) followed by an isotonic calibration, both fitted by
:mod:`generator.training.verifier` on reader-judged items and shipped as plain numbers in
``generator/models/verifier-<code>.json`` (its card ``verifier-<code>.card.json`` says from what).
Applying it needs no learning library: a dot product, the logistic function, a piecewise-linear map.

``confidence`` estimates the chance that a careful reader judges the item right: of the items with
confidence near c, about c are right. An item is published when its confidence reaches the area's
threshold, chosen in training so that the published items of the calibration part were at least 95%
right. With ``publish: all`` the pages show every item, the withheld ones marked uncertain.
An editor's correction publishes the item it corrects (:mod:`generator.merge.corrections`).
"""

from __future__ import annotations

import json
import logging
import math
from bisect import bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from typing import Any, TypeVar

from generator.lang import LanguageData
from generator.merge.evidence import FEATURISERS, Evidence, Features, gather_evidence
from generator.model import Development, Dossier

log = logging.getLogger(__name__)

MODEL_FORMAT = 1


@dataclass(frozen=True)
class AreaModel:
    features: tuple[str, ...]
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    coef: tuple[float, ...]
    intercept: float
    calibration_x: tuple[float, ...]  # raw probabilities, ascending
    calibration_y: tuple[float, ...]  # the share right at each
    threshold: float

    def raw(self, features: Features) -> float:
        z = self.intercept
        for name, mean, scale, coef in zip(self.features, self.mean, self.scale, self.coef, strict=True):
            z += coef * (features.get(name, 0.0) - mean) / scale
        return 1.0 / (1.0 + math.exp(-max(min(z, 35.0), -35.0)))

    def confidence(self, features: Features) -> float:
        return round(_interpolate(self.raw(features), self.calibration_x, self.calibration_y), 3)


@dataclass(frozen=True)
class VerifierModel:
    language: str
    areas: Mapping[str, AreaModel]


def _interpolate(x: float, xs: Sequence[float], ys: Sequence[float]) -> float:
    """The isotonic map: piecewise linear between its points, flat beyond its ends."""
    if not xs:
        return x
    if x <= xs[0]:
        return ys[0]
    if x >= xs[-1]:
        return ys[-1]
    i = bisect_right(xs, x)
    x0, x1, y0, y1 = xs[i - 1], xs[i], ys[i - 1], ys[i]
    return y0 if x1 == x0 else y0 + (y1 - y0) * (x - x0) / (x1 - x0)


def parse_model(data: Mapping[str, Any]) -> VerifierModel:
    if data.get("format") != MODEL_FORMAT:
        raise ValueError(f"verifier model format {data.get('format')!r}, expected {MODEL_FORMAT}")
    areas = {}
    for area, m in data["areas"].items():
        areas[area] = AreaModel(
            features=tuple(m["features"]),
            mean=tuple(float(x) for x in m["mean"]),
            scale=tuple(float(x) or 1.0 for x in m["scale"]),
            coef=tuple(float(x) for x in m["coef"]),
            intercept=float(m["intercept"]),
            calibration_x=tuple(float(x) for x in m["calibration"]["x"]),
            calibration_y=tuple(float(x) for x in m["calibration"]["y"]),
            threshold=float(m["threshold"]),
        )
    return VerifierModel(str(data["language"]), areas)


def load_verifier(code: str) -> VerifierModel | None:
    """The packaged verifier of a language, None when the package has none."""
    path = resources.files("generator") / "models" / f"verifier-{code}.json"
    if not path.is_file():
        return None
    return parse_model(json.loads(path.read_text(encoding="utf-8")))


T = TypeVar("T")


def _scored(
    items: Sequence[T],
    area: str,
    featurise: Callable[[T, Evidence], Features],
    ev: Evidence,
    model: VerifierModel,
) -> tuple[T, ...]:
    m = model.areas.get(area)
    if m is None:
        return tuple(items)
    out = []
    for item in items:
        c = m.confidence(featurise(item, ev))
        out.append(replace(item, confidence=c, published=c >= m.threshold))  # type: ignore[type-var]
    return tuple(out)


def verify(
    dossier: Dossier,
    languages: Mapping[str, LanguageData],
    model: VerifierModel | None,
) -> Dossier:
    """The dossier with a confidence on every item, ``published`` where it reaches its area's
    threshold. Without a model every item stays published with no confidence. Whether the pages
    show the withheld items too (``publish: all``) is the render stage's choice."""
    if model is None:
        return dossier
    ev = gather_evidence(dossier, languages)
    figures = _scored(dossier.figures, "figures", FEATURISERS["figures"], ev, model)
    sure = {f.id: (f.confidence, f.published) for f in figures}
    return replace(
        dossier,
        actors=_scored(dossier.actors, "actors", FEATURISERS["actors"], ev, model),
        quotes=_scored(dossier.quotes, "quotes", FEATURISERS["quotes"], ev, model),
        timeline=_scored(dossier.timeline, "timeline", FEATURISERS["timeline"], ev, model),
        figures=figures,
        developments=tuple(_development(d, sure) for d in dossier.developments),
    )


def _development(d: Development, figures: Mapping[str, tuple[float | None, bool]]) -> Development:
    """A development is as sure as its least sure point, and shown only when every point is."""
    points = [figures.get(p.figure, (None, True)) for p in d.points]
    known = [c for c, _ in points if c is not None]
    return replace(d, confidence=min(known) if known else None, published=all(p for _, p in points))


def public(dossier: Dossier) -> Dossier:
    """What the public pages may show: withheld items left out, and with them every reference to
    them (a quote's link to a withheld speaker, a conflict with a withheld figure, a development
    with a withheld point)."""
    actors = tuple(a for a in dossier.actors if a.published)
    shown = {a.id for a in actors}
    figures = tuple(f for f in dossier.figures if f.published)
    kept = {f.id for f in figures}
    withheld = tuple(
        (area, n)
        for area, n in (
            ("actors", len(dossier.actors) - len(actors)),
            ("quotes", sum(not q.published for q in dossier.quotes)),
            ("timeline", sum(not e.published for e in dossier.timeline)),
            ("figures", len(dossier.figures) - len(figures)),
        )
        if n
    )
    return replace(
        dossier,
        withheld=withheld,
        actors=actors,
        quotes=tuple(
            q if q.speaker is None or q.speaker in shown else replace(q, speaker=None)
            for q in dossier.quotes
            if q.published
        ),
        timeline=tuple(e for e in dossier.timeline if e.published),
        figures=tuple(replace(f, conflicts=tuple(c for c in f.conflicts if c in kept)) for f in figures),
        developments=tuple(d for d in dossier.developments if d.published and all(p.figure in kept for p in d.points)),
    )
