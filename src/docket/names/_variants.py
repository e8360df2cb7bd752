"""Hangul candidates for a romanized name, and every spelling docket knows for a name.

name_variants feeds redaction: a protected name must be masked in free text however a source
spelled it, so it errs on the side of more spellings (compare case-insensitively).
"""

from __future__ import annotations

import itertools

from docket.names import _surnames as sn
from docket.names._jamo import decompose, is_syllable, north_initial_forms, south_initial
from docket.names._keys import canonical_hangul_key
from docket.names._parse import ParsedName, parse_name
from docket.names._systems import syllable_forms
from docket.names._table import candidate_rank, fold, reverse_table

_PER_SYLLABLE = 4


def _syllable_candidates(syl: str, first: bool) -> list[str]:
    if is_syllable(syl):
        return [south_initial(syl) if first else syl]
    cands = set(reverse_table().get(syl, ()))
    if first:
        cands = {south_initial(c) for c in cands}
    return sorted(cands, key=candidate_rank)


def hangul_candidates(name: str | ParsedName, limit: int = 20) -> list[str]:
    """South-form Hangul spellings a name may stand for, most likely first (common syllables).

    Empty when the surname or a syllable cannot be read as Korean.
    """
    p = name if isinstance(name, ParsedName) else parse_name(name)
    if p.surname is None or not p.surname_hangul:
        return []
    per = [_syllable_candidates(s, i == 0) for i, s in enumerate(p.given)]
    if any(not c for c in per):
        return []
    out: list[str] = []
    pools = [list(p.surname_hangul), *per]
    combos = itertools.product(*pools)
    scored = sorted(
        ("".join(c), sum(candidate_rank(x)[0] for x in c[1:]), i)
        for i, c in enumerate(itertools.islice(combos, 5000))
    )
    scored.sort(key=lambda t: (t[1], t[2]))
    for text, _score, _i in scored:
        if text not in out:
            out.append(text)
        if len(out) >= limit:
            break
    return out


def _romanized_given(hangul_given: str) -> set[tuple[str, ...]]:
    """Given-name syllable spellings per system, one tuple per system/variant."""
    out: set[tuple[str, ...]] = set()
    parts = [decompose(c) for c in hangul_given]
    for system in ("rr", "mr", "dprk"):
        forms = [syllable_forms(*jm, system=system, medial=i > 0)[0] for i, jm in enumerate(parts)]
        out.add(tuple(forms))
        out.add(tuple(fold(f) for f in forms))
        if system == "dprk":
            # the North keeps initial ㄹ: 룡 -> Ryong
            out.add(tuple(fold(f) for f in forms))
    popular = [syllable_forms(*jm, system="popular")[:3] for jm in parts]
    out |= {tuple(c) for c in itertools.product(*popular)}
    return out


def _join_given(sylls: tuple[str, ...]) -> set[str]:
    if not sylls:
        return {""}
    cap = [s[:1].upper() + s[1:] for s in sylls]
    return {
        "-".join(cap).capitalize() if "-" not in cap[0] else "-".join(cap),
        " ".join(cap),
        "".join(sylls).capitalize(),
    }


def _surname_spellings(hangul: str) -> set[str]:
    out = {hangul}
    for h, s in sn.surnames().items():
        if h == hangul or sn.south_surname(h) == hangul:
            out |= {h, s.hangul_dprk}
            out |= {spelling for spelling, _kind in s.spellings}
    return out


def name_variants(name: str | ParsedName) -> set[str]:
    """All spellings docket knows for a name: Hangul South and North, every romanization,
    surname first or last, "SURNAME, Given", with hyphen, space or nothing between syllables.

    For a romanized name whose Hangul is uncertain, the variants of its few most likely
    Hangul readings are included. The name as written is always included.
    """
    p = name if isinstance(name, ParsedName) else parse_name(name)
    out = {p.original.strip()} if p.original.strip() else set()
    if p.surname is None or not p.surname_hangul:
        return out
    exact = canonical_hangul_key(p)
    bases = [exact] if exact else hangul_candidates(p, limit=_PER_SYLLABLE)
    for base in bases:
        surname = p.surname_hangul[0] if base.startswith(p.surname_hangul[0]) else base[:1]
        given = base[len(surname) :]
        hangul_given = {given}
        if given:
            hangul_given |= {g + given[1:] for g in north_initial_forms(given[0])}
        for g in hangul_given:
            for s in _surname_spellings(surname):
                if is_syllable(s[0]):
                    out |= {s + g, f"{s} {g}"}
        latin_surnames = {s for s in _surname_spellings(surname) if not is_syllable(s[0])}
        for sylls in _romanized_given(given) | {tuple(p.given)} if given else {()}:
            if sylls and is_syllable(sylls[0][:1] or "a"):
                continue
            for g in _join_given(sylls):
                for s in latin_surnames:
                    if not g:
                        out.add(s)
                        continue
                    out |= {f"{s} {g}", f"{g} {s}", f"{s.upper()}, {g}"}
    return out
