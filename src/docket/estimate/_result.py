"""The result every method returns, serialised to the contract's JSON (capture-histories.md)."""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np


def _clean(value: Any) -> Any:
    """JSON-safe: numpy scalars to Python, non-finite floats to None (JSON has no infinity)."""
    if isinstance(value, dict):
        return {str(k): _clean(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_clean(v) for v in value]
    if isinstance(value, np.ndarray):
        return [_clean(v) for v in value.tolist()]
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, float | np.floating):
        f = float(value)
        return f if math.isfinite(f) else None
    return value


@dataclass
class EstimateResult:
    """One estimate of the total population N (observed + unobserved) with its interval.

    ``estimate`` is None when the data cannot support a number (non-identifiable or unbounded);
    ``details['status']`` then says why. ``draws`` (posterior or bootstrap draws of N, not
    serialised) let a stratified run compute the total's interval properly.
    """

    method: str
    observed: int
    estimate: float | None
    ci_low: float | None
    ci_high: float | None
    lists: list[str]
    ci_level: float = 0.95
    details: dict[str, Any] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    stratum: str | None = None
    draws: np.ndarray | None = field(default=None, repr=False)
    strata: list[EstimateResult] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.estimate is not None

    def to_dict(self) -> dict[str, Any]:
        details = dict(self.details)
        details.setdefault("status", "ok" if self.ok else "not estimable")
        details["warnings"] = list(self.warnings)
        out: dict[str, Any] = {
            "method": self.method,
            "observed": self.observed,
            "estimate": self.estimate,
            "ci_low": self.ci_low,
            "ci_high": self.ci_high,
            "ci_level": self.ci_level,
            "lists": list(self.lists),
            "details": details,
        }
        if self.stratum is not None:
            out["stratum"] = self.stratum
        if self.strata:
            out["strata"] = [s.to_dict() for s in self.strata]
        return _clean(out)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EstimateResult:
        """Rebuild a stored result (without its draws) for charts and plain-language text."""
        details = dict(data.get("details") or {})
        warnings = list(details.pop("warnings", []) or [])
        return cls(
            method=data["method"],
            observed=int(data["observed"]),
            estimate=data.get("estimate"),
            ci_low=data.get("ci_low"),
            ci_high=data.get("ci_high"),
            lists=list(data.get("lists") or []),
            ci_level=float(data.get("ci_level", 0.95)),
            details=details,
            warnings=warnings,
            stratum=data.get("stratum"),
            strata=[cls.from_dict(s) for s in data.get("strata") or []],
        )

    def to_json(self, indent: int | None = 2) -> str:
        return json.dumps(self.to_dict(), indent=indent, ensure_ascii=False)


def not_estimable(
    method: str, observed: int, lists: list[str], reason: str, **details: Any
) -> EstimateResult:
    """A result that refuses to print a number, with the reason in words."""
    return EstimateResult(
        method=method,
        observed=observed,
        estimate=None,
        ci_low=None,
        ci_high=None,
        lists=lists,
        details={"status": "not estimable", "reason": reason, **details},
        warnings=[reason],
    )
