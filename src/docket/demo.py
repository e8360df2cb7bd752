"""The main job on the bundled synthetic case: every stage, in order, on SQLite.

`docket demo [DIR]` builds the case from `docket.synth` (seeded, so every run is the same), then
runs each stage the way an investigator would, printing what each step did. All data is
SYNTHETIC and says so.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from docket.actor import Actor
from docket.case import CONFIG_NAME, Case, create_case
from docket.errors import BadInput, DocketError
from docket.security.keys import KeySource, new_key_file

DEMO_SEED = 2014
DEMO_MARKER = ".docket-demo"
DEMO_NAME = "docket demo (SYNTHETIC)"
DEMO_KEY_FILE = "demo.key"
DEMO_LOGIN_FILE = "web-login.txt"
DEMO_WEB_USER = "demo"


@dataclass
class DemoContext:
    case: Case
    actor: Actor
    inputs: Path
    seed: int
    facts: dict[str, object] = field(default_factory=dict)


Step = Callable[[DemoContext], str]


def prepare_folder(target: Path) -> None:
    """A fresh folder; a previous demo there is replaced, anything else is left alone."""
    if target.exists():
        if (target / DEMO_MARKER).is_file():
            shutil.rmtree(target)
        elif (target / CONFIG_NAME).exists() or any(target.iterdir()):
            raise BadInput(
                "exists and is not an earlier docket demo; choose another folder", where=str(target)
            )
    target.mkdir(parents=True, exist_ok=True)
    (target / DEMO_MARKER).write_text("SYNTHETIC demo case made by `docket demo`\n")


def demo_key(target: Path) -> KeySource:
    """The key the environment offers, else a key file made inside the demo folder.

    Keeping a key beside its case is acceptable only because every byte of the demo is
    SYNTHETIC; a real case's key never lives in the case folder.
    """
    offered = KeySource.from_env()
    if offered is not None:
        return offered
    path = target / DEMO_KEY_FILE
    new_key_file(path)
    return KeySource.key_file(path)


def step_generate(ctx: DemoContext) -> str:
    from docket.synth.corpus import write_demo_sources
    from docket.synth.people import write_demo_lists

    corpus = write_demo_sources(ctx.inputs / "documents", seed=ctx.seed)
    ctx.facts["corpus"] = corpus
    ctx.facts["lists"] = write_demo_lists(ctx.inputs / "lists", seed=ctx.seed)
    return (
        f"generated {len(corpus.testimonies)} testimonies, {len(corpus.articles)} news pages, "
        f"{len(corpus.statements)} official statements and {len(ctx.facts['lists'])} victim "
        f"lists (SYNTHETIC) in {ctx.inputs}"
    )


def step_ingest(ctx: DemoContext) -> str:
    from docket.ingest import IngestReport, ingest_paths

    corpus = ctx.facts["corpus"]
    documents = ingest_paths(
        ctx.case,
        [*corpus.testimonies, *corpus.articles],
        actor=ctx.actor,  # type: ignore[attr-defined]
    )
    statements = ingest_paths(
        ctx.case,
        list(corpus.statements),
        kind="statement",
        actor=ctx.actor,  # type: ignore[attr-defined]
    )
    lists = ingest_paths(ctx.case, list(ctx.facts["lists"]), kind="list", actor=ctx.actor)  # type: ignore[call-overload]
    report = IngestReport(documents.outcomes + statements.outcomes + lists.outcomes)
    if report.failed:
        reasons = "; ".join(str(o.reason) for o in report.failed[:3])
        raise BadInput(f"demo sources failed to ingest: {reasons}")
    return f"ingested {report.count('ingested')} sources (hashed, preserved, indexed)"


def step_extract(ctx: DemoContext) -> str:
    from docket.review.run import extract_case

    report = extract_case(ctx.case, actor=ctx.actor)
    return f"{report.added} suggestions from {report.sources} sources, awaiting review"


def step_review(ctx: DemoContext) -> str:
    """A demo reviewer accepts the places and acts in testimonies: events with place and time.

    A real review is a person reading each suggestion; the demo does this only so that the
    later stages have coded events to show.
    """
    from sqlalchemy import select

    from docket.review import accept
    from docket.store.models import Source, Suggestion

    reviewer = Actor("demo-reviewer (SYNTHETIC)", "investigator")
    with ctx.case.session() as session:
        ids = list(
            session.scalars(
                select(Suggestion.id)
                .join(Source, Source.id == Suggestion.source_id)
                .where(Source.kind == "testimony", Suggestion.kind.in_(("place", "act")))
                .where(Suggestion.status == "pending")
                .order_by(Suggestion.kind.desc(), Suggestion.id)  # places first, then acts
            )
        )
    records: dict[str, int] = {}
    for suggestion_id in ids:
        view = accept(ctx.case, suggestion_id, actor=reviewer)
        records[view.record_type or "?"] = records.get(view.record_type or "?", 0) + 1
    return f"{len(ids)} suggestions accepted by a demo reviewer: " + ", ".join(
        f"{count} {kind}s" for kind, count in sorted(records.items())
    )


def step_link(ctx: DemoContext) -> str:
    from docket.link.case import link_case

    report = link_case(ctx.case, actor=ctx.actor)
    return (
        f"{report.reports} person reports linked into {report.identities} identities; "
        f"{report.uncertain} uncertain pairs await review"
    )


def step_estimate(ctx: DemoContext) -> str:
    from docket.estimate import plain_language_summary
    from docket.estimate.case import estimate_case

    run = estimate_case(ctx.case, actor=ctx.actor, method="auto", seed=ctx.seed)
    ctx.facts["estimate"] = run
    return plain_language_summary(run.result).split("\n")[0]


def step_allegations(ctx: DemoContext) -> str:
    from collections import Counter

    from docket.evidence import findings
    from docket.evidence.demo import add_demo_allegations

    add_demo_allegations(ctx.case, ctx.actor)
    rows = findings(ctx.case, actor=ctx.actor)
    statuses = Counter(row.status for row in rows)
    return f"{len(rows)} allegations weighed: " + ", ".join(
        f"{count} {status}" for status, count in sorted(statuses.items())
    )


def step_web_user(ctx: DemoContext) -> str:
    """A login for the web UI. The password is random and written beside the demo's key file;
    acceptable only because every byte of the demo is SYNTHETIC."""
    import os
    import secrets

    from docket.security.users import add_user

    password = "demo-" + secrets.token_urlsafe(12)
    add_user(ctx.case, DEMO_WEB_USER, password, "investigator", actor=ctx.actor)
    path = ctx.case.root / DEMO_LOGIN_FILE
    path.write_text(f"{DEMO_WEB_USER}\n{password}\n", encoding="utf-8")
    os.chmod(path, 0o600)
    ctx.facts["web_login"] = (DEMO_WEB_USER, password)
    return f"web user {DEMO_WEB_USER!r} (investigator); password in {path.name}"


def demo_login(root: Path) -> tuple[str, str] | None:
    """The demo's web login (user, password), if the demo made one."""
    path = Path(root) / DEMO_LOGIN_FILE
    if not path.is_file():
        return None
    user, password = path.read_text(encoding="utf-8").split()[:2]
    return user, password


