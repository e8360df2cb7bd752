"""A planted witness identity, distinctive enough that any byte of it found on disk is a leak."""

from __future__ import annotations

from pathlib import Path

from docket.security.variants import name_variants

GIVEN, FAMILY = "Xylophant", "Quorvendish"
NAME = f"{FAMILY} {GIVEN}"
HANGUL = "궉뷁뙑"  # SYNTHETIC: no such name
CONTACT = "SYNTHETIC +82-10-7391-4455, 12 Zqvarn-gil"
FAMILY_DETAILS = "SYNTHETIC mother Vrellanka Quorvendish in Hyesan"
TOKENS = (GIVEN, FAMILY, "Vrellanka", "Zqvarn", "7391-4455", HANGUL)

TESTIMONY = f"""---
interviewer: SYNTHETIC Interviewer
interview_date: 2016-04-01
place: SYNTHETIC safe house 9
language: en
witness_name: {NAME}
witness_pseudonym: W-0777
witness_contact: {CONTACT}
witness_family: {FAMILY_DETAILS}
consent: public
---
SYNTHETIC testimony. My name is {GIVEN.upper()}-{FAMILY.lower()} and I was held at Yodok
from 1997. The guards called me {FAMILY} {GIVEN} in the camp, and my file said {HANGUL}.
We were forced to work in the gypsum mine.
"""

SENSITIVE = f"""---
witness_pseudonym: W-0778
consent: internal
sensitive: true
---
SYNTHETIC sensitive testimony. I met {NAME} in the punishment block; the guard unit was 7.
"""

LIST = (
    "record_id,source,name,name_hangul,sex,birth_year,facility,event_date\n"
    f"pl-1,PLANT,{NAME},{HANGUL},M,1970,Yodok,1997\n"
)

ARTICLE = """<!DOCTYPE html><html><head><title>SYNTHETIC: camp report</title></head><body>
<article><p>SYNTHETIC public article about forced labour at Yodok camp, with enough words in it
for the extractor to keep it as the main text of the page.</p></article></body></html>
"""


def write_plant(folder: Path) -> dict[str, Path]:
    folder.mkdir(parents=True, exist_ok=True)
    files = {
        "testimony": folder / "t1.md",
        "sensitive": folder / "t2.md",
        "list": folder / "plant.csv",
        "article": folder / "a.html",
    }
    files["testimony"].write_text(TESTIMONY, encoding="utf-8")
    files["sensitive"].write_text(SENSITIVE, encoding="utf-8")
    files["list"].write_text(LIST, encoding="utf-8")
    files["article"].write_text(ARTICLE, encoding="utf-8")
    return files


def spellings() -> set[str]:
    """Every spelling to look for: docket's variants, the distinctive tokens alone, in any case."""
    out = set(TOKENS) | name_variants(NAME) | name_variants(HANGUL)
    out |= {f"{GIVEN}-{FAMILY}", f"{GIVEN}{FAMILY}", f"{FAMILY}{GIVEN}"}
    return out


def leaks(data: bytes) -> list[str]:
    """Which spellings occur in the bytes (UTF-8, case-insensitive for Latin)."""
    low = data.lower()
    return sorted(s for s in spellings() if s.lower().encode("utf-8") in low)


def leaks_in_text(text: str) -> list[str]:
    return leaks(text.encode("utf-8"))
