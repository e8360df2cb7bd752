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
from bisect import bisect_right
from collections.abc import Iterable

_SPLIT = re.compile(r"[\s,\-\u2010-\u2015]+")
_HANGUL = re.compile(r"[\uac00-\ud7a3]+")


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
        for low in _fold_char(ch):
            chars.append(low)
            index.append(i)
    return "".join(chars), index


_CHUNK = re.compile(r"[^\s,\-\u2010-\u2015]+")  # a run of text between gaps
_WORD = re.compile(r"\w")
_GAP = r"[\s,\-\u2010-\u2015]*"
_PREFIX = 4  # characters of a key that locate candidates, before any lookup


def _fold_char(ch: str) -> str:
    """One character as `fold` writes it (possibly none, or several)."""
    if ch < "\x80" or "\uac00" <= ch <= "\ud7a3":  # ASCII, Hangul syllables: no accents
        return ch.lower()
    return "".join(p for p in unicodedata.normalize("NFKD", ch)
                   if not unicodedata.combining(p)).casefold()  # fmt: skip


def _fold_fast(text: str) -> tuple[str, bool]:
    """`fold`'s text without its loop per character: ASCII lower-cased at C speed (bytes.lower
    touches only A-Z), other characters folded once per distinct character and substituted
    where they occur. True when some character folds to other than one character, so that
    offsets need `fold`'s index."""
    if text.isascii():
        return text.lower(), False
    lowered = text.encode().lower().decode()
    changes = {ch: f for ch in set(text) if ch >= "\x80" and (f := _fold_char(ch)) != ch}
    if not changes:
        return lowered, False
    shifted = any(len(f) != 1 for f in changes.values())
    chars = re.compile("[" + "".join(map(re.escape, changes)) + "]")
    return chars.sub(lambda m: changes[m.group()], lowered), shifted


def _name_keys(name: str, folded: dict[str, str]) -> set[str]:
    """The keys of every spelling in `name_variants(name)`, computed from the folded tokens of
    each written form and their surname-first / surname-last orders, without writing out each
    spelling and splitting it again."""
    keys: set[str] = set()
    for written in {name, *_names_module_variants(name)}:
        tokens = []
        for token in _SPLIT.split(written.strip()):
            if token:
                if (f := folded.get(token)) is None:
                    f = folded[token] = fold(token)[0]
                tokens.append(f)
        if tokens:
            keys.add("".join(tokens))
            keys.add("".join(tokens[1:] + tokens[:1]))
            keys.add("".join(tokens[-1:] + tokens[:-1]))
    keys.discard("")
    return keys


