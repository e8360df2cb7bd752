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
                lines.append(f"    {item['type']} ({item['rome_statute']}): {item['text']}")
    return "\n".join(lines)


@app.command("extract")
def extract_cmd(
    files: Annotated[
        list[Path], typer.Argument(help="Text, Markdown, HTML or PDF files (.gz too).")
    ],
    kind: Annotated[
        str, typer.Option("--kind", help="article, testimony, statement or auto.")
    ] = "auto",
    lang: Annotated[str, typer.Option("--lang", help="en, ko or auto.")] = "auto",
    json_out: JsonOption = False,
) -> int:
    """Suggest entities, quotes with speakers, dates, figures, places and act types."""
    from docket.extract import extract_file
    from docket.extract.core import KINDS, LANGS

    if kind not in KINDS:
        raise BadInput(f"--kind must be one of {', '.join(KINDS)}, got {kind!r}")
    if lang not in LANGS:
        raise BadInput(f"--lang must be one of {', '.join(LANGS)}, got {lang!r}")
    failed = 0
    many = len(files) > 1
    for path in files:
        try:
            data = extract_file(path, lang=lang, kind=kind).to_dict()
        except DocketError as exc:
            failed += 1
            if json_out:
                typer.echo(json.dumps({"file": str(path), "error": str(exc)}, ensure_ascii=False))
            else:
                typer.echo(f"docket: error: {exc}", err=True)
            continue
        if json_out:
            if many:
                data = {"file": str(path), **data}
            typer.echo(json.dumps(data, ensure_ascii=False))
        else:
            typer.echo(_summary(path, data))
    if failed and not many and not json_out:
        return 2
    return 2 if failed else 0
