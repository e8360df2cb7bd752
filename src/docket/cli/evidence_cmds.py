"""Allegations, evidence links, findings, standards of proof and patterns."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from docket.cli._app import CaseOption, JsonOption, app
from docket.cli._common import actor, case_from, print_json
from docket.evidence import (
    Finding,
    add_allegation,
    findings,
    get_allegation,
    get_standards,
    link_evidence,
    list_allegations,
    load_standards_file,
    reassess,
    relate_sources,
    set_standards,
    unlink_evidence,
)
from docket.evidence.demo import add_demo_allegations
from docket.evidence.patterns import event_patterns
from docket.evidence.suggest import suggest_evidence

allegation_app = typer.Typer(help="Allegations: claims weighed against the evidence.",
                             no_args_is_help=True)  # fmt: skip
evidence_app = typer.Typer(help="Evidence linked to allegations; finding more of it.",
                           no_args_is_help=True)  # fmt: skip
app.add_typer(allegation_app, name="allegation")
app.add_typer(evidence_app, name="evidence")


def findings_table(rows: list[Finding]) -> Table:
    """The findings table; `docket demo` and reports print the same one."""
    table = Table(title="Findings")
    table.add_column("id", no_wrap=True)
    table.add_column("status", no_wrap=True)
    table.add_column("standard")
    for name in ("indep.", "for", "against"):
        table.add_column(name, no_wrap=True, justify="right")
    table.add_column("summary")
    colours = {"established": "green", "contested": "yellow", "insufficient": "red"}
    for f in rows:
        a = f.assessment
        colour = colours.get(f.status, "dim")
        table.add_row(
            str(f.id), f"[{colour}]{f.status}[/]", a.standard.label,
            f"{a.independent_sources}/{a.standard.min_independent}",
            str(sum(1 for i in a.items if i.stance == "supports")),
            str(sum(1 for i in a.items if i.stance == "contradicts")), f.summary,
        )  # fmt: skip
    return table


@allegation_app.command("add")
def allegation_add(
    summary: Annotated[str, typer.Argument(help="The claim, in one sentence.")],
    act: Annotated[list[str], typer.Option("--act", help="Act code from the vocabulary; repeat.")],
    place: Annotated[str | None, typer.Option(help="Gazetteer id or name, or an area.")] = None,
    time: Annotated[str | None, typer.Option(help="When: 1997, spring 1997, 1995-1999.")] = None,
    victims: Annotated[str | None, typer.Option(help="Persons or a described group.")] = None,
    perpetrator: Annotated[str | None, typer.Option(help="Unit or organisation.")] = None,
    details: Annotated[str | None, typer.Option(help="Free text.")] = None,
    standard: Annotated[str | None, typer.Option(help="Standard of proof key.")] = None,
    case: CaseOption = None,
) -> None:
    """Record an allegation; its status is computed from the evidence linked to it."""
    with case_from(case) as opened:
        aid = add_allegation(
            opened, actor=actor(opened), summary=summary, act_codes=act, place=place,
            time=time, victims=victims, perpetrator=perpetrator, details=details,
            standard=standard,
        )  # fmt: skip
    typer.echo(f"allegation {aid}")


@allegation_app.command("list")
def allegation_list(json_out: JsonOption = False, case: CaseOption = None) -> None:
    """List allegations with their current status."""
    with case_from(case) as opened:
        rows = list_allegations(opened, actor=actor(opened))
    if json_out:
        print_json([r.to_dict() for r in rows])
        return
    Console().print(findings_table(rows))


@allegation_app.command("show")
def allegation_show(
    allegation_id: Annotated[int, typer.Argument(help="Allegation id.")],
    json_out: JsonOption = False,
    case: CaseOption = None,
) -> None:
    """Show an allegation, its evidence, the independent sources and the reasoning."""
    with case_from(case) as opened:
        finding = get_allegation(opened, allegation_id, actor=actor(opened))
    if json_out:
        print_json(finding.to_dict())
        return
    data = finding.to_dict()
    for label in ("id", "summary", "act_codes", "place", "time", "victims", "perpetrator",
                  "status", "recorded_status", "standard", "met_standards"):  # fmt: skip
        if data.get(label) not in (None, "", []):
            typer.echo(f"{label:>16}: {data[label]}")
    for stance in ("supporting", "contradicting"):
        typer.echo(f"\n{stance}:")
        for item in data[stance]:
            mark = "counts" if item["counts"] else "does not count"
            typer.echo(f"  link {item['link_id']} sources {item['source_ids']} cluster "
                       f"{item['cluster']} graded {item['reliability'] or '?'}"
                       f"{item['credibility'] or '?'}"
                       f"{' first-hand' if item['first_hand'] else ''}: {mark}")  # fmt: skip
            typer.echo(f"    “{item['quote'][:160]}”")
    typer.echo("\nreasoning:")
    for reason in data["reasons"]:
        typer.echo(f"  - {reason}")


@evidence_app.command("link")
def evidence_link(
    allegation_id: Annotated[int, typer.Argument(help="Allegation id.")],
    stance: Annotated[str, typer.Option(help="supports | contradicts.")] = "supports",
    excerpt: Annotated[int | None, typer.Option(help="An existing excerpt id.")] = None,
    event: Annotated[int | None, typer.Option(help="An event id.")] = None,
    source: Annotated[int | None, typer.Option(help="A source id (with a span or quote).")] = None,
    start: Annotated[int | None, typer.Option(help="Span start (character offset).")] = None,
    end: Annotated[int | None, typer.Option(help="Span end (character offset).")] = None,
    quote: Annotated[str | None, typer.Option(help="Exact words in the source.")] = None,
    first_hand: Annotated[bool, typer.Option("--first-hand", help="An eyewitness.")] = False,
    reliability: Annotated[str | None, typer.Option(help="Source reliability A-F.")] = None,
    credibility: Annotated[int | None, typer.Option(help="Information credibility 1-6.")] = None,
    place: Annotated[str | None, typer.Option(help="Where this evidence says it happened.")] = None,
    time: Annotated[str | None, typer.Option(help="When this evidence says it happened.")] = None,
    note: Annotated[str | None, typer.Option(help="Coder's note.")] = None,
    case: CaseOption = None,
) -> None:
    """Link an excerpt or event to an allegation; the status is recomputed at once."""
    with case_from(case) as opened:
        finding = link_evidence(
            opened, allegation_id, actor=actor(opened), stance=stance, excerpt_id=excerpt,
            event_id=event, source_id=source, start=start, end=end, quote=quote,
            first_hand=first_hand, reliability=reliability, credibility=credibility,
            place=place, time=time, note=note,
        )  # fmt: skip
    link_id = max(i.link_id for i in finding.assessment.items)
    typer.echo(f"link {link_id}; allegation {finding.id} is now {finding.status}")


@evidence_app.command("unlink")
def evidence_unlink(
    link_id: Annotated[int, typer.Argument(help="Evidence link id (see `allegation show`).")],
    case: CaseOption = None,
) -> None:
    """Remove an evidence link; the status is recomputed at once."""
    with case_from(case) as opened:
        finding = unlink_evidence(opened, link_id, actor=actor(opened))
    typer.echo(f"unlinked {link_id}; allegation {finding.id} is now {finding.status}")


@evidence_app.command("relate")
def evidence_relate(
    source_id: Annotated[int, typer.Argument(help="The source that cites or republishes.")],
    related_id: Annotated[int, typer.Argument(help="The source it cites or republishes.")],
    relation: Annotated[str, typer.Option(help="cites | republishes.")] = "cites",
    note: Annotated[str | None, typer.Option(help="How you know.")] = None,
    case: CaseOption = None,
) -> None:
    """Record that one source cites or republishes another: they stop counting twice."""
    with case_from(case) as opened:
        rid = relate_sources(opened, source_id, related_id, actor=actor(opened), relation=relation,
                             note=note)  # fmt: skip
    typer.echo(f"relation {rid}: source {source_id} {relation} source {related_id}")


@evidence_app.command("suggest")
def evidence_suggest(
    allegation_id: Annotated[int, typer.Argument(help="Allegation id.")],
    limit: Annotated[int, typer.Option(help="At most this many candidates.")] = 20,
    json_out: JsonOption = False,
    case: CaseOption = None,
) -> None:
    """Candidate excerpts and events for an allegation, ranked, with why each was found."""
    with case_from(case) as opened:
        found = suggest_evidence(opened, allegation_id, actor=actor(opened), limit=limit)
    if json_out:
        print_json([c.to_dict() for c in found])
        return
    if not found:
        typer.echo("no candidates")
    for c in found:
        where = (f"source {c.source_id} [{c.source_kind}] {c.start}-{c.end}"
                 if c.kind == "excerpt" else f"event {c.event_id}")  # fmt: skip
        typer.echo(f"{c.score:5.2f}  {where}  ({'; '.join(c.reasons)})")
        typer.echo(f"       “{c.text[:160]}”")


@evidence_app.command("demo")
def evidence_demo(case: CaseOption = None) -> None:
    """Add the demo allegations to a case holding the synthetic corpus, then show findings."""
    with case_from(case) as opened:
        add_demo_allegations(opened, actor(opened))
        rows = findings(opened, actor=actor(opened))
    Console().print(findings_table(rows))


@app.command("findings")
def findings_cmd(
    json_out: JsonOption = False,
    recompute: Annotated[
        bool, typer.Option("--recompute", help="Store freshly computed statuses first.")
    ] = False,
    case: CaseOption = None,
) -> None:
    """Every allegation's status under its standard of proof, with the reasoning (--json)."""
    with case_from(case) as opened:
        who = actor(opened)
        rows = reassess(opened, actor=who) if recompute else findings(opened, actor=who)
    if json_out:
        print_json([r.to_dict() for r in rows])
        return
    Console().print(findings_table(rows))