def step_report(ctx: DemoContext) -> str:
    """The report as an analyst reads it (pseudonyms, no sensitive text) and as the public
    does: a full-view report would put witness names in plain files beside the encrypted case."""
    from docket.report import case_view, render_html, render_pdf, write_report

    folder = ctx.case.root / "report"
    folder.mkdir(parents=True, exist_ok=True)
    analyst = Actor(ctx.actor.name, "analyst")
    html = render_html(case_view(ctx.case, actor=analyst, purpose="demo report"))
    (folder / "report.html").write_text(html, encoding="utf-8")
    try:
        (folder / "report.pdf").write_bytes(render_pdf(html))
        pdf = "report.pdf"
    except DocketError as exc:  # WeasyPrint is an optional extra
        pdf = f"no PDF ({exc})"
    public = write_report(
        ctx.case, folder / "report-public.html", actor=Actor(ctx.actor.name, "public")
    )
    ctx.facts["report"] = folder / "report.html"
    return (
        f"wrote the report (SYNTHETIC, analyst view) to {folder / 'report.html'} and "
        f"{pdf}, and the public view to {public.name}"
    )


STEPS: list[tuple[str, Step]] = [
    ("generate the synthetic sources", step_generate),
    ("ingest", step_ingest),
    ("extract suggestions", step_extract),
    ("review (demo reviewer)", step_review),
    ("link person reports", step_link),
    ("estimate the unrecorded", step_estimate),
    ("allegations and evidence", step_allegations),
    ("report", step_report),
    ("a web login", step_web_user),
]


def run_demo(
    target: Path,
    *,
    seed: int = DEMO_SEED,
    echo: Callable[[str], None] = lambda _: None,
    database_url: str | None = None,
) -> Case:
    """Build the demo case in `target` (its database the SQLite file there, or `database_url`),
    running every step; returns the open case."""
    target = Path(target).resolve()
    prepare_folder(target)
    case = create_case(target, name=DEMO_NAME, key=demo_key(target), database_url=database_url)
    ctx = DemoContext(case, Actor("demo", "admin"), target / "synthetic-inputs", seed)
    for number, (title, step) in enumerate(STEPS, start=1):
        echo(f"[{number}/{len(STEPS)}] {title}: {step(ctx)}")
    return case
