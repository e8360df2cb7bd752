"""Spellings of a protected name, and a matcher that finds any of them in free text.

The fallback knows only the spellings any name has: case, spacing and hyphens ('Ri Yong-chol',
'RI YONGCHOL'), Latin diacritics ('Kim Yŏng' / 'Kim Yong'), Hangul with or without spaces, and the
surname moved to either end. Romanisation variants (Lee / Yi / Rhee, Chol / Cheol) come from
docket.names.name_variants when that module is present: `_names_module_variants` is the one place
it is plugged in.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_SPLIT = re.compile(r"[\s,\-\u2010-\u2015]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")
_GAP = r"[\s,\-\u2010-\u2015]*"


def _names_module_variants(name: str) -> set[str]:
    """Plug-in point for docket.names (romanisation variants); empty until it is merged."""
    try:
        from docket.names import name_variants  # type: ignore[attr-defined]
    except ImportError:
        return set()
    return set(name_variants(name))


def fallback_variants(name: str) -> set[str]:
    """The name as given plus surname-first / surname-last orders."""
    tokens = [t for t in _SPLIT.split(name.strip()) if t]
    if not tokens:
        return set()
    out = {" ".join(tokens)}
    if len(tokens) > 1:
        out.add(" ".join(tokens[1:] + tokens[:1]))  # surname first -> last
        out.add(" ".join(tokens[-1:] + tokens[:-1]))  # surname last -> first
    return out


def name_variants(name: str) -> set[str]:
    """Every spelling docket knows for `name` (each also in both surname orders)."""
    out = fallback_variants(name)
    for extra in _names_module_variants(name):
        out |= fallback_variants(extra)
    return out


def fold(text: str) -> tuple[str, list[int] | None]:
    """Lower-cased, Latin diacritics stripped, with each folded character's index in the
    original (None: the identity, for ASCII text)."""
    if text.isascii():
        return text.lower(), None
    chars: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        if ch < "\x80" or "\uac00" <= ch <= "\ud7a3":  # ASCII, Hangul syllables: no accents
            pieces = ch.lower()
        else:
            pieces = "".join(p for p in unicodedata.normalize("NFKD", ch)
                             if not unicodedata.combining(p)).casefold()  # fmt: skip
        for low in pieces:
            chars.append(low)
            index.append(i)
    return "".join(chars), index


def _token_pattern(token: str) -> str:
    folded, _ = fold(token)
    if _HANGUL.fullmatch(token):
        return r"\s*".join(re.escape(c) for c in folded)
    return re.escape(folded)


def variant_pattern(variant: str) -> str:
    """Regex over folded text; Latin names whole-word only, Hangul also with particles
    or honorifics attached (이영철씨, 이영철은)."""
    tokens = [t for t in _SPLIT.split(variant) if t]
    body = _GAP.join(_token_pattern(t) for t in tokens)
    if not body or _HANGUL.search(variant):
        return body
    return rf"(?<!\w){body}(?!\w)"


_GAP_CHARS = re.compile(r"[\s,\-\u2010-\u2015]+")
_END = ""  # trie key marking the end of a variant


def _symbols(variant: str) -> list[str] | None:
    """The variant as trie symbols: folded characters, "GAP" between tokens, "HSP" between the
    syllables of a Hangul token (same language as `variant_pattern`)."""
    tokens = [t for t in _SPLIT.split(variant) if t]
    if not tokens:
        return None
    out: list[str] = []
    for i, token in enumerate(tokens):
        if i:
            out.append("GAP")
        folded, _ = fold(token)
        if _HANGUL.fullmatch(token):
            for j, ch in enumerate(folded):
                out += (["HSP"] if j else []) + [ch]
        else:
            out += list(folded)
    return out


def _trie_regex(sequences: Iterable[list[str]]) -> str:
    """One regex for many symbol sequences, shaped as their trie: the engine follows shared
    prefixes once instead of trying every alternative at every position. Longer matches are
    preferred (children before the end of a shorter variant), as longest-first ordering did."""
    trie: dict = {}
    for seq in sequences:
        node = trie
        for sym in seq:
            node = node.setdefault(sym, {})
        node[_END] = {}

    def emit(node: dict) -> str:
        alts = []
        for sym in sorted(k for k in node if k != _END):
            atom = _GAP if sym == "GAP" else r"\s*" if sym == "HSP" else re.escape(sym)
            alts.append(atom + emit(node[sym]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if _END in node else body

    return emit(trie)


class NameMatcher:
    """Finds any spelling of any of the given names; each match says which name it was.

    Built as two trie-shaped regexes (Latin spellings whole-word, Hangul ones also with
    particles attached) plus a table from each spelling's gap-free folded form to its label:
    with romanisation variants a case has hundreds of thousands of spellings, and one
    alternative per spelling made compiling and matching take minutes.
    """

    def __init__(self, names: Iterable[tuple[str, str]]) -> None:
        """`names`: (name, label) pairs; the label comes back with each match."""
        labels: dict[str, str] = {}
        latin: list[list[str]] = []
        hangul: list[list[str]] = []
        for name, label in names:
            for variant in sorted(name_variants(name)):
                symbols = _symbols(variant)
                if not symbols:
                    continue
                key = "".join(s for s in symbols if s not in ("GAP", "HSP"))
                # the first name given keeps a spelling two names share; every way of writing
                # the spelling (with or without gaps) still goes into the trie
                labels.setdefault(key, label)
                (hangul if _HANGUL.search(variant) else latin).append(symbols)
        self._labels = labels
        parts = []
        if latin:
            parts.append(rf"(?<!\w){_trie_regex(latin)}(?!\w)")
        if hangul:
            parts.append(_trie_regex(hangul))
        self._regex = re.compile("|".join(parts)) if parts else None

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, label) of every match, in the original text's offsets."""
        if self._regex is None or not text:
            return []
        folded, index = fold(text)
        out = []
        for match in self._regex.finditer(folded):
            if match.start() == match.end():
                continue
            label = self._labels.get(_GAP_CHARS.sub("", match.group()))
            if label is None:
                continue
            if index is None:
                start, end = match.span()
            else:
                start, end = index[match.start()], index[match.end() - 1] + 1
            out.append((start, end, label))
        return out

    def replace(self, text: str) -> str:
        """Each match replaced by its label."""
        pieces, cursor = [], 0
        for start, end, label in self.spans(text):
            if start < cursor:
                continue
            pieces += [text[cursor:start], label]
            cursor = end
        pieces.append(text[cursor:])
        return "".join(pieces)
