"""English verb inflections, so rules name a verb once ("die") and match every form (dies,
died, dying): lemmatising the rules instead of the text keeps spaCy's lemmatizer out of the
pipeline."""

from __future__ import annotations

import re

# irregular forms: verb -> (3rd person, past, participle, gerund)
_IRREGULAR = {
    "admit": ("admits", "admitted", "admitted", "admitting"),
    "beat": ("beats", "beat", "beaten", "beating"),
    "find": ("finds", "found", "found", "finding"),
    "say": ("says", "said", "said", "saying"),
    "tell": ("tells", "told", "told", "telling"),
    "write": ("writes", "wrote", "written", "writing"),
    "bring": ("brings", "brought", "brought", "bringing"),
    "die": ("dies", "died", "died", "dying"),
    "drive": ("drives", "drove", "driven", "driving"),
    "hang": ("hangs", "hanged|hung", "hanged|hung", "hanging"),
    "hit": ("hits", "hit", "hit", "hitting"),
    "hold": ("holds", "held", "held", "holding"),
    "keep": ("keeps", "kept", "kept", "keeping"),
    "lose": ("loses", "lost", "lost", "losing"),
    "make": ("makes", "made", "made", "making"),
    "send": ("sends", "sent", "sent", "sending"),
    "shoot": ("shoots", "shot", "shot", "shooting"),
    "strike": ("strikes", "struck", "struck|stricken", "striking"),
    "take": ("takes", "took", "taken", "taking"),
    "throw": ("throws", "threw", "thrown", "throwing"),
}


def forms(verb: str) -> frozenset[str]:
    """Every form of a regular or listed irregular English verb: its lemma, -s, past, -ing."""
    if verb in _IRREGULAR:
        out = {verb, *"|".join(_IRREGULAR[verb]).split("|")}
    else:
        if verb.endswith("e"):
            past, ing = verb + "d", verb[:-1] + "ing"
        elif verb.endswith("y") and verb[-2:-1] not in "aeiou":
            past, ing = verb[:-1] + "ied", verb + "ing"
        elif re.fullmatch(r"[^aeiou]*[aeiou][bdgmnprt]", verb):  # rob, drag, stop: short CVC
            past, ing = verb + verb[-1] + "ed", verb + verb[-1] + "ing"
        else:
            past, ing = verb + "ed", verb + "ing"
        third = (
            verb[:-1] + "ies"
            if past.endswith("ied")
            else (verb + "es" if re.search(r"(?:s|sh|ch|x|z|o)$", verb) else verb + "s")
        )
        out = {verb, third, past, ing}
    return frozenset(out)


def inflect(verb: str) -> str:
    """Every form of `verb` as a regex group, longest first."""
    return "(?:" + "|".join(sorted(forms(verb), key=len, reverse=True)) + ")"


def all_forms(*verbs: str) -> frozenset[str]:
    return frozenset(f for v in verbs for f in forms(v))
