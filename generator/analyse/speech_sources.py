"""Source phrases read with part-of-speech tags: "laut X", "X zufolge", "nach Angaben X", "nach
Polizeiangaben", "X zufolge" with any noun phrase as X ("einem Bericht des Senders zufolge").

The sentence is what the source says: the rest of it where the phrase opens or closes it, all of it
where the phrase stands inside ("Unter den Toten sollen laut X neun Zivilisten gewesen sein"). The
speaker is the phrase's actor or the person or group noun phrase it names (:meth:`Speakers.resolve`:
"Angaben der Polizei" → "der Polizei"); a phrase that names no one ("nach Polizeiangaben") leaves the
speaker unknown.
"""

from __future__ import annotations

from collections.abc import Sequence

from generator.analyse.speakers import Run, Speakers
from generator.lang import LanguageData
from generator.model import ActorMention, Article, QuoteMention

_NP = ("ART", "ADJ(A)", "ADJA", "PPOSAT", "PIAT", "NN", "NE", "FM", "CARD", "$(")
_SENTENCE_END = ".!?"
MIN_MESSAGE = 3  # tokens


class SourcePhrases:
    def __init__(self, lang: LanguageData, speakers: Speakers) -> None:
        self.q = lang.quotes
        self.speakers = speakers
        # the last word of each source phrase ("angaben" of "nach angaben"): a compound ending in it
        # is the phrase's noun with its source inside ("Polizeiangaben")
        self._phrase_nouns = {p[1] for p in self.q.source_phrases if len(p) == 2 and p[0] == "nach"}

    def find(
        self, article: Article, si: int, actors: Sequence[ActorMention], pos: Sequence[Sequence[str]]
    ) -> QuoteMention | None:
        toks, tags = article.tokens[si], pos[si]
        low = [t.text.casefold() for t in toks]
        n = len(toks)
        for i, w in enumerate(low):
            span: tuple[int, int] | None = None  # the source phrase, cue included (token indices)
            src: tuple[int, int] | None = None  # the words that name the source
            if w in self.q.according_words and i > 0 and tags[i - 1] in _NP and w != "laut":  # "X zufolge"
                s0 = i
                while s0 > 0 and (tags[s0 - 1] in _NP or (tags[s0 - 1] == "APPR" and low[s0 - 1] == "von")):
                    s0 -= 1
                span, src = (s0, i + 1), (s0, i)
            elif w == "laut" or (w in self.q.according_words and i + 1 < n and tags[i + 1] in _NP and w != "zufolge"):
                e = _genitive(tags, low, _noun_phrase(tags, i + 1), self.q.source_links)
                span, src = (i, e), (i + 1, e)
            elif w == "nach" and i + 1 < n and any(low[i + 1].endswith(x) for x in self._phrase_nouns):
                e = _genitive(tags, low, i + 2, self.q.source_links)
                span, src = (i, e), (i + 1, e)
            elif w == "nach" and i + 2 < n and low[i + 1] in self.q.own_words and low[i + 2] in self._phrase_nouns:
                span, src = (i, i + 3), (i, i)  # "nach eigenen Angaben": the subject (QuoteExtractor._own_source)
            elif i + 1 < n and low[i + 1] == "zufolge" and any(w.endswith(x) for x in self._phrase_nouns):
                continue  # handled as "X zufolge" at the next word
            if span is None or src is None or (src[1] <= src[0] and span[1] - span[0] != 3):
                continue
            message = self._message(toks, span, n)
            if message is None:
                continue
            m0, m1 = message
            speaker, a, b = (
                self.speakers.resolve(article, actors, pos, Run(si, src[0], src[1]))
                if src[1] > src[0]
                else (None, None, None)
            )
            g = src[0] + 1
            if (
                speaker is None
                and w == "nach"
                and g < src[1]
                and tags[g] in ("ART", "PIAT")
                and low[g] not in self.q.dative_articles
            ):
                # "nach Angaben der Stadt": whose statement it is, the genitive says, as written
                a, b = toks[g].start, toks[src[1] - 1].end
                speaker = article.body[a:b]
            start, end = toks[m0].start, toks[m1 - 1].end
            cue = " ".join(t.text for t in toks[span[0] : span[1]]) if w == "nach" else toks[i].text
            return QuoteMention(start, end, article.body[start:end], "indirect", speaker,
                                a if speaker else None, b if speaker else None, cue)  # fmt: skip
        return None

    @staticmethod
    def _message(toks: Sequence[object], span: tuple[int, int], n: int) -> tuple[int, int] | None:
        texts = [t.text for t in toks]  # type: ignore[attr-defined]
        end = n - 1 if texts[-1] in _SENTENCE_END else n
        first, last = span
        if first == 0:  # opens the sentence: the rest is said
            m0 = last + (1 if last < end and texts[last] == "," else 0)
            m = (m0, end)
        elif last >= end:  # closes it
            m1 = first - (1 if texts[first - 1] == "," else 0)
            m = (0, m1)
        else:
            m = (0, end)
        return m if m[1] - m[0] >= MIN_MESSAGE else None


def _noun_phrase(tags: Sequence[str], i: int) -> int:
    """The end of the noun phrase at token ``i``: articles and adjectives, then its nouns and names."""
    n = len(tags)
    while i < n and tags[i] in ("ART", "ADJ(A)", "ADJA", "PPOSAT", "PIAT", "CARD"):
        i += 1
    while i < n and tags[i] in ("NN", "NE", "FM"):
        i += 1
    return i


def _genitive(tags: Sequence[str], low: Sequence[str], i: int, links: frozenset[str]) -> int:
    """Past up to two genitive or "von" phrases after a head ending at ``i`` ("Angaben | der Polizei"), and
    a short form in brackets ("(SWR)")."""
    n = len(tags)
    for _ in range(2):  # "nach Angaben | eines Sprechers | der Polizei"
        if i < n and (low[i] in links or tags[i] == "PIAT") and i + 1 < n and tags[i + 1] in _NP:
            i = _noun_phrase(tags, i + 1 if tags[i] not in ("ART", "PIAT") else i)
    if i + 2 < n and low[i] == "(" and low[i + 2] == ")":
        i += 3
    return i
