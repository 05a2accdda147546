"""Indirect speech: a sentence whose speech verb frames a clause ("X sagte, …", "…, erklärte X"), a
source phrase ("nach Angaben der Polizei …", "ersten Angaben zufolge …") or "laut X …"."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from generator.analyse.direct_speech import SENTENCE_END, Span
from generator.analyse.speakers import Run, Speakers
from generator.analyse.speakers import finite as _finite
from generator.analyse.speech_frames import Frames
from generator.analyse.speech_sources import SourcePhrases
from generator.lang import LanguageData
from generator.model import ActorMention, Article, QuoteMention, Token

_NAMING = ("ART", "NN", "NE", "PPOSAT", "ADJ(A)", "PPER", "PIAT", "FM")  # what starts a speaker's phrase
_SUBORDINATE = ("KOUS", "PRELS", "PRELAT", "PWAV", "KOUI")  # a clause they start is no main clause


def _main_clause(words: Sequence[str], tags: Sequence[str], c: int) -> bool:
    """Whether the words before token ``c`` hold a finite verb outside a subordinate or relative clause
    ("Falls …, droht …" and "In einem Bericht, der … vorgelegt wurde, fordert …" do not)."""
    start = 0
    for j in range(c + 1):
        if j == c or words[j] == ",":
            first = tags[start] if start < j else ""
            if first not in _SUBORDINATE and any(_finite(t) for t in tags[start:j]):
                return True
            start = j + 1
    return False


class IndirectSpeech:
    def __init__(self, lang: LanguageData, frames: Frames, speakers: Speakers) -> None:
        self.lang = lang
        self.q = lang.quotes
        self.frames = frames
        self.speakers = speakers
        self.sources = SourcePhrases(lang, speakers)

    def find(
        self,
        article: Article,
        actors: Sequence[ActorMention],
        covered: Sequence[Span],
        pos: Sequence[Sequence[str]] | None = None,
    ) -> list[QuoteMention]:
        """``pos``: the sentences' part-of-speech tags; with them, a frame's speaker is its subject
        (:meth:`Speakers.subject`), else the actor nearest its cue."""
        out: list[QuoteMention] = []
        for s, tokens in zip(article.sentences, article.tokens, strict=True):
            if article.paragraphs[s.paragraph].heading or not tokens:
                continue
            if any(c.start < s.end and s.start < c.end for c in covered):
                continue
            words = [t.text for t in tokens]
            low = [w.casefold() for w in words]
            commas = [k for k, w in enumerate(words) if w == ","]
            if self.q.clause_openers:  # English word order first: "X said he …", "…, X said."
                clause = self._clause_frame(article, tokens, low, commas, actors)
                if clause is not None:
                    out.append(clause)
                    continue
            found = None
            if self.q.clause_openers:  # the comma frames below are German word order
                commas = []
            if pos is not None and commas and self.q.as_words:
                as_frame = self._as_frame(article, s.index, actors, pos, commas)
                if as_frame is not None:
                    out.append(as_frame)
                    continue
            if pos is not None and commas:
                found = self._tagged_frame(words, low, pos[s.index], commas)
                commas = []
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
            if found is None and pos is not None and not self.q.clause_openers:
                tagged = self.sources.find(article, s.index, actors, pos)
                if tagged is not None:
                    out.append(tagged)
                continue
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
            if pos is not None and not self.q.clause_openers:
                name, a0, a1 = self.speakers.subject(article, actors, pos, s.index, k, frame_after)
                start, end = tokens[m0].start, tokens[m1 - 1].end
                message = article.body[start:end]
                out.append(QuoteMention(start, end, message, "indirect", name if a0 is not None else None,
                                        a0 if name else None, a1 if name else None, words[k]))  # fmt: skip
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

    def _as_frame(
        self,
        article: Article,
        si: int,
        actors: Sequence[ActorMention],
        pos: Sequence[Sequence[str]],
        commas: Sequence[int],
    ) -> QuoteMention | None:
        """ "Wie die Zeitung berichtet, will …" / "…, wie ein Sprecher mitteilte.": the clause of "wie"
        ends in a cue verb; its words before the verb name the speaker, the rest of the sentence is said."""
        toks, tags = article.tokens[si], pos[si]
        n = len(toks)
        end_tok = n - (1 if toks[-1].text in SENTENCE_END else 0)
        bounds = [-1, *commas, end_tok]
        for b0, b1 in itertools.pairwise(bounds):
            w = b0 + 1
            if w >= b1 or toks[w].text.casefold() not in self.q.as_words or b1 - w < 3:
                continue
            verb = b1 - 1
            while (
                verb > w and tags[verb].startswith(("VA", "VM")) and not self.frames.is_cue(toks[verb].text, tags[verb])
            ):
                verb -= 1  # "wie X mitgeteilt hatte"
            if not self.frames.is_cue(toks[verb].text, tags[verb]):
                continue
            m0, m1 = (b1 + 1, end_tok) if b0 < 0 else (0, b0)
            if m1 - m0 < 3:
                continue
            speaker, a, b = self.speakers.resolve(article, actors, pos, Run(si, w + 1, verb))
            start, end = toks[m0].start, toks[m1 - 1].end
            return QuoteMention(start, end, article.body[start:end], "indirect", speaker,
                                a if speaker else None, b if speaker else None, toks[verb].text)  # fmt: skip
        return None

    def _tagged_frame(
        self, words: Sequence[str], low: Sequence[str], tags: Sequence[str], commas: Sequence[int]
    ) -> tuple[int, tuple[int, int], bool] | None:
        """German frames read with the tags: (cue, (message start, end) in tokens, frame after it).

        After: "…, sagte X." closes a clause with a finite verb of its own. Before: "X sagte, …",
        "X hat angekündigt, …" with the cue in the main clause (not "Der Mann, der sagte, …") and a
        reported clause after the comma ("dass …", a finite verb, "… zu tun"), not a relative clause."""
        n = len(words)
        end_tok = n - (1 if words[-1] in SENTENCE_END else 0)
        for c in commas:
            if c < 3 or not _main_clause(words, tags, c):
                continue
            for k in range(c + 1, min(n, c + 3)):
                introduces = k + 1 < n and words[k + 1] == ","  # "…, Lena Vogt, sagte, …"
                if introduces or not (k == c + 1 or low[c + 1] in self.q.so_words):
                    continue
                # "…, so der Minister" (not "…, so wurden …", "…, so dass …")
                so = k == c + 1 and low[k] in self.q.so_words and k + 1 < n and tags[k + 1] in _NAMING
                if self.frames.is_cue(words[k], tags[k]) or so:
                    return (k, (0, c), True)
        for k in range(n):
            if not self.frames.is_cue(words[k], tags[k]):
                continue
            after = [c for c in commas if c > k]
            if not after or after[0] - k > self.q.frame_gap:
                continue
            before = max((c for c in commas if c < k), default=-1)
            if any(t in ("PRELS", "KOUS", "PWAV", "PRELAT") for t in tags[before + 1 : k]):
                continue  # the cue stands in a clause of its own
            m0 = after[0] + 1
            if m0 >= end_tok or tags[m0] in ("PRELS", "PRELAT", "PWAV", "PWS"):
                continue
            clause = range(m0, next((c for c in commas if c > m0), end_tok))
            reported = (
                low[m0] in self.q.that_words
                or any(_finite(tags[j]) for j in clause)
                or any(tags[j] == "PTKZU" or "(INF" in tags[j] or "(IZU" in tags[j] for j in clause)
            )
            if reported and (tags[m0] not in ("KOUS", "KOKOM", "KOUI") or low[m0] in self.q.that_words):
                return (k, (m0, end_tok), False)
        return None

    def _clause_frame(
        self,
        article: Article,
        tokens: Sequence[Token],
        low: Sequence[str],
        commas: Sequence[int],
        actors: Sequence[ActorMention],
    ) -> QuoteMention | None:
        """Speech in a language that reports a clause without comma: "X said (on Friday) (that) he …",
        "X told reporters that …", and "…, the ministry said (in a statement)." The speaker is the
        subject before the verb, never a name from what is said; none found, the words that name it
        ("…, witnesses said"), else unknown."""
        q, n = self.q, len(low)
        end_tok = n - (1 if tokens[-1].text in SENTENCE_END else 0)
        if commas and commas[-1] >= 3:  # "…, the ministry said." : a frame closes the sentence
            c = commas[-1]
            for k in range(c + 1, min(end_tok, c + 2 + q.final_frame_words)):
                if low[k] in q.according_words:
                    break  # "…, according to the ministry": a source phrase
                if low[k] in q.speech_verbs and low[k - 1] not in q.not_a_frame_after:
                    rest = low[k + 1 : end_tok]
                    after = tokens[k + 1].text if k + 1 < end_tok else ""
                    closes = (
                        not rest  # "…, witnesses said."
                        or (len(rest) <= 6 and rest[0] in q.frame_adjuncts)  # "…, police said on Friday."
                        or (low[k] in q.addressee_verbs and len(rest) <= 3)  # "…, Weber told reporters."
                        # "…, said Karl Weber, a spokesman": the speaker after the verb, not a clause
                        or (
                            k == c + 1
                            and not q.clause_auxiliaries & set(rest)
                            and (after[:1].isupper() or (rest[0] in self.lang.time.articles and len(rest) <= 3))
                        )
                    )
                    if closes and not q.that_words & set(rest):
                        return self._framed(article, tokens, k, (0, c), (c + 1, k), actors)
                    break
        times = self.lang.time
        for k, w in enumerate(low):
            if w not in q.speech_verbs or w in q.according_words or k == 0 or low[k - 1] in q.not_a_frame_after:
                continue
            if not tokens[k - 1].text[:1].isalnum() and tokens[k - 1].text != ",":
                continue  # '…" said X' frames a quotation
            j = k + 1
            that = next((i for i in range(j, min(end_tok, j + q.frame_gap)) if low[i] in q.that_words), None)
            if (
                that is not None
                and "," not in low[j:that]
                and (that == j or low[j] in q.frame_adjuncts or w in q.addressee_verbs)
            ):
                j = that  # "said in a statement that …", "told the agency that …"
            elif w in q.addressee_verbs:  # the one spoken to: an actor or one word ("told reporters")
                named = next((a for a in actors if a.start <= tokens[j].start < a.end), None) if j < n else None
                while named is not None and j < n and tokens[j].start < named.end:
                    j += 1
                if named is None and j < n and low[j].isalpha() and low[j] not in q.that_words:
                    j += 1
            else:
                while (
                    j < end_tok
                    and j - k <= 4
                    and (low[j] in q.frame_adjuncts or low[j] in times.weekdays or low[j] in times.months)
                ):
                    j += 1
            if j < end_tok and low[j] in q.that_words:
                j += 1
            elif (
                j >= end_tok
                or not (
                    (low[j] in q.pronouns if w in q.addressee_verbs else low[j] in q.clause_openers)
                    # "told reporters the city would …": an opener whose clause has its auxiliary soon
                    or (
                        w in q.addressee_verbs
                        and low[j] in q.clause_openers
                        and any(x in q.clause_auxiliaries for x in low[j + 1 : min(end_tok, j + 5)])
                    )
                    # a bare noun and its verb: "said profits had fallen", "said prices rose"
                    or (
                        w not in q.addressee_verbs
                        and tokens[j].text.isalpha()
                        and tokens[j].text.islower()
                        and j + 1 < end_tok
                        and low[j + 1] in q.clause_auxiliaries
                    )
                    or (
                        w not in q.addressee_verbs
                        and tokens[j].text[:1].isupper()
                        and tokens[j].text.isalpha()
                        and tokens[k - 1].text != ","  # "…, said Karl Weber": the speaker, not a clause
                    )
                )
            ):
                continue
            if end_tok - j < 3 or "," in low[k + 1 : j]:
                continue
            return self._framed(article, tokens, k, (j, end_tok), (0, k), actors)
        return None

    def _framed(
        self,
        article: Article,
        tokens: Sequence[Token],
        verb: int,
        message: tuple[int, int],
        subject: tuple[int, int],
        actors: Sequence[ActorMention],
    ) -> QuoteMention:
        """The quote of a frame whose speaker stands in ``subject`` (token indices), before the verb;
        right after the verb where the subject is empty ("…, said Karl Weber")."""
        m0, m1 = message
        start, end = tokens[m0].start, tokens[m1 - 1].end
        text, cue = article.body[start:end], tokens[verb].text
        forward = subject[0] == verb
        if forward:
            speaker, pron = self.frames.speaker_near(tokens, verb, actors, tokens[verb].start, forward=True, limit=4)
        else:
            speaker, pron = self.frames.speaker_near(
                tokens, verb, actors, tokens[verb].start, forward=False, limit=verb - subject[0]
            )
        named = pron or speaker
        if speaker is not None and named is not None:
            return QuoteMention(start, end, text, "indirect", speaker.name, named.start, named.end, cue)
        frame = self.frames.frame_phrase(tokens, verb, forward=forward, stop=message)
        if frame is not None and (forward or frame[0] >= subject[0]):
            a0, a1 = tokens[frame[0]].start, tokens[frame[1] - 1].end
            return QuoteMention(start, end, text, "indirect", article.body[a0:a1], a0, a1, cue)
        return QuoteMention(start, end, text, "indirect", None, None, None, cue)

    def _source_phrase(
        self, article: Article, tokens: Sequence[Token], low: Sequence[str], actors: Sequence[ActorMention]
    ) -> QuoteMention | None:
        """ "nach Angaben der Polizei …", "ersten Angaben zufolge …", "Seiner Meinung nach …": the
        sentence is what the source says."""
        n = len(tokens)
        lowercase_nouns = not self.lang.figures.nouns_capitalised  # "according to the ministry"
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
                        or low[e] in self.q.source_links
                        or (lowercase_nouns and tokens[e].text.isalpha() and e - i - k < 8)
                        or (
                            tokens[e].text.islower()
                            and low[e].endswith(("en", "er", "e"))
                            and e + 1 < n
                            and tokens[e + 1].text[:1].isupper()
                        )
                    ):
                        e += 1
                    if e + 2 < n and tokens[e].text == "(" and tokens[e + 2].text == ")":
                        e += 3  # its short form: "nach Angaben des Südwestrundfunks (SWR)"
                    src = (i + k if lowercase_nouns else i + 1, e)  # "according to | the ministry"
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
                    last += 1 if tokens[last].text == "," and last + 1 < body_end else 0
                    start, end = tokens[last].start, tokens[body_end - 1].end
                elif first > 1 and (last >= body_end or (lowercase_nouns and tokens[first - 1].text == ",")):
                    end_token = first - 1 if tokens[first - 1].text == "," else first
                    start, end = tokens[0].start, tokens[max(end_token, 1) - 1].end
                else:
                    start, end = tokens[0].start, tokens[-1].end
                cue = " ".join(t.text for t in tokens[i : i + k])
                return QuoteMention(start, end, article.body[start:end], "indirect", speaker, s0_, s1_, cue)
        return None
