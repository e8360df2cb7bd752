"""Reports and exports: `docket report`, `docket export`, `docket verify-bag`, `docket import`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from docket.cli._app import CaseOption, JsonOption, app
from docket.cli._common import actor, case_from, print_json
from docket.errors import BadInput

RoleOption = Annotated[
    str | None,
    typer.Option("--role", help="Make it for this role's view (never wider than your own)."),
]
import_app = typer.Typer(help="Import records from other tools.", no_args_is_help=True)
app.add_typer(import_app, name="import")


@app.command("report")
def report_cmd(
    fmt: Annotated[str, typer.Option("--format", help="html or pdf.")] = "html",
    role: RoleOption = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="File to write (default: stdout for html, report.pdf for pdf)."),
    ] = None,  # fmt: skip
    case: CaseOption = None,
) -> None:
    """A self-contained report (HTML or PDF), redacted for the reader's view."""
    from docket.report import build_report, reader_for

    with case_from(case) as opened:
        reader = reader_for(actor(opened), role)
        data = build_report(opened, actor=reader, fmt=fmt)
    if out is None and fmt == "html":
        typer.echo(data.decode("utf-8"), nl=False)
        return
    target = out or Path("report.pdf")
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    typer.echo(f"wrote {target} ({len(data):,} bytes, {reader.role} view)")


@app.command("export")
def export_cmd(
    kind: Annotated[str, typer.Argument(help="bag, csv, json or geojson.")],
    out: Annotated[Path, typer.Option("--out", help="Folder (bag, csv, json) or file (geojson).")],
    role: RoleOption = None,
    case: CaseOption = None,
) -> None:
    """Export the case for the reader's view: a BagIt package, Uwazi CSV, JSON or GeoJSON."""
    from docket.export import export_case
    from docket.report import reader_for

    with case_from(case) as opened:
        reader = reader_for(actor(opened), role)
        written = export_case(opened, kind, out, actor=reader)
    for path in written:
        typer.echo(f"wrote {path}")


@app.command("verify-bag")
def verify_bag_cmd(
    path: Annotated[Path, typer.Argument(help="The bag folder.")],
    json_out: JsonOption = False,
) -> None:
    """Check a bag received from elsewhere; exit 1 naming every problem."""
    from docket.export import verify_bag

    if not path.is_dir():
        raise BadInput("no such folder", where=str(path))
    report = verify_bag(path)
    if json_out:
        print_json(report.to_dict())
    else:
        for problem in report.problems:
            typer.echo(f"problem: {problem}", err=True)
        for note in report.notes:
            typer.echo(f"note: {note}", err=True)
        fp = report.info.get("Docket-Case-Fingerprint", "?")
        state = "valid" if report.ok else f"INVALID ({len(report.problems)} problem(s))"
        typer.echo(f"{path}: {state}; {report.files} docket files; case fingerprint {fp}")
    if not report.ok:
        raise typer.Exit(1)


@import_app.command("uwazi")
def import_uwazi_cmd(
    file: Annotated[Path, typer.Argument(help="An Uwazi CSV export (one template).")],
    template: Annotated[
        str | None,
        typer.Option(
            help="event or allegation (default: from the file's Template column or name)."
        ),
    ] = None,
    json_out: JsonOption = False,
    case: CaseOption = None,
) -> None:
    """Import events or allegations from an Uwazi CSV export."""
    from docket.export.uwazi import import_uwazi_csv

    with case_from(case) as opened:
        result = import_uwazi_csv(opened, file, actor=actor(opened), template=template)
    if json_out:
        print_json(result)
    else:
        typer.echo(json.dumps(result, ensure_ascii=False))
