"""Read ``seeds/``: untrusted files in, :class:`Article` objects (or a clear reason per file) out.

An article is text, never markup: nothing here interprets HTML or Markdown beyond front matter and,
in ``.md`` files, ``#`` headings.
"""

from __future__ import annotations

import codecs
import datetime as dt
import hashlib
import logging
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import yaml

from generator.cache import ToolStore
from generator.config import Config
from generator.lang import available_languages, load_language
from generator.markup import cut_at_word
from generator.model import Article, ArticleMeta, Issue, Paragraph, Sentence, Severity, Token
from generator.segment import Segmenter, is_word

log = logging.getLogger(__name__)

SUFFIXES = (".txt", ".md")
FRONT_MATTER_KEYS = ("title", "source", "url", "published", "language")
TITLE_MAX = 120

_BLANK_LINES = re.compile(r"\n[ \t]*\n\s*")
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t#]*$", re.MULTILINE)
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SENTENCE_END = re.compile(r"[.!?:;,…]['\"»«“”’]?$")
# "Kleinau/Berlin (Reuters) -", "LONDON, Jan 7 (Reuters) -", "Berlin (dpa) –"
_DATELINE = re.compile(
    r"^(?P<places>[^\W\d_][\w.'’-]*(?:[ /][^\W\d_][\w.'’-]*){0,5})"
    r"(?:,[^()\n]{1,30}?)?\s*\((?P<source>[^()\n]{1,40})\)\s*[-–—]+\s*"
)


Progress = Callable[[str, int, int], None]  # (stage, done, total)


class ReadError(Exception):
    """The file cannot be used; the message is the reason shown to the user."""


@dataclass(frozen=True)
class ReadResult:
    articles: tuple[Article, ...]
    issues: tuple[Issue, ...]


@dataclass(frozen=True)
class _Block:
    start: int
    end: int
    heading: bool


def find_seed_files(seeds_dir: Path) -> list[Path]:
    """Every ``*.txt``/``*.md`` below ``seeds_dir`` (hidden files and folders left out), sorted."""
    if not seeds_dir.is_dir():
        return []
    files = [
        p
        for p in seeds_dir.rglob("*")
        if p.suffix.lower() in SUFFIXES
        and not any(part.startswith(".") for part in p.relative_to(seeds_dir).parts)
        and p.is_file()
        and not p.is_symlink()
    ]
    return sorted(files, key=lambda p: path_order(p.relative_to(seeds_dir).as_posix()))


def path_order(rel: str) -> tuple[str, str]:
    """Reading order of seed files: by path, case-insensitive (ties broken by the exact path)."""
    return (rel.casefold(), rel)


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("ß", "ss"))
    ascii_text = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug or "article"


def article_ids(files: Iterable[str]) -> dict[str, str]:
    """Stable, unique ids from file names (``a b.txt`` → ``a-b``); clashes get ``-2``, ``-3`` in path order."""
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for rel in sorted(files, key=path_order):
        base = slugify(Path(rel).stem)
        candidate, n = base, 1
        while candidate in taken:
            n += 1
            candidate = f"{base}-{n}"
        taken.add(candidate)
        ids[rel] = candidate
    return ids


def decode(raw: bytes) -> tuple[str, str | None]:
    """Bytes → text. Returns the text and a warning when it was not plain UTF-8."""
    if raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return raw.decode("utf-16"), "decoded as UTF-16 (byte order mark)"
        except UnicodeDecodeError as exc:
            raise ReadError(f"not valid UTF-16 despite its byte order mark ({exc.reason})") from None
    if b"\x00" in raw:
        raise ReadError("binary file (contains NUL bytes), not text")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        where = exc.start
    for encoding in ("cp1252", "latin-1"):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return text, f"not valid UTF-8 (byte {where}); decoded as {encoding}, check the characters"
    raise ReadError("not decodable as text")  # pragma: no cover - latin-1 decodes every byte


