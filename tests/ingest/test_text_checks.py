"""The fast text checks agree with their plain regex definitions, character for character."""

import random
import re

import pytest

from docket.ingest.base import guess_language
from docket.textclean import clean_text, count_controls, strip_furniture

# The definitions the fast versions replace (a regex scan per character).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ue000-\uf8ff\ufffe\uffff]")
_LETTER = re.compile(r"[^\W\d_]")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")

# Every boundary of every class, and neighbours that must not count.
_EDGES = (
    "\x00\x08\t\n\x0b\x0c\r\x0e\x1f \x7f\x80\x9f\xa0\xa9é"
    "\ud7ff\ue000\ue001\uefff\uf000\uf8ff\uf900\ufeff\uff01\ufffd\ufffe\uffff"
    "\U0001f600\U000f0000가힣\u3131요덕 aZ9_²½\u2003\u200b"
)


def _old_guess(text: str) -> str:
    sample = text[:20000]
    letters = len(_LETTER.findall(sample))
    if not letters:
        return "und"
    return "ko" if len(_HANGUL.findall(sample)) / letters > 0.3 else "en"


def _old_clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", "", text)
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip()


def _strings(seed: int, count: int = 400) -> list[str]:
    rng = random.Random(seed)
    pools = [_EDGES, "abc \n", "가나다 \n", _EDGES + "abcdefgh  \n\n\n" * 3]
    out = ["", "plain ascii", "\n\n\n\n", " \t\n", "SYNTHETIC 요덕수용소 report"]
    for _ in range(count):
        pool = rng.choice(pools)
        out.append("".join(rng.choice(pool) for _ in range(rng.randint(1, 60))))
    return out


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fast_checks_match_the_regex_definitions(seed):
    for text in _strings(seed):
        assert count_controls(text) == len(_CONTROL.findall(text)), ascii(text)
        assert guess_language(text) == _old_guess(text), ascii(text)
        assert clean_text(text) == _old_clean(text), ascii(text)


def test_furniture_lines_go_and_blank_runs_collapse():
    text = "Main line.\n\n\nRelated News\nSecond line.\n\n\n\nSign up for our newsletter\nEnd."
    assert strip_furniture(text) == "Main line.\n\nSecond line.\n\nEnd."