class NameMatcher:
    """Finds any spelling of any of the given names; each match says which name it was.

    Each spelling is reduced to its key (folded, every gap removed: 'Ri Yong-chol', 'RI
    YONGCHOL' and 'ri, yong chol' share one); the text is cut into runs between gaps
    and every run of text that starts and ends at a word boundary is looked up by its key. With
    romanisation variants a case has hundreds of thousands of spellings (tens of thousands of
    keys): a set is built in a fraction of the time the equivalent regular expression took to
    compile, and gaps are accepted between any two runs, so it matches at least every place the
    expression did (masking may only err towards masking more). Latin spellings match whole
    words; spellings with Hangul also inside words (particles attached: 이영철씨, 이영철은).

    `memo` (name -> its keys), when given, is shared between matchers built from overlapping
    name lists, so a rebuild after one new name costs one name's variants.
    """

    def __init__(
        self, names: Iterable[tuple[str, str]], memo: dict[str, tuple[str, ...]] | None = None
    ) -> None:
        """`names`: (name, label) pairs; the label comes back with each match. The first name
        given keeps a spelling two names share."""
        memo = {} if memo is None else memo
        self.names: set[str] = set()  # the names given (to prune a shared memo)
        folded: dict[str, str] = {}  # token -> folded: tokens recur across thousands of spellings
        labels: dict[str, str] = {}
        for name, label in names:
            self.names.add(name)
            keys = memo.get(name)
            if keys is None:
                keys = memo[name] = tuple(_name_keys(name, folded))
            for key in keys:
                labels.setdefault(key, label)
        self._labels = labels
        self._latin = {k for k in labels if not _HANGUL.search(k)}
        self._hangul = labels.keys() - self._latin
        self._longest = max(map(len, self._latin), default=0)
        # where a Latin key may start: after a non-word character, its first characters with
        # gaps anywhere between them (a superset: the lookup decides)
        prefixes = _trie_regex(list(k[:_PREFIX]) for k in self._latin)
        self._starts = re.compile(rf"(?<!\w)(?={prefixes})") if self._latin else None
        first = "".join(sorted({re.escape(k[0]) for k in self._hangul}))
        self._hangul_starts = re.compile(f"[{first}]") if self._hangul else None
        self._hangul_lengths = sorted({len(k) for k in self._hangul}, reverse=True)

    def spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, label) of every match, in the original text's offsets, by start; a
        match may overlap the one before it (`replace` masks their union)."""
        if not self._labels or not text:
            return []
        folded, shifted = _fold_fast(text)
        found = self._latin_spans(folded) if self._starts else []
        if self._hangul_starts and _HANGUL.search(folded):
            found += self._hangul_spans(folded)
        found.sort(key=lambda s: (s[0], -s[1]))
        if not shifted or not found:
            return found
        index = fold(text)[1]
        assert index is not None
        return [(index[a], index[b - 1] + 1, label) for a, b, label in found]

    def _latin_spans(self, folded: str) -> list[tuple[int, int, str]]:
        """Whole-word matches: start after a non-word character (or a gap), end before one."""
        assert self._starts is not None
        out = []
        for candidate in self._starts.finditer(folded):
            if match := self._longest_from(folded, candidate.start()):
                out.append(match)
        return out

    def _longest_from(self, folded: str, s: int) -> tuple[int, int, str] | None:
        """The longest Latin key whose text starts at `s` and ends before a non-word
        character, with gaps only between runs."""
        candidates: list[tuple[str, int]] = []
        joined = ""
        for run in _CHUNK.finditer(folded, s):
            a, b = run.span()
            piece = run.group()
            ends = [b] if piece.isalnum() else _word_ends(folded, a, b)
            candidates += [(joined + folded[a:e], e) for e in ends]
            joined += piece
            if len(joined) >= self._longest:
                break
        for key, end in reversed(candidates):
            if key in self._latin:
                return s, end, self._labels[key]
        return None

    def _hangul_spans(self, folded: str) -> list[tuple[int, int, str]]:
        """Spellings with Hangul match anywhere in the gap-free text (particles attach)."""
        chunks = [run.span() for run in _CHUNK.finditer(folded)]
        stream = "".join(folded[a:b] for a, b in chunks)
        offsets, at = [], 0  # stream offset of each chunk
        for a, b in chunks:
            offsets.append(at)
            at += b - a

        def position(k: int) -> int:  # stream offset -> folded offset
            c = bisect_right(offsets, k) - 1
            return chunks[c][0] + (k - offsets[c])

        assert self._hangul_starts is not None
        out = []
        for candidate in self._hangul_starts.finditer(stream):
            k = candidate.start()
            for n in self._hangul_lengths:
                key = stream[k : k + n]
                if key in self._hangul:
                    out.append((position(k), position(k + n - 1) + 1, self._labels[key]))
                    break
        return out

    def replace(self, text: str) -> str:
        """Each match replaced by its label; overlapping matches are masked as one."""
        pieces, cursor = [], 0
        for start, end, label in self.spans(text):
            if start < cursor:
                cursor = max(cursor, end)
                continue
            pieces += [text[cursor:start], label]
            cursor = end
        pieces.append(text[cursor:])
        return "".join(pieces)


def _trie_regex(sequences: Iterable[list[str]]) -> str:
    """One regex for many character sequences, shaped as their trie (shared prefixes are
    followed once), with gaps allowed between any two characters."""
    trie: dict = {}
    for seq in sequences:
        node = trie
        for sym in seq:
            node = node.setdefault(sym, {})
        node[""] = {}

    def emit(node: dict, top: bool) -> str:
        alts = [("" if top else _GAP) + re.escape(sym) + emit(node[sym], False)
                for sym in sorted(k for k in node if k)]  # fmt: skip
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie, True)


def _word_ends(folded: str, a: int, b: int) -> list[int]:
    """Positions in folded(a, b] not followed by a word character (the chunk's end always
    qualifies: a gap or the end of the text follows it)."""
    return [k for k in range(a + 1, b) if not _WORD.match(folded[k])] + [b]
