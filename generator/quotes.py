"""Quotes in one article: direct and indirect speech, each with the speaker the text gives.

Direct speech is text in quotation marks (every style of ``quotes.yaml``), across sentences within a
paragraph; a quotation left open runs to the paragraph's end, and a closing mark with no opening one
starts at the paragraph's start. A short quoted term with no frame ("Terroristen", "liquidiert") is a
scare quote, not speech.

The frame is the rest of the sentence around the quotation: a speech verb ("sagte", "teilte … mit",
"hieß es"), "so X" or "laut X". The speaker is the actor named in the frame; a pronoun or possessive
("sagte er", "in seiner Erklärung") stands for the last person named before; a quotation without a
frame continues the previous one's speaker. No frame and no previous speaker: the speaker stays
unknown (None), never a guess.

Indirect speech is a sentence whose speech verb frames a clause: "X sagte, …", "…, erklärte X",
"laut X …".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.lang import LanguageData
from generator.model import ActorMention, Article, QuoteMention, Token

SENTENCE_END = ".!?"


@dataclass(frozen=True)
class _Span:
    start: int
    end: int


class QuoteExtractor:
    def __init__(self, lang: LanguageData) -> None:
        self.lang = lang
        self.q = lang.quotes
        self._openers = {o: c for o, c in self.q.quote_marks}
        self._closers = {c for _, c in self.q.quote_marks}

    # --- direct speech -----------------------------------------------------------------------------

    def _quoted(self, body: str, start: int, end: int) -> list[_Span]:
        """Quoted passages (inside the marks) in ``body[start:end]`` (one paragraph)."""
        spans: list[_Span] = []
        i = start
        first = True
        while i < end:
            ch = body[i]
            symmetric = ch in self._openers and self._openers[ch] == ch
            closing_first = (
                first
                and ch in self._closers
                and i > start
                and not body[i - 1].isspace()
                and (i + 1 >= end or body[i + 1] in ",.;:" or body[i + 1].isspace())
            )
            if closing_first and (not symmetric or body[i + 1 : i + 2] in (",", ".")):
                spans.append(_Span(start, i))  # a quotation whose opening mark is missing
                first = False
                i += 1
                continue
            if ch in self._openers and (not symmetric or (i + 1 < end and not body[i + 1].isspace())):
                close = self._openers[ch]
                j = body.find(close, i + 1, end)
                spans.append(_Span(i + 1, j if j >= 0 else end))
                first = False
                i = (j if j >= 0 else end) + 1
                continue
            if not ch.isspace():
                first = first and ch not in self._closers
            i += 1
        return [s for s in spans if s.end > s.start]

    def _words(self, text: str) -> int:
        return sum(1 for w in text.split() if any(c.isalnum() for c in w))

    # --- frames and speakers -----------------------------------------------------------------------

    def _frame_tokens(self, article: Article, qs: int, qe: int) -> tuple[list[Token], list[Token]]:
        """Tokens of the sentences the quotation starts and ends in, before and after it."""
        before: list[Token] = []
        after: list[Token] = []
        for s, tokens in zip(article.sentences, article.tokens, strict=True):
            if s.start <= qs < s.end or s.start < qs <= s.end:
                before = [t for t in tokens if t.end <= qs - 1]
            if s.start <= qe < s.end or (s.start < qe <= s.end):
                after = [t for t in tokens if t.start > qe]
        return before, after

    def _cue(self, tokens: Sequence[Token], reverse: bool = False) -> int | None:
        order = range(len(tokens) - 1, -1, -1) if reverse else range(len(tokens))
        for k in order:
            low = tokens[k].text.casefold()
            if low in self.q.speech_verbs:
                return k
            if low in self.q.so_words and (k == 0 or tokens[k - 1].text == ","):
                return k
        return None

    def _speaker_near(
        self, tokens: Sequence[Token], cue: int, actors: Sequence[ActorMention], before_pos: int, forward: bool
    ) -> tuple[ActorMention | None, Token | None]:
        """The actor (or pronoun, or role phrase) that speaks for the cue at ``tokens[cue]``: searched
        after the cue (``forward``) or before it."""
        span = list(tokens[cue + 1 :]) if forward else list(reversed(tokens[:cue]))
        for n, t in enumerate(span[:10]):
            if t.text in (".", "!", "?", ";", ":") or (t.text == "," and forward and n > 3):
                break
            low = t.text.casefold()
            for a in actors:
                if a.start <= t.start < a.end and a.kind in ("person", "organization"):
                    return a, None
            if low in self.q.pronouns or low in self.q.possessives:
                return self._last_person(actors, before_pos), t
            if self.lang.actors.is_role(t.text):  # "Der französische Präsident erklärte"
                holder = self._role_holder(t.text, actors, t.start)
                if holder is not None:
                    return holder, t
        return None, None

    @staticmethod
    def _role_holder(role: str, actors: Sequence[ActorMention], at: int) -> ActorMention | None:
        """The person the article gives this role, nearest to ``at``."""
        low = role.casefold()
        holders = [a for a in actors if a.kind == "person" and a.role and low in a.role.casefold()]
        return min(holders, key=lambda a: abs(a.start - at)) if holders else None

    def _frame_phrase(
        self, tokens: Sequence[Token], cue: int, forward: bool, stop: tuple[int, int]
    ) -> tuple[int, int] | None:
        """The words that name the speaker next to the cue: after it ("…, sagte ein Sprecher der Polizei")
        or before it ("Ein Sprecher der Polizei sagte, …"), outside the message, up to 8 words."""
        if forward:
            k = cue + 1
            end = k
            while (
                end < len(tokens) and end - k < 8 and tokens[end].text not in ",.;:!?" and not stop[0] <= end < stop[1]
            ):
                end += 1
            span = (k, end)
        else:
            start = cue
            while (
                start > 0
                and cue - start < 8
                and tokens[start - 1].text not in ".;:!?"
                and not stop[0] <= start - 1 < stop[1]
            ):
                start -= 1
            span = (start, cue)
        # no function word at the end ("teilte die Feuerwehr mit": the particle is no part of the name)
        while span[1] > span[0] and tokens[span[1] - 1].text.casefold() in self.lang.function_words:
            span = (span[0], span[1] - 1)
        words = [t.text for t in tokens[span[0] : span[1]]]
        content = [w for w in words if w[:1].isupper() and w.casefold() not in self.lang.function_words]
        return span if content else None

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
                start, end = tokens[0].start, tokens[-1].end
                cue = " ".join(t.text for t in tokens[i : i + k])
                return QuoteMention(start, end, article.body[start:end], "indirect", speaker, s0_, s1_, cue)
        return None

    @staticmethod
    def _last_person(actors: Sequence[ActorMention], before: int) -> ActorMention | None:
        persons = [a for a in actors if a.kind == "person" and a.start < before]
        return persons[-1] if persons else None

    def _attribute(
        self, article: Article, qs: int, qe: int, actors: Sequence[ActorMention]
    ) -> tuple[ActorMention | None, Token | ActorMention | None, str | None, bool]:
        """(speaker, the mention that names it, cue, whether the frame stands right beside the quote)."""
        before, after = self._frame_tokens(article, qs, qe)
        cue = self._cue(after[:6])
        if cue is not None:
            adjacent = bool(after) and after[0].text in (",", ":") and cue <= 3
            speaker, pron = self._speaker_near(after, cue, actors, qs, forward=True)
            if speaker is None:
                speaker, pron = self._speaker_near(after, cue, actors, qs, forward=False)
            return speaker, pron or speaker, after[cue].text, adjacent
        cue = self._cue(before, reverse=True)
        if cue is not None:
            adjacent = bool(before) and before[-1].text == ":"
            speaker, pron = self._speaker_near(before, cue, actors, qs, forward=False)
            if speaker is None:
                speaker, pron = self._speaker_near(before, cue, actors, qs, forward=True)
            return speaker, pron or speaker, before[cue].text, adjacent
        return self._colon_frame(article, qs, actors)

    def _colon_frame(
        self, article: Article, qs: int, actors: Sequence[ActorMention]
    ) -> tuple[ActorMention | None, Token | ActorMention | None, str | None, bool]:
        """A sentence that ends in a colon frames the quotation after it: "X zeigte sich zuversichtlich: „…“"."""
        previous = [s for s in article.sentences if s.end <= qs]
        if not previous:
            return None, None, None, False
        s = previous[-1]
        gap = article.body[s.end : qs].strip(' \n\t"„“»«‚‘”')
        if not s.text.rstrip().endswith(":") or gap:
            return None, None, None, False
        tokens = article.tokens[s.index]
        named = [a for a in actors if s.start <= a.start < s.end and a.kind in ("person", "organization")]
        if named:
            return named[-1], named[-1], ":", True
        for t in tokens[:3]:
            if t.text.casefold() in self.q.pronouns:
                return self._last_person(actors, t.start), t, ":", True
        return None, None, ":", True

    # --- the article -------------------------------------------------------------------------------

    def extract(self, article: Article, actors: Sequence[ActorMention]) -> tuple[QuoteMention, ...]:
        # 1. quotations that are speech (quoted terms left out), with their frames
        direct: list[tuple[_Span, ActorMention | None, Token | ActorMention | None, str | None]] = []
        for p in article.paragraphs:
            if p.heading:
                continue
            for span in self._quoted(article.body, p.start, p.end):
                text = article.body[span.start : span.end].strip()
                if not text:
                    continue
                speaker, named_by, cue, adjacent = self._attribute(article, span.start, span.end, actors)
                words = self._words(text)
                sentence_inside = any(ch in text for ch in SENTENCE_END) and words >= 3
                if words < self.q.min_words and not sentence_inside and not adjacent:
                    continue  # a quoted term, not speech
                direct.append((span, speaker, named_by, cue))
        covered = [d[0] for d in direct]
        # 2. indirect speech in the sentences no quotation covers
        out = self._indirect(article, actors, covered)
        # 3. direct speech; a quotation with no frame continues the speaker of the quote before it
        for span, speaker, named_by, cue in direct:
            name: str | None
            if speaker is None and cue is None:
                before = [m for m in out if m.end <= span.start and m.speaker and span.start - m.end < 400]
                prev = max(before, key=lambda m: m.end, default=None)
                name = prev.speaker if prev else None
                s_start, s_end = (prev.speaker_start, prev.speaker_end) if prev else (None, None)
            else:
                name = speaker.name if speaker else None
                s_start = named_by.start if named_by is not None else None
                s_end = named_by.end if named_by is not None else None
            text = article.body[span.start : span.end]
            out.append(QuoteMention(span.start, span.end, text, "direct", name, s_start, s_end, cue))
            out.sort(key=lambda m: m.start)
        return tuple(out)

    def _indirect(
        self, article: Article, actors: Sequence[ActorMention], covered: Sequence[_Span]
    ) -> list[QuoteMention]:
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
            speaker, pron = self._speaker_near(tokens, k, actors, tokens[k].start, forward=frame_after)
            if speaker is None:
                speaker, pron = self._speaker_near(tokens, k, actors, tokens[k].start, forward=not frame_after)
            named = pron or speaker
            start, end = tokens[m0].start, tokens[m1 - 1].end
            if speaker is None:  # no actor: the speaker as the frame names it ("Ein Sprecher der Polizei")
                frame = self._frame_phrase(tokens, k, forward=frame_after, stop=(m0, m1))
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
