"""The frame of a piece of speech and who speaks in it: the cue (a speech verb, "so"), and the speaker
next to it: an actor mention, a pronoun or possessive standing for the last person named, a role
word whose holder the article names, or the phrase the frame names the speaker with."""

from __future__ import annotations

from collections.abc import Sequence

from generator.analyse.speech_tagger import cue_stem
from generator.lang import LanguageData
from generator.model import ActorMention, Token


class Frames:
    def __init__(self, lang: LanguageData) -> None:
        self.lang = lang
        self.q = lang.quotes

    def is_cue(self, word: str, tag: str) -> bool:
        """A speech verb of the list, or a verb (by its tag) whose stem the cue list names ("angekündigt")."""
        low = word.casefold()
        return low in self.q.speech_verbs or (tag.startswith("VV") and cue_stem(low) in self.q.learned_cues)

    def cue(self, tokens: Sequence[Token], reverse: bool = False) -> int | None:
        order = range(len(tokens) - 1, -1, -1) if reverse else range(len(tokens))
        for k in order:
            low = tokens[k].text.casefold()
            if low in self.q.speech_verbs:
                return k
            if low in self.q.so_words and (k == 0 or tokens[k - 1].text == ","):
                return k
        return None

    def speaker_near(
        self,
        tokens: Sequence[Token],
        cue: int,
        actors: Sequence[ActorMention],
        before_pos: int,
        forward: bool,
        limit: int = 10,
    ) -> tuple[ActorMention | None, Token | None]:
        """The actor (or pronoun, or role phrase) that speaks for the cue at ``tokens[cue]``: searched
        after the cue (``forward``) or before it, at most ``limit`` words away."""
        span = list(tokens[cue + 1 :]) if forward else list(reversed(tokens[:cue]))
        for n, t in enumerate(span[:limit]):
            if t.text in (".", "!", "?", ";", ":") or (t.text == "," and forward and n > 3):
                break
            low = t.text.casefold()
            for a in actors:
                if a.start <= t.start < a.end and a.kind in ("person", "organization"):
                    if not forward and self._possessor(span, n, a):
                        return None, None  # "Karl Weber's government said": the government speaks
                    return a, None
            after = n + 1 if forward else n - 1  # the word after it in reading order
            owned = span[after].text if 0 <= after < len(span) else ""
            if low in self.q.possessives and (
                self.lang.actors.is_role(owned)
                # English: any noun ("his office said"); German "in seiner Erklärung" names the speaker
                or (
                    not self.lang.figures.nouns_capitalised
                    and owned.isalpha()
                    and owned.casefold() not in self.lang.function_words
                )
            ):
                return None, None  # "her spokesman said": the spokesman speaks, not the person before
            if low in self.q.pronouns or low in self.q.possessives:
                return self.last_person(actors, before_pos), t
            if self.lang.actors.is_role(t.text):  # "Der französische Präsident erklärte"
                holder = self.role_holder(t.text, actors, t.start)
                if holder is not None:
                    return holder, t
        return None, None

    def _possessor(self, reversed_span: Sequence[Token], n: int, actor: ActorMention) -> bool:
        """The actor owns the noun after it ("Weber's government"): its last word carries the
        possessive ending the language data names (English "'s"), a word follows it before the verb."""
        marks = self.q.possessor_endings
        if not marks or n == 0:
            return False
        after = reversed_span[n - 1]  # the word after this one in reading order
        return after.start >= actor.end - 2 and (
            any(after.text == m for m in marks) or any(reversed_span[n].text.endswith(m) for m in marks)
        )

    @staticmethod
    def role_holder(role: str, actors: Sequence[ActorMention], at: int) -> ActorMention | None:
        """The person the article gives this role, nearest to ``at``."""
        low = role.casefold()
        holders = [a for a in actors if a.kind == "person" and a.role and low in a.role.casefold()]
        return min(holders, key=lambda a: abs(a.start - at)) if holders else None

    def frame_phrase(
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
            breaks = ".;:!?" if self.lang.figures.nouns_capitalised else ".;:!?,"  # "Separately, the bank said"
            while (
                start > 0
                and cue - start < 8
                and tokens[start - 1].text not in breaks
                and not stop[0] <= start - 1 < stop[1]
            ):
                start -= 1
            span = (start, cue)
        # no function word at the end ("teilte die Feuerwehr mit": the particle is no part of the name)
        while span[1] > span[0] and tokens[span[1] - 1].text.casefold() in self.lang.function_words:
            span = (span[0], span[1] - 1)
        while span[1] > span[0] and not tokens[span[0]].text[:1].isalnum():  # not the comma before it
            span = (span[0] + 1, span[1])
        words = [t.text for t in tokens[span[0] : span[1]]]
        capitalised = self.lang.figures.nouns_capitalised  # else any word names: "…, witnesses said"
        content = [
            w
            for w in words
            if (w[:1].isupper() or (not capitalised and w.isalpha())) and w.casefold() not in self.lang.function_words
        ]
        return span if content else None

    @staticmethod
    def last_person(actors: Sequence[ActorMention], before: int) -> ActorMention | None:
        persons = [a for a in actors if a.kind == "person" and a.start < before]
        return persons[-1] if persons else None
