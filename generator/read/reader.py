"""Read ``seeds/``: untrusted files in, :class:`Article` objects (or a clear reason per file) out.

An article is text, never markup: nothing here interprets HTML or Markdown beyond front matter and,
in ``.md`` files, ``#`` headings.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

from generator.cache import ToolStore
from generator.config import Config
from generator.lang import available_languages, load_language
from generator.model import Article, ArticleMeta, Issue, Paragraph, Sentence, Severity, Token
from generator.read.decoding import ReadError, decode, looks_binary, normalise
from generator.read.files import article_ids, display_path, duplicate_key, find_seed_files, find_seed_links
from generator.read.frontmatter import front_matter_fields, split_front_matter
from generator.read.layout import find_dateline, plain_title, split_blocks, strip_dateline
from generator.read.segment import Segmenter, is_word

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (stage, done, total)


def link_issue(rel: str) -> Issue:
    """A symbolic link in the seeds folder is not followed (it may point anywhere); it is named."""
    return Issue(rel, Severity.ERROR, "skipped: a symbolic link; put the file itself into the seeds folder")


@dataclass(frozen=True)
class ReadResult:
    articles: tuple[Article, ...]
    issues: tuple[Issue, ...]


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
        rels = {self.rel(p): p for p in paths}
        ids = article_ids(rels)
        articles: list[Article] = []
        issues: list[Issue] = []
        seen: dict[str, str] = {}
        if files is None:  # links are reported, not followed
            for link in find_seed_links(seeds):
                issues.append(link_issue(self.rel(link)))
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

    def rel(self, path: Path) -> str:
        try:
            return display_path(path.relative_to(self.config.seeds_dir).as_posix())
        except ValueError:
            return display_path(path.as_posix())

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
        fields = front_matter_fields(front or {}, warnings)
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
                text = strip_dateline(text)
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
