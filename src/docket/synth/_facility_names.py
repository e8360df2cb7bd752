"""How witnesses and reporters name a gazetteer facility, in English and Korean."""

from __future__ import annotations

import random

from docket.vocab import Facility

# Korean names for facilities the gazetteer lists without Hangul (written for this module).
_KO_EXTRA = {
    "KHS-11": ("증산 제11호 교화소", "증산 교화소"),
    "DET-ONS-MSS": ("온성 보위부 구류장", "온성 보위부"),
    "DET-SNJ-MSS": ("신의주 보위부 구류장", "신의주 보위부"),
    "DET-HRY-SSD": ("회령 보위부 지하 취조실", "회령 보위부"),
}


def short_en(f: Facility) -> str:
    for cut in (
        " political prison camp",
        " reeducation labor camp",
        " MSS holding centre",
        " SSD underground",
        " No. 11 detention facility",
    ):
        if cut in f.name:
            return f.name.split(cut)[0]
    return f.name


def first_mention_en(f: Facility, rng: random.Random) -> str:
    """A full, unambiguous name for the first time a document names the place."""
    short = short_en(f)
    if f.type == "kwanliso":
        forms = [
            f"{short} political prison camp (Camp {f.number})",
            f"Camp {f.number}, the political prison camp at {short}",
            f"the {short} camp, Kwan-li-so No. {f.number}",
        ]
    elif f.type == "kyohwaso":
        forms = [
            f"the {short} re-education camp, Kyo-hwa-so No. {f.number}",
            f"Kyo-hwa-so No. {f.number} at {short}",
            f"the reform-through-labour prison at {short} (Kyo-hwa-so No. {f.number})",
        ]
    elif f.type == "mss_holding_centre":
        forms = [
            f"the State Security detention centre in {short}",
            f"the Bowibu holding centre at {short}",
        ]
    else:
        forms = [
            f"the State Security interrogation cells in {short.split()[0]}",
            f"the Bowibu building in {short.split()[0]}",
        ]
    return rng.choice(forms)


def later_mention_en(f: Facility, rng: random.Random) -> str:
    short = short_en(f)
    forms = [
        short,
        f"the camp at {short}" if f.type != "mss_holding_centre" else f"the centre at {short}",
    ]
    if f.number and f.type == "kwanliso":
        forms += [f"Camp {f.number}", f"Camp {f.number}"]
    if f.number and f.type == "kyohwaso":
        forms.append(f"Kyo-hwa-so No. {f.number}")
    forms += [a for a in f.alt_names if a.isascii() and "Unit" not in a and a != "Bowibu"][:3]
    return rng.choice(forms)


def ko_names(f: Facility) -> tuple[str, str]:
    """(full, short) Korean names."""
    if f.id in _KO_EXTRA:
        return _KO_EXTRA[f.id]
    full = f.hangul or short_en(f)
    place = full.split()[0]
    short = f"{place} 수용소" if f.type == "kwanliso" else f"{place} 교화소"
    return full, short


def ko_mention(f: Facility, rng: random.Random, first: bool) -> str:
    full, short = ko_names(f)
    if first:
        return full
    forms = [short, full.split()[0]]
    if f.type == "kwanliso" and f.number:
        forms += [f"{f.number}호 관리소", f"{full.split()[0]} 정치범수용소"]
    return rng.choice(forms)
