"""`docket extract FILE...`: suggestions from files (contract: shared/contracts/extract.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer

from docket.cli._app import JsonOption, app
from docket.errors import BadInput, DocketError


def _summary(path: Path, data: dict) -> str:
    lines = [f"{path}: {data['language']}, {len(data['text']):,} characters"]
    if data.get("title"):
        lines.append(f"  title: {data['title']}")
    for name in ("entities", "quotes", "dates", "figures", "places", "acts"):
        items = data[name]
        lines.append(f"  {name}: {len(items)}")
        for item in items[:50]:
            if name == "quotes":
                lines.append(f"    “{item['text'][:80]}” — {item['speaker'] or '?'}")
            elif name == "entities":
                lines.append(f"    {item['label']}: {item['text']}")
            elif name == "dates":
                lines.append(f"    {item['text']}: {item['earliest']} .. {item['latest']}")
            elif name == "figures":
                lines.append(f"    {item['value']} {item['counts']} (about {item['about'] or '?'})")
            elif name == "places":
                lines.append(f"    {item['text']} -> {item['place_id']}")
            else:
                by = " [model: read around it]" if item.get("source") == "model" else ""
                lines.append(f"    {item['type']} ({item['rome_statute']}){by}: {item['text']}")
    return "\n".join(lines)


@app.command("extract")
def extract_cmd(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Text, Markdown, HTML or PDF files (.gz too)."),
    ] = None,
    kind: Annotated[
        str, typer.Option("--kind", help="article, testimony, statement or auto.")
    ] = "auto",
    lang: Annotated[str, typer.Option("--lang", help="en, ko or auto.")] = "auto",
    json_out: JsonOption = False,
    case: Annotated[
        Path | None,
        typer.Option("--case", help="Extract from this case's sources and store suggestions."),
    ] = None,
    source: Annotated[
        list[int] | None, typer.Option("--source", help="With --case: only these source ids.")
    ] = None,
) -> int:
    """Suggest entities, quotes with speakers, dates, figures, places and act types.

    On files, print them (contract: shared/contracts/extract.md). With --case, run over the
    case's text sources and store them as suggestions for review; running it again adds only
    what is new, and rejected suggestions are never proposed again.
    """
    if case is not None:
        if files:
            raise BadInput("give files or --case, not both")
        return _extract_case(case, source or None)
    if not files:
        raise BadInput("give one or more files, or --case PATH")
    from docket.extract.core import KINDS, LANGS, extract_files

    if kind not in KINDS:
        raise BadInput(f"--kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if lang not in LANGS:
        raise BadInput(f"--lang must be one of {', '.join(LANGS)}, got {lang!r}")
    failed = 0
    many = len(files) > 1
    for path, result in extract_files(files, lang=lang, kind=kind):
        if isinstance(result, DocketError):
            failed += 1
            if json_out:
                error = {"file": str(path), "error": str(result)}
                typer.echo(json.dumps(error, ensure_ascii=False))
            else:
                typer.echo(f"docket: error: {result}", err=True)
            continue
        data = result.to_dict()
        if json_out:
            if many:
                data = {"file": str(path), **data}
            typer.echo(json.dumps(data, ensure_ascii=False))
        else:
            typer.echo(_summary(path, data))
    if failed and not many and not json_out:
        return 2
    return 2 if failed else 0


def _extract_case(path: Path, source_ids: list[int] | None) -> int:
    from docket.cli._common import actor, case_from
    from docket.review.run import extract_case

    with case_from(path) as opened:
        report = extract_case(opened, actor=actor(opened), source_ids=source_ids)
    for source_id, why in report.failed:
        typer.echo(f"docket: error: source {source_id}: {why}", err=True)
    typer.echo(
        f"extracted {report.sources} sources: {report.added} new suggestions, "
        f"{report.already_known} already known"
        + (f"; {len(report.failed)} failed" if report.failed else "")
    )
    return 2 if report.failed else 0
