"""Gazetteer matches: facilities found by any of their names, romanizations or numbers.

Names come from `docket.vocab.facilities()`. Besides the listed names we derive the short name
("Yodok" from "Yodok political prison camp") and the Hangul place name ("요덕" from
"요덕 제15호 관리소"), and recognise numbered forms ("Camp No. 15", "kwanliso 15",
"Kyo-hwa-so No. 12", "제15호 관리소").
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from docket.extract._spans import Occupied
from docket.extract._types import PlaceMention
from docket.vocab import Facility, facilities

_TYPE_WORDS = re.compile(
    r"\s+(?:political\s+prison\s+camp|reeducation\s+labou?r\s+camp|prison\s+camp|"
    r"internment\s+camp|labou?r\s+training\s+camp|detention\s+facility|holding\s+centre|"
    r"holding\s+center|underground\s+interrogation\s+facility|repatriation-point\s+detention|"
    r"State\s+Security\s+detention\s+centre|No\.\s*\d+\s+detention\s+facility)$",
    re.I,
)
# Names shared by an agency or too generic to mean one facility.
_NOT_NAMES = {"bowibu", "rodong danryeondae", "bowibu interrogation detention centre"}
_CAMP_WORDS = (
    r"(?:\s+(?:No\.\s*\d+\s+)?(?:political\s+prison\s+camp|prison\s+camp|reeducation\s+"
    r"labou?r\s+camp|labou?r\s+camp|concentration\s+camp|internment\s+camp|camp|prison|kwanliso|"
    r"kwan-li-so|kyohwaso|kyo-hwa-so|detention\s+cent(?:re|er)|holding\s+cent(?:re|er))"
    r"|\s?(?:정치범\s?)?(?:수용소|관리소|교화소))"
    # a whole word: "former Yodok prisoners" names no "Yodok prison"
    r"(?:(?<=[a-z])s)?(?![A-Za-z])"
)
# Big towns that share a facility's short name: bare, they name the town, not the camp.
_TOWNS = {
    "chongjin",
    "hoeryong",
    "sinuiju",
    "hamhung",
    "onsong",
    "musan",
    "hyesan",
    "sunchon",
    "kaechon",
    "hoeryŏng",
    "ch'ŏngjin",
    "kyongsong",
    "kangdong",
    "회령",
    "청진",
    "개천",
    "화성",
    "북창",
}


def fold(name: str) -> str:
    """Compare names without diacritics, apostrophes, hyphens or case (Yodŏk = Yodok)."""
    decomposed = unicodedata.normalize("NFKD", name)
    ascii_ish = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    # British spelling: "labour training camp" is the listed "labor training camp"
    return re.sub(r"[\s'’`\-]+", "", ascii_ish).lower().replace("labour", "labor")


@dataclass(frozen=True)
class _Name:
    text: str
    place_id: str
    short: bool  # a bare place name that may also name a town


def _names(f: Facility) -> list[_Name]:
    out: list[_Name] = []
    for name in f.all_names:
        if name.lower() in _NOT_NAMES or re.fullmatch(
            r"(?:Camp|Kwan-li-so No\.|Kyo-hwa-so No\.)\s*\d+", name
        ):
            continue
        if re.search(r"[\uac00-\ud7a3]", name):
            out.append(_Name(name, f.id, False))
            town = name.split()[0]
            out.append(_Name(town, f.id, True))
            continue
        short = _TYPE_WORDS.sub("", name)
        out.append(_Name(name, f.id, False))
        if short != name and len(short) > 3:
            out.append(_Name(short, f.id, True))
        elif short == name:
            out.append(_Name(name, f.id, True))
    return out


@cache
def _index() -> tuple[re.Pattern[str], dict[str, list[_Name]]]:
    by_fold: dict[str, list[_Name]] = {}
    texts: set[str] = set()
    for f in facilities():
        for n in _names(f):
            key = fold(n.text)
            if all(m.place_id != n.place_id for m in by_fold.get(key, [])):
                by_fold.setdefault(key, []).append(n)
            texts.add(n.text)
            # the folded spelling without diacritics also occurs in text ("Yodok" for "Yodŏk")
            plain = "".join(
                ch for ch in unicodedata.normalize("NFKD", n.text) if not unicodedata.combining(ch)
            )
            texts.add(unicodedata.normalize("NFC", plain))
    alts = sorted(texts, key=len, reverse=True)
    body = "|".join(
        re.escape(t).replace(r"\-", r"[\-\s]?").replace("'", "['’]?").replace("abor", "abou?r")
        for t in alts
    )
    pattern = re.compile(
        rf"(?<![A-Za-z0-9\uac00-\ud7a3])(?:{body})(?![A-Za-z0-9])(?!\s+(?:County|city|province))",
        re.I,
    )
    return pattern, by_fold


@cache
def _by_number() -> dict[tuple[str, str], str]:
    return {(f.type, f.number): f.id for f in facilities() if f.number}


_NUMBERED = re.compile(
    r"(?<!\w)(?:(?P<kw>(?:political\s+prison\s+)?camp|kwan-?li-?so|kwalliso|kwanliso|"
    r"kyo-?hwa-?so|kyohwaso|prison)\s+(?:no\.?\s*|number\s+)?(?P<n1>\d{1,2})(?!\d|,\d)"
    r"|(?:no\.\s*|number\s+)(?P<n2>\d{1,2})\s+(?P<kw2>camp|kwanliso|kyohwaso|prison)"
    r"|제\s*(?P<n3>\d{1,2})\s*호\s*(?P<kw3>관리소|교화소))",
    re.I,
)


def _numbered(text: str) -> list[PlaceMention]:
    table = _by_number()
    out = []
    for m in _NUMBERED.finditer(text):
        kw = (m.group("kw") or m.group("kw2") or m.group("kw3") or "").lower()
        num = m.group("n1") or m.group("n2") or m.group("n3")
        kind = "kyohwaso" if ("hwa" in kw or "교화" in kw or kw == "prison") else "kwanliso"
        pid = table.get((kind, num))
        if pid:
            start = m.start()
            town = re.search(r"([\uac00-\ud7a3]{2,4}) $", text[max(0, start - 6) : start])
            # "온성 제12호 관리소"; not "회령의 제22호 관리소": the town the camp is in (GPE)
            if m.group("n3") and town and not town.group(1).endswith("의"):
                start -= len(town.group(0))
            out.append(PlaceMention(text[start : m.end()], pid, start, m.end()))
    return out


def _choose(cands: list[_Name], context: str) -> _Name:
    if len(cands) == 1:
        return cands[0]
    want_khs = re.search(r"kyo-?hwa-?so|reeducation|re-education|prison\b|교화소", context, re.I)
    for c in cands:
        if c.place_id.startswith("KHS") == bool(want_khs):
            return c
    return cands[0]


def find_places(text: str) -> list[PlaceMention]:
    """All facility mentions; the longest name wins where matches overlap."""
    pattern, by_fold = _index()
    cands = _numbered(text)
    camp_after = re.compile(_CAMP_WORDS, re.I)
    towns = {fold(t) for t in _TOWNS}
    for m in pattern.finditer(text):
        names = by_fold.get(fold(m.group(0)), [])
        if not names:
            continue
        context = text[max(0, m.start() - 40) : m.end() + 60]
        chosen = _choose(names, context)
        has_camp_word = camp_after.match(text, m.end()) is not None
        if chosen.short and fold(m.group(0)) in towns and not has_camp_word:
            continue  # a bare town name names the town
        if re.match(r"[군시]", text[m.end() : m.end() + 1]) and chosen.short:
            continue  # 요덕군: the county
        cands.append(PlaceMention(m.group(0), chosen.place_id, m.start(), m.end()))
    found: list[PlaceMention] = []
    taken: Occupied[PlaceMention] = Occupied()
    for c in sorted(cands, key=lambda p: (p.start - p.end, p.start)):
        if taken.free(c.start, c.end):  # overlaps none found
            found.append(c)
            taken.add(c.start, c.end, c)
    return sorted(found, key=lambda p: p.start)


def camp_phrase_end(text: str, end: int) -> int:
    """Where a facility name's trailing type words ("political prison camp") end."""
    m = re.compile(_CAMP_WORDS, re.I).match(text, end)
    return m.end() if m else end
