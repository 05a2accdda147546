"""Direct speech: text in quotation marks (every style of ``quotes.yaml``), across sentences within a
paragraph; a quotation left open runs to the paragraph's end, and a closing mark with no opening one
starts at the paragraph's start. A short quoted term with no frame ("Terroristen", "liquidiert") is a
scare quote, not speech.

The frame is the rest of the sentence around the quotation: a speech verb ("sagte", "teilte … mit",
"hieß es"), "so X" or "laut X", or a sentence before it that ends in a colon.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.analyse.speakers import Run, Speakers, finite
from generator.analyse.speech_frames import Frames
from generator.lang import LanguageData
from generator.model import ActorMention, Article, Token

SENTENCE_END = ".!?"
FRAME_SUBJECT = 5  # tokens at the start of a colon frame where its speaker is named


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Direct:
    """A quotation, its speaker (if the frame names one), the mention that names it, and the cue."""

    span: Span
    speaker: ActorMention | None
    named_by: Token | ActorMention | None
    cue: str | None
    # with part-of-speech tags: the speaker's name (an actor's, or a phrase as written) and its offsets
    said_by: tuple[str | None, int | None, int | None] | None = None


class DirectSpeech:
    def __init__(self, lang: LanguageData, frames: Frames, speakers: Speakers | None = None) -> None:
        self.lang = lang
        self.speakers = speakers
        self.q = lang.quotes
        self.frames = frames
        self._openers = {o: c for o, c in self.q.quote_marks}
        self._closers = {c for _, c in self.q.quote_marks}

    def passages(self, article: Article) -> list[Span]:
        """Every passage in quotation marks, paragraph by paragraph (headings left out)."""
        return [span for p in article.paragraphs if not p.heading for span in self.quoted(article.body, p.start, p.end)]

    def find(
        self,
        article: Article,
        actors: Sequence[ActorMention],
        passages: Sequence[Span] | None = None,
        pos: Sequence[Sequence[str]] | None = None,
    ) -> list[Direct]:
        """Quotations that are speech (quoted terms left out), with their frames; ``passages``: the
        article's :meth:`passages`, when the caller has them already; ``pos``: the sentences' tags
        (with them the speaker is the frame's subject, and a short quotation its verb frames in the
        same clause is speech: "X nannte den Plan „völlig überzogen“")."""
        direct: list[Direct] = []
        for span in self.passages(article) if passages is None else passages:
            text = article.body[span.start : span.end].strip()
            if not text:
                continue
            speaker, named_by, cue, adjacent = self.attribute(article, span.start, span.end, actors)
            said_by = None
            if pos is not None and self.speakers is not None and not self.q.clause_openers:
                tagged = self._tagged(article, span.start, span.end, actors, pos)
                if tagged is not None:
                    said_by, cue, near = tagged
                    # one quoted noun is a term even so ("nannte die Demonstranten „Terroristen“")
                    # nor is a name or title, however framed ("sagte der Zeitung „Neues Blatt“")
                    adjacent = adjacent or (near and text[:1].islower())
            words = self.words(text)
            sentence_inside = any(ch in text for ch in SENTENCE_END) and words >= 3
            if words < self.q.min_words and not sentence_inside and not adjacent:
                continue  # a quoted term, not speech
            direct.append(Direct(span, speaker, named_by, cue, said_by))
        return direct

    def _tagged(
        self, article: Article, qs: int, qe: int, actors: Sequence[ActorMention], pos: Sequence[Sequence[str]]
    ) -> tuple[tuple[str | None, int | None, int | None], str, bool] | None:
        """(speaker, cue, whether the cue frames the quotation in its own clause) from the tagged frame:
        after the quotation ("„…“, sagte X", "„…“, so X") or before it in its sentence ("X sagte: „…“",
        "X nannte den Plan „…“", "X zeigte sich zuversichtlich: „…“")."""
        assert self.speakers is not None
        for s in article.sentences:
            if not (s.start < qe <= s.end):
                continue
            toks, tags = article.tokens[s.index], pos[s.index]
            after = [k for k, t in enumerate(toks) if t.start > qe]
            if after and toks[after[0]].text in ",":
                for k in after[1:4]:
                    so = toks[k].text.casefold() in self.q.so_words and k == after[1]
                    if so or self.frames.is_cue(toks[k].text, tags[k]):
                        between = any(toks[j].text[:1].isalnum() for j in range(after[1], k))
                        said = self.speakers.subject(article, actors, pos, s.index, k, after=not between)
                        return said, toks[k].text, True
                    if toks[k].text in ",.;:!?":
                        break
        for s in article.sentences:
            if not (s.start <= qs < s.end):
                continue
            toks, tags = article.tokens[s.index], pos[s.index]
            before = [k for k, t in enumerate(toks) if t.end < qs]
            if not before:
                return None
            colon = toks[before[-1]].text == ":"
            for k in reversed(before):
                if toks[k].text in ".;!?" or (toks[k].text == "," and not colon):
                    break
                if self.frames.is_cue(toks[k].text, tags[k]) or (colon and finite(tags[k])):
                    said = self.speakers.subject(article, actors, pos, s.index, k, after=False)
                    return (
                        said,
                        (":" if colon and not self.frames.is_cue(toks[k].text, tags[k]) else toks[k].text),
                        True,
                    )
            if colon:  # "Der Innenminister: „…“": a phrase with no verb names the speaker
                start = max((k + 1 for k in before if toks[k].text in ".;!?"), default=0)
                said = self.speakers.resolve(article, actors, pos, Run(s.index, start, before[-1]))
                return said, ":", True
        return None

    def quoted(self, body: str, start: int, end: int) -> list[Span]:
        """Quoted passages (inside the marks) in ``body[start:end]`` (one paragraph)."""
        spans: list[Span] = []
        i = start
        first = True
        while i < end:
            ch = body[i]
            symmetric = ch in self._openers and self._openers[ch] == ch
            closing_first = (
                first
                and ch in self._closers
                and i > start
                and (not body[i - 1].isspace() or body[i + 1 : i + 3].lstrip()[:1] in (",", ";"))
                and (i + 1 >= end or body[i + 1] in ",.;:" or body[i + 1].isspace())
            )
            if closing_first and (not symmetric or body[i + 1 : i + 2] in (",", ".")):
                spans.append(Span(start, i))  # a quotation whose opening mark is missing
                first = False
                i += 1
                continue
            if ch in self._openers and (not symmetric or (i + 1 < end and not body[i + 1].isspace())):
                close = self._openers[ch]
                j = body.find(close, i + 1, end)
                spans.append(Span(i + 1, j if j >= 0 else end))
                first = False
                i = (j if j >= 0 else end) + 1
                continue
            if not ch.isspace():
                first = first and ch not in self._closers
            i += 1
        return [s for s in spans if s.end > s.start]

    def words(self, text: str) -> int:
        return sum(1 for w in text.split() if any(c.isalnum() for c in w))

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

    def attribute(
        self, article: Article, qs: int, qe: int, actors: Sequence[ActorMention]
    ) -> tuple[ActorMention | None, Token | ActorMention | None, str | None, bool]:
        """(speaker, the mention that names it, cue, whether the frame stands right beside the quote)."""
        before, after = self._frame_tokens(article, qs, qe)
        cue = self.frames.cue(after[: FRAME_SUBJECT + 3])  # '…," EU foreign policy chief Marco Bellini said'
        if cue is not None and cue > 5 and any(t.text in ",.;:!?" for t in after[:cue]):
            cue = None  # beyond the usual frame only where no punctuation stands between
        if cue is not None:
            # the frame's comma stands after the quotation or, in English, inside it ("…," she said)
            comma_inside = article.body[qs:qe].rstrip().endswith(",")
            adjacent = bool(after) and (after[0].text in (",", ":") or comma_inside) and cue <= 3
            # a subject between the quotation and the verb speaks ("…," Weber told the agency); else
            # the one after the verb ("…", sagte Weber)
            subject_first = any(t.text[:1].isalnum() for t in after[:cue])
            speaker, pron = self.frames.speaker_near(after, cue, actors, qs, forward=not subject_first)
            if speaker is None:
                speaker, pron = self.frames.speaker_near(after, cue, actors, qs, forward=subject_first)
            return speaker, pron or speaker, after[cue].text, adjacent
        cue = self.frames.cue(before, reverse=True)
        if cue is not None:
            adjacent = bool(before) and before[-1].text == ":"
            speaker, pron = self.frames.speaker_near(before, cue, actors, qs, forward=False)
            if speaker is None:
                speaker, pron = self.frames.speaker_near(before, cue, actors, qs, forward=True)
            return speaker, pron or speaker, before[cue].text, adjacent
        return self._colon_frame(article, qs, actors)

    def _colon_frame(
        self, article: Article, qs: int, actors: Sequence[ActorMention]
    ) -> tuple[ActorMention | None, Token | ActorMention | None, str | None, bool]:
        """A sentence that ends in a colon frames the quotation after it: "X zeigte sich zuversichtlich: „…“".
        Its speaker is its subject, an actor named at its start; one named later in it is not ("Der
        Ermittler will nach dem Fall N. N. aufhören: „…“")."""
        previous = [s for s in article.sentences if s.end <= qs]
        if not previous:
            return None, None, None, False
        s = previous[-1]
        gap = article.body[s.end : qs].strip(' \n\t"„“»«‚‘”')
        if not s.text.rstrip().endswith(":") or gap:
            return None, None, None, False
        tokens = article.tokens[s.index]
        start = tokens[min(len(tokens), FRAME_SUBJECT) - 1].end if tokens else s.start
        named = [a for a in actors if s.start <= a.start < start and a.kind in ("person", "organization")]
        if named:
            return named[0], named[0], ":", True
        for t in tokens[:3]:
            if t.text.casefold() in self.q.pronouns:
                return self.frames.last_person(actors, t.start), t, ":", True
        return None, None, ":", True
