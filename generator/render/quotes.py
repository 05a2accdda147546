"""The quotes page, grouped by speaker, and the quote lists of article and actor pages."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from generator.model import Quote
from generator.render.context import (
    QUOTES,
    Context,
    actor_page,
    frame,
    h2,
    marks,
    none_found,
    withheld_note,
)
from generator.render.markup import bullet_list, esc, link, paragraph


def _speaker_html(ctx: Context, page: str, q: Quote) -> str:
    if q.speaker:
        return ctx.actor_link(page, q.speaker, q.speaker_name or q.speaker)
    return esc(q.speaker_name or ctx.L("speaker_unknown"))


def _said(ctx: Context, q: Quote) -> str:
    """What was said, as written, in its own language (marked where that is not the site's)."""
    text = esc(" ".join(q.text.split()))
    code = ctx.language_of(q.mention)
    if code != ctx.dossier.language:
        text = f'<span lang="{esc(code)}">{text}</span>'
    said = ctx.quoted(text) if q.kind == "direct" else f"<em>{esc(ctx.L('reported'))}</em> {text}"
    return said + ctx.language_mark(code)


def quote_list(ctx: Context, page: str, quotes: Iterable[Quote], with_speaker: bool) -> str:
    """Each quote with its sentence; the same statement in another language of the list (a translation
    and its original) stands under the one in the site's language, not as a quote of its own."""
    quotes = list(quotes)
    ids = {q.id for q in quotes}
    versions = ctx.quote_versions
    items = []
    for q in quotes:
        other = versions.get(q.id)
        home = ctx.language_of(q.mention) == ctx.dossier.language
        if (
            other is not None
            and other.id in ids
            and not home
            and ctx.language_of(other.mention) == ctx.dossier.language
        ):
            continue  # shown under its version in the site's language
        speaker = f"<strong>{_speaker_html(ctx, page, q)}</strong>: " if with_speaker else ""
        item = f"{speaker}{_said(ctx, q)} {ctx.ref(page, q.mention)}{marks(ctx, q)}"
        if other is not None:
            item += (
                f"<br><small>{esc(ctx.L('quote_version'))} {_said(ctx, other)} {ctx.ref(page, other.mention)}</small>"
            )
        items.append(item)
    return bullet_list(items)


def render_quotes(ctx: Context) -> str:
    quotes = ctx.dossier.quotes
    if not quotes:
        return frame(ctx.L("nav_quotes"), none_found(ctx, "quotes"))
    # one group per speaker: the merged actor where there is one (all its spellings), else the name as written
    actors = {a.id: a.name for a in ctx.dossier.actors}
    groups: dict[str, list[Quote]] = defaultdict(list)
    for q in quotes:
        groups[actors.get(q.speaker or "", q.speaker_name or "")].append(q)
    parts = [paragraph(esc(ctx.L("quotes_intro"))), withheld_note(ctx, "quotes")]
    for name in sorted(groups, key=lambda n: (n == "", -len(groups[n]), n)):
        heading = name or ctx.L("speaker_unknown")
        first = groups[name][0]
        parts.append(h2(heading))
        if first.speaker and first.speaker in ctx.with_page:
            parts.append(paragraph(link(QUOTES, actor_page(first.speaker), ctx.L("to_actor_page")), "dossier-note"))
        parts.append(quote_list(ctx, QUOTES, groups[name], with_speaker=False))
    return frame(ctx.L("nav_quotes"), *parts)
