"""Fuzzing: any text either extracts with exact spans or is refused as BadInput; never a crash."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from docket.errors import BadInput
from docket.extract import extract_text, load_bytes

from .conftest import assert_spans

# Fragments that exercise every rule, glued with random text and stray marks.
FRAGMENTS = [
    "Pak Sun Hui",
    "Kim Yong-chol",
    ", a former guard,",
    " said",
    " she said.",
    ' "',
    "“",
    "”",
    "'",
    "According to Human Rights Watch, ",
    " that ",
    "Yodok",
    "Camp 15",
    "요덕 수용소",
    "some 3,000 inmates",
    "spring 1997",
    "the early 1990s",
    "last month",
    "forced abortions",
    "publicly executed",
    "\n",
    "\n\n",
    ". ",
    "박순희 씨는 ",
    '"라고 말했다',
    "고 말했다. ",
    "에 따르면 ",
    "1997년 봄",
    "the report said that ",
    "Ri",
    "Mr. Kim",
    "—",
    ":",
]
texts = st.lists(
    st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=25
).map("".join)


@settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(texts, st.sampled_from([None, "2016-05-12"]))
def test_spans_always_match_the_text(text: str, published: str | None) -> None:
    try:
        result = extract_text(text, published=published)
    except BadInput:
        return
    assert_spans(result)


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.binary(max_size=400), st.sampled_from(["a.txt", "a.html", "a.pdf", "a.gz", "a.md"]))
def test_loading_never_crashes(data: bytes, name: str) -> None:
    try:
        doc = load_bytes(data, name)
    except BadInput:
        return
    assert doc.text.strip()
