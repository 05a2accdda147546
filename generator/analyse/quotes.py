"""Quotes in one article: direct and indirect speech, each with the speaker the text gives.

Direct speech (:mod:`~generator.analyse.direct_speech`) is found first; indirect speech
(:mod:`~generator.analyse.indirect_speech`) in the sentences no quotation covers. Both find their
frame and speaker with :mod:`~generator.analyse.speech_frames`: the speaker is the actor named in the
frame; a pronoun or possessive ("sagte er", "in seiner Erklärung") stands for the last person named
before; a quotation without a frame continues the previous one's speaker. No frame and no previous
speaker: the speaker stays unknown (None), never a guess.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from generator.analyse.direct_speech import DirectSpeech, Span
from generator.analyse.indirect_speech import IndirectSpeech
from generator.analyse.labelled_speech import LabelledSpeech
from generator.analyse.speakers import Speakers
from generator.analyse.speech_frames import Frames
from generator.analyse.speech_tagger import SpeechTagger
from generator.lang import LanguageData
from generator.model import ActorMention, Article, QuoteMention
from generator.read.layout import dateline_end


class QuoteExtractor:
    def __init__(self, lang: LanguageData, speech_model: Path | None = None) -> None:
        """``speech_model``: another model file than the packaged one (to measure one in training)."""
        self.lang = lang
        frames = Frames(lang)
        self.speakers = Speakers(lang, frames)
        self.direct = DirectSpeech(lang, frames, self.speakers)
        self._own_nouns = lang.quotes.learned_cues | lang.quotes.own_sources  # "eigenen Angaben", "own account"
        self.indirect = IndirectSpeech(lang, frames, self.speakers)
        self.labelled = (
            LabelledSpeech(lang, SpeechTagger(lang, speech_model), frames)
            if speech_model is not None or SpeechTagger.available(lang.code)
            else None
        )

    def extract(
        self,
        article: Article,
        actors: Sequence[ActorMention],
        pos: Sequence[Sequence[str]] | None = None,
        passages: Sequence[Span] | None = None,
    ) -> tuple[QuoteMention, ...]:
        """``pos``: the part-of-speech tags of the article's sentences; the speech model needs them,
        without them (or without a model for the language) the rules alone find quotes. ``passages``:
        the article's passages in quotation marks, when the caller has them."""
        body_start = _dateline_end(article)  # what is said never includes the dateline
        return tuple(
            self._own_source(article, actors, _after(article, q, body_start), body_start)
            for q in self._find(article, actors, pos, passages)
        )

    def _own_source(
        self, article: Article, actors: Sequence[ActorMention], q: QuoteMention, body_start: int
    ) -> QuoteMention:
        """ "X hat nach eigenen Angaben …", "by its own account": the source is the sentence's subject,
        its first person or organisation named outside what is said (and after the dateline, which
        starts at ``body_start``); none, the speaker stays unknown."""
        if q.speaker is not None or q.kind != "indirect" or not self.lang.quotes.own_words:
            return q
        sentence = article.sentences[article.sentence_at(q.start)]
        tokens = article.tokens[sentence.index]
        own = [k for k, t in enumerate(tokens[:-1]) if t.text.casefold() in self.lang.quotes.own_words]
        if not any(tokens[k + 1].text.casefold() in self._own_nouns for k in own):
            return q
        subject = next(
            (
                a
                for a in actors
                if max(sentence.start, body_start) <= a.start < tokens[own[0]].start
                and a.kind in ("person", "organization")
            ),
            None,
        )
        if subject is None:
            return q
        return replace(q, speaker=subject.name, speaker_start=subject.start, speaker_end=subject.end)

    def _find(
        self,
        article: Article,
        actors: Sequence[ActorMention],
        pos: Sequence[Sequence[str]] | None,
        passages: Sequence[Span] | None,
    ) -> tuple[QuoteMention, ...]:
        passages = self.direct.passages(article) if passages is None else passages
        if self.labelled is None or pos is None:
            return self._rules(article, actors, passages, pos)
        labelled = self.labelled.find(article, actors, pos, [(p.start, p.end) for p in passages])
        rules = [
            self.labelled.speakers.trusted(article, actors, pos, q) for q in self._rules(article, actors, passages)
        ]
        quotes = [
            q for q in _combined(article, labelled, rules) if not _names_its_speaker(q, _has_verb(article, pos, q))
        ]
        return tuple(sorted(quotes, key=lambda m: m.start))

    def _rules(
        self,
        article: Article,
        actors: Sequence[ActorMention],
        passages: Sequence[Span],
        pos: Sequence[Sequence[str]] | None = None,
    ) -> tuple[QuoteMention, ...]:
        # 1. quotations that are speech, with their frames
        direct = self.direct.find(article, actors, passages, pos)
        covered = [d.span for d in direct]
        # 2. indirect speech in the sentences no quotation covers
        out = self.indirect.find(article, actors, covered, pos)
        # 3. direct speech; a quotation with no frame continues the speaker of the quote before it
        for d in direct:
            span, speaker, named_by, cue = d.span, d.speaker, d.named_by, d.cue
            name: str | None
            if d.said_by is not None and d.said_by[0] is not None:
                name, s_start, s_end = d.said_by
            elif speaker is None and cue is None:
                before = [m for m in out if m.end <= span.start and m.speaker and span.start - m.end < 400]
                prev = max(before, key=lambda m: m.end, default=None)
                # someone else named between the earlier quote's sentence and this quotation: not surely
                # theirs (the earlier frame's own names, "…, die das Präsidialamt verbreitete", aside)
                after = article.sentences[article.sentence_at(prev.end - 1)].end if prev is not None else 0
                if prev is not None and any(
                    after <= a.start < span.start and a.kind in ("person", "organization") and a.name != prev.speaker
                    for a in actors
                ):
                    prev = None
                name = prev.speaker if prev else None
                s_start, s_end = (prev.speaker_start, prev.speaker_end) if prev else (None, None)
            else:
                name = speaker.name if speaker else None
                s_start = named_by.start if named_by is not None else None
                s_end = named_by.end if named_by is not None else None
            text = article.body[span.start : span.end].rstrip(", ")  # '"…," she said': the frame's comma
            end = span.start + len(text)
            out.append(QuoteMention(span.start, end, text, "direct", name, s_start, s_end, cue))
            out.sort(key=lambda m: m.start)
        if pos is not None and self.lang.quotes.reported_mood_endings:
            out = sorted(out + _continued(article, out, pos, self.lang), key=lambda m: m.start)
        return tuple(out)


