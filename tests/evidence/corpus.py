"""SYNTHETIC sources built to trap naive counting; every file says SYNTHETIC.

- two independent witnesses (W-E001, W-E002) of beatings at Yodok in 1997;
- W-E003, who linkage will show is W-E001 under another romanization;
- W-E001 interviewed a second time under the same pseudonym;
- three outlets printing one wire story that quotes W-E001 (near-duplicate articles);
- an official denial;
- W-E004, who places the beatings at another camp and year.
"""

from __future__ import annotations

from pathlib import Path

from docket.actor import Actor
from docket.case import Case
from docket.ingest import ingest_paths


def _testimony(pseudonym: str, name: str, body: str) -> str:
    return (
        f"---\ninterviewer: SYNTHETIC Interviewer\ninterview_date: 2015-03-02\nlanguage: en\n"
        f"witness_name: {name}\nwitness_pseudonym: {pseudonym}\nconsent: anonymous\n---\n"
        f"SYNTHETIC testimony. {body}\n"
    )


TESTIMONIES = {
    "w1": _testimony(
        "W-E001",
        "Ri Yong Chol",
        (
            "I was held at Yodok (Camp 15) from 1995. In spring 1997 I saw the guards beat a "
            "prisoner with sticks until he could not stand, in front of the whole work unit at the "
            "gypsum quarry."
        ),
    ),
    "w2": _testimony(
        "W-E002",
        "Pak Sun Hui",
        (
            "My sister and I were sent to the Yodok camp in 1996. During the summer of 1997 the "
            "security guards beat women in our barracks every night, and one of them died of it."
        ),
    ),
    "w3": _testimony(
        "W-E003",
        "Lee Yong-cheol",
        (
            "Mr Lee told the interviewer that at Camp 15 in 1997 prisoners who fell behind were "
            "beaten by the guards, and that he himself was beaten for stealing corn."
        ),
    ),
    "w1b": _testimony(
        "W-E001",
        "Ri Yong Chol",
        (
            "Second interview. At the Yodok quarry in 1997 the guards beat the slowest workers "
            "so that everyone would see it."
        ),
    ),
    "w4": _testimony(
        "W-E004",
        "Kim Chol Su",
        ("I saw guards beat prisoners at Kaechon (Camp 14) in 2010, when I worked in the mine."),
    ),
}

_WIRE = (
    "<p>A former prisoner who asked to be identified only as W-E001 said guards at the Yodok "
    "camp beat a prisoner with sticks until he could not stand, in front of the whole work unit "
    "at the gypsum quarry, in the spring of 1997.</p><p>The account could not be independently "
    "verified. Rights groups have collected similar testimony for years. This article is "
    "SYNTHETIC and was generated for tests.</p>"
)


def _article(outlet: str, title: str, date: str) -> str:
    return (
        f"<!DOCTYPE html><html><head><title>SYNTHETIC: {title}</title>"
        f'<meta property="og:site_name" content="{outlet}">'
        f'<meta property="article:published_time" content="{date}T08:00:00Z"></head>'
        f"<body><article><h1>SYNTHETIC: {title}</h1>{_WIRE}</article></body></html>"
    )


ARTICLES = {
    "a1": _article("Synthetic Times", "Ex-prisoner describes beatings at Yodok", "2016-05-12"),
    "a2": _article("Synthetic Herald", "Beatings at Yodok camp described", "2016-05-13"),
    "a3": _article(
        "Synthetic Daily", "Former inmate: guards beat prisoners at Yodok", "2016-05-14"
    ),
}

DENIAL = """---
kind: statement
title: SYNTHETIC statement of a foreign ministry spokesperson
language: en
---
SYNTHETIC statement. The spokesperson said that there is no such thing as a political prison
camp in our country and that stories of guards beating prisoners at Yodok are fabrications.
"""

QUOTES = {
    "w1": (
        "In spring 1997 I saw the guards beat a prisoner with sticks until he could not stand, "
        "in front of the whole work unit at the gypsum quarry"
    ),
    "w2": "During the summer of 1997 the security guards beat women in our barracks every night",
    "w3": "at Camp 15 in 1997 prisoners who fell behind were beaten by the guards",
    "w1b": "At the Yodok quarry in 1997 the guards beat the slowest workers",
    "w4": "I saw guards beat prisoners at Kaechon (Camp 14) in 2010",
    "a1": (
        "guards at the Yodok camp beat a prisoner with sticks until he could not stand, in front "
        "of the whole work unit at the gypsum quarry"
    ),
    "a2": "guards at the Yodok camp beat a prisoner with sticks until he could not stand",
    "a3": "guards at the Yodok camp beat a prisoner with sticks until he could not stand",
    "denial": "stories of guards beating prisoners at Yodok are fabrications",
}


def ingest_corpus(case: Case, folder: Path, actor: Actor) -> dict[str, int]:
    """Write and ingest every file; returns source ids by key."""
    folder.mkdir(parents=True, exist_ok=True)
    paths: dict[str, Path] = {}
    for key, body in TESTIMONIES.items():
        paths[key] = folder / f"{key}.md"
        paths[key].write_text(body, encoding="utf-8")
    for key, body in ARTICLES.items():
        paths[key] = folder / f"{key}.html"
        paths[key].write_text(body, encoding="utf-8")
    paths["denial"] = folder / "denial.md"
    paths["denial"].write_text(DENIAL, encoding="utf-8")
    ids: dict[str, int] = {}
    for key, path in paths.items():
        report = ingest_paths(case, [path], actor=actor)
        outcome = report.outcomes[0]
        assert outcome.status == "ingested", (key, outcome.reason)
        ids[key] = outcome.source_id  # type: ignore[assignment]
    return ids
