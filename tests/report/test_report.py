"""The report: self-contained HTML with provenance, redacted per view, and a PDF that renders
Korean text."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

import docket
from docket.actor import Actor
from docket.report import build_report, case_fingerprint, reader_for
from docket.report.view import NOT_SHOWN
from docket.security import PermissionDenied
from docket.security.redact import SENSITIVE_WITHHELD
from tests.security.plant import leaks_in_text

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?!#|data:)|url\(\s*["']?(?!data:|#)""", re.I)


def _fingerprint(case) -> str:
    with case.session() as session:
        return case_fingerprint(session, case.keyring, case.config.case_id).value


def test_html_is_self_contained_and_states_its_provenance(filled):
    html = build_report(filled, actor=Actor("ana", "admin")).decode("utf-8")
    assert not EXTERNAL.findall(html), EXTERNAL.findall(html)[:3]
    assert "<svg" in html and "<style>" in html
    assert _fingerprint(filled) in html
    assert f"docket {docket.__version__}" in html
    assert "by ana (admin)" in html
    assert "SYNTHETIC DATA" in html  # the case name says SYNTHETIC: banner on the page
    for section in ("summary", "methodology", "findings", "facilities", "estimates", "annex"):
        assert f'<section id="{section}">' in html
    assert "forced labour in the gypsum mine" in html
    assert "The guards called me" in html  # evidence quotes under each finding
    assert "요덕 제15호 관리소" in html  # facility profile with its Hangul name
    assert "46500" in html and "1990s" in html  # gazetteer population estimate with its year
    assert "No estimate has been run" in html


@pytest.mark.parametrize("role", ["analyst", "reviewer", "public"])
def test_planted_witness_name_is_in_no_report_but_the_full_one(filled, role):
    full = build_report(filled, actor=Actor("x", "investigator")).decode("utf-8")
    assert leaks_in_text(full), "the detector must see the name in the full view"
    html = build_report(filled, actor=Actor("x", role)).decode("utf-8")
    assert not leaks_in_text(html), leaks_in_text(html)
    assert "[W-0777]" in html or "[name withheld]" in html


def test_quotes_from_sources_outside_the_view_are_withheld(filled):
    quote = "<q>I met</q>"  # from the sensitive testimony, consent internal
    assert quote in build_report(filled, actor=Actor("i", "investigator")).decode("utf-8")
    analyst = build_report(filled, actor=Actor("a", "analyst")).decode("utf-8")
    assert quote not in analyst and SENSITIVE_WITHHELD in analyst
    public = build_report(filled, actor=Actor("p", "public")).decode("utf-8")
    assert quote not in public and NOT_SHOWN in public
    assert re.search(r"\d+ source\(s\) of this case are not listed", public)


def test_a_reader_may_narrow_but_not_widen_the_view():
    assert reader_for(Actor("i", "investigator"), "public") == Actor("i", "public")
    with pytest.raises(PermissionDenied):
        reader_for(Actor("a", "analyst"), "investigator")


def test_no_synthetic_banner_on_a_real_case(case, admin):
    html = build_report(case, actor=admin).decode("utf-8")
    assert "SYNTHETIC DATA" not in html
    assert "Provenance" in html and _fingerprint(case) in html


def _ink(png: Path) -> float:
    histogram = Image.open(png).convert("L").histogram()
    return sum(histogram[:200]) / sum(histogram)


def test_pdf_renders_with_korean_text_and_no_names(filled, tmp_path):
    pdf = build_report(filled, actor=Actor("p", "public"), fmt="pdf")
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(path),
                    str(tmp_path / "page")], check=True)  # fmt: skip
    (png,) = tmp_path.glob("page*.png")
    assert _ink(png) > 0.01, "page 1 is blank"
    reader = PdfReader(path)
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "요덕" in text  # the Hangul of the facility came through as text, not tofu
    assert "SYNTHETIC DATA" in reader.pages[-1].extract_text()  # every page carries it
    assert not leaks_in_text(text)
    fonts = {
        str(f["/BaseFont"])
        for page in reader.pages
        for f in (page["/Resources"].get("/Font") or {}).values()
        if "/BaseFont" in f.get_object()
    }
    assert any("CJK" in f for f in fonts), fonts
