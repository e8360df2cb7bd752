"""Parse a personal name in any order and romanization into surname and given syllables.

Decisions that rest on a heuristic are recorded in `flags`, never taken silently.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from docket.names import _surnames as sn
from docket.names._jamo import has_hangul, is_hangul_text, is_syllable
from docket.names._table import fold, segmentations

# Flags a ParsedName may carry.
EMPTY = "empty"
MIXED_SCRIPT = "mixed_script"
UNKNOWN_SURNAME = "unknown_surname"
SURNAME_AMBIGUOUS = "surname_ambiguous"
ORDER_AMBIGUOUS = "order_ambiguous"
SEGMENTATION_AMBIGUOUS = "segmentation_ambiguous"
UNPARSED = "unparsed_syllable"
NO_SEPARATOR = "no_separator"
NO_GIVEN = "no_given_name"
SURNAME_CORRECTED = "surname_corrected"


@dataclass(frozen=True)
class ParsedName:
    """A name split into surname and given-name syllables, as written (folded, not translated).

    `surname_hangul` holds the South-form Hangul surnames the surname may be, most common first.
    `given` holds Latin syllables (lowercase ASCII) or Hangul syllables, in order.
    """

    original: str
    script: str  # "hangul", "latin" or "none"
    surname: str | None
    given: tuple[str, ...]
    surname_hangul: tuple[str, ...] = ()
    order: str = "unknown"  # surname_first | surname_last | comma | unknown
    flags: frozenset[str] = field(default_factory=frozenset)

    @property
    def ok(self) -> bool:
        """True when nothing had to be guessed or left unparsed."""
        return not self.flags


_SPLIT = re.compile(r"[\s\u00b7.]+")


def parse_name(text: str | None) -> ParsedName:
    """Parse a name written in Hangul or in any romanization, either order."""
    return _parse_cached(text or "")


@lru_cache(maxsize=200_000)
def _parse_cached(text: str) -> ParsedName:
    raw = text.strip()
    if not raw:
        return ParsedName(text, "none", None, (), flags=frozenset({EMPTY}))
    if has_hangul(raw):
        if not is_hangul_text(raw):
            return _parse_hangul(
                text, "".join(c for c in raw if is_syllable(c) or c == " "), {MIXED_SCRIPT}
            )
        return _parse_hangul(text, raw, set())
    return _parse_latin(text, raw)


def _parse_hangul(original: str, raw: str, flags: set[str]) -> ParsedName:
    parts = [p for p in raw.split() if p]
    if len(parts) > 1:
        surname, given = parts[0], "".join(parts[1:])
    else:
        word = parts[0]
        two = word[:2]
        if len(word) >= 3 and two in sn.by_hangul():
            surname, given = two, word[2:]
        else:
            surname, given = word[:1], word[1:]
    south = sn.south_surname(surname)
    if surname not in sn.by_hangul():
        flags.add(UNKNOWN_SURNAME)
    if not given:
        flags.add(NO_GIVEN)
    return ParsedName(
        original, "hangul", surname, tuple(given), (south,), "surname_first", frozenset(flags)
    )


@lru_cache(maxsize=50_000)
def _known(token: str) -> tuple[str, ...]:
    return sn.by_spelling().get(fold(token).replace("-", ""), ())


@lru_cache(maxsize=20_000)
def _near_surname(token: str) -> tuple[str, ...]:
    """A known surname one edit away ("Kangg", "Jan"), most common first; () if none or tied
    between several surnames of similar frequency."""
    from rapidfuzz.distance import Levenshtein

    word = _letters(token)
    if len(word) < 3:
        return ()
    hits: set[str] = set()
    for spelling, hanguls in sn.by_spelling().items():
        if len(spelling) >= 3 and Levenshtein.distance(word, spelling, score_cutoff=1) <= 1:
            hits.update(hanguls)
    return tuple(sorted(hits, key=lambda h: (sn.rank(h), h)))


def _syllables(chunk: str, flags: set[str]) -> tuple[str, ...]:
    """Given-name syllables of a chunk; the flags it raises are added to `flags`."""
    out, raised = _syllables_cached(chunk)
    flags |= raised
    return out


@lru_cache(maxsize=100_000)
def _syllables_cached(chunk: str) -> tuple[tuple[str, ...], frozenset[str]]:
    # Lists repeat given names far more than whole names: cut each distinct chunk once.
    flags: set[str] = set()
    out: list[str] = []
    for piece in re.split(r"[-\s]+", fold(chunk)):
        letters = re.sub(r"[^a-z]", "", piece)
        if not letters:
            continue
        segs = segmentations(letters)
        if not segs:
            flags.add(UNPARSED)
            out.append(letters)
            continue
        if len(segs) > 1:
            flags.add(SEGMENTATION_AMBIGUOUS)
        out.extend(segs[0])
    return tuple(out), frozenset(flags)


def _parse_latin(original: str, raw: str) -> ParsedName:
    flags: set[str] = set()
    order = "unknown"
    if "," in raw:
        head, _, tail = raw.partition(",")
        surname_tok, given_text, order = head.strip(), tail.strip(), "comma"
    else:
        tokens = [t for t in _SPLIT.split(raw) if t]
        if len(tokens) == 1:
            return _parse_single(original, tokens[0])
        surname_tok, given_text, order = _choose_surname(tokens, flags)
    given = _syllables(given_text, flags)
    cands = _known(surname_tok)
    if not cands and UNPARSED not in flags:
        # a slip in the surname of an otherwise Korean name: the nearest known surnames
        cands = _near_surname(surname_tok)
        if cands:
            flags.add(SURNAME_CORRECTED)
    if not cands:
        flags.add(UNKNOWN_SURNAME)
    elif len(cands) > 1:
        flags.add(SURNAME_AMBIGUOUS)
    if not given:
        flags.add(NO_GIVEN)
    surname = _letters(surname_tok)
    return ParsedName(original, "latin", surname, given, cands, order, frozenset(flags))


@lru_cache(maxsize=50_000)
def _letters(token: str) -> str:
    return re.sub(r"[^a-z]", "", fold(token))


@lru_cache(maxsize=50_000)
def _is_caps(tok: str) -> bool:
    letters = [c for c in tok if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _choose_surname(tokens: list[str], flags: set[str]) -> tuple[str, str, str]:
    first, last = tokens[0], tokens[-1]
    first_rest, last_rest = " ".join(tokens[1:]), " ".join(tokens[:-1])
    caps = [_is_caps(t) for t in tokens]
    # A family name in capitals among mixed-case given names ("KIM Yong-chol", "Yong-chol KIM").
    if caps[0] and not any(caps[1:]):
        return first, first_rest, "surname_first"
    if caps[-1] and not any(caps[:-1]):
        return last, last_rest, "surname_last"
    # Hyphenated given name: the family name is the token without a hyphen at the other end.
    if "-" in last and "-" not in first:
        return first, first_rest, "surname_first"
    if "-" in first and "-" not in last:
        return last, last_rest, "surname_last"
    kf, kl = _known(first), _known(last)
    if kf and not kl:
        return first, first_rest, "surname_first"
    if kl and not kf:
        return last, last_rest, "surname_last"
    if not kf and not kl:
        flags.add(ORDER_AMBIGUOUS)
        return first, first_rest, "surname_first"
    # Both ends could be surnames ("Kim Song", "Yong Chol Ri"): a two-syllable surname
    # ("Namgung") beats a one-syllable one, else the more common one; flagged either way.
    flags.add(ORDER_AMBIGUOUS)
    if len(kf[0]) != len(kl[0]):
        return (
            (first, first_rest, "surname_first")
            if len(kf[0]) > len(kl[0])
            else (last, last_rest, "surname_last")
        )
    # Korean order is the norm; Western order only when the last token is a far more common
    # surname than the first ("Yong Chol Ri": 리 rank 2 against 용).
    if sn.rank(kl[0]) * 5 < sn.rank(kf[0]):
        return last, last_rest, "surname_last"
    return first, first_rest, "surname_first"


def _parse_single(original: str, token: str) -> ParsedName:
    flags: set[str] = set()
    letters = _letters(token)
    if "-" in token:
        # "Ri-Yongchol" is rare; treat the hyphen as a syllable break in one run.
        flags.add(ORDER_AMBIGUOUS)
    cands = _known(letters)
    if cands:
        return ParsedName(original, "latin", letters, (), cands, "unknown", frozenset({NO_GIVEN}))
    flags.add(NO_SEPARATOR)
    best: tuple[str, tuple[str, ...], tuple[str, ...]] | None = None
    for cut in range(1, len(letters)):
        head, tail = letters[:cut], letters[cut:]
        hc = _known(head)
        if not hc:
            continue
        segs = segmentations(tail)
        if segs and (best is None or sn.rank(hc[0]) < sn.rank(best[2][0])):
            best = (head, segs[0], hc)
    if best is None:
        flags |= {UNKNOWN_SURNAME, UNPARSED}
        return ParsedName(original, "latin", None, (letters,), (), "unknown", frozenset(flags))
    if len(segmentations("".join(best[1]))) > 1:
        flags.add(SEGMENTATION_AMBIGUOUS)
    return ParsedName(
        original, "latin", best[0], best[1], best[2], "surname_first", frozenset(flags)
    )
