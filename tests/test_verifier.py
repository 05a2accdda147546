"""The verifier: its shipped model and card agree, its arithmetic is the documented one, withheld
items leave the public view with every reference to them, and an editor's line publishes one."""

from __future__ import annotations

import hashlib
import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from generator.config import ConfigError, load_config
from generator.merge.corrections import apply_corrections
from generator.merge.verifier import AreaModel, load_verifier, public
from generator.model import Actor, Dossier, Figure, MentionRef, Quote
from generator.read.corrections import Correction, Corrections, Where
from generator.write.export import dossier_data

ROOT = Path(__file__).resolve().parents[1]
MODELS = ROOT / "generator" / "models"


def test_every_model_card_names_its_binary_and_its_data_by_checksum() -> None:
    card = json.loads((MODELS / "verifier-de.card.json").read_text(encoding="utf-8"))
    assert card["sha256"] == hashlib.sha256((MODELS / card["model"]).read_bytes()).hexdigest()
    files = [d for d in card["data"] if "sha256" in d]
    assert files, "the card lists the verdict files it was fitted on"
    for d in files:
        assert hashlib.sha256((ROOT / d["path"]).read_bytes()).hexdigest() == d["sha256"], d["path"]
    assert "NC" not in card["licence"] and all("licence" in d for d in card["data"])
    assert set(card["scores"]) == {"actors", "timeline", "quotes", "figures"}


def test_the_packaged_verifier_loads_with_a_threshold_per_area() -> None:
    model = load_verifier("de")
    assert model is not None and set(model.areas) == {"actors", "timeline", "quotes", "figures"}
    for m in model.areas.values():
        assert len(m.features) == len(m.coef) == len(m.mean) == len(m.scale)
        assert list(m.calibration_x) == sorted(m.calibration_x)
        assert min(m.calibration_y) >= 0.0 and max(m.calibration_y) <= 1.0


def test_confidence_is_the_logistic_score_through_the_isotonic_map() -> None:
    m = AreaModel(("a",), (0.0,), (1.0,), (2.0,), 0.0, (0.2, 0.8), (0.1, 0.9), 0.5)
    assert m.raw({}) == 0.5  # a missing feature counts as 0: z = 0
    assert m.confidence({}) == 0.5  # halfway between (0.2, 0.1) and (0.8, 0.9)
    assert m.confidence({"a": 10.0}) == 0.9  # flat beyond the last point
    assert m.confidence({"a": -10.0}) == 0.1
    assert m.confidence({"b": 99.0}) == 0.5  # a feature the model does not know is ignored


def _dossier() -> Dossier:
    ref = MentionRef("a1", 0, "„Wir bleiben“, sagte Eva Roth.")
    sure = Actor("eva-roth", "Eva Roth", "person", (), (), (ref,), confidence=0.97, published=True)
    doubt = Actor("roth", "Roth", "place", (), (), (ref,), confidence=0.4, published=False)
    quote = Quote("q1", "Wir bleiben", "roth", "Roth", "direct", ref, confidence=0.3, published=False)
    shown = Quote("q2", "Wir bleiben", "roth", "Roth", "direct", ref, confidence=0.96, published=True)
    f1 = Figure("f1", 5.0, "Tote", None, "5 Tote", (ref,), conflicts=("f2",), confidence=0.98, published=True)
    f2 = Figure("f2", 7.0, "Tote", None, "7 Tote", (ref,), conflicts=("f1",), confidence=0.2, published=False)
    return Dossier("t", "de", (), (), actors=(sure, doubt), quotes=(quote, shown), figures=(f1, f2))


def test_the_public_view_leaves_out_withheld_items_and_every_reference_to_them() -> None:
    view = public(_dossier())
    assert [a.name for a in view.actors] == ["Eva Roth"]
    assert [(q.id, q.speaker) for q in view.quotes] == [("q2", None)]  # no link to the withheld actor
    assert [(f.id, f.conflicts) for f in view.figures] == [("f1", ())]  # no conflict with a withheld figure
    assert dict(view.withheld) == {"actors": 1, "quotes": 1, "figures": 1}


def test_publish_true_publishes_the_item_and_keeps_its_speaker() -> None:
    c = Correction(line=3, section="quotes", where=Where("a1", 0, "Wir bleiben"), changes=(("publish", True),))
    fixed, stale = apply_corrections(_dossier(), Corrections(None, (c,)))
    assert stale == []
    assert [(q.published, q.speaker_name, q.corrected) for q in fixed.quotes] == [
        (True, "Roth", ""),
        (True, "Roth", ""),
    ]


def test_confidence_and_published_are_valid_schema_additions() -> None:
    schema = json.loads((resources.files("generator") / "dossier.schema.json").read_text(encoding="utf-8"))
    data = dossier_data(_dossier())
    jsonschema.validate(data, schema)
    assert data["actors"][1]["published"] is False and data["actors"][1]["confidence"] == 0.4
    data["actors"][1]["confidence"] = 1.5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(data, schema)


def test_publish_option_is_sure_or_all(tmp_path: Path) -> None:
    (tmp_path / "seeds").mkdir()
    assert load_config({"seeds": "seeds"}, tmp_path).publish == "sure"
    assert load_config({"seeds": "seeds", "publish": "all"}, tmp_path).publish == "all"
    with pytest.raises(ConfigError, match="publish"):
        load_config({"seeds": "seeds", "publish": "maybe"}, tmp_path)


def test_context_evidence_shows_a_name_cut_from_a_longer_one() -> None:
    from generator.merge.evidence import context_features

    articles = frozenset({"der", "des", "dem"})
    # "Helfer" cut from "Helfer ohne Zaun" (invented): a short lowercase word and a capital follow it
    cut = context_features((("Die Organisation ", " ohne Zaun teilte mit"),), articles)
    whole = context_features((("Die Organisation ", " teilte mit"),), articles)
    assert cut["ctx_next_joiner"] == 1.0 and whole["ctx_next_joiner"] == 0.0
    # an inflected name after an article, and the share over two mentions
    two = context_features((("Sprecher des ", " sagte"), ("Gestern hat ", ", der Verband")), articles)
    assert two["ctx_after_article"] == 0.5 and two["ctx_comma_after"] == 0.5
    assert context_features((), articles)["ctx_next_capital"] == 0.0  # no mention: no evidence


def test_a_date_inside_quotation_marks_is_told_from_one_outside() -> None:
    from generator.merge.evidence import _inside_quotation

    assert _inside_quotation("Er sagte: „Am Montag kommen wir“, und ging.", 15)
    assert not _inside_quotation("Am Montag sagte er: „Wir kommen.“", 3)
