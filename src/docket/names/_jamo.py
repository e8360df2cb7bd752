"""Hangul syllables as (initial, vowel, final) jamo, and the initial-sound rule (두음법칙).

The South writes Sino-Korean ㄹ/ㄴ at the start of a word as ㅇ/ㄴ (리→이, 류→유, 로→노, 녀→여);
the North keeps them. Keys apply the rule so both spellings meet; written forms are never changed.
"""

from __future__ import annotations

import re
from functools import lru_cache

INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
VOWELS = "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ"
FINALS = ["", *"ㄱㄲㄳㄴㄵㄶㄷㄹㄺㄻㄼㄽㄾㄿㅀㅁㅂㅄㅅㅆㅇㅈㅊㅋㅌㅍㅎ"]
# Finals that occur in personal names; the romanization table is built over these only.
NAME_FINALS = ["", "ㄱ", "ㄴ", "ㄷ", "ㄹ", "ㅁ", "ㅂ", "ㅅ", "ㅇ"]

_BASE = 0xAC00
_LAST = 0xD7A3
# Vowels before which the South drops initial ㄹ/ㄴ entirely (ㅣ and the y-diphthongs).
_IY_VOWELS = set("ㅣㅑㅕㅛㅠㅒㅖ")


def is_syllable(ch: str) -> bool:
    return len(ch) == 1 and _BASE <= ord(ch) <= _LAST


def is_hangul_text(text: str) -> bool:
    """True when every letter in text is a Hangul syllable (spaces and punctuation ignored)."""
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(is_syllable(c) for c in letters)


_HANGUL = re.compile("[\uac00-\ud7a3]")


def has_hangul(text: str) -> bool:
    return _HANGUL.search(text) is not None


def decompose(ch: str) -> tuple[str, str, str]:
    code = ord(ch) - _BASE
    return INITIALS[code // 588], VOWELS[(code % 588) // 28], FINALS[code % 28]


def compose(initial: str, vowel: str, final: str = "") -> str:
    return chr(
        _BASE + INITIALS.index(initial) * 588 + VOWELS.index(vowel) * 28 + FINALS.index(final)
    )


@lru_cache(maxsize=20_000)
def south_initial(ch: str) -> str:
    """South Korean word-initial form of a syllable: 리→이, 림→임, 류→유, 로→노, 량→양, 녀→여."""
    if not is_syllable(ch):
        return ch
    ini, vow, fin = decompose(ch)
    if ini == "ㄹ":
        ini = "ㅇ" if vow in _IY_VOWELS else "ㄴ"
    elif ini == "ㄴ" and vow in _IY_VOWELS:
        ini = "ㅇ"
    return compose(ini, vow, fin)


def north_initial_forms(ch: str) -> set[str]:
    """Syllables whose South word-initial form is ch (ch included): 이→{이, 리, 니}."""
    if not is_syllable(ch):
        return {ch}
    ini, vow, fin = decompose(ch)
    out = {ch}
    if ini == "ㅇ" and vow in _IY_VOWELS:
        out |= {compose("ㄹ", vow, fin), compose("ㄴ", vow, fin)}
    elif ini == "ㄴ" and vow not in _IY_VOWELS:
        out.add(compose("ㄹ", vow, fin))
    return out
