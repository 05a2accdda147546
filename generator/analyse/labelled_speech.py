"""Quotes from the speech model's labels (:mod:`~generator.analyse.speech_tagger`): each run of
message tokens is a quote (runs that only an inline frame interrupts, and the runs inside one passage
in quotation marks, are one), its speaker the source run the model labels beside its cue or nearest
to it, resolved by :mod:`~generator.analyse.speakers`; where the best labelling has none, the most
likely source run. A quotation with no source in its sentences takes the speaker of a colon frame
right before it ("Die Ministerin sagte: „…“"), or continues the speaker of the quotation right before
it when no other actor is named in between. Speech with neither a frame nor a speaker is left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.analyse.speakers import VERB, Run, Speakers, in_relative_clause, runs
from generator.analyse.speech_frames import Frames
from generator.analyse.speech_tagger import SentenceInput, SpeechTagger, quote_states
from generator.lang import LanguageData
from generator.model import ActorMention, Article, QuoteMention, Token

_ENTITY = {"person": "PER", "organization": "ORG", "place": "LOC"}
_NOUN = ("NN", "NE", "NNA", "NNI")
_NAME = ("NE", "FM")
_NOUN_PHRASE = ("ART", "ADJ(A)", "PPOSAT", "PIAT", "NN", "NE", "FM", "CARD")
_AFTER_PHRASE = ("APPR", "APPRART", "KON", "$,")  # a preposition, conjunction or comma after the head ends the phrase
_EDGE_PUNCT = set(",.;:!?-–—")
MAX_SOURCE_TOKENS = 12
MIN_MESSAGE_WORDS = 2  # reported speech of fewer words says nothing on its own
CONTINUE_WITHIN = 1  # sentences between a quotation and the one whose speaker it continues


@dataclass
class _Message:
    runs: list[Run]
    direct: bool
    quotation: tuple[int, int] | None = None  # the passage in quotation marks it is part of


def _by_quotation(
    messages: list[_Message], tokens: Sequence[Sequence[Token]], quotations: Sequence[tuple[int, int]]
) -> list[_Message]:
    """A message is direct when most of it stands in one passage in quotation marks; the direct
    messages in the same passage are joined into one, spanning it."""
    out: list[_Message] = []
    for m in messages:
        a = tokens[m.runs[0].sentence][m.runs[0].start].start
        b = tokens[m.runs[-1].sentence][m.runs[-1].end - 1].end
        inside = [(min(b, q[1]) - max(a, q[0]), q) for q in quotations if q[0] < b and a < q[1]]
        size, passage = max(inside, default=(0, None))
        if passage is None or size * 2 < b - a:
            out.append(_Message(m.runs, False))
        elif out and out[-1].quotation == passage:
            out[-1].runs.extend(m.runs)
        else:
            out.append(_Message(m.runs, True, passage))
    return out


class LabelledSpeech:
    def __init__(self, lang: LanguageData, tagger: SpeechTagger, frames: Frames) -> None:
        self.lang = lang
        self.q = lang.quotes
        self.tagger = tagger
        self.frames = frames
        self.speakers = Speakers(lang, frames)
        self._openers = {o: c for o, c in self.q.quote_marks}

    def find(
        self,
        article: Article,
        actors: Sequence[ActorMention],
        pos: Sequence[Sequence[str]],
        quotations: Sequence[tuple[int, int]] = (),
    ) -> list[QuoteMention]:
        """``quotations``: the passages in quotation marks (start, end); the message runs inside one
        are one quote, the whole passage (a quotation of several sentences is one message)."""
        tokens = article.tokens
        labels: list[list[str]] = []
        source_p: list[list[float]] = []
        states: list[list[str]] = []
        previous = ""
        for si, toks in enumerate(tokens):
            words = [t.text for t in toks]
            heading = article.paragraphs[article.sentences[si].paragraph].heading
            if not words or heading:
                labels.append(["O"] * len(words))
                source_p.append([0.0] * len(words))
                states.append(["out"] * len(words))
                previous = words[-1] if words else ""
                continue
            entities = [self._entity(t, actors) for t in toks]
            sentence_labels, p = self.tagger.tag(SentenceInput(words, pos[si], entities, previous == ":"))
            labels.append(sentence_labels)
            source_p.append(p)
            states.append(quote_states(words, self._openers))
            previous = words[-1]
        messages = _by_quotation(self._messages(tokens, labels, states), tokens, quotations)
        out: list[QuoteMention] = []
        for m in messages:
            quote = self._quote(article, actors, pos, labels, source_p, m, out)
            if quote is not None:
                out.append(quote)
        return out

    @staticmethod
    def _entity(t: Token, actors: Sequence[ActorMention]) -> str:
        for a in actors:
            if a.start <= t.start < a.end:
                return _ENTITY.get(a.kind, "O")
        return "O"

    def _messages(
        self, tokens: Sequence[Sequence[Token]], labels: list[list[str]], states: list[list[str]]
    ) -> list[_Message]:
        """Message runs, a quotation that runs on into the next sentence joined into one."""
        out: list[_Message] = []
        for si, sentence_labels in enumerate(labels):
            joined = _joined(runs(sentence_labels, "M", si), sentence_labels)
            for run in _through_frames(joined, sentence_labels, tokens[si]):
                if not any(any(ch.isalnum() for ch in tokens[si][k].text) for k in range(run.start, run.end)):
                    continue
                inside = sum(1 for k in range(run.start, run.end) if states[si][k] != "out")
                direct = inside * 2 >= run.end - run.start
                last = out[-1] if out else None
                if (
                    last is not None
                    and direct
                    and last.direct
                    and last.runs[-1].sentence == si - 1
                    and _ends_sentence(last.runs[-1], len(labels[si - 1]), tokens[si - 1])
                    and run.start <= 1
                ):
                    last.runs.append(run)
                    continue
                out.append(_Message([run], direct))
        return out

    def _quote(
        self,
        article: Article,
        actors: Sequence[ActorMention],
        pos: Sequence[Sequence[str]],
        labels: list[list[str]],
        source_p: list[list[float]],
        m: _Message,
        before: list[QuoteMention],
    ) -> QuoteMention | None:
        tokens = article.tokens
        first, last = m.runs[0], m.runs[-1]
        start = tokens[first.sentence][first.start].start
        end = tokens[last.sentence][last.end - 1].end
        if m.quotation is not None:
            start, end = m.quotation
        # trim quotation marks and punctuation at the edges of the message
        start, end = _trim(article.body, start, end)
        if end <= start:
            return None
        sentences = sorted({r.sentence for r in m.runs})
        sources = [r for si in sentences for r in runs(labels[si], "S", si)]
        if not sources:  # the best labelling has none: the likeliest source, if likely enough
            sources = _likely_sources(labels, source_p, sentences, pos)
        cues = [r for si in sentences for r in runs(labels[si], "C", si)]
        addressees = [r for si in sentences for r in runs(labels[si], "A", si)]
        speaker: str | None = None
        s_start: int | None = None
        s_end: int | None = None
        # a source in a relative clause is someone else's ("…, hieß es in seiner Erklärung, die das
        # Ministerium verbreitete")
        sources = [r for r in sources if not in_relative_clause(pos, r)]
        if len(sources) > 1:  # "X erklärte laut einer Agentur, …": X speaks, "laut" names the channel
            own = [r for r in sources if not self.speakers.after_according(tokens[r.sentence], r.start)]
            sources = own or sources
        # the sources beside a cue first, then the nearest; the first that names someone speaks
        for run in sorted(sources, key=lambda r: (not _beside(r, cues, tokens), _distance(r, m.runs))):
            speaker, s_start, s_end = self.speakers.resolve(article, actors, pos, run)
            if (
                speaker is not None
                and run.end - run.start == 1
                and not _beside(run, cues, tokens)
                and tokens[run.sentence][run.start].text.casefold() in self.q.pronouns
            ):
                # a lone pronoun speaks only right beside its cue ("sagte er", "Er erklärte"): elsewhere
                # it is the subject of something else ("Er übergab …, doch wird angenommen, dass …")
                speaker, s_start, s_end = None, None, None
            if speaker is not None:
                break
        if not sources and m.direct:
            speaker, s_start, s_end = self._frame_before(article, actors, pos, labels, first.sentence, before, start)
        cue = None
        if cues:
            run = min(cues, key=lambda r: _distance(r, m.runs))
            cue = _text(article, tokens, run)
        addressee = None
        if addressees:
            run = min(addressees, key=lambda r: _distance(r, m.runs))
            addressee = _text(article, tokens, run)
        if not m.direct and _words(article.body[start:end]) < MIN_MESSAGE_WORDS:
            return None  # "Dies teilte ein Sprecher mit": what was said stands in the sentence before
        if not m.direct and pos[first.sentence][first.start] == "PRELS":
            return None  # a relative clause ("…, die das Ministerium verbreitete") describes, it reports nothing
        if speaker is None and cue is None and not (m.direct and _words(article.body[start:end]) >= self.q.min_words):
            return None  # no frame at all: not speech a reader could attribute (a quoted term, narration)
        kind = "direct" if m.direct else "indirect"
        return QuoteMention(start, end, article.body[start:end], kind, speaker, s_start, s_end, cue, addressee)

    def _frame_before(
        self,
        article: Article,
        actors: Sequence[ActorMention],
        pos: Sequence[Sequence[str]],
        labels: list[list[str]],
        sentence: int,
        before: list[QuoteMention],
        start: int,
    ) -> tuple[str | None, int | None, int | None]:
        """A colon frame right before the quotation names its speaker (the source the model labels in
        it, else its subject: not an actor named later in it); else the
        quotation continues the one right before it, if no other actor is named in between."""
        if sentence > 0:
            prev = article.sentences[sentence - 1]
            if prev.text.rstrip().endswith(":"):
                for run in runs(labels[sentence - 1], "S", sentence - 1):
                    if not in_relative_clause(pos, run):
                        speaker, a, b = self.speakers.resolve(article, actors, pos, run)
                        if speaker is not None:
                            return speaker, a, b
                # else its subject: the words before its first verb, if they name someone
                tags = pos[sentence - 1]
                verb = next((k for k, t in enumerate(tags) if t.startswith(VERB)), 0)
                if verb > 0:
                    speaker, a, b = self.speakers.resolve(article, actors, pos, Run(sentence - 1, 0, verb))
                    if speaker is not None:
                        return speaker, a, b
        if before and before[-1].speaker and before[-1].kind == "direct":
            last = before[-1]
            gap = [s for s in article.sentences if last.end <= s.end and s.start < start]
            between = [
                x
                for x in actors
                if last.end <= x.start < start and x.kind in ("person", "organization") and x.name != last.speaker
            ]
            if len(gap) <= CONTINUE_WITHIN + 1 and not between:
                return last.speaker, last.speaker_start, last.speaker_end
        return None, None, None


SOURCE_P = 0.02  # the probability a token must have to be part of a source the labelling left out


def _likely_sources(
    labels: list[list[str]], source_p: list[list[float]], sentences: Sequence[int], pos: Sequence[Sequence[str]]
) -> list[Run]:
    """The run of tokens outside the message most likely to be its source, when each of its tokens is a
    source with probability of at least ``SOURCE_P`` (runs end at commas; none in a relative clause)."""
    best: tuple[float, Run] | None = None
    for si in sentences:
        if not source_p[si]:
            continue  # the sentence has a source of its own
        likely = [
            "S" if p >= SOURCE_P and lab != "M" and tag != "$," else "O"
            for p, lab, tag in zip(source_p[si], labels[si], pos[si], strict=True)
        ]
        for run in runs(likely, "S", si):
            score = max(source_p[si][run.start : run.end])
            if (best is None or score > best[0]) and not in_relative_clause(pos, run):
                best = (score, run)
    return [best[1]] if best else []


def _beside(run: Run, cues: Sequence[Run], tokens: Sequence[Sequence[Token]]) -> bool:
    """A cue within two tokens of the run, in the same sentence, no comma between."""
    toks = tokens[run.sentence]
    for c in cues:
        if c.sentence != run.sentence:
            continue
        lo, hi = (c.end, run.start) if c.end <= run.start else (run.end, c.start)
        if hi - lo <= 2 and not any(toks[k].text == "," for k in range(lo, hi)):
            return True
    return False


def _words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def _joined(runs: list[Run], labels: Sequence[str]) -> list[Run]:
    """Message runs of one sentence that only a frame interrupts joined into one: "Unter den Toten
    sollen [laut N. N.] neun Zivilisten gewesen sein" is one message, not two fragments."""
    out: list[Run] = []
    for run in runs:
        gap = labels[out[-1].end : run.start] if out else []
        if gap and all(label in ("S", "C") for label in gap) and "S" in gap:
            out[-1] = Run(run.sentence, out[-1].start, run.end)
        else:
            out.append(run)
    return out


