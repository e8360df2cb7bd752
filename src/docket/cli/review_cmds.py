"""Review commands: list suggestions, walk them interactively, accept (with edits) or reject."""

from __future__ import annotations

from typing import Annotated

import typer

from docket.cli._app import CaseOption, JsonOption, app
from docket.cli._common import actor, case_from, print_json
from docket.review import SuggestionEdit, SuggestionView, accept, list_suggestions, reject


def _line(view: SuggestionView) -> str:
    label = f" {view.label}" if view.label else ""
    return f"#{view.id} {view.kind}{label} [{view.status}] {view.text!r}"


@app.command("suggestions")
def suggestions_cmd(
    source_id: Annotated[int, typer.Argument(help="Source whose suggestions to list.")],
    status: Annotated[str | None, typer.Option(help="pending|accepted|edited|rejected")] = None,
    json_out: JsonOption = False,
    case: CaseOption = None,
) -> None:
    """List the suggestions extraction made for a source."""
    with case_from(case) as opened:
        views = list_suggestions(opened, source_id, actor=actor(opened), status=status)
    if json_out:
        print_json([v.to_dict() for v in views])
        return
    for view in views:
        typer.echo(_line(view))


@app.command("accept")
def accept_cmd(
    suggestion_id: Annotated[int, typer.Argument(help="Suggestion to accept.")],
    role: Annotated[str | None, typer.Option(help="Person's role: victim|witness|…")] = None,
    name: Annotated[str | None, typer.Option(help="Corrected name.")] = None,
    label: Annotated[str | None, typer.Option(help="Corrected label or act code.")] = None,
    place: Annotated[str | None, typer.Option(help="Gazetteer id of the place.")] = None,
    time: Annotated[str | None, typer.Option(help="When, e.g. 'spring 1997'.")] = None,
    start: Annotated[int | None, typer.Option(help="Corrected span start.")] = None,
    end: Annotated[int | None, typer.Option(help="Corrected span end.")] = None,
    victim: Annotated[list[int] | None, typer.Option(help="Victim's person report id.")] = None,
    perpetrator: Annotated[list[int] | None, typer.Option(help="Perpetrator's report id.")] = None,
    case: CaseOption = None,
) -> None:
    """Accept a suggestion (edited by the options given): it becomes a cited record."""
    edit = SuggestionEdit(
        start=start, end=end, label=label, name=name, role=role, place_id=place, time_text=time,
        victims=victim or [], perpetrators=perpetrator or [],
    )  # fmt: skip
    with case_from(case) as opened:
        view = accept(opened, suggestion_id, actor=actor(opened), edit=edit)
    typer.echo(f"{_line(view)} -> {view.record_type} {view.record_id}")


@app.command("reject")
def reject_cmd(
    suggestion_id: Annotated[int, typer.Argument(help="Suggestion to reject.")],
    reason: Annotated[str | None, typer.Option(help="Why (kept with the decision).")] = None,
    case: CaseOption = None,
) -> None:
    """Reject a suggestion; it will not be suggested again."""
    with case_from(case) as opened:
        reject(opened, suggestion_id, actor=actor(opened), reason=reason)
    typer.echo(f"rejected #{suggestion_id}")


@app.command("review")
def review_cmd(
    source_id: Annotated[int, typer.Argument(help="Source to review.")],
    case: CaseOption = None,
) -> None:
    """Walk a source's pending suggestions: a(ccept), e(dit), r(eject), s(kip) or q(uit)."""
    with case_from(case) as opened:
        who = actor(opened)
        pending = list_suggestions(opened, source_id, actor=who, status="pending")
        if not pending:
            typer.echo("nothing to review")
            return
        for number, view in enumerate(pending, start=1):
            typer.echo(f"\n[{number}/{len(pending)}] {_line(view)}\n    …{view.context}…")
            choice = typer.prompt("a/e/r/s/q", default="s").strip().lower()[:1]
            if choice == "q":
                break
            if choice == "a":
                done = accept(opened, view.id, actor=who)
                typer.echo(f"    -> {done.record_type} {done.record_id}")
            elif choice == "e":
                edit = SuggestionEdit(
                    name=typer.prompt("name", default=view.text),
                    label=typer.prompt("label", default=view.label) or None,
                    role=typer.prompt("role (persons)", default="mentioned")
                    if view.label == "PERSON"
                    else None,
                )
                done = accept(opened, view.id, actor=who, edit=edit)
                typer.echo(f"    -> {done.record_type} {done.record_id}")
            elif choice == "r":
                reject(opened, view.id, actor=who, reason=typer.prompt("reason", default=""))
