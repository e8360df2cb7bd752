"""`docket link` on a case, its review of uncertain pairs, and reviewers' verdicts."""

from __future__ import annotations

from typing import Annotated

import typer

from docket.cli._app import CaseOption, JsonOption, app
from docket.cli._common import actor, case_from, print_json

link_app = typer.Typer(
    help="Link the case's person reports into identities; review uncertain pairs.",
    invoke_without_command=True,
    no_args_is_help=False,
)
app.add_typer(link_app, name="link")


@link_app.callback()
def link_run(
    ctx: typer.Context,
    threshold: Annotated[
        float | None, typer.Option(help="Match probability that joins two reports.")
    ] = None,
    backend: Annotated[str, typer.Option(help="duckdb (default) or spark.")] = "duckdb",
    seed: Annotated[int, typer.Option(help="Seed for training samples.")] = 42,
    case: CaseOption = None,
) -> None:
    """Link every named person report into identities (reviewed decisions are respected)."""
    if ctx.invoked_subcommand is not None:
        return
    from docket.link.case import link_case

    with case_from(case) as opened:
        report = link_case(
            opened, actor=actor(opened), threshold=threshold, backend=backend, seed=seed
        )
    typer.echo(
        f"link run {report.run_id}: {report.reports} reports -> {report.identities} identities "
        f"({report.multi_report_identities} with several reports); {report.uncertain} uncertain "
        f"pairs await review; {report.decisions_respected} reviewer decisions respected"
    )


def _side(label: str, fields: dict) -> str:
    shown = {k: v for k, v in fields.items() if v not in (None, "")}
    return f"  {label}: " + ", ".join(f"{k}={v}" for k, v in shown.items())


@link_app.command("review")
def link_review(
    limit: Annotated[int, typer.Option(help="At most this many pairs.")] = 20,
    interactive: Annotated[
        bool, typer.Option("--interactive/--list", help="Decide each pair, or only list them.")
    ] = True,
    json_out: JsonOption = False,
    case: CaseOption = None,
) -> None:
    """Uncertain pairs side by side with the match-weight breakdown: y(es), n(o), s(kip), q(uit)."""
    from docket.link.case import decide_pair, uncertain_pairs

    with case_from(case) as opened:
        who = actor(opened)
        pairs = uncertain_pairs(opened, actor=who, limit=limit)
        if json_out:
            print_json([p.__dict__ for p in pairs])
            return
        if not pairs:
            typer.echo("no uncertain pairs await review")
            return
        for number, pair in enumerate(pairs, start=1):
            typer.echo(
                f"\n[{number}/{len(pairs)}] reports {pair.report_a} and {pair.report_b}: "
                f"p={pair.match_probability:.3f}, weight {pair.match_weight:+.2f}"
            )
            typer.echo(_side("A", pair.a))
            typer.echo(_side("B", pair.b))
            for reason in pair.reasons:
                typer.echo(f"    {reason['comparison']:<14} {reason['weight']:+6.2f}  "
                           f"{reason['level']}")  # fmt: skip
            if not interactive:
                continue
            choice = typer.prompt("same person? y/n/s/q", default="s").strip().lower()[:1]
            if choice == "q":
                break
            if choice in ("y", "n"):
                decide_pair(opened, pair.report_a, pair.report_b, actor=who, is_match=choice == "y")


@link_app.command("decide")
def link_decide(
    report_a: Annotated[int, typer.Argument(help="One person report id.")],
    report_b: Annotated[int, typer.Argument(help="The other person report id.")],
    match: Annotated[
        bool, typer.Option("--match/--no-match", help="Same person (merge) or not (split).")
    ] = True,
    note: Annotated[str | None, typer.Option(help="Why (kept with the decision).")] = None,
    case: CaseOption = None,
) -> None:
    """Record a verdict on two reports; applied now and respected by every later run."""
    from docket.link.case import decide_pair

    with case_from(case) as opened:
        decide_pair(opened, report_a, report_b, actor=actor(opened), is_match=match, note=note)
    typer.echo(f"reports {report_a} and {report_b}: {'same person' if match else 'different'}")
