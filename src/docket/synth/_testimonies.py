"""Testimony files: YAML front matter (witness identity, consent) over the rendered account."""

from __future__ import annotations

import random

import yaml

from docket.synth import _testimony_en, _testimony_ko
from docket.synth._world import Witness, World

NOTICE = {
    "en": "SYNTHETIC — generated for the docket demo; not a real testimony. Every person in it is "
    "invented.",
    "ko": "SYNTHETIC — docket 시연용으로 만든 합성 자료입니다. 실제 증언이 아니며 등장인물은 모두 "
    "가상입니다.",
}


def front_matter(w: Witness) -> str:
    header = {
        "kind": "testimony",
        "synthetic": True,
        "witness_pseudonym": w.pseudonym,
        "witness_name": w.person.name.render(w.name_style),
        "interviewer": w.interviewer,
        "interview_date": w.interview_date,
        "place": w.place,
        "language": w.language,
        "consent": w.consent,
    }
    body = yaml.safe_dump(header, allow_unicode=True, sort_keys=False, width=100)
    return f"---\n{body}---\n"


def render(w: Witness, world: World, seed: int) -> tuple[str, dict]:
    """The whole file's text and what it mentions (for the manifest)."""
    rng = random.Random(f"docket-synth:{seed}:testimony:{w.pseudonym}")
    module = _testimony_ko if w.language == "ko" else _testimony_en
    body, mentions = module.render(w, world, rng)
    title = f"# 증언 {w.pseudonym}" if w.language == "ko" else f"# Testimony {w.pseudonym}"
    text = f"{front_matter(w)}\n{NOTICE[w.language]}\n\n{title}\n\n{body}"
    return text, mentions