def _reported_mood(word: str, tag: str, lang: LanguageData) -> bool:
    q = lang.quotes
    low = word.casefold()
    if not (tag.startswith(("VV", "VA", "VM")) and "FIN" in tag):
        return False
    return low in q.reported_mood_words or (
        low.endswith(tuple(q.reported_mood_endings)) and not low.endswith(tuple(q.reported_mood_not_endings))
    )


def _continued(
    article: Article, found: Sequence[QuoteMention], pos: Sequence[Sequence[str]], lang: LanguageData
) -> list[QuoteMention]:
    """Reported speech that goes on after its frame: a sentence right after a quote's sentence, in the
    same paragraph or the next, no quote of its own and no quotation mark, whose finite verb is in the
    mood of reported speech ("Er sagte, er komme später. Die Straße sei gesperrt.") continues that
    quote with its speaker; a sentence with a speech verb of its own (a new frame) is not assumed to."""
    quoted = {i for q in found for i in range(article.sentence_at(q.start), article.sentence_at(q.end - 1) + 1)}
    by_sentence = {article.sentence_at(q.end - 1): q for q in found}
    openers = {c for pair in lang.quotes.quote_marks for c in pair}
    out: list[QuoteMention] = []
    for s in article.sentences:
        prev = by_sentence.get(s.index - 1)
        if prev is None or s.index in quoted or prev.speaker is None or not s.text:
            continue
        if article.paragraphs[s.paragraph].heading or s.paragraph - article.sentences[s.index - 1].paragraph > 1:
            continue
        toks, tags = article.tokens[s.index], pos[s.index]
        if any(ch in openers for ch in s.text) or any(t.text.casefold() in lang.quotes.speech_verbs for t in toks):
            continue
        if not any(_reported_mood(t.text, tag, lang) for t, tag in zip(toks, tags, strict=True)):
            continue
        end = len(toks) - (1 if toks[-1].text in ".!?" else 0)
        if end < 3:
            continue
        a, b = toks[0].start, toks[end - 1].end
        q = QuoteMention(a, b, article.body[a:b], "indirect", prev.speaker, prev.speaker_start, prev.speaker_end, None)
        out.append(q)
        by_sentence[s.index] = q
    return out


