"""Charts of estimates with intervals, one row per stratum (and the total), PNG or SVG.

Built on matplotlib's object API with the Agg canvas, never pyplot, so no global backend state
leaks into a server process that renders reports.
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.backends.backend_svg import FigureCanvasSVG
from matplotlib.figure import Figure

from docket.estimate._result import EstimateResult


def chart_figure(result: EstimateResult, title: str | None = None) -> Figure:
    """Dot = estimate, bar = interval, open mark = number recorded; unestimable rows say so."""
    rows = [*result.strata, result] if result.strata else [result]
    labels = [("total" if (r is result and result.strata) else (r.stratum or "all")) for r in rows]
    fig = Figure(figsize=(7, 0.6 * len(rows) + 1.6))
    ax = fig.add_subplot()
    for i, r in enumerate(rows):
        y = len(rows) - 1 - i
        ax.plot([r.observed], [y], marker="|", color="grey", markersize=14)
        if not r.ok:
            ax.text(r.observed, y, "  not estimable", va="center", color="firebrick")
            continue
        hi = r.ci_high if r.ci_high is not None else (r.estimate or 0) * 3
        ax.plot([r.ci_low, hi], [y, y], color="black", linewidth=2)
        ax.plot([r.estimate], [y], marker="o", color="black")
        if r.ci_high is None:
            ax.annotate("", xy=(hi * 1.05, y), xytext=(hi, y), arrowprops={"arrowstyle": "->"})
    ax.set_yticks(range(len(rows)), labels[::-1])
    ax.set_xlabel(f"people (estimate, {result.ci_level:.0%} interval; | = recorded)")
    ax.set_xlim(left=0)
    ax.set_title(title or f"Estimated total population ({result.method})")
    ax.grid(axis="x", alpha=0.3)
    fig.tight_layout()
    return fig


def save_chart(result: EstimateResult, path: str | Path, title: str | None = None) -> Path:
    """Write the chart; the format follows the suffix (.png or .svg)."""
    path = Path(path)
    fig = chart_figure(result, title)
    suffix = path.suffix.lower()
    if suffix == ".svg":
        FigureCanvasSVG(fig).print_svg(str(path))
    elif suffix == ".png":
        FigureCanvasAgg(fig).print_png(str(path))
    else:
        from docket.errors import BadInput

        raise BadInput(f"chart must end in .png or .svg, not {suffix!r}", where=str(path))
    return path