def _through_frames(runs: list[Run], labels: Sequence[str], tokens: Sequence[Token]) -> list[Run]:
    """A message that a frame interrupts and that the labelling leaves unfinished runs on to the
    sentence's end: "Die Höhe der Schäden ist [nach Angaben der Stadt] noch nicht absehbar"."""
    out = []
    for n, run in enumerate(runs):
        k = run.end
        while k < len(labels) and labels[k] in ("C", "S"):
            k += 1
        rest = range(k, len(labels))
        if (
            k > run.end
            and n == len(runs) - 1
            and "S" in labels[run.end : k]
            and any(any(ch.isalnum() for ch in tokens[j].text) for j in rest)
            and all(labels[j] == "O" for j in rest)
        ):
            end = len(labels)
            while end > k and not any(ch.isalnum() for ch in tokens[end - 1].text):
                end -= 1
            run = Run(run.sentence, run.start, end)
        out.append(run)
    return out


def _ends_sentence(run: Run, n: int, tokens: Sequence[Token]) -> bool:
    """Nothing but punctuation and quotation marks after the run in its sentence."""
    return all(not any(ch.isalnum() for ch in tokens[k].text) for k in range(run.end, n))


def _distance(run: Run, message: Sequence[Run]) -> tuple[int, int]:
    best = min((abs(run.sentence - m.sentence), max(m.start - run.end, run.start - m.end, 0)) for m in message)
    return best


def _text(article: Article, tokens: Sequence[Sequence[Token]], run: Run) -> str:
    toks = tokens[run.sentence]
    return article.body[toks[run.start].start : toks[run.end - 1].end]


def _trim(body: str, start: int, end: int) -> tuple[int, int]:
    quote_chars = "\"„“”»«'’‚‘"
    while start < end and (body[start].isspace() or body[start] in quote_chars or body[start] in _EDGE_PUNCT):
        start += 1
    while end > start and (body[end - 1].isspace() or body[end - 1] in quote_chars or body[end - 1] in ",;:-–—"):
        end -= 1
    return start, end
