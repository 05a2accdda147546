"""Build the verifier (``generator/models/verifier-de.json`` and its card) from reader-judged items.

    python -m generator.training.verifier            # rebuild the shipped model and card
    python -m generator.training.verifier --check    # rebuild in memory; exit 1 unless the bytes are the same

Data: the hand-audit verdict files ``bench/audit/verifier-g*.yaml`` (our own verdicts, judged under
``bench/audit/GUIDELINES.md``) on SpkAtt-2023 training articles: only their text (German Wikinews,
CC BY 2.5) is read, rebuilt by ``../shared/tools/audit.py articles``; SpkAtt's own annotations
(CC BY-NC-SA) are never read. Each audited group of articles is built with the pipeline at this
commit (no cache, no verifier), every item matched to its verdict the way ``audit.py rescore`` does,
and its evidence (:mod:`generator.merge.evidence`) taken. Articles are split into fit, calibrate and
test parts (:mod:`generator.training.split`). Per area: a logistic regression on the fit part
(scikit-learn; C chosen by grouped cross-validation on the fit part), an isotonic calibration on the
calibrate part, and the publishing threshold: the lowest confidence at which the calibrate part's
published items are at least ``TARGET`` right. Scores on each part go into the card.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import json
import logging
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from generator.config import Config
from generator.lang import load_language
from generator.merge.evidence import AREAS, FEATURISERS, Features, gather_evidence
from generator.model import Dossier
from generator.pipeline import gather
from generator.training.provenance import commit_of, sha256_of
from generator.training.reliability import reliability_svg
from generator.training.split import PARTS, part
from generator.write.export import dossier_data

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
MODEL = ROOT / "generator" / "models" / "verifier-de.json"
CARD = ROOT / "generator" / "models" / "verifier-de.card.json"
# the verdict files: the labelled set, and each fresh sample once it has been reported (never before)
AUDITS = ("bench/audit/verifier-g*.yaml", "bench/audit/fresh1-h*.yaml")
TARGET = 0.95  # the share of published items that must be right (on the calibrate part)
C_GRID = (0.03, 0.1, 0.3, 1.0)
SEED = 0
DIGITS = 6


@dataclass(frozen=True)
class Item:
    area: str
    article: str  # the file of its first mention
    features: Features
    label: int  # 1: judged right


def _audit_tool(shared: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location("dossier_audit_tool", shared / "tools" / "audit.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot load {shared / 'tools' / 'audit.py'}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _build(files: Sequence[str], shared: Path, audit: ModuleType, work: Path) -> Dossier:
    """The audited articles rebuilt from SpkAtt's tokens and run through the pipeline, unverified."""
    src, seeds = work / "src", work / "seeds"
    src.mkdir(parents=True)
    by_id = {p.name.split(" ", 1)[0]: p for p in (shared / "data" / "spkatt2023-train").glob("*.json")}
    for f in files:
        source = by_id[f.removeprefix("spkatt-").removesuffix(".txt")]
        (src / source.name).symlink_to(source)
    audit.articles(src, seeds, 1, 0)
    config = Config(seeds_dir=seeds, docs_dir=work / "site_src", title="verifier", jobs=2, verify=False)
    return gather(config)


def _status(spec: Any, judged: list[dict[str, Any]], found: list[dict[str, Any]]) -> list[int | None]:
    """Per item found: 1 judged right, 0 a judged error, None not judged (as ``audit.py rescore``)."""
    twins = [{i for i, a in enumerate(judged) if spec.twin(a, n)} for n in found]
    has_twin = set().union(*twins)
    out: list[int | None] = []
    for n, t in zip(found, twins, strict=True):
        group = [i for i, a in enumerate(judged) if spec.match(a, n) and (i in t or not t or i not in has_twin)]
        js = {spec.judge(judged[i], n) for i in group}
        if len(group) > 1 and not spec.group_ok([judged[i] for i in group]):
            js = {"changed" if j == "ok" else j for j in js}
        st = next((j for j in ("same", "wrong", "changed", "ok") if j in js), None)
        if st is None and any(spec.right(a, n) for a in judged):
            st = "ok"
        out.append(1 if st == "ok" else 0 if st in ("same", "wrong") else None)
    return out


