"""Romanized Korean personal names, which English models often miss or cut: "Pak Sun Hui",
"Kim Yong-chol", "Ri Chun-hee". A surname from the vocabulary's spellings, then one hyphenated
given name or two capitalised syllables that each look like a romanized Korean syllable."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from docket.vocab import surname_spellings

# One romanized Korean syllable (McCune-Reischauer, Revised, DPRK and common ad-hoc spellings).
_SYLLABLE = re.compile(
    r"(?:kk|tt|pp|ss|jj|ch|ts|sh|th|kh|ph|[kgndtrlmbpsjhcyw])?(?:[wy])?"
    r"(?:ae|eo|eu|oe|ui|ou|oo|ee|ai|ya|yo|yu|ye|wa|wo|wi|we|[aeiouŏŭ])(?:[eoiu])?"
    r"(?:ng|n|m|l|k|p|t|r|g|b)?",
    re.I,
)
_STOP = {
    "said",
    "says",
    "told",
    "and",
    "the",
    "in",
    "on",
    "at",
    "for",
    "to",
    "was",
    "is",
    "a",
    "an",
    "he",
    "she",
    "it",
    "we",
    "as",
    "or",
    "of",
    "by",
    "no",
    "so",
    "if",
    "up",
    "go",
    "do",
    "been",
    "be",
    "are",
    "his",
    "her",
    "him",
    "has",
    "had",
    "but",
    "not",
    "one",
    "who",
    "ago",
    "camp",
    "jail",
    "prison",
    "i",
    "yes",
    "man",
    "men",
    "nor",
    "mine",
    "mines",
    "home",
    "hong",
    "gang",
    "bang",
    "long",
    "young",
    "john",
    "ban",
}
_GIVEN_OK = {"sun", "young", "hong", "jong", "yong", "son"}
# English calendar words split into romanized syllables ("ap-ril") but name no one: "In April"
_CALENDAR = frozenset(
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)
# a sentence that opens with "In" + a capitalised word: the preposition ("In Hyesan, ..."),
# not the surname 인, unless a hyphenated given name follows ("In Chol-ho")
_OPENING_IN = re.compile(r"(?:^|[.!?\n][\"'”’)]*\s+)$")


def is_syllable(token: str) -> bool:
    return bool(_SYLLABLE.fullmatch(token)) and len(token) <= 6


def _is_given_token(tok: str) -> bool:
    """'Sun', 'Yong-chol', 'Chol-hwan', 'Hui'; not English words like 'Said' or 'River'."""
    parts = tok.split("-")
    if len(parts) > 2 or not tok[0].isupper():
        return False
    if len(parts) == 2 and not parts[1].islower() and not parts[1].istitle():
        return False
    if len(parts) == 1 and not is_syllable(tok):
        return _looks_given(tok)
    return all(is_syllable(p) for p in parts) and (
        tok.lower() in _GIVEN_OK or tok.lower() not in _STOP
    )


@cache
def surnames() -> frozenset[str]:
    """Capitalised surname spellings of at most two syllables ('Kim', 'Pak', 'Ri', 'Choe')."""
    out = set()
    for s in surname_spellings():
        sp = s.spelling.strip()
        if sp and sp[0].isupper() and sp.isalpha() and len(sp) <= 7:
            out.add(sp)
    return frozenset(out)


_CANDIDATE = re.compile(
    r"(?<![\w-])(?P<sur>[A-Z][a-z]{0,6})(?P<rest>(?:\s[A-Z][a-zŏŭ]{0,6}(?:-[A-Za-zŏŭ][a-zŏŭ]{0,6})?){1,2})(?![\w-])"
)


def _candidates(text: str) -> Iterator[re.Match[str]]:
    """Candidate matches, retried from the next word when the first capitalised word is no
    surname, so a capitalised word before a name ("For Choe Eun-ha", "Witness Kim Ok-ja")
    does not hide it."""
    pos = 0
    while (m := _CANDIDATE.search(text, pos)) is not None:
        yield m
        pos = m.end() if m.group("sur") in surnames() else m.start("rest") + 1


def find_korean_names(text: str) -> list[tuple[int, int]]:
    """Spans of romanized Korean full names (surname first)."""
    sur = surnames()
    out: list[tuple[int, int]] = []
    for m in _candidates(text):
        if m.group("sur") not in sur:
            continue
        tokens = m.group("rest").split()
        if tokens[0].lower() in _CALENDAR:
            continue
        if (
            m.group("sur") == "In"
            and "-" not in tokens[0]
            and _OPENING_IN.search(text, max(0, m.start() - 4), m.start())
        ):
            continue
        # Two given tokens: both syllables ("Sun Hui"). One: hyphenated ("Yong-chol") or a
        # single syllable, accepted only as a two-token name if the first looks Korean.
        keep: list[str] = []
        for tok in tokens:
            if not _is_given_token(tok) or (keep and "-" in keep[-1]) or (keep and "-" in tok):
                break
            keep.append(tok)
        if not keep:
            continue
        if len(keep) == 1 and "-" not in keep[0] and not _looks_given(keep[0]):
            continue
        end = m.start("rest")
        for tok in keep:
            end = text.index(tok, end) + len(tok)
        out.append((m.start(), end))
    return out


def _looks_given(tok: str) -> bool:
    """A one-token given name written without hyphen: 'Jong-un' style or a known syllable pair
    ('Yongchol'), or a common single given syllable; English capitalised words mostly fail."""
    low = tok.lower()
    for i in range(2, len(low) - 1):
        if is_syllable(low[:i]) and is_syllable(low[i:]) and low not in _STOP:
            return len(low) >= 5
    return False
