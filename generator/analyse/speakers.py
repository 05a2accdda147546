"""Who speaks: a source the speech model labels (or a rule's frame names) resolved to a speaker a
reader can trust, or to none.

A speaker is an actor mention (the actor's name), a pronoun resolved to the last person named before
it, or a phrase headed by a person or group noun (a learned source head, a role word, a kind of
organisation: "ein Sprecher der Polizei", "die Opposition"), kept as written up to what a preposition
adds. Never a clause, an abstract noun ("Angaben", "Bericht"), a number phrase, the one spoken to
("mit seinem Amtskollegen X", "dem Nachbarland"), or an actor in a genitive after another head ("die
Minister Kleinaus"). A speech noun's genitive speaks ("Ermittlungen der Polizei" → "der
Polizei").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from generator.analyse.speech_frames import Frames
from generator.analyse.speech_tagger import cue_stem
from generator.lang import LanguageData
from generator.model import ActorMention, Article, QuoteMention, Token

# verb tags: HanTa's German "VV(FIN)" and the English mapping's "VVFIN" alike; a phrase with a verb is a clause
VERB = ("VV", "VA", "VM")
_NOUN = ("NN", "NE", "NNA", "NNI")
_NAME = ("NE", "FM")
_NOUN_PHRASE = ("ART", "ADJ(A)", "PPOSAT", "PIAT", "NN", "NE", "FM", "CARD")
_AFTER_PHRASE = ("APPR", "APPRART", "KON", "$,")  # a preposition, conjunction or comma after the head ends the phrase
_PREPOSITION = ("APPR", "APPRART")
_NP_START = ("ART", "PPOSAT", "PIAT", "ADJ(A)", "ADJA", "NN", "NE", "FM", "CARD", "PDAT")
MAX_SOURCE_TOKENS = 12


@dataclass(frozen=True)
class Run:
    sentence: int
    start: int  # token index
    end: int  # exclusive


def runs(labels: Sequence[str], label: str, sentence: int) -> list[Run]:
    out = []
    k = 0
    while k < len(labels):
        if labels[k] != label:
            k += 1
            continue
        j = k
        while j < len(labels) and labels[j] == label:
            j += 1
        out.append(Run(sentence, k, j))
        k = j
    return out


class Speakers:
    def __init__(self, lang: LanguageData, frames: Frames) -> None:
        self.lang = lang
        self.q = lang.quotes
        self.frames = frames

    def spoken_to(self, toks: Sequence[Token], tags: Sequence[str], start: int, words: Sequence[str]) -> bool:
        """The phrase starts with a dative article (not after "laut", not before "zufolge"), or its
        noun phrase follows a preposition of the one spoken to ("mit", "gegenüber")."""
        after = toks[start + len(words)].text.casefold() if start + len(words) < len(toks) else ""
        before = toks[start - 1].text.casefold() if start > 0 else ""
        according = before in self.q.according_words or after in self.q.according_words
        if words[0].casefold() in self.q.dative_articles and not according:
            return True
        k = start - 1
        while k >= 0 and tags[k] in _NOUN_PHRASE:  # back over the noun phrase the run belongs to
            k -= 1
        return k >= 0 and tags[k] in ("APPR", "APPRART") and toks[k].text.casefold() in self.q.addressee_prepositions

    @staticmethod
    def _genitive_after_head(body: str, toks: Sequence[Token], tags: Sequence[str], actor: ActorMention) -> bool:
        """The actor follows a common noun of the phrase as its genitive: an article before it
        ("der Sprecher der Polizei") or the genitive -s its name lacks ("die Minister Kleinaus")."""
        k = next((i for i, t in enumerate(toks) if t.start >= actor.start), 0)
        if not any(t == "NN" for t in tags[:k]):
            return False
        last = max((i for i, t in enumerate(toks) if t.start < actor.end), default=k)
        written = toks[last].text  # the token the actor ends in, as written
        return tags[k - 1] == "ART" or (written.endswith("s") and not actor.name.endswith("s"))

    def subject(
        self,
        article: Article,
        actors: Sequence[ActorMention],
        pos: Sequence[Sequence[str]],
        si: int,
        verb: int,
        after: bool,
    ) -> tuple[str | None, int | None, int | None]:
        """Who speaks in the frame whose cue is token ``verb`` of sentence ``si``: the subject.

        Frame after what is said ("…, sagte X", "…, so X"): the phrase after the cue. Frame before it
        ("X sagte, …", "Am Montag sagte X, …"): the words before the clause's finite verb (German puts
        one phrase there), or, where that is no noun phrase (a time, an adverb), the one right after the
        finite verb. An actor in a preposition's phrase ("mit seinem Amtskollegen X"), in a genitive
        ("der Nachfolger des Chefs X") or owning a noun ("Webers Regierung") is not the subject; an
        apposition right before the verb is ("Der Nachfolger des Chefs X, Y, kündigte an")."""
        toks, tags = article.tokens[si], pos[si]
        if after:
            return self._phrase_at(article, actors, pos, si, verb + 1)
        fin = verb
        while fin > 0 and not finite(tags[fin]) and toks[fin - 1].text not in ",;:":
            fin -= 1
        if not finite(tags[fin]):
            fin = verb
        if "PP" in tags[verb] and toks[fin].text.casefold() in self.q.passive_auxiliaries:
            return None, None, None  # "Der Ministerin wird vorgeworfen, …": no one speaks as subject
        if fin > 0 and tags[fin - 1] == "KON":  # "X dankte … und ergänzte, …": the subject they share
            prev = max((j for j in range(fin - 1) if finite(tags[j])), default=None)
            if prev is not None:
                return self.subject(article, actors, pos, si, prev, after=False)
        start = fin
        while start > 0 and toks[start - 1].text not in ".;:!?" and not finite(tags[start - 1]):
            start -= 1
        if any(finite(t) for t in tags[:start]):  # an earlier clause: this one starts after its comma
            while start < fin and toks[start].text in ",":
                start += 1
        if start >= fin:
            return self._phrase_at(article, actors, pos, si, fin + 1)
        if toks[fin - 1].text == "," and fin - start > 2:  # "…, Karl Weber, kündigte an": the apposition
            k = fin - 2
            hit = self._actor_at(actors, toks[k])
            if hit is not None:
                return hit.name, hit.start, hit.end
        if tags[start] in _PREPOSITION or tags[start].startswith(("ADV", "PAV", "KOUS", "PROAV", "AV")):
            return self._phrase_at(article, actors, pos, si, fin + 1)  # "Am Montag sagte X"
        if toks[start].text.casefold() in self.q.pronouns and fin - start == 1:
            person = self.antecedent(article, actors, toks[start].start)
            return (person.name if person else None), toks[start].start, toks[start].end
        phrase = start
        for k in range(start, fin):
            hit = self._actor_at(actors, toks[k])
            if hit is None or hit.start != toks[k].start:
                continue
            end = next((j for j in range(k, fin) if toks[j].end >= hit.end), k)
            if self._dependent(toks, tags, start, k, end):
                if k == phrase:  # "Webers Regierung": the phrase is what the possessor owns
                    phrase = end + 1
                continue
            return hit.name, hit.start, hit.end
        start = phrase
        if start >= fin:
            return None, None, None
        if tags[start] not in _NP_START and toks[start].text.casefold() not in self.q.possessives:
            return None, None, None
        e = start
        while e < fin and toks[e].text not in ",;:" and tags[e] not in _PREPOSITION:
            e += 1
        return self.resolve(article, actors, pos, Run(si, start, e), subject=True) if e > start else (None, None, None)

    def _dependent(self, toks: Sequence[Token], tags: Sequence[str], start: int, k: int, end: int) -> bool:
        """The actor at tokens ``k``..``end`` depends on another word: a preposition or another noun
        before it in its phrase, or a noun after it that it owns ("Webers Regierung")."""
        j = k - 1
        while j >= start and tags[j] in ("ADJ(A)", "ADJA", "NN", "ART", "PPOSAT", "CARD", "PIAT"):
            if tags[j] == "ART" and j > start and tags[j - 1] in ("NN", "NE"):
                return True  # "der Sprecher der Polizei": a genitive
            j -= 1
        if j >= start and (tags[j] in _PREPOSITION or tags[j] in ("NE",)):
            return True
        nouns_before = [i for i in range(start, k) if tags[i] in ("NN", "NE")]
        if (
            nouns_before
            and any(toks[i].text.casefold().endswith(("s", "es")) for i in nouns_before[-1:])
            and (k - 1 in nouns_before)
        ):
            # "des Chefs Anton Huber": the noun before it is itself a genitive
            return any(tags[i] == "ART" and toks[i].text.casefold() in ("des",) for i in range(start, k))
        nxt = end + 1
        return nxt < len(toks) and tags[nxt] in ("NN", "ADJ(A)", "ADJA") and toks[end].text.endswith("s")

    @staticmethod
    def antecedent(article: Article, actors: Sequence[ActorMention], before: int) -> ActorMention | None:
        """The person a pronoun at ``before`` stands for: the last person named as a sentence's subject
        (at its start) in this sentence or the two before, else the last person named ("Die Ministerin
        N. N. traf X. Sie warf dem Minister vor, …" → N. N.)."""
        at = article.sentence_at(before)
        first = article.sentences[max(0, at - 2)].start
        persons = [a for a in actors if a.kind == "person" and first <= a.start < before]
        subjects = [
            a for a in persons if any(t.start == a.start for t in article.tokens[article.sentence_at(a.start)][:3])
        ]
        if subjects:
            return subjects[-1]
        earlier = [a for a in actors if a.kind == "person" and a.start < before]
        return earlier[-1] if earlier else None

    @staticmethod
    def _actor_at(actors: Sequence[ActorMention], tok: Token) -> ActorMention | None:
        return next((a for a in actors if a.start <= tok.start < a.end and a.kind in ("person", "organization")), None)

    def _phrase_at(
        self, article: Article, actors: Sequence[ActorMention], pos: Sequence[Sequence[str]], si: int, i: int
    ) -> tuple[str | None, int | None, int | None]:
        """The subject that starts at or soon after token ``i`` (after a finite verb or a cue): an actor,
        a pronoun, or a noun phrase; a preposition's phrase ("gegenüber der Zeitung", "am Montag") and a
        dative ("dem Sender") are passed over, never the speaker."""
        toks, tags = article.tokens[si], pos[si]
        n = len(toks)
        limit = min(n, i + 10)
        while i < limit:
            t, tag = toks[i], tags[i]
            low = t.text.casefold()
            if t.text in ",.;:!?()–-" or tag.startswith(VERB) or low in self.q.that_words:
                return None, None, None
            if tag in _PREPOSITION or low in self.q.dative_articles:
                i += 1  # over the preposition's (or the dative's) noun phrase
                while i < limit and (tags[i] in _NP_START or tags[i] in ("ADJ(D)", "ADJD")) and toks[i].text not in ",":
                    i += 1
                continue
            hit = self._actor_at(actors, t)
            if hit is not None:
                return hit.name, hit.start, hit.end
            if low in self.q.pronouns and tag.startswith("PPER"):
                person = self.antecedent(article, actors, t.start)
                return (person.name if person else None), t.start, t.end
            if tag in _NP_START or low in self.q.possessives:
                e = i
                while e < n and (tags[e] in _NP_START or tags[e] == "PPOSAT") and toks[e].text not in ",":
                    e += 1
                    if (
                        e < n
                        and tags[e - 1] in ("NN", "NE")
                        and tags[e] == "ART"
                        and toks[e].text.casefold() not in (self.lang.figures.genitive_links)
                    ):
                        break  # another phrase begins: "der Gesetzgeber | eine Klausel"
                    if e < n and tags[e - 1] in ("NN", "NE") and tags[e] == "ART" and e + 1 < n:
                        continue  # a genitive after the head: "der Sprecher der Polizei"
                if e > i:
                    return self.resolve(article, actors, pos, Run(si, i, e), subject=True)
            i += 1
        return None, None, None

    def after_according(self, toks: Sequence[Token], start: int) -> bool:
        return start > 0 and toks[start - 1].text.casefold() in self.q.according_words

    def trusted(
        self, article: Article, actors: Sequence[ActorMention], pos: Sequence[Sequence[str]], q: QuoteMention
    ) -> QuoteMention:
        """``q`` with its speaker checked as the model's are: an actor, a pronoun resolved to one, or a
        phrase headed by a person or group noun; anything else (a clause, an adverb, an abstract noun)
        leaves the speaker unknown."""
        if q.speaker_start is None or q.speaker_end is None:
            return q
        for si, s in enumerate(article.sentences):
            if s.start <= q.speaker_start < s.end:
                toks = article.tokens[si]
                ks = [k for k, t in enumerate(toks) if q.speaker_start <= t.start < q.speaker_end]
                if not ks:
                    break
                words = [toks[k].text for k in ks]
                if self.spoken_to(toks, pos[si], ks[0], words):
                    break  # "mit seinem Amtskollegen N. N.": spoken to, not speaking
                named = [x for x in actors if x.start <= q.speaker_start < x.end]
                if any(x.name == q.speaker for x in named):
                    return q
                speaker, a, b = self.resolve(article, actors, pos, Run(si, ks[0], ks[-1] + 1))
                return replace(q, speaker=speaker, speaker_start=a, speaker_end=b)
        return replace(q, speaker=None, speaker_start=None, speaker_end=None)

    def resolve(
        self,
        article: Article,
        actors: Sequence[ActorMention],
        pos: Sequence[Sequence[str]],
        run: Run,
        subject: bool = False,
    ) -> tuple[str | None, int | None, int | None]:
        """The speaker a source run names, or None when it names none a reader could trust.
        ``subject``: the run is the subject of a speech verb, so any noun phrase without a number
        speaks as written ("Ein Kommentator schrieb: …"), not only one headed by a known person or
        group noun."""
        toks = article.tokens[run.sentence][run.start : run.end]
        tags = pos[run.sentence][run.start : run.end]
        a, b = toks[0].start, toks[-1].end
        words = [t.text for t in toks]
        if self.spoken_to(article.tokens[run.sentence], pos[run.sentence], run.start, words):
            return None, None, None  # "mit seinem Amtskollegen X", "dem Nachbarland": spoken to, not speaking
        named = [x for x in actors if a <= x.start < b and x.kind in ("person", "organization")]
        if named and not self._genitive_after_head(article.body, toks, tags, named[0]):
            # the actor heads the phrase or stands in apposition ("der Betreiber X", "Außenminister X");
            # an actor in a genitive after another head does not speak ("die Minister Kleinaus")
            x = named[0]
            return x.name, x.start, x.end
        low = [w.casefold() for w in words]
        if (low[0] in self.q.pronouns and len(toks) == 1) or low[0] in self.q.possessives:
            # "sagte er"; "in seiner Erklärung": the person named last before
            person = self.frames.last_person(actors, a)
            return (person.name if person else None), a, toks[0].end
        if len(toks) > MAX_SOURCE_TOKENS or any(t.startswith(VERB) for t in tags) or "PRELS" in tags:
            return None, None, None  # a clause, not a phrase that names someone
        nouns = [k for k, t in enumerate(tags) if t in _NOUN and words[k][:1].isupper()]
        if not nouns:
            return None, None, None
        # the head is the phrase's first noun ("Ermittlungen der Polizei" names no one)
        h = nouns[0]
        cues = self.lang.actors

        def names_someone(k: int, learned: bool) -> bool:
            word = words[k]
            if cue_stem(word) in self.q.learned_cues:
                return False
            if tags[k] in _NAME or (word.isupper() and len(word) > 1) or (learned and low[k] in self.q.source_heads):
                return True
            return any(  # the word, or without a plural or case ending ("Behörden")
                cues.is_role(w) or cues.is_organisation_head(w) or cues.is_institution(w)
                for w in _forms(word, cues.role_inflections)
            )

        if not names_someone(h, learned=False) and len(nouns) > 1 and names_someone(nouns[1], learned=True):
            # what follows names the speaker: "Ermittlungen der Polizei", "Angaben der Behörde" → the authority
            h = nouns[1]
            first = h
            while first > 0 and tags[first - 1] in ("ART", "ADJ(A)", "PPOSAT", "PIAT"):
                first -= 1
            toks, tags, words, low = toks[first:], tags[first:], words[first:], low[first:]
            h -= first
            a = toks[0].start
        head = words[h]
        plain_subject = subject and tags[h] == "NN" and "CARD" not in tags
        if not names_someone(h, learned=True) and not plain_subject:
            return None, None, None
        if cues.is_role(head):  # "der polnische Präsident": the person the article gives that role
            holder = self.frames.role_holder(head, actors, toks[h].start)
            if holder is not None:
                return holder.name, a, b
        # the phrase as written, from its first word that belongs to it (no leading preposition) to
        # its head and a genitive after it, not what a preposition adds ("vom Dienstagabend", "in Gaza")
        k = 0
        while k < h and tags[k] in ("APPR", "APPRART", "$,", "$("):
            k += 1
        e = next((j for j in range(h + 1, len(tags)) if tags[j] in _AFTER_PHRASE), len(tags))
        opened = [j for j in range(h + 1, e) if words[j] == "("]
        if opened and ")" not in words[opened[-1] : e]:
            e = opened[-1]  # no bracket left open: "des Instituts (IGG" → "des Instituts"
        while e > h + 1 and tags[e - 1] in ("ART", "ADJ(A)", "$(", "$,"):
            e -= 1
        a, b = toks[k].start, toks[e - 1].end
        return article.body[a:b], a, b


def finite(tag: str) -> bool:
    return tag.startswith(VERB) and "FIN" in tag


def _forms(word: str, inflections: Sequence[str]) -> list[str]:
    """The word, and the word without each inflection ending it has (at least four letters stay)."""
    return [word, *(word[: -len(e)] for e in inflections if word.endswith(e) and len(word) - len(e) >= 4)]


def in_relative_clause(pos: Sequence[Sequence[str]], run: Run) -> bool:
    """A relative pronoun in the run or between the last comma before it and the run."""
    tags = pos[run.sentence]
    if "PRELS" in tags[run.start : run.end]:
        return True
    k = run.start - 1
    while k >= 0 and tags[k] != "$,":
        if tags[k] == "PRELS":
            return True
        k -= 1
    return False