def labelled(verdicts: Path, shared: Path, audit: ModuleType) -> list[Item]:
    import yaml

    y = yaml.safe_load(verdicts.read_text(encoding="utf-8"))
    for area in AREAS:
        y[area] = [x for x in y[area] if x.get("verdict") not in (None, "?")]
    with tempfile.TemporaryDirectory() as tmp:
        dossier = _build(y["files"], shared, audit, Path(tmp))
    data = json.loads(json.dumps(dossier_data(dossier), ensure_ascii=False))
    judged, found = audit.load_audit(y), audit.load_new(data)
    ev = gather_evidence(dossier, {"de": load_language("de")})
    files = {a.id: Path(a.file).name for a in dossier.articles}
    objects: dict[str, list[Any]] = {
        "actors": list(dossier.actors),
        "timeline": list(dossier.timeline),
        "quotes": list(dossier.quotes),
        "figures": [f for f in dossier.figures if f.value is not None],
    }
    items = []
    for area in AREAS:
        labels = _status(audit.SPECS[area], judged[area], found[area])
        for obj, label in zip(objects[area], labels, strict=True):
            if label is None:
                continue
            first = obj.mention if area == "quotes" else obj.mentions[0]
            items.append(Item(area, files[first.article], FEATURISERS[area](obj, ev), label))
    return items


def _round(xs: Any) -> list[float]:
    return [round(float(x), DIGITS) for x in xs]


def fit_area(items: Sequence[Item]) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any]]:
    """(the area's model, its scores per part, the confidences of the test part with their labels)."""
    import numpy as np
    from sklearn.isotonic import IsotonicRegression
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold, cross_val_predict

    by_part = {p: [i for i in items if part(i.article) == p] for p in PARTS}
    dev = by_part["fit"] + by_part["calibrate"]  # cross-fitted: every dev item is calibrated out of fold
    names = sorted({k for i in dev for k in i.features})

    def matrix(xs: Sequence[Item]) -> Any:
        return np.array([[i.features.get(n, 0.0) for n in names] for i in xs], dtype=float)

    x_dev, y_dev = matrix(dev), np.array([i.label for i in dev])
    mean = x_dev.mean(axis=0)
    scale = x_dev.std(axis=0)
    scale[scale < 1e-4] = 1.0
    mean, scale = np.round(mean, DIGITS), np.round(scale, DIGITS)
    z_dev = (x_dev - mean) / scale
    groups = [i.article for i in dev]
    folds = GroupKFold(n_splits=5)
    best_c, best_loss, best_oof = C_GRID[0], float("inf"), np.zeros(len(dev))
    for c in C_GRID:
        lr = LogisticRegression(C=c, max_iter=5000, random_state=SEED)
        p = cross_val_predict(lr, z_dev, y_dev, cv=folds, groups=groups, method="predict_proba")[:, 1]
        loss = -float(np.mean(y_dev * np.log(np.clip(p, 1e-9, 1)) + (1 - y_dev) * np.log(np.clip(1 - p, 1e-9, 1))))
        if loss < best_loss - 1e-9:
            best_c, best_loss, best_oof = c, loss, p
    lr = LogisticRegression(C=best_c, max_iter=5000, random_state=SEED).fit(z_dev, y_dev)
    coef, intercept = _round(lr.coef_[0]), round(float(lr.intercept_[0]), DIGITS)

    def raw(xs: Sequence[Item]) -> Any:
        z = intercept + ((matrix(xs) - mean) / scale) @ np.array(coef)
        return 1.0 / (1.0 + np.exp(-np.clip(z, -35, 35)))

    iso = IsotonicRegression(y_min=0.0, y_max=1.0, out_of_bounds="clip").fit(np.round(best_oof, DIGITS), y_dev)
    xs, ys = _round(iso.X_thresholds_), _round(iso.y_thresholds_)

    def confidence(part_items: Sequence[Item]) -> Any:
        return np.round(np.interp(raw(part_items), xs, ys), 3)

    oof_conf = np.round(np.interp(np.round(best_oof, DIGITS), xs, ys), 3)
    threshold = _threshold(oof_conf, y_dev)
    model = {
        "features": names,
        "mean": _round(mean),
        "scale": _round(scale),
        "coef": coef,
        "intercept": intercept,
        "calibration": {"x": xs, "y": ys},
        "threshold": threshold,
        "C": best_c,
    }
    scores = {}
    test_points: dict[str, Any] = {}
    scores["dev_out_of_fold"] = _scores(oof_conf, y_dev, threshold)
    for p in PARTS:
        conf, y = confidence(by_part[p]), np.array([i.label for i in by_part[p]])
        scores[p] = _scores(conf, y, threshold)
        if p == "test":
            test_points = {"confidence": conf.tolist(), "label": y.tolist()}
    return model, scores, test_points


def _threshold(conf: Any, y: Any) -> float:
    """The lowest confidence whose published items (confidence at least it) are ``TARGET`` right."""
    best = 1.001  # none reaches it: publish nothing
    for t in sorted(set(conf.tolist()), reverse=True):
        chosen = conf >= t
        if y[chosen].mean() >= TARGET:
            best = float(t)
    return best


