"""Actors in one article: people, organisations and places, with the roles the text gives them.

Recognition is the CRF of :mod:`generator.analyse.ner` plus three cue rules from the language data, which
catch names the model is unsure of:

* a role word followed by capitalised words is a person ("Justizministerin Petra Kowalczyk");
* a known first name followed by a capitalised word is a person ("Petra Kowalczyk");
* after an organisation head comes its name ("Nachrichtenagentur Kobold"); an institution named
  with a definite article is an organisation on its own ("Das Innenministerium teilte mit").

Within the article, a genitive joins its base ("Petrows" → "Petrow") and a surname alone stands for
the full name used in the article ("Petrow" → "Iwan Petrow").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from generator.analyse.names import Names
from generator.analyse.ner import KINDS, Span, Tagger
from generator.analyse.roles import Roles
from generator.lang import LanguageData
from generator.model import ActorMention, Article, Token

TITLE_WORDS = 6  # words a title in quotation marks has at most
_TITLE_TOKEN = re.compile(r"\w+(?:[-.'’]\w+)*|[^\w\s]")  # a headline's words, as the body's tokeniser splits them


@dataclass(frozen=True)
class _Found:
    sentence: int
    start: int  # token index
    end: int
    kind: str
    role: str | None
    evidence: bool = False  # typed by the text (a cue rule or a role), not by the model
    dateline: bool = False  # a place or agency of the dateline ("KLEINAU, Jan 7 (Agentur) -")


def _cap(word: str) -> bool:
    return word[:1].isupper()


def _is_caps_heading(tokens: Sequence[Token]) -> bool:
    letters = [ch for t in tokens for ch in t.text if ch.isalpha()]
    return len(letters) > 3 and sum(ch.isupper() for ch in letters) / len(letters) > 0.8


class ActorExtractor:
    def __init__(self, lang: LanguageData, tagger: Tagger) -> None:
        self.lang = lang
        self.tagger = tagger
        self.cues = lang.actors
        self.lex = tagger.lexicon
        self.roles = Roles(lang, tagger.lexicon)
        self.names = Names(lang, tagger.lexicon)

    # --- recognition --------------------------------------------------------------------------

    def _name_word(self, word: str) -> bool:
        """Could be part of a name: capitalised, not a function word, not a bare role or common noun."""
        if not _cap(word) or word.casefold() in self.lang.function_words or self.cues.is_role(word):
            return False
        if word in self.lex.first_names or word in self.lex.surnames:
            return True
        return not self.lex.is_common_noun(word)

    def _after_cue(self, word: str) -> bool:
        """After a role or a first name, a capitalised word is a name even if it is also a noun
        ("Justizministerin Petra Kowalczyk"), but not a place in the genitive ("Präsident Frankreichs")."""
        if not _cap(word) or word.casefold() in self.lang.function_words or self.cues.is_role(word):
            return False
        if word in self.lex.places or (word.endswith("s") and word[:-1] in self.lex.places):
            return False
        return not self.cues.is_organisation_head(word)

    def _extend_name(self, words: Sequence[str], i: int, first: bool = False) -> int:
        """End (exclusive) of a name starting at ``i``: capitalised words and inner particles.
        ``first``: the word at ``i`` follows a cue, so it only needs to pass :meth:`_after_cue`."""
        j = i
        while j < len(words):
            w = words[j]
            if (
                self._name_word(w)
                or (j == i and first and self._after_cue(w))
                or (j > i and words[j - 1] in self.lex.first_names and self._after_cue(w))
                or (
                    j > i
                    and w.casefold() in self.cues.name_particles
                    and w.islower()
                    and j + 1 < len(words)
                    and not (words[j + 1].isupper() and len(words[j + 1]) > 1)  # "Anna Berg von TSV Kleinau"
                    and (self._after_cue(words[j + 1]) or words[j + 1].casefold() in self.cues.name_particles)
                )
            ):
                j += 1
            else:
                break
        while j > i and words[j - 1].casefold() in self.cues.name_particles and words[j - 1].islower():
            j -= 1
        return j

    def _rule_spans(self, words: Sequence[str]) -> list[Span]:
        spans: list[Span] = []
        n = len(words)
        for i, w in enumerate(words):
            # a role word, directly or across "des Weißen Hauses,", then a name
            if self.cues.is_role(w) and i + 1 < n:
                k = i + 1
                comma = self.roles.apposition_end(words, i)
                if comma is not None:
                    k = comma + 1
                if k < n:
                    end = self._extend_name(words, k, first=True)
                    if end > k:
                        spans.append(Span(k, end, "PER"))
            # a known first name and a capitalised word
            nxt = words[i + 1] if i + 1 < n else ""
            if w in self.lex.first_names and nxt and (self._after_cue(nxt) or (_cap(nxt) and nxt in self.lex.surnames)):
                end = self._extend_name(words, i, first=True)
                if end > i + 1:
                    spans.append(Span(i, end, "PER"))
            # an organisation head: the name after it ("Nachrichtenagentur Kobold", "Militärbündnis OGV"),
            # or, as a compound on its own, the institution ("Innenministerium")
            if _cap(w) and self.cues.is_organisation_head(w):
                if (
                    self.cues.is_organisation_head(w, inflected=False)  # not "die Organisationen Bürger"
                    and i + 1 < n
                    and (self._after_cue(words[i + 1]) or words[i + 1].isupper())
                    and words[i + 1] not in self.lex.places
                ):
                    spans.append(Span(i + 1, self._extend_name(words, i + 1, first=True) or i + 2, "ORG"))
                elif self.cues.is_institution(w) and self._after_definite_article(words, i):
                    spans.append(Span(i, i + 1, "ORG"))
            elif (
                _cap(w)
                and w.casefold() in self.cues.institution_words
                and not self.lex.is_common_noun(w)  # a name ("dem Kreml"), not "die Staatsanwaltschaft"
                and self._after_definite_article(words, i)
            ):
                spans.append(Span(i, i + 1, "ORG"))  # "the Kremlin", "dem Kreml"
            # capitalised words before an organisation's head, where nouns are not capitalised anyway:
            # "the Interior Ministry", "the Supreme Court", "Ministry of Defence"
            if (
                not self.lang.figures.nouns_capitalised
                and _cap(w)
                and self.cues.is_organisation_head(w, inflected=False)
            ):
                j = i
                while j > 0 and _cap(words[j - 1]) and words[j - 1].casefold() not in self.lang.function_words:
                    j -= 1
                end = i + 1
                if i + 2 < n and words[i + 1].casefold() in self.cues.name_links:
                    k = i + 2 + (words[i + 2].casefold() in self.cues.definite_articles)
                    end = self._extend_name(words, k, first=True) if k < n else end
                    end = end if end > k else i + 1
                if j < i or end > i + 1:
                    spans.append(Span(j, end, "ORG"))
            # an institution of several capitalised words the language data names ("White House",
            # "Weißes Haus", "Auswärtiges Amt"): an organisation, whatever the model says
            for k in (4, 3, 2) if w.casefold() in self.cues.institution_first_words else ():
                phrase = words[i : i + k]
                known = len(phrase) == k and _cap(phrase[0]) and _cap(phrase[-1])
                if known and self.cues.institution(" ".join(phrase)) is not None:
                    spans.append(Span(i, i + k, "ORG"))
                    break
            # a kind of place, then its name: "die Kleinstadt Talheim", "der Fluss Wern"
            if (
                (_cap(w) or not self.lang.figures.nouns_capitalised)  # "der Fluss Wern", "the river Wern"
                and self.cues.is_place_head(w)
                and w not in self.lex.gazetteer
                and i + 1 < n
                and self._name_word(words[i + 1])
                and not self.cues.is_place_head(words[i + 1])
            ):
                spans.append(Span(i + 1, self._extend_name(words, i + 1), "LOC"))
            # "<name> als <role>": "Max Mustermann als Präsident"
            if w.casefold() in ("als", "as") and i + 1 < n and self.cues.is_role(words[i + 1]):
                j = i
                while j > 0 and i - j < 3 and self._name_word(words[j - 1]) and j - 1 > 0:
                    j -= 1
                if j < i:
                    spans.append(Span(j, i, "PER"))
            # a known place that is no common word
            lex = self.lex
            if w in lex.gazetteer and not (
                w in lex.common_nouns
                or w in lex.first_names
                or w in lex.surnames
                or w.casefold() in self.lang.function_words
                or w.casefold() in self.cues.organisation_endings  # "Police" is a town, too
            ):
                spans.append(Span(i, i + 1, "LOC"))
        return [s for s in spans if s.end > s.start]

    def _after_definite_article(self, words: Sequence[str], i: int) -> bool:
        """ "Das (russische) Verteidigungsministerium": a definite article, perhaps an adjective between."""
        j = i - 1
        if j >= 0 and words[j].islower() and words[j].casefold() not in self.lang.function_words:
            j -= 1
        return j >= 0 and words[j].casefold() in self.cues.definite_articles

    def recognise(self, words: Sequence[str], pos: Sequence[str] | None = None) -> list[Span]:
        """Spans from the model and the cue rules; on overlap the longer span wins, a cue rule on ties
        (a cue in the text is better evidence than the model's guess: "der Fluss Wern" is a place)."""
        return self._recognise(words, pos)[0]

    def _recognise(self, words: Sequence[str], pos: Sequence[str] | None) -> tuple[list[Span], set[Span]]:
        """:meth:`recognise`, and which of the spans a cue rule found."""
        model = self.tagger.tag(words, pos)
        rules = self._rule_spans(words)
        chosen: list[Span] = []
        for span in sorted([*model, *rules], key=lambda s: (-(s.end - s.start), s not in rules, s.start)):
            if all(span.end <= c.start or span.start >= c.end for c in chosen):
                chosen.append(span)
        return self.names.whole(words, sorted(chosen, key=lambda s: s.start), pos), set(rules)

    # --- the article -----------------------------------------------------------------------------

    def extract(self, article: Article, pos: Sequence[Sequence[str]] | None = None) -> tuple[ActorMention, ...]:
        dateline_sentence, dateline, cut = self._dateline(article)
        caps = {si for si, tokens in enumerate(article.tokens) if tokens and _is_caps_heading(tokens)}
        sentences = [  # an all-caps lead after a dateline keeps its words: the dateline's spans index them
            [t.text for t in tokens] if tokens and (si not in caps or si == dateline_sentence) else []
            for si, tokens in enumerate(article.tokens)
        ]
        found: list[_Found] = []
        for si, words in enumerate(sentences):
            spans, by_cue = self._recognise(words, pos[si] if pos is not None and words else None)
            if si == dateline_sentence:
                spans = [*dateline, *(s for s in spans if s.start >= cut and si not in caps)]
            titles = self._quoted_titles(words)
            spans = [s for s in spans if not any(a <= s.start and s.end <= b for a, b in titles)]
            spans = [s for s in spans if not self.names.non_actor(words, s)]
            for span in spans:
                role = self.roles.before(words, span.start) or self.roles.after(words, span.end)
                kind = "PER" if role else span.label
                in_dateline = si == dateline_sentence and span in dateline
                found.append(
                    _Found(si, span.start, span.end, KINDS[kind], role, bool(role) or span in by_cue, in_dateline)
                )
        found.extend(self._recurring(sentences, found, self._title_names(article)))
        found.sort(key=lambda f: (f.sentence, f.start))
        return self._resolve(article, self._one_kind(article, sentences, found))

    def _one_kind(self, article: Article, sentences: list[list[str]], found: list[_Found]) -> list[_Found]:
        """One name, one kind in the article, decided by all its mentions with the text's own evidence
        first: the name's head word ("Bundesgericht", "Freiwillige Feuerwehr X" → organisation), a
        compound with an organisation head ("Kleinwerk-Konzern", "Porsche-Aufsichtsrat"), a cue rule or a
        role at any mention; only then the model's majority."""
        names = [" ".join(sentences[f.sentence][f.start : f.end]) for f in found]
        tokens = {t.text for sentence in article.tokens for t in sentence}
        lex = self.lex
        by_name: dict[str, list[_Found]] = {}
        for f, n in zip(found, names, strict=True):
            by_name.setdefault(n, []).append(f)
        decided: dict[str, tuple[str, bool]] = {}
        surnames = {n.split()[-1] for n, mine in by_name.items() if " " in n and self._a_person(mine)}
        for name, mine in by_name.items():
            cued = [f.kind for f in mine if f.evidence]
            # a place "cue" may be the gazetteer alone ("Obama" is a town too)
            place_said = "place" in cued and name not in lex.gazetteer
            if name in surnames and not place_said and "organization" not in cued:
                decided[name] = ("person", True)  # a person's surname alone is no place ("Clinton")
                continue
            # a place of the same name does not make the institution one ("Police", "Parliament")
            known_place = (
                name in lex.places or name in lex.gazetteer
            ) and name.casefold() not in self.cues.organisation_endings
            if self.cues.institution(name) is not None:  # the language data's institutions ("White House")
                kind, evidence = "organization", True
            elif cued:
                kind, evidence = max(sorted(set(cued)), key=cued.count), True
            elif not known_place and self._names_an_organisation(name, tokens):
                kind, evidence = "organization", True
            else:
                kinds = [f.kind for f in mine]
                kind, evidence = max(sorted(set(kinds)), key=kinds.count), False
            decided[name] = (kind, evidence)
        return [
            f
            if f.role
            else _Found(f.sentence, f.start, f.end, decided[n][0], f.role, f.evidence or decided[n][1], f.dateline)
            for f, n in zip(found, names, strict=True)
        ]

    @staticmethod
    def _a_person(mentions: list[_Found]) -> bool:
        kinds = [f.kind for f in mentions if f.evidence] or [f.kind for f in mentions]
        return max(sorted(set(kinds)), key=kinds.count) == "person"

    def _names_an_organisation(self, name: str, tokens: set[str]) -> bool:
        """The name's own head word is an organisation's ("Bundesgericht", "Freiwillige Feuerwehr
        Kleinau" by its first words' head), or the article joins it to one in a compound
        ("Kleinwerk-Konzern")."""
        heads = self.cues.is_organisation_head  # inflected too: "Kleinwerk-Aufsichtsrates"
        words = name.split()
        if heads(words[-1]) or (len(words) > 1 and any(heads(w) for w in words[:-1] if w[:1].isupper())):
            return True
        return any(t.startswith(name + "-") and heads(t.rsplit("-", 1)[-1]) for t in tokens)

    def _quoted_titles(self, words: Sequence[str]) -> list[tuple[int, int]]:
        """Token ranges of short passages in quotation marks written like a title (capitalised words
        and function words only): the name of a ship, a book, a newspaper or a plan
        („Colombo Express“, „Neue Wege“) is no person, organisation or place of the story."""
        closing = dict(self.lang.quotes.quote_marks)
        out = []
        i = 0
        while i < len(words):
            close = closing.get(words[i])
            if close is None:
                i += 1
                continue
            j = next((k for k in range(i + 1, min(len(words), i + 2 + TITLE_WORDS)) if words[k] == close), -1)
            inner = words[i + 1 : j] if j > 0 else []
            fw = self.lang.function_words
            if inner and all(_cap(w) or w.casefold() in fw or not w.isalpha() for w in inner):
                out.append((i + 1, j))
            i = j + 1 if j > 0 else i + 1
        return out

    def _dateline(self, article: Article) -> tuple[int, list[Span], int]:
        """The dateline's places and agency ("Kleinau/Berlin (Reuters) -") as spans of its sentence,
        with the number of tokens the dateline takes (no other span may start inside it)."""
        meta = article.meta
        if not meta.dateline:
            return -1, [], 0
        for s in article.sentences:
            if s.text.startswith(meta.dateline):
                break
        else:
            return -1, [], 0
        si = s.index
        tokens = article.tokens[si]
        limit = s.start + len(meta.dateline)
        words = [t.text for t in tokens if t.end <= limit]
        spans: list[Span] = []
        for place in meta.dateline_places:
            parts = place.split()
            for i in range(len(words) - len(parts) + 1):
                if words[i : i + len(parts)] == parts:
                    spans.append(Span(i, i + len(parts), "LOC"))
                    break
        if "(" in words and ")" in words[words.index("(") :]:
            a = words.index("(") + 1
            b = words.index(")", a)
            if b > a:
                spans.append(Span(a, b, "ORG"))
        return si, spans, len(words)

    def _title_names(self, article: Article) -> dict[tuple[str, ...], str]:
        """Names the headline gives (front matter titles are not part of the body): the same
        recognition as the body's, so that a name the model misses in the text but finds in the
        headline is still found where the text repeats it."""
        title = article.meta.title
        if not title or article.meta.title_basis not in ("front matter",):
            return {}
        words = _TITLE_TOKEN.findall(title)
        return {tuple(words[s.start : s.end]): KINDS[s.label] for s in self.recognise(words)}

    def _recurring(
        self, sentences: list[list[str]], found: list[_Found], title: dict[tuple[str, ...], str] | None = None
    ) -> list[_Found]:
        """A name found once (in the text or the headline) is a name wherever it recurs in the
        article; a person's surname too ("Der heute 81-jährige Mustermann")."""
        names: dict[tuple[str, ...], str] = {}
        for f in found:
            name = tuple(sentences[f.sentence][f.start : f.end])
            names.setdefault(name, f.kind)
            if f.kind == "person" and len(name) > 1 and name[-1] not in self.lex.first_names:
                names.setdefault(name[-1:], "person")
                names.setdefault((name[-1] + "s",), "person")
        for key, kind in (title or {}).items():
            names.setdefault(key, kind)
        covered = {(f.sentence, i) for f in found for i in range(f.start, f.end)}
        by_first_word: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for key, kind in sorted(names.items(), key=lambda kv: -len(kv[0])):  # longest first
            by_first_word.setdefault(key[0], []).append((key, kind))
        extra: list[_Found] = []
        for si, words in enumerate(sentences):
            i = 0
            while i < len(words):
                for key, kind in by_first_word.get(words[i], ()):
                    k = len(key)
                    if tuple(words[i : i + k]) == key and not any((si, j) in covered for j in range(i, i + k)):
                        extra.append(_Found(si, i, i + k, kind, None))
                        covered.update((si, j) for j in range(i, i + k))
                        i += k - 1
                        break
                i += 1
        return extra

    def _text(self, article: Article, f: _Found) -> tuple[int, int, str]:
        toks = article.tokens[f.sentence]
        start, end = toks[f.start].start, toks[f.end - 1].end
        return start, end, article.body[start:end]

    def _resolve(self, article: Article, found: list[_Found]) -> tuple[ActorMention, ...]:
        texts = [self._text(article, f) for f in found]
        known = {t for _, _, t in texts}
        surnames = {s for n in known if " " in n for s in self._surnames(n)}
        full_names: list[tuple[int, str]] = []  # (offset, full person name)
        out: list[ActorMention] = []
        for f, (start, end, text) in zip(found, texts, strict=True):
            name = self._base_form(text, known, surnames, f.kind == "organization")
            if f.kind != "person":
                name = self.names.nominative(name)  # "Deutschen Roten Kreuzes" → "Deutsches Rotes Kreuz"
            if f.dateline and f.kind == "place" and name.isupper():
                name = name.title()  # "NEW YORK, Jan 7 (…) -": the place as it is written elsewhere
            if f.kind == "person" and " " in name:
                full_names.append((start, name))
            out.append(ActorMention(start, end, text, f.kind, name, f.role, f.evidence))
        # a surname alone stands for the full name used in the article (the nearest before it, else after)
        resolved = []
        for m in out:
            if m.kind == "person" and " " not in m.name:
                candidates = [(off, n) for off, n in full_names if m.name in self._surnames(n)]
                before = [c for c in candidates if c[0] < m.start]
                pick = before[-1][1] if before else (candidates[0][1] if candidates else None)
                if len({n for _, n in candidates}) > 1:
                    pick = self._main_person(article, [n for _, n in candidates])
                if pick:
                    m = ActorMention(m.start, m.end, m.text, m.kind, pick, m.role, m.evidence)
            resolved.append(m)
        return tuple(resolved)

    @staticmethod
    def _main_person(article: Article, names: list[str]) -> str | None:
        """Of several people sharing a surname, the one the article is about: named in the headline,
        else named in full most often; None when that does not decide ("Anna Berghof", "Jonas Berghof"
        once each)."""
        title = article.meta.title or ""
        in_title = sorted({n for n in names if n in title})
        if len(in_title) == 1:
            return in_title[0]
        count = Counter(names)
        (first, a), (_, b) = count.most_common(2)
        return first if a > b else None

    def _surnames(self, name: str) -> tuple[str, ...]:
        """The forms a full name's surname may take alone: "Muammar al-Gaddafi" → "al-Gaddafi", "Gaddafi"."""
        last = name.split()[-1]
        particle, _, rest = last.partition("-")
        if rest and particle.islower() and particle in self.cues.name_particles:
            return last, rest
        return (last,)

    def _base_form(self, text: str, known: set[str], surnames: set[str], organisation: bool = False) -> str:
        """Genitive → base ("Kleinaus" → "Kleinau", "Bundesgerichtes" → "Bundesgericht"): when the base
        stands in the article; else, for people and places, when the lexicon knows the base and not
        the form as written ("Paris" stays "Paris", though "Pari" is a name somewhere). ``surnames``:
        the surnames of the article's full names, alone ("Gaddafi" of "Muammar al-Gaddafi")."""
        if text.endswith(("’", "'")):
            return text[:-1]
        lemma = self.lex.place_lemmas.get(text)
        if lemma and not organisation:
            return lemma  # "Niederlanden" → "Niederlande", "Vereinigten Staaten" → "Vereinigte Staaten"
        if len(text) <= 3 or not text.endswith("s") or text.endswith("ss"):
            return text  # "Poss", "Gauss": a genitive of them is written with an apostrophe
        stems = (text[:-2], text[:-1]) if text.endswith("es") else (text[:-1],)
        for stem in stems:
            if stem.strip() and (stem in known or (not organisation and stem in surnames)):
                return stem
        lex = self.lex
        if organisation and " " not in text and self.cues.is_organisation_head(text):
            # "des Innenministeriums" → "Innenministerium", "des Truppengerichts" → "Truppengericht": a
            # noun form the lexicon knows, or a compound on an organisation's head word
            heads = self.cues.is_organisation_head
            return next((s for s in stems if (s in lex.common_nouns or heads(s, inflected=False)) and heads(s)), text)
        last_word = text.split()[-1]
        if organisation or text in lex.gazetteer or last_word in lex.places or last_word in lex.surnames:
            return text
        for stem in stems:
            last = stem.split()[-1] if stem.strip() else ""
            if last and (last in lex.places or last in lex.surnames or last in lex.first_names):
                return stem
        return text