def _combined(article: Article, labelled: Sequence[QuoteMention], rules: Sequence[QuoteMention]) -> list[QuoteMention]:
    """The speech model's quotes, a direct one without speaker given the one the rules' frame names
    for the same words; and the rules' quotes with a frame that the model did not find: direct ones,
    reported speech whose frame names no speaker, and reported speech whose speaker the frame names in
    the same sentence, outside what is said ("Ein Polizeisprecher erklärte, es gehe dem Jungen gut";
    not "Dieser behauptete, dass N. …")."""
    out = []
    for q in labelled:
        if q.speaker is None and q.kind == "direct":
            same = [r for r in rules if r.speaker and _overlap(q, r)]
            if same:
                r = same[0]
                q = replace(
                    q, speaker=r.speaker, speaker_start=r.speaker_start, speaker_end=r.speaker_end, cue=q.cue or r.cue
                )
        out.append(q)
    for r in rules:
        if any(_overlap(r, q) for q in labelled):
            continue
        if (r.kind == "direct" and (r.speaker or r.cue)) or (r.speaker is None and r.cue):
            out.append(r)  # speech in its frame, its speaker unknown where the frame names none ("Es hieß, …")
        elif r.speaker_start is not None and not r.start <= r.speaker_start < r.end:
            sentence = next((s for s in article.sentences if s.start <= r.start < s.end), None)
            if sentence is not None and sentence.start <= r.speaker_start < sentence.end:
                out.append(r)
    return out


def _dateline_end(article: Article) -> int:
    """Where the text after the article's dateline begins (0: it has none)."""
    first = next((p for p in article.paragraphs if not p.heading), None)
    if not article.meta.dateline or first is None:
        return 0
    return first.start + dateline_end(article.body[first.start : first.end])


def _after(article: Article, q: QuoteMention, end: int) -> QuoteMention:
    """The quote from ``end`` on, where it starts before it (the dateline: "Kleinau (Northwire) - …")."""
    if q.start >= end or q.end <= end:
        return q
    return replace(q, start=end, text=article.body[end : q.end])


def _overlap(a: QuoteMention, b: QuoteMention) -> bool:
    return a.start < b.end and b.start < a.end


def _names_its_speaker(q: QuoteMention, has_verb: bool) -> bool:
    """Reported speech that holds its own speaker's mention and says nothing (no verb), or is mostly
    that mention, is the frame, not what was said ("Der Sprecher der Behörde, N. N., teilte mit, dass
    …" read as saying "Der Sprecher der Behörde, N. N.")."""
    if q.kind != "indirect" or q.speaker_start is None or q.speaker_end is None:
        return False
    inside = min(q.end, q.speaker_end) - max(q.start, q.speaker_start)
    return inside > 0 and (not has_verb or inside * 2 >= q.end - q.start)


def _has_verb(article: Article, pos: Sequence[Sequence[str]], q: QuoteMention) -> bool:
    return any(
        tag.startswith(("VV", "VA", "VM"))  # HanTa German "VV(FIN)", the English mapping "VVFIN"
        for s in article.sentences
        if s.start < q.end and q.start < s.end  # the quote's sentences only
        for t, tag in zip(article.tokens[s.index], pos[s.index], strict=True)
        if q.start <= t.start < q.end
    )
