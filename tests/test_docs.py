"""Docs are tested like code: the CLI reference is regenerated and must match."""

from pathlib import Path

from docket.cli.reference import render

DOCS = Path(__file__).resolve().parents[1] / "docs"


def test_cli_reference_is_current():
    assert (DOCS / "cli.md").read_text(encoding="utf-8") == render(), (
        "docs/cli.md is stale: run `python -m docket.cli.reference > docs/cli.md`"
    )


def test_every_command_is_documented_with_help():
    text = render()
    for block in text.split("\n## docket ")[1:]:
        name, _, rest = block.partition("\n")
        assert rest.strip(), f"`docket {name}` has no help text"
