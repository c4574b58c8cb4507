"""Formatting of views for the terminal: every fact with its source article and a snippet."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from dossier.views import (
    ArticleView,
    ContradictionView,
    EntityView,
    EventView,
    ExplanationView,
    QuoteView,
    StoryView,
    TimelineView,
)

SNIPPET = 160


def snippet(text: str, width: int = SNIPPET) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def where(article_id: str, start: int, end: int) -> str:
    return f"{article_id[:10]}[{start}:{end}]"


def json_line(obj: dict[str, Any]) -> str:
    return json.dumps(obj, ensure_ascii=False)


def print_articles(console: Console, views: list[ArticleView]) -> None:
    for v in views:
        a = v.article
        date = a.published or "undated"
        if a.published_how == "inferred":
            date = f"between {a.published_earliest or '?'} and {a.published_latest or '?'}"
        console.print(
            f"[bold]{a.id}[/bold]  {escape(date)} [dim]({a.published_how})[/dim]  "
            f"[cyan]{escape(v.label)}[/cyan]  {escape(a.title or '')}"
        )
        off = "  [yellow]off-topic: joins no story with the rest[/yellow]" if v.off_topic else ""
        console.print(f"    [dim]{escape(a.path)}[/dim]  {len(a.text)} chars{off}")
        for s in v.duplicates:
            console.print(
                f"    [dim]also seen: {escape(s.path)} ({s.kind}, {s.similarity:.2f})[/dim]"
            )
        console.print(f"    {escape(snippet(a.text))}")


def _actors(source: str | None, target: str | None, symmetric: bool = False) -> str:
    arrow = " ↔ " if symmetric else " → "
    if source and target:
        return f"{source}{arrow}{target}"
    return source or (f"? → {target}" if target else "?")


def print_timeline(console: Console, views: list[TimelineView]) -> None:
    for v in views:
        r = v.entry
        date = r.date or "undated"
        how = f" ({r.date_how})" if r.date_how and r.date_how != "text" else ""
        # meetings and talks have no direction; a visit (042 made, 043 hosted) has one
        sym = (r.code.startswith("04") and r.code[:3] not in ("042", "043")) or r.code == "036"
        place = f" @ {r.place}" if r.place else ""
        console.print(
            f"[bold]{escape(date)}[/bold][dim]{escape(how)}[/dim]  "
            f"[magenta]{escape(r.code)} {escape(r.code_name or '')}[/magenta]  "
            f"{escape(_actors(r.source_actor, r.target_actor, sym))}{escape(place)}  "
            f"[yellow]\\[{escape(r.status)}][/yellow]  [dim]{escape(r.id)}[/dim]"
        )
        others = [p for p in r.places if p != r.place]
        if others:
            console.print(f"    [dim]places also given: {escape(', '.join(others))}[/dim]")
        n = len(r.article_ids)
        first = (
            f"  [dim]first: {escape(r.first_source)} ({escape(r.first_published or '')})[/dim]"
            if r.first_source and n > 1
            else ""
        )
        conf = f"  [dim]confidence {r.confidence:.2f}[/dim]" if r.confidence is not None else ""
        console.print(
            f"    {n} source{'s' if n != 1 else ''}: {escape(', '.join(r.sources))}{first}{conf}"
        )
        console.print(
            f"    [dim]{escape(where(r.article_id, r.start, r.end))}[/dim] "
            f"“{escape(snippet(r.text))}”"
        )


def print_events(console: Console, views: list[EventView]) -> None:
    for v in views:
        j = v.as_json()
        e = v.event
        date = e.date or "undated"
        place = f" @ {j['place']}" if j["place"] else ""
        qty = f"  [dim]{escape('; '.join(e.quantities))}[/dim]" if e.quantities else ""
        console.print(
            f"[bold]{escape(date)}[/bold]  [magenta]{escape(e.code)} "
            f"{escape(e.code_name or '')}[/magenta]  "
            f"{escape(_actors(j['source_actor'], j['target_actor']))}{escape(place)}  "
            f"[yellow]\\[{escape(e.status)}][/yellow]{qty}"
        )
        console.print(
            f"    [cyan]{escape(v.article.label)}[/cyan] "
            f"[dim]{escape(where(e.article_id, e.start, e.end))}[/dim] “{escape(snippet(e.text))}”"
        )


def print_quotes(console: Console, views: list[QuoteView]) -> None:
    for v in views:
        q = v.quote
        who = v.speaker.name if v.speaker else (q.speaker_text or "unknown speaker")
        if q.speaker_resolution == "unresolved":
            who += " (unresolved)"
        relay = ""
        if q.relayed_by:
            relay = " via " + " ← ".join(r.name for r in q.relayed_by)
        cue = f" {q.cue}" if q.cue else ""
        console.print(
            f"[bold]{escape(who)}[/bold][dim]{escape(cue)} ({escape(q.kind)}){escape(relay)}[/dim]"
        )
        console.print(f"    “{escape(snippet(q.text, 300))}”")
        console.print(
            f"    [cyan]{escape(v.article.label)}[/cyan] "
            f"[dim]{escape(where(q.article_id, q.start, q.end))}[/dim]"
        )


def print_entities(console: Console, views: list[EntityView]) -> None:
    table = Table(show_header=True, header_style="bold")
    for col in ("name", "type", "mentions", "aliases", "roles"):
        table.add_column(col)
    for v in views:
        e = v.entity
        table.add_row(
            escape(e.name),
            e.type,
            str(e.mentions),
            escape(", ".join(a for a in e.aliases if a != e.name)),
            escape(", ".join(e.roles)),
        )
    console.print(table)


def print_contradictions(console: Console, views: list[ContradictionView]) -> None:
    for v in views:
        e, c = v.entry, v.comparison
        colour = "yellow" if c.single_source else "green" if c.agree else "red"
        verdict = f"[{colour}]{escape(c.verdict)}[/{colour}]"
        note = f" [dim]{escape(c.note)}[/dim]" if c.note else ""
        console.print(
            f"[bold]{escape(e.date or 'undated')}[/bold]  [magenta]{escape(e.code)} "
            f"{escape(e.code_name or '')}[/magenta]  "
            f"{escape(_actors(e.source_actor, e.target_actor))}  {verdict}{note}  "
            f"[dim]{escape(e.id)}[/dim]"
        )
        for claim in c.claims:
            hedge = (
                f" [dim](hedged: {escape(', '.join(claim.hedges))})[/dim]" if claim.hedges else ""
            )
            console.print(f"    {escape(claim.value)}: {escape(', '.join(claim.sources))}{hedge}")


def print_explanation(console: Console, view: ExplanationView) -> None:
    print_timeline(console, [TimelineView(view.entry)])
    for ev, why, pair in view.mentions:
        e = ev.event
        console.print(
            f"  [cyan]{escape(ev.article.label)}[/cyan] "
            f"[dim]{escape(where(e.article_id, e.start, e.end))}[/dim] “{escape(snippet(e.text))}”"
        )
        console.print(f"      [green]{escape(why)}[/green]")
        if pair is not None:
            top = list(pair["contributions"].items())[:3]
            shares = ", ".join(f"{k} {v:+.2f}" for k, v in top)
            console.print(
                f"      [dim]model vs the best mention: p={pair['probability']:.2f} "
                f"(merge at {view.threshold:.2f}); largest shares: {escape(shares)}[/dim]"
            )


def print_stories(console: Console, views: list[StoryView]) -> None:
    for v in views:
        s = v.story
        span = s.first_published or "undated"
        if s.last_published and s.last_published != s.first_published:
            span += f"..{s.last_published}"
        console.print(
            f"[bold]{escape(span)}[/bold]  {escape(s.label)}  "
            f"[dim]{len(v.articles)} articles, {v.events} events  {escape(s.id)}[/dim]"
        )
        for a, sim in zip(v.articles, v.similarities, strict=False):
            joined = "started it" if sim is None else f"joined at {sim:.2f}"
            date = a.article.published or "undated"
            console.print(
                f"    [cyan]{escape(a.label)}[/cyan] [dim]{escape(date)}, {joined}[/dim]  "
                f"{escape(snippet(a.article.title or a.article.text, 80))}"
            )


def print_metrics(console: Console, name: str, result: dict[str, Any]) -> None:
    baseline = result.get("baseline") or {}
    table = Table(title=f"bench {name}", header_style="bold")
    table.add_column("metric")
    table.add_column("dossier", justify="right")
    if baseline:
        table.add_column(str(baseline.get("name", "baseline")), justify="right")
    for key, value in result.items():
        if key == "baseline" or isinstance(value, dict | list):
            continue
        row = [key, _fmt(value)]
        if baseline:
            row.append(_fmt(baseline.get(key, "")))
        table.add_row(*row)
    console.print(table)


def _fmt(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.4f}"
    return str(value)


def print_report_notes(console: Console, report: Any) -> None:
    """What an ingest did besides storing: articles kept without annotations (not in
    English), a stop on request."""
    if report.not_annotated:
        counts: dict[str, int] = {}
        for _path, lang in report.not_annotated:
            counts[lang] = counts.get(lang, 0) + 1
        langs = ", ".join(f"{lang} {n}" for lang, n in sorted(counts.items()))
        console.print(
            f"stored {len(report.not_annotated)} article(s) not in English ({langs}) without "
            "annotations: dossier's models read English only"
        )
    if report.stopped:
        console.print("stopped on request: everything read before the stop is stored")
