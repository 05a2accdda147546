"""Indirect speech: a sentence whose speech verb frames a clause ("X sagte, …", "…, erklärte X"), a
source phrase ("nach Angaben der Polizei …", "ersten Angaben zufolge …") or "laut X …"."""

from __future__ import annotations

from collections.abc import Sequence

from generator.analyse.direct_speech import SENTENCE_END, Span
from generator.analyse.speech_frames import Frames
from generator.lang import LanguageData
from generator.model import ActorMention, Article, QuoteMention, Token


class IndirectSpeech:
    def __init__(self, lang: LanguageData, frames: Frames) -> None:
        self.lang = lang
        self.q = lang.quotes
        self.frames = frames

    def find(self, article: Article, actors: Sequence[ActorMention], covered: Sequence[Span]) -> list[QuoteMention]:
        out: list[QuoteMention] = []
        for s, tokens in zip(article.sentences, article.tokens, strict=True):
            if article.paragraphs[s.paragraph].heading or not tokens:
                continue
            if any(c.start < s.end and s.start < c.end for c in covered):
                continue
            words = [t.text for t in tokens]
            low = [w.casefold() for w in words]
            commas = [k for k, w in enumerate(words) if w == ","]
            found = None
            # a frame after the last comma: "..., erklaerte X." / "..., berichtete das Staatsfernsehen."
            # (or right after any comma: "Er plane Gespräche, sagte Weber, dessen Land …")
            for c in commas:
                for k in range(c + 1, min(len(words), c + 3)):
                    introduces = k + 1 < len(words) and words[k + 1] == ","  # "…, Lena Vogt, sagte, …"
                    if (
                        low[k] in self.q.speech_verbs
                        and not introduces
                        and (k == c + 1 or low[c + 1] in self.q.so_words)
                    ):
                        found = (k, (0, c), True)
                        break
                if found is not None:
                    break
            # a frame before a comma: "X sagte, ...", "Die Sprecherin ..., Lena Vogt, sagte, ..."
            if found is None:
                for k, w in enumerate(low):
                    after = [c for c in commas if c > k]
                    if w in self.q.speech_verbs and after and after[0] - k <= self.q.frame_gap:
                        end_tok = len(words) - (1 if words[-1] in SENTENCE_END else 0)
                        found = (k, (after[0] + 1, end_tok), False)
                        break
            if found is None:
                source = self._source_phrase(article, tokens, low, actors)
                if source is not None:
                    out.append(source)
                    continue
            if found is None:
                # "laut Kobold …", "Kobold zufolge …"
                for k, w in enumerate(low):
                    if w in self.q.according_words:
                        target = k + 1 if w != "zufolge" else k - 1
                        hit = [
                            a for a in actors if 0 <= target < len(tokens) and a.start <= tokens[target].start < a.end
                        ]
                        if hit:
                            msg_tokens = [t for t in tokens if not (hit[0].start <= t.start < hit[0].end)]
                            m = QuoteMention(s.start, s.end, s.text, "indirect", hit[0].name,
                                             hit[0].start, hit[0].end, words[k])  # fmt: skip
                            if len(msg_tokens) > 4:
                                out.append(m)
                            break
                continue
            k, (m0, m1), frame_after = found
            if m1 - m0 < 3:
                continue
            speaker, pron = self.frames.speaker_near(tokens, k, actors, tokens[k].start, forward=frame_after)
            if speaker is None:
                speaker, pron = self.frames.speaker_near(tokens, k, actors, tokens[k].start, forward=not frame_after)
            named = pron or speaker
            start, end = tokens[m0].start, tokens[m1 - 1].end
            if speaker is None:  # no actor: the speaker as the frame names it ("Ein Sprecher der Polizei")
                frame = self.frames.frame_phrase(tokens, k, forward=frame_after, stop=(m0, m1))
                if frame is not None:
                    a0, a1 = tokens[frame[0]].start, tokens[frame[1] - 1].end
                    message = article.body[start:end]
                    out.append(QuoteMention(start, end, message, "indirect", article.body[a0:a1], a0, a1, words[k]))
                    continue
            out.append(
                QuoteMention(
                    start,
                    end,
                    article.body[start:end],
                    "indirect",
                    speaker.name if speaker else None,
                    named.start if named else None,
                    named.end if named else None,
                    words[k],
                )
            )
        return out

    def _source_phrase(
        self, article: Article, tokens: Sequence[Token], low: Sequence[str], actors: Sequence[ActorMention]
    ) -> QuoteMention | None:
        """ "nach Angaben der Polizei …", "ersten Angaben zufolge …", "Seiner Meinung nach …": the
        sentence is what the source says."""
        n = len(tokens)
        for phrase in self.q.source_phrases:
            k = len(phrase)
            for i in range(n - k + 1):
                if tuple(low[i : i + k]) != phrase:
                    continue
                if phrase[-1] in ("nach", "zufolge"):  # postposition: the source stands before
                    s0 = i
                    while s0 > 0 and i + k - s0 < 6 and tokens[s0 - 1].text not in ",.;:":
                        s0 -= 1
                    src = (s0, i + k - 1) if i + k - 1 > s0 else (i, i + k - 1)
                else:  # "nach Angaben der Polizei": the source follows
                    e = i + k
                    while e < n and (
                        tokens[e].text[:1].isupper()
                        or low[e] in ("der", "des", "dem", "den", "von", "vom")
                        or (
                            tokens[e].text.islower()
                            and low[e].endswith(("en", "er", "e"))
                            and e + 1 < n
                            and tokens[e + 1].text[:1].isupper()
                        )
                    ):
                        e += 1
                    src = (i + 1, e)
                if src[1] <= src[0]:
                    continue
                a, b = tokens[src[0]].start, tokens[src[1] - 1].end
                named = [m for m in actors if a <= m.start < b and m.kind in ("person", "organization")]
                speaker = named[0].name if named else article.body[a:b]
                s0_, s1_ = (named[0].start, named[0].end) if named else (a, b)
                # what is said: the rest of the sentence, where the source phrase opens or closes it
                first, last = min(i, src[0]), max(i + k, src[1])
                body_end = n - 1 if tokens[-1].text in SENTENCE_END else n
                if first == 0 and last < body_end:
                    start, end = tokens[last].start, tokens[body_end - 1].end
                elif last >= body_end and first > 0:
                    end_token = first - 1 if tokens[first - 1].text == "," else first
                    start, end = tokens[0].start, tokens[max(end_token, 1) - 1].end
                else:
                    start, end = tokens[0].start, tokens[-1].end
                cue = " ".join(t.text for t in tokens[i : i + k])
                return QuoteMention(start, end, article.body[start:end], "indirect", speaker, s0_, s1_, cue)
        return None
