"""Safe output of untrusted text into generated Markdown pages.

Article text only ever reaches a page through these functions:

* :func:`esc` for text inside raw HTML blocks (Python-Markdown leaves those alone);
* :func:`md_text` for text in Markdown headings (every character Markdown, attr_list or the
  toc extension could act on becomes a numeric character reference);
* :func:`front_matter` for page titles (YAML-quoted plain text, free of ``<``, ``>`` and ``&``).
"""

from __future__ import annotations

import functools
import html
import json
import posixpath
import re
from collections.abc import Iterable, Sequence

import yaml

_MD_SPECIAL = set("\\`*_{}[]()<>#+-.!|~^=:$&\"'")


def esc(text: str) -> str:
    # most text has nothing to escape, and these tests are much cheaper than html.escape's replaces
    if "&" in text or "<" in text or ">" in text or '"' in text or "'" in text:
        return html.escape(text, quote=True)
    return text


def highlight(text: str, names: Iterable[str]) -> str:
    """``text`` escaped, with every occurrence of ``names`` (and of their last word, each with an
    optional genitive "s") in bold: leftmost first, the longest name where several start at one place."""
    words = {n for name in names for n in (name, name.split()[-1]) if len(n) > 1}
    spans = []
    for w in words:
        at = text.find(w)
        while at >= 0:
            end = at + len(w)
            if end < len(text) and text[end] == "s" and not _is_word_char(text, end + 1):
                end += 1
            if not _is_word_char(text, at - 1) and not _is_word_char(text, end):
                spans.append((at, -(end - at), end))
            at = text.find(w, at + 1)
    out, pos = [], 0
    for start, _, end in sorted(spans):
        if start < pos:
            continue  # inside a longer match already taken
        out.append(esc(text[pos:start]))
        out.append(f"<strong>{esc(text[start:end])}</strong>")
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out)


def _is_word_char(text: str, i: int) -> bool:
    """Whether ``text[i]`` exists and is a word character (as the regular expression ``\\w``)."""
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


def md_text(text: str) -> str:
    """Text for a Markdown heading line: no markup survives, no newline breaks the line."""
    return "".join(f"&#{ord(ch)};" if ch in _MD_SPECIAL else ch for ch in " ".join(text.split()))


# What a YAML double-quoted scalar holds as written (YAML 1.1 printable characters, minus the ones
# PyYAML reads as line breaks or a byte-order mark); JSON escapes only '"', '\\' and C0 controls.
_YAML_PLAIN = re.compile("[\t\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]*")


def front_matter(title: str) -> str:
    if _YAML_PLAIN.fullmatch(title):  # the common case, without the cost of a YAML emitter
        return f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\n---\n\n"
    return "---\n" + yaml.safe_dump({"title": title}, allow_unicode=True, width=1000) + "---\n\n"


def page_url(page: str) -> str:
    """The built URL of a docs page (``use_directory_urls: false``): ``a/b.md`` → ``a/b.html``."""
    return page[:-3] + ".html" if page.endswith(".md") else page


def href(from_page: str, to_page: str, anchor: str | None = None) -> str:
    """A relative link from one docs page to another (or to an anchor on the same page)."""
    target = "" if to_page == from_page else relative(from_page, page_url(to_page))
    return esc(target + (f"#{anchor}" if anchor else ""))


def relative(from_page: str, to_path: str) -> str:
    """``to_path`` as seen from the folder of ``from_page`` (what posixpath.relpath gives for these
    normalised relative paths, without its cost: this runs for every link of every page)."""
    from_dir = from_page.rpartition("/")[0]
    if not from_dir:
        return to_path
    to_dir, _, name = to_path.rpartition("/")
    if to_dir == from_dir:
        return name
    return _up(from_dir, to_dir) + name


@functools.lru_cache(maxsize=1024)
def _up(from_dir: str, to_dir: str) -> str:
    """The relative folder path (ending in "/", or empty) from one docs folder to another."""
    up = posixpath.relpath(to_dir or ".", from_dir)
    return "" if up == "." else up + "/"


def link(from_page: str, to_page: str, text: str, anchor: str | None = None, title: str | None = None) -> str:
    extra = f' title="{esc(title)}"' if title else ""
    return f'<a href="{href(from_page, to_page, anchor)}"{extra}>{esc(text)}</a>'


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    sort_keys: Sequence[Sequence[str | None]] | None = None,
    numeric: Sequence[bool] | None = None,
    row_ids: Sequence[str] | None = None,
) -> str:
    """An HTML table (cells are HTML already); Material styles it and tablesort makes it sortable.

    ``sort_keys[r][c]`` becomes the cell's ``data-sort`` (for dates and numbers written for readers).
    The table sits in a ``dossier-table`` block: its cells wrap to fit the page's column, and on a
    narrow screen each row is a stack of its cells, each under its column's name (``data-label``),
    so that no column is hidden behind a horizontal scroll.
    """
    numeric = numeric or [False] * len(headers)
    head = "".join(
        f'<th data-sort-method="number">{esc(h)}</th>' if num else f"<th>{esc(h)}</th>"
        for h, num in zip(headers, numeric, strict=True)
    )
    labels = [esc(h) for h in headers]
    body = []
    for r, row in enumerate(rows):
        cells = []
        for c, cell in enumerate(row):
            key = sort_keys[r][c] if sort_keys is not None else None
            attr = f' data-sort="{esc(key)}"' if key is not None else ""
            cells.append(f'<td data-label="{labels[c]}"{attr}>{cell}</td>')
        row_id = f' id="{esc(row_ids[r])}"' if row_ids is not None else ""
        body.append(f"<tr{row_id}>" + " ".join(cells) + "</tr>")  # spaced: search snippets keep cells apart
    return (
        f'<div class="dossier-table">\n<table>\n<thead data-search-exclude><tr>{head}</tr></thead>\n<tbody>\n'
        + "\n".join(body)
        + "\n</tbody>\n</table>\n</div>\n"
    )


def fact_table(rows: Iterable[tuple[str, str]]) -> str:
    """A two-column table of facts, each a name (plain text) and its value (HTML already); the cells
    spaced, so that search snippets keep "Art Person" apart, and wrapped to fit like :func:`table`."""
    body = "\n".join(f"<tr><th>{esc(k)}</th> <td>{v}</td></tr>" for k, v in rows)
    return f'<div class="dossier-table dossier-facts-table">\n<table>\n<tbody>\n{body}\n</tbody>\n</table>\n</div>\n'


def paragraph(text_html: str, css: str | None = None) -> str:
    cls = f' class="{css}"' if css else ""
    return f"<p{cls}>{text_html}</p>\n"


def bullet_list(items: Iterable[str], ordered: bool = False) -> str:
    tag = "ol" if ordered else "ul"
    inner = "\n".join(f"<li>{item}</li>" for item in items)
    return f"<{tag}>\n{inner}\n</{tag}>\n"
