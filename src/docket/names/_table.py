"""The reverse table (romanized syllable -> Hangul syllables) and syllable segmentation.

Built once per process from _systems over every syllable with a final that occurs in names
(19 x 21 x 9 = 3,591 syllables, about 60,000 spellings): small, and derived only from the rules.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from docket.names._jamo import INITIALS, NAME_FINALS, VOWELS, compose, decompose, south_initial
from docket.names._systems import (
    FINAL_CLASS,
    INITIAL_CLASS,
    SYSTEMS,
    VOWEL_CLASS,
    syllable_forms,
)

# Given-name syllables common in both Koreas; used only to rank candidates and break ties.
COMMON_GIVEN = (
    "영철수민성호정희숙자순옥남진현준혜미은경지선명광일용석혁동국길춘화란연향금복만상창학훈태우재원식환"
    "주하나윤서예유아범봉송실애분련림룡삼덕무문기군근규건관청충칠택평필한해협형홍효휘흥갑강걸겸계구권"
    "귀균극녀단달대도돈두득래렬리린부빈사산생섭세소승시신심안양억언엽완왕요욱운웅월위율을응의이익인임"
    "장전제조종중증찬채천초최치탁파표풍혼황회후흠"
)
_COMMON_RANK = {ch: i for i, ch in enumerate(dict.fromkeys(COMMON_GIVEN))}


_APOSTROPHES = re.compile(r"['’‘ʼ`´]")


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lowercase ASCII letters: strip diacritics (ŏ→o, ŭ→u) and MR aspiration apostrophes."""
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(c for c in text if not unicodedata.combining(c))
    return _APOSTROPHES.sub("", text).lower()


@cache
def reverse_table() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for ini in INITIALS:
        for vow in VOWELS:
            for fin in NAME_FINALS:
                syl = compose(ini, vow, fin)
                for system in SYSTEMS:
                    for medial in (False, True):
                        for form in syllable_forms(ini, vow, fin, system, medial):
                            table.setdefault(fold(form), set()).add(syl)
    return {k: frozenset(v) for k, v in table.items() if k}


@cache
def _max_len() -> int:
    return max(len(k) for k in reverse_table())


Code = tuple[str, str, str]


def hangul_code(syl: str, *, initial_rule: bool = False) -> Code:
    """Coarse phonetic code (initial, vowel, final class) of a Hangul syllable.

    The classes keep only what every romanization preserves: ㅓㅗㅜㅡ are one class because
    "u" spells all of them somewhere; plain, tense and aspirated consonants are one class.
    """
    if initial_rule:
        syl = south_initial(syl)
    ini, vow, fin = decompose(syl)
    return (INITIAL_CLASS[ini], VOWEL_CLASS[vow], FINAL_CLASS[fin])


@cache
def form_code(form: str, initial_rule: bool) -> Code:
    """Phonetic code of a romanized syllable: its candidates' code (the first if several)."""
    cands = reverse_table().get(form)
    if not cands:
        return ("?" + form, "", "")
    return sorted({hangul_code(c, initial_rule=initial_rule) for c in cands})[0]


def candidate_rank(syl: str) -> tuple[int, str]:
    return (_COMMON_RANK.get(syl, len(_COMMON_RANK)), syl)


@cache
def segmentations(word: str) -> tuple[tuple[str, ...], ...]:
    """All ways to cut a run of letters into known syllable spellings, best first.

    Best = fewest syllables, then fewest MR-style "r" finals, then most syllables common in
    names, then longest first syllable. More than one result means the cut is ambiguous and
    callers flag it.
    """
    table = reverse_table()
    n = len(word)
    maxlen = _max_len()
    results: list[tuple[str, ...]] = []

    def walk(i: int, acc: tuple[str, ...]) -> None:
        if len(results) > 50 or len(acc) > 6:
            return
        if i == n:
            results.append(acc)
            return
        for j in range(min(n, i + maxlen), i, -1):
            part = word[i:j]
            if part in table:
                walk(j, (*acc, part))

    walk(0, ())

    def score(seg: tuple[str, ...]) -> tuple[int, int, int, int]:
        common = sum(1 for part in seg if any(c in _COMMON_RANK for c in table[part]))
        # ㄹ written "r" at a syllable end is McCune–Reischauer before a vowel only, and rare:
        # "Hoeryeong" is hoe-ryeong, not hoer-yeong.
        r_final = sum(1 for part in seg[:-1] if part.endswith("r"))
        return (len(seg), r_final, -common, -len(seg[0]))

    results.sort(key=lambda s: (score(s), s))
    best = score(results[0]) if results else None
    # Only segmentations as short as the best count as real alternatives.
    return tuple(r for r in results if best is not None and len(r) == best[0])
