"""Korean particles that depend on the preceding sound (은/는, 이/가, 을/를, 으로/로 ...)."""

from __future__ import annotations

# Whether the Sino-Korean reading of a final digit ends in a consonant (영, 일, 삼, 육, 칠, 팔).
_DIGIT_FINAL = {"0": 21, "1": 8, "2": 0, "3": 16, "4": 0, "5": 0, "6": 21, "7": 8, "8": 8, "9": 0}


def _final(word: str) -> int:
    """Index of the final consonant of the last syllable (0 = none, 8 = ㄹ)."""
    ch = word.rstrip()[-1]
    if "가" <= ch <= "힣":
        return (ord(ch) - 0xAC00) % 28
    return _DIGIT_FINAL.get(ch, 0)


def josa(word: str, pair: str) -> str:
    """Attach the right particle: josa("요덕", "으로/로") -> "요덕으로"."""
    with_final, without = pair.split("/")
    final = _final(word)
    if pair == "으로/로":
        return word + ("로" if final in (0, 8) else "으로")
    return word + (with_final if final else without)
