"""Resolve a facility as a list or form writes it ("Yodok", "Kwanliso 15", "요덕") to its id."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

from docket.vocab.loaders import facilities

_NUMBERED = re.compile(
    r"^(?:camp|kwan-?li-?so|kwalliso|kwanliso|political prison camp|no\.?|제)\s*(?:no\.?\s*)?"
    r"(\d+)(?:\s*호)?$"
)


def normalise_place(words: str) -> str:
    """Lower case, Latin diacritics and apostrophes removed, spaces collapsed; Hangul kept."""
    decomposed = unicodedata.normalize("NFKD", words)
    kept = "".join(c for c in decomposed if not unicodedata.combining(c) and c not in "'’‘`ʼ")
    folded = unicodedata.normalize("NFC", kept).lower()
    return re.sub(r"[\s\-_,.()]+", " ", folded).strip()


@cache
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    ambiguous: set[str] = set()
    for facility in facilities():
        keys = {normalise_place(n) for n in facility.all_names}
        keys |= {normalise_place(n).replace(" ", "") for n in facility.all_names}
        hangul_head = facility.hangul.split(" ")[0] if facility.hangul else ""
        if hangul_head:
            keys.add(hangul_head)
        for key in keys:
            if key in index and index[key] != facility.id:
                ambiguous.add(key)
            index[key] = facility.id
    for key in ambiguous:
        index.pop(key, None)
    return index


@cache
def _numbered_kwanliso() -> dict[str, str]:
    return {f.number: f.id for f in facilities() if f.type == "kwanliso" and f.number}


def facility_id_for(words: str | None) -> str | None:
    """The gazetteer id for a facility name, or None when unknown or ambiguous."""
    if not words or not words.strip():
        return None
    key = normalise_place(words)
    index = _alias_index()
    if key in index:
        return index[key]
    if key.replace(" ", "") in index:
        return index[key.replace(" ", "")]
    match = _NUMBERED.match(key)
    if match:
        return _numbered_kwanliso().get(match.group(1))
    return None
