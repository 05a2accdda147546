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

from generator.analyse.direct_speech import DirectSpeech
from generator.analyse.indirect_speech import IndirectSpeech
from generator.analyse.speech_frames import Frames
from generator.lang import LanguageData
from generator.model import ActorMention, Article, QuoteMention


class QuoteExtractor:
    def __init__(self, lang: LanguageData) -> None:
        self.lang = lang
        frames = Frames(lang)
        self.direct = DirectSpeech(lang, frames)
        self.indirect = IndirectSpeech(lang, frames)

    def extract(self, article: Article, actors: Sequence[ActorMention]) -> tuple[QuoteMention, ...]:
        # 1. quotations that are speech, with their frames
        direct = self.direct.find(article, actors)
        covered = [d.span for d in direct]
        # 2. indirect speech in the sentences no quotation covers
        out = self.indirect.find(article, actors, covered)
        # 3. direct speech; a quotation with no frame continues the speaker of the quote before it
        for d in direct:
            span, speaker, named_by, cue = d.span, d.speaker, d.named_by, d.cue
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
