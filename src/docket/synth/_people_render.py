"""How one list writes a person: romanization system, order, script, typos (SYNTHETIC data)."""

from __future__ import annotations

import numpy as np

from docket.names._jamo import decompose, south_initial
from docket.names._surnames import surnames
from docket.names._systems import syllable_forms
from docket.names._table import fold

STYLES = (
    "dprk",  # Ri Yong Chol: North spelling, syllables apart, surname first
    "rr",  # Lee Yeong-cheol: customary surname, RR given name, hyphen
    "mr",  # Yi Yŏng-ch'ŏl: McCune–Reischauer with diacritics
    "mr_ascii",  # Yi Yong-chol
    "western",  # Young-chul Lee: customary spellings, given name first
    "caps",  # LEE Young Chul / LEE, Young-chul: surname in capitals
    "hangul_south",  # 이영철
    "hangul_north",  # 리영철
)


def _surname_spelling(hangul: str, kinds: tuple[str, ...], rng: np.random.Generator) -> str:
    s = surnames()[hangul]
    for kind in kinds:
        options = [sp for sp, k in s.spellings if k == kind]
        if options:
            # customary spellings: the first listed is the most used; others now and then
            if kind == "popular" and len(options) > 1 and rng.random() < 0.15:
                return options[int(rng.integers(1, len(options)))]
            return options[0]
    return s.spellings[0][0]


def _given(given_hangul: str, system: str, rng: np.random.Generator, north: bool) -> list[str]:
    out = []
    for i, ch in enumerate(given_hangul):
        syl = ch if north or i > 0 else south_initial(ch)
        forms = syllable_forms(*decompose(syl), system=system, medial=i > 0)
        if system == "popular" and len(forms) > 1 and rng.random() < 0.3:
            out.append(forms[int(rng.integers(1, min(len(forms), 4)))])
        else:
            out.append(forms[0])
    return out


def render(surname: str, given: str, style: str, rng: np.random.Generator) -> tuple[str, str]:
    """Return (name, name_hangul) as a list in this style would write them; one may be empty."""
    north_surname = surnames()[surname].hangul_dprk or surname
    if style == "hangul_south":
        return "", surname + south_initial(given[:1]) + given[1:]
    if style == "hangul_north":
        return "", north_surname + given
    if style == "dprk":
        sn = _surname_spelling(surname, ("dprk_ascii",), rng)
        parts = [p.capitalize() for p in (fold(x) for x in _given(given, "dprk", rng, True))]
        return f"{sn} {' '.join(parts)}", ""
    if style in ("mr", "mr_ascii"):
        sn = _surname_spelling(surname, ("popular",) if rng.random() < 0.3 else ("mr",), rng)
        parts = _given(given, "mr", rng, False)
        if style == "mr_ascii":
            parts = [fold(p) for p in parts]
            sn = fold(sn).capitalize()
        return f"{sn} {'-'.join(parts).capitalize()}", ""
    if style == "rr":
        sn = _surname_spelling(surname, ("popular",), rng)
        return f"{sn} {'-'.join(_given(given, 'rr', rng, False)).capitalize()}", ""
    parts = _given(given, "popular", rng, False)
    sn = _surname_spelling(surname, ("popular",), rng)
    sep = ["-", "", " "][int(rng.choice(3, p=[0.6, 0.25, 0.15]))]
    g = sep.join(p.capitalize() if sep == " " else p for p in parts)
    g = g[:1].upper() + g[1:]
    if style == "western":
        return f"{g} {sn}", ""
    # caps
    return (f"{sn.upper()}, {g}" if rng.random() < 0.5 else f"{sn.upper()} {g}"), ""


_SWAP_VOWELS = {"ㅓ": "ㅕ", "ㅕ": "ㅓ", "ㅗ": "ㅛ", "ㅛ": "ㅗ", "ㅐ": "ㅔ", "ㅔ": "ㅐ", "ㅜ": "ㅠ"}


def typo(text: str, rng: np.random.Generator) -> str:
    """One keyboard or transcription slip: swap, drop, double or replace a letter."""
    if not text:
        return text
    from docket.names._jamo import compose, is_syllable

    idx = [i for i, c in enumerate(text) if c.isalpha()]
    if len(idx) < 3:
        return text
    if is_syllable(text[idx[-1]]):
        i = idx[int(rng.integers(1, len(idx)))]
        ini, vow, fin = decompose(text[i])
        vow = _SWAP_VOWELS.get(vow, "ㅡ" if vow != "ㅡ" else "ㅜ")
        return text[:i] + compose(ini, vow, fin) + text[i + 1 :]
    i = idx[int(rng.integers(1, len(idx)))]
    kind = int(rng.integers(4))
    if kind == 0 and i + 1 < len(text) and text[i + 1].isalpha():
        return text[:i] + text[i + 1] + text[i] + text[i + 2 :]
    if kind == 1:
        return text[:i] + text[i + 1 :]
    if kind == 2:
        return text[:i] + text[i] + text[i:]
    letter = "aeiouyngkhs"[int(rng.integers(11))]
    return text[:i] + letter + text[i + 1 :]
