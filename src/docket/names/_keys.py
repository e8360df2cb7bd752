"""Keys for blocking and comparison, the same whichever script or romanization a name uses.

- surname_key: the South-form Hangul surname ("Ri", "Lee", "리", "이" -> "이").
- canonical_hangul_key: South-form Hangul of the whole name with the initial-sound rule applied
  to the surname and first given syllable; None for a romanized name whose Hangul is not
  determined (we do not guess).
- phonetic_key: surname_key + coarse sound classes of the given syllables; what every
  romanization and both Hangul spellings of a name share ("Ri Yong Chol" = "Lee Young-chul" =
  "이영철" = "리영철" = "Young Chul Lee").
"""

from __future__ import annotations

from functools import lru_cache

from docket.names._jamo import has_hangul, is_syllable, south_initial
from docket.names._parse import ORDER_AMBIGUOUS, ParsedName, parse_name
from docket.names._table import fold, form_code, hangul_code, reverse_table, segmentations


def _parsed(name: str | ParsedName | None) -> ParsedName:
    return name if isinstance(name, ParsedName) else parse_name(name)


def surname_key(name: str | ParsedName | None) -> str | None:
    p = _parsed(name)
    if p.surname is None:
        return None
    if p.surname_hangul:
        return p.surname_hangul[0]
    # Unknown romanized surname: its own sound code, marked so it never equals a Hangul key.
    return "?" + p.surname


def given_codes(name: str | ParsedName | None) -> tuple[str, ...]:
    """Coarse sound code of each given syllable; initial-sound rule on the first one.

    Sound changes at syllable joins that McCune–Reischauer writes (옥남 Ongnam, 철남 Ch'ŏllam,
    동렬 Tongnyŏl) are neutralised, so a written assimilation does not change the key.
    """
    return _given_codes(_parsed(name).given)


@lru_cache(maxsize=100_000)
def _given_codes(given: tuple[str, ...]) -> tuple[str, ...]:
    codes = _assimilate([list(_code(s, i == 0)) for i, s in enumerate(given)])
    return tuple("".join(c) for c in codes)


@lru_cache(maxsize=100_000)
def _code(syllable: str, first: bool) -> tuple[str, str, str]:
    if is_syllable(syllable):
        return hangul_code(syllable, initial_rule=first)
    return form_code(syllable, first)


@lru_cache(maxsize=100_000)
def _joined_codes(given: tuple[str, ...]) -> str:
    return "-".join(_given_codes(given))


def phonetic_key(name: str | ParsedName | None) -> str | None:
    p = _parsed(name)
    sk = surname_key(p)
    if sk is None:
        return None
    return sk + ":" + _joined_codes(p.given)


def canonical_hangul_key(name: str | ParsedName | None) -> str | None:
    p = _parsed(name)
    if p.surname is None or not p.surname_hangul:
        return None
    if p.script == "latin" and len(p.surname_hangul) > 1:
        return None
    given = _hangul_given(p.given)
    return None if given is None else p.surname_hangul[0] + given


@lru_cache(maxsize=100_000)
def _hangul_given(given_syllables: tuple[str, ...]) -> str | None:
    """The given name in Hangul when every syllable is determined, else None."""
    given: list[str] = []
    for i, syl in enumerate(given_syllables):
        if is_syllable(syl):
            given.append(south_initial(syl) if i == 0 else syl)
            continue
        cands = reverse_table().get(syl, frozenset())
        if i == 0:
            cands = frozenset(south_initial(c) for c in cands)
        if len(cands) != 1:
            return None
        given.append(next(iter(cands)))
    return "".join(given)


def word_key(text: str | None) -> str | None:
    """Romanization-independent sound key for any Korean word (a place, a camp name).

    "Hamhung", "Hamheung" and "함흥" share one key; the initial-sound rule applies to the
    first syllable. Words that are not Korean syllables keep their folded letters.
    """
    if not text or not text.strip():
        return None
    if has_hangul(text):
        sylls = [c for c in text if is_syllable(c)]
        codes = [hangul_code(c, initial_rule=i == 0) for i, c in enumerate(sylls)]
    else:
        letters = "".join(c for c in fold(text) if c.isalpha())
        segs = segmentations(letters) if letters else ()
        if not segs:
            return "?" + letters if letters else None
        codes = [form_code(s, i == 0) for i, s in enumerate(segs[0])]
    return "-".join("".join(c) for c in _assimilate([list(c) for c in codes]))


def _assimilate(codes: list[list[str]]) -> list[list[str]]:
    for prev, nxt in zip(codes, codes[1:], strict=False):
        if nxt[0] == "L":
            nxt[0] = "N"
        if nxt[0] in ("N", "M"):
            prev[2] = {"K": "G", "P": "M", "T": "N"}.get(prev[2], prev[2])
        if nxt[0] == "N" and prev[2] == "N":
            prev[2] = "L"  # ㄴ+ㄹ and ㄹ+ㄴ are both written "ll" (Ch'ŏllam)
    return codes


def phonetic_keys(name: str | ParsedName | None) -> tuple[str, ...]:
    """The phonetic key of every plausible reading, the preferred one first.

    A flagged guess has alternatives: the other surname a spelling may stand for ("Song" is 송
    or 성), or the other end of the name as surname ("Cho Lee"). Linkage compares these so a
    wrong guess costs a little weight, not the match.
    """
    p = _parsed(name)
    sk = surname_key(p)
    if sk is None:
        return ()
    given = _joined_codes(p.given)
    keys = [sk + ":" + given]
    for alt in p.surname_hangul[1:4]:
        keys.append(alt + ":" + given)
    if ORDER_AMBIGUOUS in p.flags and p.script == "latin":
        tokens = [t for t in p.original.replace(",", " ").split() if t]
        if len(tokens) >= 2:
            other = tokens[-1] if p.order == "surname_first" else tokens[0]
            rest = tokens[:-1] if p.order == "surname_first" else tokens[1:]
            alt_p = parse_name(f"{other}, {' '.join(rest)}")
            for k in (
                phonetic_key(alt_p),
                *(s + ":" + "-".join(given_codes(alt_p)) for s in alt_p.surname_hangul[1:]),
            ):
                if k and k not in keys:
                    keys.append(k)
    return tuple(dict.fromkeys(keys))