def _scores(conf: Any, y: Any, threshold: float) -> dict[str, float | int | None]:
    import numpy as np

    if len(y) == 0:
        return {"items": 0}
    published = conf >= threshold
    bins = np.minimum((conf * 10).astype(int), 9)
    ece = sum(
        abs(conf[bins == b].mean() - y[bins == b].mean()) * (bins == b).sum() for b in range(10) if (bins == b).any()
    )
    right = int(y.sum())
    from sklearn.metrics import roc_auc_score

    auc = round(float(roc_auc_score(y, conf)), 3) if 0 < right < len(y) else None
    return {
        "auc": auc,
        "items": len(y),
        "right": right,
        "published": int(published.sum()),
        "published_right": int(y[published].sum()),
        "precision_published": round(float(y[published].mean()), 3) if published.any() else 0.0,
        "precision_all": round(float(y.mean()), 3),
        "coverage": round(float(y[published].sum() / right), 3) if right else 0.0,
        "ece": round(float(ece / len(y)), 3),
        "brier": round(float(np.mean((conf - y) ** 2)), 3),
    }


def train(shared: Path, patterns: Sequence[str] = AUDITS) -> tuple[bytes, dict[str, Any], dict[str, Any]]:
    import sklearn

    audit = _audit_tool(shared)
    verdicts = sorted({v for pattern in patterns for v in ROOT.glob(pattern)})
    if not verdicts:
        raise SystemExit(f"no verdict files {' '.join(patterns)}")
    items = [i for v in verdicts for i in labelled(v, shared, audit)]
    from threadpoolctl import threadpool_limits

    areas, scores, tests = {}, {}, {}
    with threadpool_limits(limits=1):  # one thread: the same bytes on every machine and run
        for area in AREAS:
            areas[area], scores[area], tests[area] = fit_area([i for i in items if i.area == area])
    model = {"format": 1, "language": "de", "areas": areas}
    blob = (json.dumps(model, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")
    texts = sorted({i.article for i in items})
    card = {
        "model": MODEL.name,
        "sha256": hashlib.sha256(blob).hexdigest(),
        "what": "Per area (actors, timeline, quotes, figures) a logistic regression over the item's evidence "
        "(generator/merge/evidence.py), an isotonic calibration and a publishing threshold.",
        "licence": "GPL-3.0-or-later (the project's own verdicts and code; no non-commercial data)",
        "rebuild": "pip install -e '.[train]' && python -m generator.training.verifier",
        "check": "python -m generator.training.verifier --check",
        "commit": commit_of(ROOT),
        "scikit_learn": sklearn.__version__,
        "seed": SEED,
        "hyperparameters": {
            "target_precision": TARGET,
            "C_grid": list(C_GRID),
            "C": {a: areas[a]["C"] for a in AREAS},
            "cv": "GroupKFold(5) by article on fit+calibrate; isotonic on the out-of-fold predictions",
            "split": "generator/training/split.py: sha256 of the article file, fit 6/10, calibrate 2/10, test 2/10",
        },
        "data": [
            {
                "path": v.relative_to(ROOT).as_posix(),
                "sha256": sha256_of(v),
                "licence": "the project's own verdicts (GPL-3.0-or-later)",
            }
            for v in verdicts
        ]
        + [
            {
                "path": "../shared/data/spkatt2023-train (the articles' tokens, joined by audit.py articles)",
                "articles": len(texts),
                "sha256_of_names": hashlib.sha256("\n".join(texts).encode("utf-8")).hexdigest(),
                "licence": "texts: German Wikinews, CC BY 2.5; SpkAtt's annotations (CC BY-NC-SA 4.0) are not read",
            }
        ],
        "items": {a: sum(i.area == a for i in items) for a in AREAS},
        "scores": scores,
    }
    return blob, card, tests


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m generator.training.verifier", description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", type=Path, default=SHARED, help="the shared folder with data/ and tools/")
    ap.add_argument("--check", action="store_true", help="rebuild in memory and compare with the shipped model")
    ap.add_argument("--diagrams", type=Path, default=ROOT / "bench" / "out", help="where reliability diagrams go")
    ap.add_argument(
        "--audits",
        nargs="+",
        default=AUDITS,
        help=f"the verdict files, globs from the project (default {' '.join(AUDITS)})",
    )
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    blob, card, tests = train(args.shared, args.audits)
    if args.check:
        same = MODEL.is_file() and MODEL.read_bytes() == blob
        print(f"{MODEL.name}: {'the same bytes' if same else 'DIFFERENT bytes'}")
        return 0 if same else 1
    MODEL.write_bytes(blob)
    CARD.write_text(json.dumps(card, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    args.diagrams.mkdir(parents=True, exist_ok=True)
    for area, points in tests.items():
        svg = reliability_svg(area, points["confidence"], points["label"], card["scores"][area]["test"])
        (args.diagrams / f"reliability-{area}.svg").write_text(svg, encoding="utf-8")
    for area in AREAS:
        print(area, json.dumps(card["scores"][area]["test"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
