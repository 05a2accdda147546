"""Speech attribution on SpkAtt-2023 Task 2 (German Wikinews), on the fixed evaluation fold.

    python bench/quotes_bench.py [--fold eval|train|all] [--limit N] [--errors FILE]

Gold: annotations with Form Direct or Indirect (Message and Source token ids). The articles are given
as tokenised sentences; we rebuild the text (tokens joined by spaces, one paragraph a sentence), run
the pipeline's actor and quote extractors, and score:

* message detection, token level: P = predicted message tokens that are gold message tokens / all
  predicted; R = gold message tokens found / all gold; per form by the gold form (recall) and the
  predicted kind (precision);
* joint (message + speaker): a gold quote counts when a predicted quote overlaps its message and the
  predicted speaker mention overlaps its Source; P over predicted quotes, R over gold quotes;
* speaker precision: of the predicted quotes that overlap a gold message and name a speaker, the share
  whose speaker mention overlaps that message's Source.

The evaluation fold (``bench/spkatt.py``) is never trained or tuned on; report on it.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import spkatt
from generator.analyse.actors import ActorExtractor
from generator.analyse.ner import Tagger
from generator.analyse.postag import PosTagger
from generator.analyse.quotes import QuoteExtractor
from generator.lang import load_language

FORMS = spkatt.FORMS
# articles kept for an unseen audit: measured like the rest, never printed as examples
RESERVED = Path(__file__).resolve().parents[2] / "fresh2-ids.txt"


def _chars(ids: frozenset[tuple[int, int]], offset: dict[tuple[int, int], int]) -> set[int]:
    return {offset[i] for i in ids if i in offset}


def _words(body: str, chars: set[int]) -> str:
    return " ".join(body[c : body.index(" ", c)] for c in sorted(chars))[:200]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--fold", choices=("eval", "train", "dev", "all"), default="eval", help="dev: a quarter of train")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--model", type=Path, default=None, help="a speech model file other than the packaged one")
    ap.add_argument(
        "--rules", action="store_true", help="the rules without part-of-speech tags (as for a language with no tagger)"
    )
    ap.add_argument("--errors", type=Path, default=None, help="write wrong and missed quotes here")
    args = ap.parse_args()
    lang = load_language("de")
    pos_tagger = PosTagger(lang)
    actors = ActorExtractor(lang, Tagger(lang))
    quotes = QuoteExtractor(lang, args.model)
    tp = Counter()  # message tokens: by gold form (recall) and by predicted kind (precision)
    gold_n = Counter()
    pred_n = Counter()
    pred_ok = Counter()
    joint_ok = Counter()
    gold_quotes = Counter()
    pred_quotes = Counter()
    joint_pred_ok = Counter()
    speaker_named = speaker_right = 0
    n_tokens = n_docs = 0
    took = 0.0
    errors: list[str] = []
    reserved = set(RESERVED.read_text(encoding="utf-8").splitlines()) if RESERVED.is_file() else set()
    for doc in spkatt.docs(args.fold, args.limit):
        article, offset = doc.article, doc.offset
        n_docs += 1
        n_tokens += len(offset)
        t = time.perf_counter()
        pos = [pos_tagger.tag([x.text for x in toks]) for toks in article.tokens]
        found_actors = actors.extract(article, pos)
        found = quotes.extract(article, found_actors, None if args.rules else pos)
        took += time.perf_counter() - t

        gold = [(g.form, _chars(g.message, offset), _chars(g.source, offset)) for g in doc.gold if g.form in FORMS]
        gold_tokens: dict[int, str] = {}
        for form, msg, _ in gold:
            for c in msg:
                gold_tokens[c] = form
        starts = sorted(offset.values())
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
            speaker = (
                {c for c in starts if q.speaker_start <= c < q.speaker_end}
                if q.speaker_start is not None and q.speaker_end is not None
                else set()
            )
            hits = [(msg, src) for _, msg, src in gold if toks & msg]
            if hits and any(speaker & src for _, src in hits):
                joint_pred_ok[kind] += 1
            if hits and speaker:
                speaker_named += 1
                speaker_right += any(speaker & src for _, src in hits)
            if args.errors and doc.name not in reserved and (not hits or not any(speaker & src for _, src in hits)):
                why = "not speech" if not hits else ("wrong speaker" if speaker else "no speaker")
                gold_src = "; ".join(
                    " ".join(article.body[c : article.body.index(" ", c)] for c in sorted(src)) for _, src in hits
                )
                errors.append(
                    f"{doc.name}\t{why}\t{q.kind}\tspeaker={q.speaker!r}\tgold={gold_src!r}\tcue={q.cue!r}"
                    f"\t{article.body[q.start : q.end][:160]!r}"
                )
        for form, msg, src in gold:
            gold_quotes[form] += 1
            if (
                args.errors
                and doc.name not in reserved
                and not any({c for c in starts if q.start <= c < q.end} & msg for q in found)
            ):
                errors.append(
                    f"{doc.name}\tmissed\t{form}\tgold={_words(article.body, src)!r}\t{_words(article.body, msg)!r}"
                )
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

    print(f"SpkAtt-2023, {args.fold} fold: {n_docs} articles, {n_tokens} tokens; gold quotes {dict(gold_quotes)}\n")
    print("| form | message P | message R | message F1 | joint P | joint R | joint F1 |")
    print("|---|---|---|---|---|---|---|")
    for form in FORMS:
        print(
            f"| {form} | {prf(pred_ok[form], pred_n[form], tp[form], gold_n[form])} "
            f"| {prf(joint_pred_ok[form], pred_quotes[form], joint_ok[form], gold_quotes[form])} |"
        )
    all_msg = prf(sum(pred_ok.values()), sum(pred_n.values()), sum(tp.values()), sum(gold_n.values()))
    all_joint = prf(
        sum(joint_pred_ok.values()), sum(pred_quotes.values()), sum(joint_ok.values()), sum(gold_quotes.values())
    )
    print(f"| all | {all_msg} | {all_joint} |")
    share = speaker_right / speaker_named if speaker_named else 0.0
    print(f"\nspeaker precision (on a gold message, speaker named): {speaker_right}/{speaker_named} = {share:.3f}")
    print(f"speed (POS, actors, quotes): {n_tokens / took:,.0f} tokens/s")
    if args.errors:
        args.errors.write_text("\n".join(errors) + "\n", encoding="utf-8")
        print(f"{len(errors)} wrong or unattributed quotes → {args.errors}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
