"""The direction of a time expression: the tense of the clause it stands in (past, present, future)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from generator.analyse.punctuation import CLAUSE_BREAKS
from generator.lang import TimeCues


class Tenses:
    """The tense of a sentence around each of its tokens, found when first asked (most sentences need
    none): the tense of the nearest tense cue, ``present`` where the sentence has none. Cues: a word
    of the future or of intent ("wird", "soll", "kommende"), a perfect auxiliary with a participle in
    the sentence ("hat … festgenommen"), a past auxiliary or a word of the past ("wurde", "damals"),
    a finite verb's own tense ("trafen", "beginnt")."""

    def __init__(
        self,
        t: TimeCues,
        function_words: frozenset[str],
        verb_tense: Callable[[str], str | None] | None,
        words: Sequence[str],
        low: Sequence[str],
    ) -> None:
        self._t, self._fw, self._verb_tense = t, function_words, verb_tense
        self._words, self._low = words, low
        self._cues: list[tuple[int, str]] | None = None

    def _find(self) -> list[tuple[int, str]]:
        t, low, fw = self._t, self._low, self._fw
        verb_tense = self._verb_tense
        tenses = [verb_tense(w) if verb_tense is not None and w not in fw else None for w in self._words]
        # the perfect: an auxiliary with a participle ("hat … festgenommen"); a form of "sein" with a
        # participle the morphology alone finds may state a condition ("ist ausverkauft"): it needs
        # "ge-" ("ist gekommen") or "worden" ("sei … beendet worden")
        with_haben = any(w in t.perfect_auxiliaries and w not in t.stative_auxiliaries for w in low)
        perfect = any(
            (t.participle.match(w) and w not in fw)
            or (tense == "participle" and (with_haben or w == t.passive_participle))
            for w, tense in zip(low, tenses, strict=True)
        )
        determiners = t.articles | t.indefinite_articles
        cues: list[tuple[int, str]] = []
        ahead = {k for phrase in t.future_phrases for k in range(len(low)) if tuple(low[k : k + len(phrase)]) == phrase}
        for k, w in enumerate(low):
            if w in t.future_cues or w in t.future_auxiliaries or k in ahead:
                cues.append((k, "future"))
            elif (perfect and w in t.perfect_auxiliaries) or w in t.past_auxiliaries or w in t.past_words:
                cues.append((k, "past"))
            elif k and tenses[k] in ("past", "participle") and low[k - 1] in t.participle_not_past_after:
                continue  # English: "will be lifted", "was ordered" (the auxiliary tells)
            elif tenses[k] == "participle" and t.participle_not_past_after and not (k and low[k - 1] in determiners):
                cues.append((k, "past"))  # English: "ordered troops on Friday" (past or participle alike)
            elif tenses[k] in ("past", "present") and not (k and low[k - 1] in determiners):
                # (not an adjective after an article: "die verzauberte Stadt")
                cues.append((k, str(tenses[k])))
        return cues

    def at(self, i: int, outside: tuple[int, int] = (0, 0)) -> str:
        """The tense of the nearest cue in the token's clause (between commas), else in its sentence;
        cues in the token range ``outside`` (the expression itself: "am nächsten Tag") left out."""
        if self._cues is None:
            self._cues = self._find()
        cues = [c for c in self._cues if not outside[0] <= c[0] < outside[1]]
        if not cues:
            return "present"
        words = self._words
        lo = next((k for k in range(i - 1, -1, -1) if words[k] in CLAUSE_BREAKS), -1)
        hi = next((k for k in range(i + 1, len(words)) if words[k] in CLAUSE_BREAKS), len(words))
        own = [c for c in cues if lo < c[0] < hi] or cues
        return min(own, key=lambda c: abs(c[0] - i))[1]