def normalise(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = unicodedata.normalize("NFC", text)
    return _CONTROL.sub(" ", text)


def looks_binary(text: str) -> bool:
    sample = text[:4096]
    if not sample:
        return False
    odd = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Co", "Cn") and ch not in "\n\t")
    return odd / len(sample) > 0.1


def split_front_matter(text: str) -> tuple[dict[str, Any] | None, str, int]:
    """Returns (front matter or None, body, offset of the body in ``text``)."""
    if not text.startswith("---\n"):
        return None, text, 0
    m = re.compile(r"^(?:---|\.\.\.)[ \t]*$", re.MULTILINE).search(text, 4)
    if m is None:
        return None, text, 0  # a rule at the top of a text, not front matter
    try:
        data = yaml.safe_load(text[4 : m.start()])
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise ReadError(f"malformed front matter{where}: {problem}") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ReadError("malformed front matter: expected 'key: value' lines")
    body_start = m.end() + 1 if m.end() < len(text) else m.end()
    return data, text[body_start:], body_start


def _front_matter_fields(data: dict[str, Any], issues: list[str]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in sorted(set(map(str, data)) - set(FRONT_MATTER_KEYS)):
        issues.append(f"front matter: unknown key {key!r} ignored")
    for key in ("title", "source", "url"):
        value = data.get(key)
        if value is None:
            continue
        if not isinstance(value, str | int | float) or isinstance(value, bool):
            raise ReadError(f"front matter: {key} must be text")
        if str(value).strip():
            out[key] = " ".join(str(value).split())
    published = data.get("published")
    if published is not None:
        if isinstance(published, dt.datetime):
            published = published.date()
        elif isinstance(published, str):
            try:
                published = dt.date.fromisoformat(published.strip()[:10])
            except ValueError:
                raise ReadError(f"front matter: published {published!r} is not a date YYYY-MM-DD") from None
        if not isinstance(published, dt.date):
            raise ReadError(f"front matter: published {published!r} is not a date YYYY-MM-DD")
        out["published"] = published
    language = data.get("language")
    if language is not None:
        code = str(language).strip().lower()[:2]
        if not re.fullmatch(r"[a-z]{2}", code):
            raise ReadError(f"front matter: language {language!r} is not an ISO 639-1 code")
        out["language"] = code
    return out


def split_blocks(body: str, markdown: bool) -> list[_Block]:
    """Paragraphs (separated by blank lines) and headings, as offsets into ``body``."""
    blocks: list[_Block] = []
    pos = 0
    pieces: list[tuple[int, int]] = []
    for m in _BLANK_LINES.finditer(body):
        pieces.append((pos, m.start()))
        pos = m.end()
    pieces.append((pos, len(body)))
    for start, end in pieces:
        if markdown:
            cursor = start
            for h in _MD_HEADING.finditer(body, start, end):
                _add_block(blocks, body, cursor, h.start(), heading=False)
                _add_block(blocks, body, h.start(2), h.end(2), heading=True)
                cursor = h.end()
            _add_block(blocks, body, cursor, end, heading=False)
        else:
            _add_block(blocks, body, start, end, heading=False)
    # A plain-text headline: one short line with no closing punctuation, in capitals or on top.
    out: list[_Block] = []
    for i, b in enumerate(blocks):
        text = body[b.start : b.end]
        if not b.heading and _is_headline(text, first=(i == 0 and len(blocks) > 1)):
            b = _Block(b.start, b.end, True)
        out.append(b)
    return out


def _add_block(blocks: list[_Block], body: str, start: int, end: int, heading: bool) -> None:
    while start < end and body[start].isspace():
        start += 1
    while end > start and body[end - 1].isspace():
        end -= 1
    if end > start:
        blocks.append(_Block(start, end, heading))


def _is_headline(text: str, first: bool) -> bool:
    if "\n" in text or len(text) > 200 or _SENTENCE_END.search(text):
        return False
    if re.search(r"[.!?]\s+\S", text):  # a sentence inside: a paragraph, not a headline
        return False
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 3 or len(text.split()) > 20:
        return False
    upper = sum(ch.isupper() for ch in letters) / len(letters)
    return upper > 0.8 or first


def find_dateline(
    paragraph: str, function_words: frozenset[str] = frozenset()
) -> tuple[str, tuple[str, ...], str] | None:
    """``Kleinau/Berlin (Reuters) - …`` → (dateline as written, places, source).

    A place never starts with a function word of the language ("Die Regierung (CDU) - …" is no dateline).
    """
    m = _DATELINE.match(paragraph)
    if m is None:
        return None
    places = tuple(p.strip() for p in m.group("places").split("/") if p.strip())
    if not places or not all(p[0].isupper() for p in places):
        return None
    if any(p.split()[0].casefold() in function_words for p in places):
        return None
    written = paragraph[: m.end()].rstrip(" -–—")
    return written, places, m.group("source").strip()


def plain_title(text: str, limit: int = TITLE_MAX) -> str:
    """One line of plain text, safe where a theme strips tags or decodes entities; at most ``limit`` characters."""
    text = " ".join(text.split())
    text = text.replace("<", "‹").replace(">", "›").replace("&", "+")
    return cut_at_word(text, limit)


@dataclass
class Reader:
    """Reads seed files; holds the tools that are costly to build (segmenter, language identifier)."""

    config: Config
    segmenter: Segmenter = field(default_factory=Segmenter)
    _identifier: Any = None

    @property
    def store(self) -> ToolStore:
        return ToolStore.for_config(self.config)

    def read_all(self, files: list[Path] | None = None, progress: Progress | None = None) -> ReadResult:
        """Read every seed (or ``files``); a file that cannot be read becomes an issue, never an exception."""
        seeds = self.config.seeds_dir
        paths = find_seed_files(seeds) if files is None else files
        rels = {self._rel(p): p for p in paths}
        ids = article_ids(rels)
        articles: list[Article] = []
        issues: list[Issue] = []
        seen: dict[str, str] = {}
        for n, (rel, path) in enumerate(rels.items(), 1):
            if progress:
                progress("read", n, len(rels))
            warnings: list[str] = []
            try:
                article = self.read(path, rel, ids[rel], warnings)
            except ReadError as exc:
                issues.append(Issue(rel, Severity.ERROR, f"skipped: {exc}"))
                continue
            except Exception as exc:  # one bad file must never stop the others
                log.debug("unexpected error reading %s", rel, exc_info=True)
                issues.append(Issue(rel, Severity.ERROR, f"skipped: unexpected error: {exc!r}"))
                continue
            finally:
                issues.extend(Issue(rel, Severity.WARNING, w) for w in warnings)
            key = duplicate_key(article.body)
            if key in seen:
                issues.append(Issue(rel, Severity.WARNING, f"skipped: the same article as {seen[key]} (kept once)"))
                continue
            seen[key] = rel
            articles.append(article)
        return ReadResult(tuple(articles), tuple(issues))

    def _rel(self, path: Path) -> str:
        try:
            return path.relative_to(self.config.seeds_dir).as_posix()
        except ValueError:
            return path.as_posix()

    def read(self, path: Path, rel: str, article_id: str, warnings: list[str]) -> Article:
        return self.read_bytes(self.raw(path), rel, article_id, path.suffix.lower() == ".md", warnings)

    def raw(self, path: Path) -> bytes:
        """The file's bytes, if it is not too large to be an article (checked before reading)."""
        size = path.stat().st_size
        if size > self.config.max_article_bytes:
            raise ReadError(
                f"too large ({size / 2**20:.1f} MiB; the limit is {self.config.max_article_bytes / 2**20:.1f} MiB, "
                "option max_article_bytes)"
            )
        return path.read_bytes()

    def read_bytes(self, raw: bytes, rel: str, article_id: str, markdown: bool, warnings: list[str]) -> Article:
        if not raw.strip():
            raise ReadError("empty file")
        text, warning = decode(raw)
        if warning:
            warnings.append(warning)
        if looks_binary(text):
            raise ReadError("binary file (mostly control characters), not text")
        text = normalise(text)
        return self.parse(text, rel, article_id, markdown=markdown, warnings=warnings)

    def parse(self, text: str, rel: str, article_id: str, markdown: bool, warnings: list[str]) -> Article:
        front, body, _ = split_front_matter(text)
        fields = _front_matter_fields(front or {}, warnings)
        if not body.strip():
            raise ReadError("no article text" + (" after the front matter" if front else ""))
        language, language_basis = self._language(body, fields, warnings)

        blocks = split_blocks(body, markdown)
        paragraphs: list[Paragraph] = []
        sentences: list[Sentence] = []
        words = 0
        dateline = None
        tokens: list[tuple[Token, ...]] = []
        for b in blocks:
            toks = self.segmenter.sentences(body, b.start, b.end, language)
            if b.heading:  # a heading is one sentence, whatever its punctuation
                toks = [[t for sent in toks for t in sent]]
            elif dateline is None and not any(not p.heading for p in paragraphs):
                dateline = find_dateline(body[b.start : b.end], load_language(language).function_words)
            toks = [s for s in toks if s]
            words += sum(1 for s in toks for t in s if is_word(t))
            first = len(sentences)
            for sent in toks:
                start, end = sent[0].start, sent[-1].end
                sentences.append(Sentence(len(sentences), start, end, body[start:end], len(paragraphs)))
                tokens.append(tuple(sent))
            paragraphs.append(Paragraph(len(paragraphs), b.start, b.end, b.heading, first, len(toks)))
        if not sentences:
            raise ReadError("no sentences found in the text")

        title, title_basis = self._title(fields, paragraphs, sentences, dateline, rel)
        source, source_basis = fields.get("source"), "front matter" if "source" in fields else None
        if source is None and dateline is not None:
            source, source_basis = dateline[2], "dateline"
        if "published" in fields:
            published, basis = fields["published"], "front matter"
        elif self.config.published is not None:
            published, basis = self.config.published, "command line"
        else:
            published, basis = None, "unknown"
        meta = ArticleMeta(
            title=title,
            title_basis=title_basis,
            source=source,
            source_basis=source_basis,
            url=fields.get("url"),
            published=published,
            published_basis=basis,
            language=language,
            language_basis=language_basis,
            dateline=dateline[0] if dateline else None,
            dateline_places=dateline[1] if dateline else (),
        )
        return Article(
            id=article_id,
            file=rel,
            body=body,
            meta=meta,
            paragraphs=tuple(paragraphs),
            sentences=tuple(sentences),
            word_count=words,
            content_hash=hashlib.sha256(body.encode("utf-8")).hexdigest(),
            tokens=tuple(tokens),
        )

    def _title(
        self,
        fields: dict[str, Any],
        paragraphs: list[Paragraph],
        sentences: list[Sentence],
        dateline: tuple[str, tuple[str, ...], str] | None,
        rel: str,
    ) -> tuple[str, str]:
        if "title" in fields:
            return plain_title(fields["title"]), "front matter"
        if paragraphs[0].heading:
            return plain_title(sentences[paragraphs[0].first_sentence].text), "headline"
        for p in paragraphs:
            if p.heading or not p.sentence_count:
                continue
            text = sentences[p.first_sentence].text
            if dateline is not None and text.startswith(dateline[0]):
                text = _DATELINE.sub("", text, count=1)
            if any(ch.isalpha() for ch in text):
                return plain_title(text), "first sentence"
        return plain_title(Path(rel).stem), "file name"

    def _language(self, body: str, fields: dict[str, Any], warnings: list[str]) -> tuple[str, str]:
        known = available_languages()
        if "language" in fields:
            code, basis = fields["language"], "front matter"
        elif self.config.force_language:
            code, basis = self.config.force_language, "command line"
        else:
            letters = sum(ch.isalpha() for ch in body[:5000])
            if letters < 40:
                warnings.append(f"too little text to detect its language; taken as {self.config.language!r}")
                return self.config.language, "default"
            code, basis = self._detect(body[:5000]), "detected"
        if code not in known:
            raise ReadError(f"language {code!r} ({basis}) has no language data here (known: {', '.join(known)})")
        return code, basis

    def _detect(self, text: str) -> str:
        if self._identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            made_from = f"py3langid={metadata.version('py3langid')} {MODEL_FILE} norm_probs"
            self._identifier = self.store.load(
                "langid",
                made_from,
                lambda: LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True),
                LanguageIdentifier,
            )
        code, _prob = self._identifier.classify(text)
        return str(code)


def duplicate_key(body: str) -> str:
    return hashlib.sha256(" ".join(body.split()).casefold().encode("utf-8")).hexdigest()
