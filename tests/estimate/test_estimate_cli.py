"""`docket estimate` end to end: contract JSON, table, strata, auto's reasons, charts."""

import json

import pytest
from typer.testing import CliRunner

from docket.cli import app
from docket.estimate import (
    EstimateOptions,
    estimate_from_identities,
    estimate_histories,
    load_published,
    plain_language_summary,
    save_chart,
)
from docket.synth.captures import simulate

runner = CliRunner()
FAST_LCMCR = ["--burnin", "300", "--samples", "100", "--thin", "2", "--chains", "2"]


@pytest.fixture
def spina_csv(tmp_path):
    ch, _ = load_published("spina_bifida_upstate_ny_1969_1974_3lists")
    lines = ["birth,death,rehab,count"]
    lines += [",".join(k) + f",{v}" for k, v in ch.as_dict().items()]
    path = tmp_path / "spina.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def test_json_follows_the_contract(spina_csv):
    result = runner.invoke(app, ["estimate", str(spina_csv), "--json", "--method", "loglinear"])
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert set(d) >= {"method", "observed", "estimate", "ci_low", "ci_high", "ci_level", "lists"}
    assert d["method"] == "loglinear" and d["observed"] == 621
    assert d["lists"] == ["birth", "death", "rehab"]
    assert d["ci_low"] < d["estimate"] < d["ci_high"]
    assert d["details"]["interval"] == "profile likelihood"
    assert "bootstrap" in d["details"] and "model_averaged" in d["details"]


def test_same_seed_same_output_through_the_cli(spina_csv):
    args = ["estimate", str(spina_csv), "--json", "--method", "lcmcr", "--seed", "4", *FAST_LCMCR]
    a, b = runner.invoke(app, args), runner.invoke(app, args)
    assert a.exit_code == 0 and a.stdout == b.stdout


def test_table_and_summary_are_readable(spina_csv):
    result = runner.invoke(app, ["estimate", str(spina_csv), "--method", "dga", "--summary"])
    assert result.exit_code == 0
    assert "estimate" in result.stdout and "dga" in result.stdout
    assert "The three lists record 621 people." in result.stdout


def test_strata_and_total(tmp_path):
    rows = ["A,B,C,camp,count"]
    for camp, seed in (("north", 1), ("south", 2)):
        ch, _ = simulate("independent", seed=seed, N=600)
        rows += [",".join(k[:3]) + f",{camp},{v}" for k, v in _three(ch).items()]
    path = tmp_path / "s.csv"
    path.write_text("\n".join(rows) + "\n")
    result = runner.invoke(
        app,
        [
            "estimate",
            str(path),
            "--strata",
            "camp",
            "--json",
            "--method",
            "loglinear",
            "--bootstrap",
            "200",
        ],
    )
    assert result.exit_code == 0, result.output
    d = json.loads(result.stdout)
    assert [s["stratum"] for s in d["strata"]] == ["north", "south"]
    assert abs(d["estimate"] - sum(s["estimate"] for s in d["strata"])) < 1e-6
    assert d["ci_low"] > sum(s["ci_low"] for s in d["strata"]) - 1  # not summed ends


def _three(ch):
    out = {}
    for key, v in ch.as_dict().items():
        k3 = key[:3]
        if "1" in k3:
            out[k3] = out.get(k3, 0) + v
    return out


def test_auto_explains_its_choice():
    dense, _ = load_published("hiv_rome_4sources")
    sparse, _ = load_published("new_orleans_trafficking_5lists_v2019")
    opts = EstimateOptions(method="auto", n_boot=20, burnin=200, samples=50, thin=1, chains=2)
    r1 = estimate_histories({None: dense}, opts)
    r2 = estimate_histories({None: sparse}, opts)
    assert r1.method == "loglinear" and "compared" in r1.details["method_choice"]
    assert r2.method == "lcmcr" and "sparse" in r2.details["method_choice"]


def test_identities_entry_point_and_presentation(tmp_path):
    import pandas as pd

    ch, _ = simulate("dependent", seed=5, N=500)
    pats = ch.patterns().repeat(ch.counts, axis=0)
    df = pd.DataFrame(pats, columns=list(ch.lists))
    df["sex"] = ["f", "m"] * (len(df) // 2) + ["f"] * (len(df) % 2)
    res = estimate_from_identities(
        df, list(ch.lists), strata=["sex"], method="loglinear", seed=1, n_boot=100
    )
    assert res.observed == ch.observed and len(res.strata) == 2
    text = plain_language_summary(res)
    assert f"record {ch.observed:,} people" in text and "assumptions" in text
    for suffix in (".png", ".svg"):
        out = save_chart(res, tmp_path / f"chart{suffix}")
        assert out.stat().st_size > 1000
    assert (tmp_path / "chart.svg").read_text().lstrip().startswith("<?xml")
    assert (tmp_path / "chart.png").read_bytes()[:4] == b"\x89PNG"


def test_not_estimable_is_said_in_words_not_numbers(tmp_path):
    path = tmp_path / "apart.csv"
    path.write_text("A,B,C,count\n1,0,0,10\n0,1,0,12\n0,0,1,9\n")
    result = runner.invoke(app, ["estimate", str(path), "--method", "loglinear", "--summary"])
    assert result.exit_code == 0
    assert "not estimable" in result.stdout
    assert "We do not give an estimate" in result.stdout
    as_json = json.loads(
        runner.invoke(app, ["estimate", str(path), "--json", "--method", "dga"]).stdout
    )
    assert as_json["estimate"] is None and as_json["details"]["status"] == "not estimable"


@pytest.mark.parametrize(
    "args",
    [
        ["--bootstrap", "-1"],
        ["--criterion", "x"],
        ["--method", "lcmcr", "--thin", "0"],
        ["--method", "nope"],
    ],
)
def test_bad_options_exit_2(spina_csv, args):
    from docket.cli import main

    with pytest.raises(SystemExit) as exc:
        main(["estimate", str(spina_csv), *args])
    assert exc.value.code == 2
