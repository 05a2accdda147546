"""Data out: ``dossier.json`` (schema version 1) and the per-article records of ``dossier analyse``."""

from __future__ import annotations

import json
from typing import Any

from generator.analyse.summarise import summary_text
from generator.model import Article, ArticleFacts, Dossier, MentionRef

SCHEMA_VERSION = 1


def _num(value: float | None) -> float | int | None:
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _mention(ref: MentionRef) -> dict[str, Any]:
    return {"article": ref.article, "sentence": ref.sentence, "text": ref.text}


def dossier_data(dossier: Dossier) -> dict[str, Any]:
    facts = {f.article_id: f for f in dossier.facts}
    return {
        "schema_version": SCHEMA_VERSION,
        "title": dossier.title,
        "articles": [
            {
                "id": a.id,
                "file": a.file,
                "title": a.title,
                "source": a.meta.source,
                "url": a.meta.url,
                "published": a.meta.published.isoformat() if a.meta.published else None,
                "published_basis": a.meta.published_basis,
                "published_evidence": a.meta.published_evidence,
                "language": a.meta.language,
                "word_count": a.word_count,
                "summary": [summary_text(a, i) for i in facts[a.id].summary],
                "page": f"articles/{a.id}.md",
            }
            for a in dossier.articles
        ],
        "actors": [
            {
                "id": x.id,
                "name": x.name,
                "kind": x.kind,
                "aliases": list(x.aliases),
                "roles": list(x.roles),
                "mentions": [_mention(r) for r in x.mentions],
                **_corrected(x.corrected),
                **_verified(x.confidence, x.published),
            }
            for x in dossier.actors
        ],
        "figures": [
            {
                "id": f.id,
                "value": _num(f.value),
                "unit": f.unit,
                "qualifier": f.qualifier,
                "text": f.text,
                "mentions": [_mention(r) for r in f.mentions],
                "conflicts_with": list(f.conflicts),
                **_corrected(f.corrected),
                **_verified(f.confidence, f.published),
                **({"measure": f.measure} if f.measure else {}),
                **({"upper": _num(f.upper)} if f.upper is not None else {}),
            }
            for f in dossier.figures
            if f.value is not None  # the schema wants a number; vague amounts stay on the pages
        ],
        "developments": [
            {
                "id": d.id,
                "measure": d.measure,
                "counted": d.counted,
                **_verified(d.confidence, d.published),
                "points": [
                    {"figure": p.figure, "value": _num(p.value), "date": p.date, "articles": list(p.articles)}
                    for p in d.points
                ],
            }
            for d in dossier.developments
        ],
        "quotes": [
            {
                "id": q.id,
                "text": q.text,
                "speaker": q.speaker,
                "speaker_name": q.speaker_name,
                "kind": q.kind,
                "mention": _mention(q.mention),
                "cue": q.cue,
                "addressee": q.addressee,
                **_corrected(q.corrected),
                **_verified(q.confidence, q.published),
            }
            for q in dossier.quotes
        ],
        "timeline": [
            {
                "id": e.id,
                "date": e.date,
                "time_of_day": e.time_of_day,
                **({"until": e.until} if e.until else {}),
                **_corrected(e.corrected),
                **_verified(e.confidence, e.published),
                "label": e.label,
                "mentions": [
                    {
                        "article": m.article,
                        "sentence": m.sentence,
                        "text": m.text,
                        "expression": m.expression,
                        **({"anchor": m.anchor} if m.anchor else {}),
                    }
                    for m in e.mentions
                ],
            }
            for e in dossier.timeline
        ],
    }


def _corrected(note: str | None) -> dict[str, Any]:
    """ "corrected": {"note": …} on an item an editor corrected; nothing otherwise."""
    return {} if note is None else {"corrected": {"note": note or None}}


def _verified(confidence: float | None, published: bool) -> dict[str, Any]:
    """The verifier's confidence and whether the pages show the item, where a verifier ran."""
    return {} if confidence is None else {"confidence": confidence, "published": published}


def dossier_json(dossier: Dossier) -> bytes:
    # compact: the C encoder (an indent would take the slow pure-Python path), and a smaller download
    return (json.dumps(dossier_data(dossier), ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


def article_record(article: Article, facts: ArticleFacts, file: str) -> dict[str, Any]:
    """One line of ``dossier analyse``: offsets into the body text as read (front matter removed)."""
    return {
        "file": file,
        "id": article.id,
        "language": article.meta.language,
        "published": article.meta.published.isoformat() if article.meta.published else None,
        "published_basis": article.meta.published_basis,
        "published_evidence": article.meta.published_evidence,
        "sentences": [{"start": s.start, "end": s.end} for s in article.sentences],
        "actors": [
            {"start": m.start, "end": m.end, "text": m.text, "kind": m.kind, "name": m.name, "role": m.role}
            for m in facts.actors
        ],
        "times": [
            {"start": m.start, "end": m.end, "text": m.text, "type": m.type, "value": m.value}
            | ({"anchor": m.anchor} if m.anchor else {})
            | ({"until": m.until} if m.until else {})
            for m in facts.times
        ],
        "figures": [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "value": _num(m.value),
                "unit": m.unit,
                "qualifier": m.qualifier,
            }
            | ({"measure": m.measure} if m.measure else {})
            | ({"change": True} if m.change else {})
            | ({"upper": _num(m.upper)} if m.upper is not None else {})
            for m in facts.figures
        ],
        "quotes": [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "kind": m.kind,
                "speaker": m.speaker,
                "speaker_start": m.speaker_start,
                "speaker_end": m.speaker_end,
                "cue": m.cue,
                "addressee": m.addressee,
            }
            for m in facts.quotes
        ],
    }
