"""The linkage model as data: comparisons are ordered level lists over the feature columns.

Key columns hold integer codes (`_features.py`): equality tests on them are integer tests;
only the Jaro-Winkler levels read the keys' text (`*_text`).

The same settings run on DuckDB and Spark (only JaroWinkler needs a dialect, and Splink's level
creators supply it); `LinkResult.settings` holds the trained JSON for a reviewer to rerun.
"""

from __future__ import annotations

from splink import SettingsCreator, block_on
from splink import comparison_level_library as cll
from splink import comparison_library as cl

# Starting m-probabilities (share of true matches at each level), rounded from EM on
# docket.synth lists. EM replaces them when the data allow; small files keep them.
M_START = {
    "name": [0.30, 0.50, 0.03, 0.06, 0.05, 0.02, 0.02, 0.02],
    "birth_year": [0.22, 0.60, 0.13, 0.05],
    "sex": [0.97, 0.03],
    "place_key": [0.93, 0.07],
    "facility_id": [0.88, 0.12],
    "event_date": [0.72, 0.2, 0.08],
}


def _with_m(name: str, levels: list) -> list:
    """Attach M_START to the non-null levels, in order."""
    ms = iter(M_START[name])
    return [lv if lv.is_null_level else lv.configure(m_probability=next(ms)) for lv in levels]


def _null(*cols: str) -> cll.CustomLevel:
    cond = " OR ".join(f"{c}_l IS NULL OR {c}_r IS NULL" for c in cols)
    return cll.CustomLevel(cond, "missing").configure(is_null_level=True)


def name_comparison() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="name",
        comparison_description="Korean name keys",
        comparison_levels=_with_m(
            "name",
            [
                _null("name_key"),
                cll.CustomLevel(
                    "hangul_key_l = hangul_key_r", "same Hangul (initial rule applied)"
                ).configure(tf_adjustment_column="name_key", tf_adjustment_weight=1.0),
                cll.CustomLevel("name_key_l = name_key_r", "same phonetic key").configure(
                    tf_adjustment_column="name_key", tf_adjustment_weight=1.0
                ),
                cll.CustomLevel(
                    "name_key_l = name_key_alt_r OR name_key_alt_l = name_key_r "
                    "OR name_key_alt_l = name_key_alt_r",
                    "same key under another reading (surname or order)",
                ),
                cll.And(
                    cll.CustomLevel("surname_key_l = surname_key_r"),
                    cll.JaroWinklerLevel("given_key_text", 0.88),
                ).configure(label_for_charts="same surname, given name close (a slip)"),
                cll.CustomLevel(
                    "surname_key_l = surname_key_r AND (g1_l = g1_r OR g2_l = g2_r)",
                    "same surname, one given syllable off",
                ),
                cll.CustomLevel("given_key_l = given_key_r", "same given name, surname differs"),
                cll.JaroWinklerLevel("name_key_text", 0.9),
                cll.ElseLevel(),
            ],
        ),
    )


def birth_year_comparison() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="birth_year",
        comparison_description="birth year intervals",
        comparison_levels=_with_m(
            "birth_year",
            [
                _null("by_lo"),
                cll.CustomLevel(
                    "by_lo_l = by_hi_l AND by_lo_r = by_hi_r AND by_lo_l = by_lo_r", "same year"
                ),
                cll.CustomLevel("by_lo_l <= by_hi_r AND by_lo_r <= by_hi_l", "intervals overlap"),
                cll.CustomLevel(
                    "by_lo_l <= by_hi_r + 2 AND by_lo_r <= by_hi_l + 2", "within two years"
                ),
                cll.ElseLevel(),
            ],
        ),
    )


def event_comparison() -> cl.CustomComparison:
    return cl.CustomComparison(
        output_column_name="event_date",
        comparison_description="event date intervals (months)",
        comparison_levels=_with_m(
            "event_date",
            [
                _null("ev_lo"),
                cll.CustomLevel("ev_lo_l <= ev_hi_r AND ev_lo_r <= ev_hi_l", "intervals overlap"),
                cll.CustomLevel(
                    "ev_lo_l <= ev_hi_r + 12 AND ev_lo_r <= ev_hi_l + 12", "within a year"
                ),
                cll.ElseLevel(),
            ],
        ),
    )


def _exact(col: str, label: str, tf: bool = False) -> cl.CustomComparison:
    exact = cll.CustomLevel(f"{col}_l = {col}_r", f"same {label}")
    if tf:
        exact = exact.configure(tf_adjustment_column=col, tf_adjustment_weight=1.0)
    return cl.CustomComparison(
        output_column_name=col,
        comparison_description=label,
        comparison_levels=_with_m(col, [_null(col), exact, cll.ElseLevel()]),
    )


# The weaker rules (a name that differs) also require that sex does not contradict (equal,
# or missing on either side): a pair that differs in name *and* sex never reaches the
# threshold, and at a million records these rules otherwise make half the candidate pairs.
# Likewise, where the name differs and the rule does not fix the birth year, the stated birth
# years must not be more than two years apart beyond their intervals (or be missing).
_SEX_AGREES = "(l.sex = r.sex OR l.sex IS NULL OR r.sex IS NULL)"
_YEAR_NEAR = (
    "(l.by_lo IS NULL OR r.by_lo IS NULL OR (l.by_lo <= r.by_hi + 2 AND r.by_lo <= l.by_hi + 2))"
)


def _equal(*cols: str) -> str:
    return " AND ".join(f"l.{c} = r.{c}" for c in cols)


def _and_sex_agrees(*cols: str) -> str:
    return f"{_equal(*cols)} AND {_SEX_AGREES}"


def _and_year_near(rule: str) -> str:
    return f"{rule} AND {_YEAR_NEAR}"


BLOCKING = [
    block_on("name_key"),
    "l.name_key = r.name_key_alt",
    "l.name_key_alt = r.name_key",
    _and_sex_agrees("surname_key", "g1", "by_lo"),
    _and_sex_agrees("surname_key", "g2", "by_lo"),
    _and_year_near(_equal("surname_key", "g1", "facility_id", "sex")),
    _and_year_near(_equal("surname_key", "g2", "facility_id", "sex")),
    _and_year_near(_and_sex_agrees("given_key", "facility_id")),
    _and_sex_agrees("given_key", "by_lo"),
    _and_year_near(_equal("given_key", "sex", "place_key")),
]

# Rules that mostly pair true matches: for estimating how common matches are.
DETERMINISTIC = [
    "l.name_key = r.name_key AND l.by_lo <= r.by_hi AND r.by_lo <= l.by_hi",
]
# Share of true pairs those rules find: lists disagree on names and often omit birth years.
# Measured on docket.synth lists at default and heavy variation (0.45-0.55); see linkage.md.
DETERMINISTIC_RECALL = 0.5

# EM passes: each blocks on one side so the other side's comparisons can be trained.
EM_PASSES = [block_on("name_key"), block_on("by_lo", "facility_id")]


def settings() -> SettingsCreator:
    return SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="unique_id",
        comparisons=[
            name_comparison(),
            birth_year_comparison(),
            _exact("sex", "sex"),
            _exact("place_key", "birth place"),
            _exact("facility_id", "facility", tf=True),
            event_comparison(),
        ],
        blocking_rules_to_generate_predictions=BLOCKING,
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=False,
        max_iterations=20,
        em_convergence=0.001,
    )
