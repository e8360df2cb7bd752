"""Case-level commands: init, upgrade, ingest, sources, show, search, verify, version."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from docket import __version__
from docket.case import create_case, open_case
from docket.cli._app import CaseOption, JsonOption, KeyFileOption, PassphraseEnvOption, app
from docket.cli._common import actor, case_from, key_from_options, print_json
from docket.ingest import IngestOutcome, ingest_paths
from docket.ingest.pipeline import expand_paths
from docket.sources import get_source, list_sources, search_sources
from docket.store.db import upgrade
from docket.verify import verify_case

err = Console(stderr=True)


@app.command("version")
def version_cmd() -> None:
    """Print docket's version."""
    typer.echo(__version__)


@app.command("init")
def init_cmd(
    path: Annotated[Path, typer.Argument(help="Folder for the new case.")] = Path("."),
    db: Annotated[
        str | None, typer.Option("--db", help="PostgreSQL URL (default: SQLite in the folder).")
    ] = None,
    name: Annotated[str | None, typer.Option(help="Case name (default: folder name).")] = None,
    passphrase_env: PassphraseEnvOption = None,
    key_file: KeyFileOption = None,
) -> None:
    """Create a case: docket.toml, the database (migrated), the blob store and the case key."""
    key = key_from_options(passphrase_env, key_file, purpose="a new case")
    with create_case(path, name=name, database_url=db, key=key) as case:
        typer.echo(f"created case {case.config.name!r} in {case.root} ({case.engine.dialect.name})")


@app.command("upgrade")
def upgrade_cmd(case: CaseOption = None) -> None:
    """Apply pending schema migrations to the case database."""
    with open_case(case, migrate=True) as opened:
        upgrade(opened.engine)
        typer.echo("database schema is up to date")


@app.command("ingest")
def ingest_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders to preserve and index.")],
    kind: Annotated[
        str | None,
        typer.Option(help="testimony|article|statement|document|list (guessed when not given)."),
    ] = None,
    lang: Annotated[str | None, typer.Option(help="Language code, e.g. en or ko.")] = None,
    case: CaseOption = None,
) -> None:
    """Preserve sources byte for byte, hash them, record custody and index their text."""
    files = list(expand_paths(paths))
    with case_from(case) as opened, Progress(
        TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), console=err,
        disable=not err.is_terminal,
    ) as bar:  # fmt: skip
        task = bar.add_task("ingest", total=len(files))

        def step(outcome: IngestOutcome) -> None:
            bar.advance(task)
            if outcome.status == "ingested" and outcome.kind_guessed:
                typer.echo(f"{outcome.path}: kind guessed as {outcome.kind}", err=True)
            elif outcome.status == "present":
                typer.echo(
                    f"{outcome.path}: already present as source {outcome.source_id}", err=True
                )

        report = ingest_paths(
            opened, files, kind=kind, lang=lang, actor=actor(opened), progress=step
        )
    for failure in report.failed:
        typer.echo(f"failed: {failure.reason}", err=True)
    typer.echo(
        f"ingested {report.count('ingested')}, already present {report.count('present')}, "
        f"failed {report.count('failed')}"
    )
    if report.failed:
        raise typer.Exit(2)


@app.command("sources")
def sources_cmd(
    kind: Annotated[str | None, typer.Option(help="Only this kind.")] = None,
    json_out: JsonOption = False,
    case: CaseOption = None,
) -> None:
    """List the case's sources."""
    with case_from(case) as opened:
        rows = list_sources(opened, actor=actor(opened), kind=kind)
    if json_out:
        print_json([r.to_dict() for r in rows])
        return
    table = Table("id", "kind", "lang", "date", "title", "sha256")
    for r in rows:
        table.add_row(
            str(r.id), r.kind, r.language or "", r.published or "", r.title or "", r.sha256[:12]
        )
    Console().print(table)


@app.command("show")
def show_cmd(
    source_id: Annotated[int, typer.Argument(help="Source id, as `docket sources` lists it.")],
    json_out: JsonOption = False,
    case: CaseOption = None,
) -> None:
    """Show a source's metadata, custody and text."""
    with case_from(case) as opened:
        detail = get_source(opened, source_id, actor=actor(opened))
    if json_out:
        print_json(detail.to_dict())
        return
    s = detail.summary
    for label, value in [
        ("source", s.id), ("kind", s.kind), ("title", s.title), ("language", s.language),
        ("date", s.published), ("consent", s.consent), ("witness", s.witness),
        ("sha256", s.sha256), ("media type", detail.media_type), ("size", detail.size),
        ("origin", detail.origin), ("author", detail.author), ("outlet", detail.outlet),
        ("WARC sha256", detail.warc_sha256),
    ]:  # fmt: skip
        if value not in (None, ""):
            typer.echo(f"{label:>12}: {value}")
    for entry in detail.custody:
        typer.echo(f"{'custody':>12}: {entry['at']} {entry['action']} by {entry['actor']}")
    typer.echo("")
    typer.echo(detail.text)


@app.command("search")
def search_cmd(
    query: Annotated[str, typer.Argument(help="Words to find (all must occur).")],
    limit: Annotated[int, typer.Option(help="At most this many sources.")] = 20,
    kind: Annotated[str | None, typer.Option(help="Only this kind.")] = None,
    json_out: JsonOption = False,
    case: CaseOption = None,
) -> None:
    """Full-text search over all sources, ranked, with highlighted snippets and offsets."""
    with case_from(case) as opened:
        hits = search_sources(opened, query, actor=actor(opened), limit=limit, kind=kind)
    if json_out:
        print_json([h.__dict__ for h in hits])
        return
    if not hits:
        typer.echo("no matches")
    for hit in hits:
        offsets = ", ".join(str(start) for start, _ in hit.hits[:5])
        typer.echo(f"source {hit.source_id} [{hit.kind}] {hit.title or ''} (at {offsets})")
        typer.echo(f"    {hit.snippet}")


@app.command("verify")
def verify_cmd(case: CaseOption = None) -> None:
    """Re-hash every original and blob; exit 1 if anything is missing or altered."""
    with case_from(case) as opened:
        report = verify_case(opened, actor=actor(opened))
    for problem in report.problems:
        typer.echo(problem)
    typer.echo(f"checked {report.checked} sources: " + ("all intact" if report.ok else
               f"{len(report.problems)} problem(s)"))  # fmt: skip
    if not report.ok:
        raise typer.Exit(1)