@app.command("standards")
def standards_cmd(
    load: Annotated[
        Path | None, typer.Option("--load", help="TOML file of [standards.<key>] tables.")
    ] = None,
    json_out: JsonOption = False,
    case: CaseOption = None,
) -> None:
    """Show the case's standards of proof, or replace them from a TOML file (reassesses all)."""
    with case_from(case) as opened:
        if load is not None:
            set_standards(opened, load_standards_file(load), actor=actor(opened))
        current = get_standards(opened, actor=actor(opened))
    if json_out:
        print_json(current.to_dict())
        return
    for s in current.standards:
        mark = " (default)" if s.key == current.default else ""
        typer.echo(f"{s.key}{mark}: {s.label}\n    {s.describe()}")


@app.command("patterns")
def patterns_cmd(
    facility: Annotated[str | None, typer.Option(help="Only this gazetteer id.")] = None,
    act: Annotated[str | None, typer.Option(help="Only this act code.")] = None,
    json_out: JsonOption = False,
    case: CaseOption = None,
) -> None:
    """Events per facility, per year, per act type."""
    with case_from(case) as opened:
        patterns = event_patterns(opened, actor=actor(opened), facility_id=facility, act_code=act)
    if json_out:
        print_json(patterns.to_dict())
        return
    if not patterns.rows:
        typer.echo("no coded events in this case yet")
        return
    table = Table("place", "period", "act", "events", "sources", title="Events")
    for r in patterns.rows:
        table.add_row(r.place or "", r.period, r.act_code, str(r.events), str(r.sources))
    Console().print(table)
