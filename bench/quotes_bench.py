"""Speech attribution on SpkAtt-2023 Task 2 training data (700 German Wikinews articles).

    python bench/quotes_bench.py [--limit N]

Gold: annotations with Form Direct or Indirect (Message and Source token ids). The articles are given
as tokenised sentences; we rebuild the text (tokens joined by spaces, one paragraph a sentence), run
the pipeline's actor and quote extractors, and score:

* message detection, token level: P = predicted message tokens that are gold message tokens / all
  predicted; R = gold message tokens found / all gold; per form by the gold form (recall) and the
  predicted kind (precision);
* joint (message + speaker): a gold quote counts when a predicted quote overlaps its message and the
  predicted speaker mention overlaps its Source; P over predicted quotes, R over gold quotes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from generator.analyse.actors import ActorExtractor
from generator.analyse.ner import Tagger
from generator.analyse.postag import PosTagger
from generator.analyse.quotes import QuoteExtractor
from generator.lang import load_language
from generator.model import Article, ArticleMeta, Paragraph, Sentence, Token

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "spkatt2023-train"
FORMS = ("Direct", "Indirect")


def build(doc: dict, name: str) -> tuple[Article, dict[tuple[int, int], int]]:
    """The article, and the character offset of each (sentence, token)."""
    parts: list[str] = []
    pos = 0
    sentences, paragraphs, tokens_by_sentence = [], [], []
    offset: dict[tuple[int, int], int] = {}
    for s in doc["Sentences"]:
        sid = s["SentenceId"]
        toks = []
        start = pos
        for t, word in enumerate(s["Tokens"]):
            offset[(sid, t)] = pos
            toks.append(Token(word, pos, pos + len(word)))
            parts.append(word)
            pos += len(word)
            parts.append(" ")
            pos += 1
        end = pos - 1
        parts.append("\n")
        pos += 1
        idx = len(sentences)
        sentences.append(Sentence(idx, start, end, "", idx))
        paragraphs.append(Paragraph(idx, start, end, False, idx, 1))
        tokens_by_sentence.append(tuple(toks))
    body = "".join(parts)
    sentences = [Sentence(s.index, s.start, s.end, body[s.start : s.end], s.paragraph) for s in sentences]
    meta = ArticleMeta(name, "file name", None, None, None, None, "unknown", "de", "command line", None)
    article = Article(
        id="doc", file=name, body=body, meta=meta, paragraphs=tuple(paragraphs), sentences=tuple(sentences),
        word_count=len(body.split()), content_hash=hashlib.sha256(body.encode()).hexdigest(),
        tokens=tuple(tokens_by_sentence),
    )  # fmt: skip
    return article, offset


def chars(ids: list[str], offset: dict[tuple[int, int], int]) -> set[int]:
    """Character offsets of SpkAtt token ids ("sentence:token")."""
    return {offset[(int(i.split(":")[0]), int(i.split(":")[1]))] for i in ids if ":" in i}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    args = ap.parse_args()
    lang = load_language("de")
    pos_tagger = PosTagger(lang)
    actors = ActorExtractor(lang, Tagger(lang))
    quotes = QuoteExtractor(lang)
    files = sorted(DATA.glob("*.json"))
    if args.limit:
        files = files[: args.limit]
    tp = Counter()  # message tokens: by gold form (recall) and by predicted kind (precision)
    gold_n = Counter()
    pred_n = Counter()
    pred_ok = Counter()
    joint_ok = Counter()
    gold_quotes = Counter()
    pred_quotes = Counter()
    n_tokens = 0
    took = 0.0
    for f in files:
        doc = json.loads(f.read_text(encoding="utf-8"))
        article, offset = build(doc, f.name)
        n_tokens += len(offset)
        t = time.perf_counter()
        pos = [pos_tagger.tag([x.text for x in toks]) for toks in article.tokens]
        found_actors = actors.extract(article, pos)
        found = quotes.extract(article, found_actors)
        took += time.perf_counter() - t

        gold = [
            (a["Form"], chars(a["Message"], offset), chars(a["Source"], offset))
            for a in doc["Annotations"]
            if a["Form"] in FORMS
        ]
        gold_tokens: dict[int, str] = {}
        for form, msg, _ in gold:
            for c in msg:
                gold_tokens[c] = form
        starts = set(offset.values())
        for form in FORMS:
            gold_n[form] += sum(1 for v in gold_tokens.values() if v == form)
        for q in found:
            kind = "Direct" if q.kind == "direct" else "Indirect"
            toks = {c for c in starts if q.start <= c < q.end}
            pred_n[kind] += len(toks)
            pred_ok[kind] += len(toks & gold_tokens.keys())
            for c in toks & gold_tokens.keys():
                tp[gold_tokens[c]] += 1
            pred_quotes[kind] += 1
        for form, msg, src in gold:
            gold_quotes[form] += 1
            for q in found:
                qtoks = {c for c in starts if q.start <= c < q.end}
                if not (qtoks & msg) or q.speaker_start is None or q.speaker_end is None:
                    continue
                speaker = {c for c in starts if q.speaker_start <= c < q.speaker_end}
                if speaker & src:
                    joint_ok[form] += 1
                    break

    def prf(p_num: int, p_den: int, r_num: int, r_den: int) -> str:
        p = p_num / p_den if p_den else 0.0
        r = r_num / r_den if r_den else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"{p:.3f} | {r:.3f} | {f:.3f}"

    print(f"SpkAtt-2023 train: {len(files)} articles, {n_tokens} tokens; gold quotes {dict(gold_quotes)}\n")
    print("| form | message P | message R | message F1 | joint P | joint R | joint F1 |")
    print("|---|---|---|---|---|---|---|")
    for form in FORMS:
        print(
            f"| {form} | {prf(pred_ok[form], pred_n[form], tp[form], gold_n[form])} "
            f"| {prf(joint_ok[form], pred_quotes[form], joint_ok[form], gold_quotes[form])} |"
        )
    all_msg = prf(sum(pred_ok.values()), sum(pred_n.values()), sum(tp.values()), sum(gold_n.values()))
    all_joint = prf(
        sum(joint_ok.values()), sum(pred_quotes.values()), sum(joint_ok.values()), sum(gold_quotes.values())
    )
    print(f"| all | {all_msg} | {all_joint} |")
    print(f"\nspeed (POS, actors, quotes): {n_tokens / took:,.0f} tokens/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
