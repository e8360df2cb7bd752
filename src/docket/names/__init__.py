"""Korean personal names: parse any order and romanization, Hangul candidates, matching keys.

>>> phonetic_key("Ri Yong Chol") == phonetic_key("Lee Young-chul") == phonetic_key("이영철")
True
"""

from docket.names._keys import (
    canonical_hangul_key,
    given_codes,
    phonetic_key,
    phonetic_keys,
    surname_key,
    word_key,
)
from docket.names._parse import ParsedName, parse_name
from docket.names._variants import hangul_candidates, name_variants

__all__ = [
    "ParsedName",
    "canonical_hangul_key",
    "given_codes",
    "hangul_candidates",
    "name_variants",
    "parse_name",
    "phonetic_key",
    "phonetic_keys",
    "surname_key",
    "word_key",
]
