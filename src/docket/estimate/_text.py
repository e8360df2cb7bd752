"""Words for people: a readable table for the terminal and a plain-language paragraph.

The paragraph is generated from the numbers only, and always carries the assumptions a reader
must weigh; a bare "we estimate N" without them would be the kind of figure this tool exists
to replace.
"""

from __future__ import annotations

from docket.estimate._result import EstimateResult

_METHOD_WORDS = {
    "loglinear": "a log-linear model chosen among all hierarchical models",
    "stepwise": "a log-linear model chosen stepwise (Chan, Silverman and Vincent 2021)",
    "lcmcr": "a Bayesian latent-class model (LCMCR, Manrique-Vallier 2016)",
    "dga": "Bayesian model averaging over decomposable graphical models (Madigan and York 1997)",
}

_NUMBER_WORDS = {
    2: "two",
    3: "three",
    4: "four",
    5: "five",
    6: "six",
    7: "seven",
    8: "eight",
    9: "nine",
    10: "ten",
}


def _fmt(x: float | None) -> str:
    return "—" if x is None else f"{x:,.0f}"


def format_table(result: EstimateResult) -> str:
    """Aligned text table: one row per stratum and the total (or the single estimate)."""
    rows = [("stratum", "method", "observed", "estimate", f"{result.ci_level:.0%} interval")]
    for r in [*result.strata, result] if result.strata else [result]:
        name = "total" if (result.strata and r is result) else (r.stratum or "all")
        interval = (
            "not estimable"
            if not r.ok
            else f"{_fmt(r.ci_low)} – {_fmt(r.ci_high) if r.ci_high else 'no upper limit'}"
        )
        rows.append((str(name), r.method, f"{r.observed:,}", _fmt(r.estimate), interval))
    widths = [max(len(row[i]) for row in rows) for i in range(5)]
    lines = ["  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)) for row in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    extra = []
    if result.details.get("model"):
        extra.append(f"model: {result.details['model']}")
    if result.details.get("method_choice"):
        extra.append(f"why this method: {result.details['method_choice']}")
    if result.details.get("reason"):
        extra.append(f"reason: {result.details['reason']}")
    extra += [f"warning: {w}" for w in result.warnings]
    return "\n".join(lines + ([""] + extra if extra else []))


def plain_language_summary(result: EstimateResult) -> str:
    """One paragraph: what was recorded, what is estimated, how sure, and on what assumptions."""
    k = len(result.lists)
    lists = _NUMBER_WORDS.get(k, str(k))
    method = _METHOD_WORDS.get(result.method, result.method)
    parts = [f"The {lists} lists record {result.observed:,} people."]
    if not result.ok:
        reason = result.details.get("reason", "the data cannot support an estimate")
        parts.append(
            f"We do not give an estimate of how many were not recorded: {reason}. Any total "
            "would be a guess dressed as a number."
        )
    else:
        est, lo, hi = result.estimate or 0.0, result.ci_low, result.ci_high
        unrec = est - result.observed
        if hi is None:
            interval = f"at least {_fmt(lo)}, with no upper limit the data can set"
        else:
            interval = f"{result.ci_level:.0%} interval {_fmt(lo)}–{_fmt(hi)}"
        parts.append(
            f"Using {method}, we estimate the total at {_fmt(est)} ({interval}), so about "
            f"{_fmt(unrec)} people ({unrec / est:.0%}) appear on none of the lists."
        )
        if result.strata:
            parts.append(
                f"The total adds {len(result.strata)} separately estimated groups; its interval "
                "comes from combining their uncertainty, not from adding interval ends."
            )
    parts.append(
        "This rests on assumptions a reader must know: the population did not change while "
        "the lists were made; each person was matched correctly across lists (linkage errors "
        "move the estimate); everyone in the population had some chance of being recorded; and "
        "the model captures how the lists depend on each other and how recording varies "
        "between people. People no list could ever reach are outside any such estimate."
    )
    if result.warnings:
        parts.append("Caution: " + "; ".join(result.warnings) + ".")
    return " ".join(parts)
