"""Entities: spaCy's named entities, corrected by rules that know this domain.

Rules win over the model where they overlap: romanized Korean names (PERSON), gazetteer
facilities (FACILITY) and a list of organisations (ORG). Surname-only mentions of a person
already named ("Pak") are added as PERSON.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from typing import Any

from docket.extract._spans import Occupied
from docket.extract._types import Entity, PlaceMention
from docket.extract.names import find_korean_names, surnames
from docket.extract.places import camp_phrase_end

# Names of bodies that end in a word only bodies end in: "NK Watch Network", "Stimson Center".
_ORG_HEADS = (
    "Network|Center|Centre|Institute|Association|Alliance|Coalition|Committee|Foundation|"
    "Agency|Council|Commission|Project|Society|Bureau|Ministry|Department|Watch|Union|Group|"
    "Mission|Federation|League|Initiative|Forum|Fund"
)
# "Foreign Affairs and Unification Committee": one lower-case "and" may join the capitalised words
_ORG_HEADED = re.compile(rf"\b(?:[A-Z][A-Za-z'&.-]*\s(?:and\s(?=[A-Z]))?){{1,4}}(?:{_ORG_HEADS})\b")
_ORG_WORDS = re.compile(rf"\b(?:{_ORG_HEADS})\b")
_KO_ORG = re.compile(
    r"(?<![\uac00-\ud7a3])(?:유엔\s)?[\uac00-\ud7a3]{2,10}(?:재판소|이사회|위원회|재단|협회|센터|"
    r"연구소|연구원|기구|연맹|통신|방송|신문|그룹|사무소|연대|모임|연합|가족회|협의회|네트워크|"
    # bodies that record testimony name themselves so: "한빛인권기록원", "북방증언아카이브"
    r"기록원|기록소|보존소|연구회|아카이브|포럼)(?![\uac00-\ud7a3]{2})"
)
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
# "lives in Incheon", "a hearing at Seoul": one word after a preposition of place is a place
# where the small model says organisation (a body is rarely one bare word after "in")
_PLACE_BEFORE = re.compile(r"\b(?:in|at|near|outside)\s+$")
_LABELS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "GPE", "FAC": "FACILITY"}
# Words the small model tags as entities that name no particular place or body.
_NOT_ENTITIES = {"north", "south", "the north", "the south", "usb", "cabinet", "dvd", "dvds"}
# A role or a generic word written with a capital ("THE CHAIR", "Witness 41", "Secretary of
# State", "Media contact"): it names no particular body. ("Rapporteur" stays: the speaker rules
# read "the Special Rapporteur" as a title by the body the model finds in it.)
_ROLE_WORDS = {"chair", "witness", "state", "media"}
# ... and a span ending in a role is no place ("the UN Special Rapporteur" as a facility)
_ROLE_END = re.compile(r"\b(?:Rapporteur|Chair|Witness)$")
_CAMP_AT = re.compile(
    r"\b(?:camps?|prisons?|kwanliso|kyohwaso)\s+(?:at|near|in)\s+(?:[A-Z][\w'’-]+\s+and\s+)?$",
    re.I,
)
# a listed Korean town written with its unit: "회령시", "무산군에서"
_KO_UNIT = re.compile(
    r"(?:시|군)(?=(?:에서|에|의|은|는|이|가|을|를|과|와|으로|로)?(?![\uac00-\ud7a3]))"
)
# A transcript's speaker label: "MR DELANEY (member):" names a person by surname
_TRANSCRIPT_LABEL = re.compile(
    r"^(?:MR|MRS|MS|MISS|DR)\.? ([A-Z][A-Z'’-]+)(?: \([^()\n]*\))?:", re.M
)
# a listed body inside the United Nations, with the parent's name before it
_UN_PREFIX = re.compile(r"(?:United Nations|UN) $")
# A news dateline: the city in capitals, then an optional date and news agency, then a dash
# ("GENEVA (20 March 2025) -", "SEOUL, March 18 (Wire) -").
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z'.-]+(?: [A-Z][A-Z'.-]+)*)(?:,[^\n()]{0,30}?)?"
    r"(?: \([^()\n]{1,40}\))?\s+(?:—|–|--?)\s",
    re.M,
)
_TITLES = re.compile(
    r"^(?:the|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|Gen\.?|General|President|Chairman|"
    r"leader|former|defector|guard)\s+",
    re.I,
)


@cache
def _list_pattern(name: str, flags: int = 0) -> re.Pattern[str]:
    """A name list from data/ as one regex; Korean particles may follow a Hangul name."""
    text = files("docket.extract").joinpath("data", name).read_text("utf-8")
    names = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    names.sort(key=len, reverse=True)
    body = "|".join(re.escape(n).replace("'", "['’]") for n in names)
    return re.compile(rf"(?<![\w])(?:{body})(?![A-Za-z0-9])", flags)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop leading 'the'/titles and a trailing possessive so spans name only the entity."""
    while True:
        m = _TITLES.match(text[start:end])
        if not m or m.end() >= end - start:
            break
        start += m.end()
    if text[start:end].endswith(("'s", "’s")):
        end -= 2
    while end > start and text[end - 1] in " ,.;:":
        end -= 1
    return start, end


def find_entities(
    text: str, doc: Any, places: list[PlaceMention], extra: list[Entity] | None = None
) -> list[Entity]:
    """`doc` is the spaCy Doc of `text` (or None when no English was parsed); `extra` are
    entities other rules found (Korean persons)."""
    ruled: list[Entity] = []
    for s, e in find_korean_names(text):
        ruled.append(Entity(text[s:e], "PERSON", s, e))
    for p in places:
        end = camp_phrase_end(text, p.end)
        # "the camp at Hwasong", "camps at Hwasong and Pukchang": the town the camp is in
        label = (
            "GPE"
            if end == p.end and _CAMP_AT.search(text, max(0, p.start - 60), p.start)
            else "FACILITY"
        )
        ruled.append(Entity(text[p.start : end], label, p.start, end))
    for label, listname, flags in (("ORG", "organisations.txt", 0), ("GPE", "gpe.txt", re.I)):
        for m in _list_pattern(listname, flags).finditer(text):
            s, e = m.start(), m.end()
            un = _UN_PREFIX.search(text, max(0, s - 15), s) if label == "ORG" else None
            if un and not _UN_PREFIX.fullmatch(m.group(0) + " "):
                s = un.start()  # "United Nations General Assembly": one body
            unit = _KO_UNIT.match(text, e) if label == "GPE" else None
            if unit and _HANGUL.match(text, e - 1):
                e = unit.end()  # "회령시": the city, with its unit
            ruled.append(Entity(text[s:e], label, s, e))
    for m in _TRANSCRIPT_LABEL.finditer(text):
        ruled.append(Entity(m.group(1), "PERSON", m.start(1), m.end(1)))
    for m in _KO_ORG.finditer(text):
        ruled.append(Entity(m.group(0), "ORG", m.start(), m.end()))
    ruled.extend(extra or [])
    # Longest rule match wins among rules.
    taken: Occupied[Entity] = Occupied()
    for ent in sorted(ruled, key=lambda x: (x.start - x.end, x.start)):
        if taken.free(ent.start, ent.end):
            taken.add(ent.start, ent.end, ent)
    if doc is not None:
        for ent in doc.ents:
            label = _LABELS.get(ent.label_)
            if label is None:
                continue
            s, e = _trim(text, ent.start_char, ent.end_char)
            if e <= s or not any(ch.isupper() for ch in text[s:e]) or _HANGUL.search(text[s:e]):
                continue
            if (
                text[s:e].lower() in _NOT_ENTITIES
                or text[s:e].lower() in _ROLE_WORDS
                or (label != "ORG" and _ROLE_END.search(text[s:e]))
            ):
                continue
            if (
                label == "ORG"
                and re.fullmatch(r"[A-Z][a-z'’-]+", text[s:e])
                and _PLACE_BEFORE.search(text, max(0, s - 8), s)
            ):
                label = "GPE"
            clash = taken.overlapping(s, e)
            if (
                clash
                and label == "ORG"
                and all(
                    c.label == "GPE" and s <= c.start and c.end <= e and c.end - c.start < e - s
                    for c in clash
                )
            ):
                # "DPRK Foreign Ministry": the body, not the country inside its name
                for c in clash:
                    taken.remove(c.start, c.end, c)
            elif clash:
                continue
            taken.add(s, e, Entity(text[s:e], label, s, e))
    for m in _ORG_HEADED.finditer(text):
        # fills gaps only, and corrects the model where it called such a name a person
        # "The Stimson Center" opening a sentence: the name, without the article
        start, end = m.start() + (4 if m.group(0).startswith("The ") else 0), m.end()
        if " " not in text[start:end]:
            continue  # "The Committee": a body named before, by its head word alone
        clash = taken.overlapping(start, end)
        # a body the model cut after the "and" ("Unification Committee") is part of the name
        joined = " and " in m.group(0)
        if all(
            (c.label == "PERSON" or (joined and c.label == "ORG"))
            and start <= c.start
            and c.end <= end
            for c in clash
        ):
            for c in clash:
                taken.remove(c.start, c.end, c)
            taken.add(start, end, Entity(text[start:end], "ORG", start, end))
    _datelines(text, taken)
    _merge_of_place(text, taken)
    _extend_org_name(text, taken)
    _extend_org_head(text, taken)
    _persons_by_role(text, taken, ruled)
    _surname_mentions(text, taken)
    return taken.items()


# Words that say a name is a person's: "Nwosu, a Nigerian lawyer", "Dr. Amara Nwosu".
_PERSON_ROLE = re.compile(
    r",\s+(?:\d+,\s+)?(?:a|an|the)\s+(?:[\w-]+\s+){0,3}?(?:lawyer|attorney|judge|researcher|"
    r"journalist|reporter|activist|professor|scholar|academic|investigator|rapporteur|director|"
    r"analyst|author|pastor|priest|missionary|doctor|physician|nurse|teacher|student|woman|man|"
    r"mother|father|wife|husband|daughter|son|sister|brother|widow|defector|survivor|"
    r"spokesman|spokeswoman|diplomat|ambassador|envoy|official|lawmaker|minister|chairman|"
    r"chairwoman|founder|member)\b"
)
_ROLED = re.compile(r"(?:(\S+)\s)?(?<![\w-])([A-Z][a-z'’-]+)" + _PERSON_ROLE.pattern)
_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Professor|Rev|Judge|Justice)\.?\s+([A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,2})"
)


def _persons_by_role(text: str, taken: Occupied[Entity], ruled: list[Entity]) -> None:
    """A name of two or three capitalised words that the model called an organisation or a
    place, but that the text gives a person's role or title ("Amara Nwosu ... Nwosu, a Nigerian
    lawyer"), is a PERSON; a list or a rule's label stands. One pass over the text each for
    roles and titles, so long documents stay linear."""
    # the role must follow the surname alone ("Nwosu, a Nigerian lawyer"): after a full name
    # it may open the next clause ("At a meeting in New York, a woman who ...")
    roled = {(m.group(1), m.group(2)) for m in _ROLED.finditer(text)}
    titled = {m.group(1) for m in _TITLED.finditer(text)}
    from_rules = {(e.start, e.end) for e in ruled}
    for ent in taken.items():
        words = ent.text.split()
        if (
            ent.label not in ("ORG", "GPE")
            or (ent.start, ent.end) in from_rules
            or not 2 <= len(words) <= 3
            or not all(re.fullmatch(r"[A-Z][a-z'’-]+", w) for w in words)
            or _ORG_WORDS.search(ent.text)
        ):
            continue
        if " ".join(words) in titled or any(
            w == words[-1] and prev != words[-2] for prev, w in roled
        ):
            taken.remove(ent.start, ent.end, ent)
            taken.add(ent.start, ent.end, Entity(ent.text, "PERSON", ent.start, ent.end))


_WHEN = (
    r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
    r"April|May|June|July|August|September|October|November|December)\b)"
)
_ORG_TAIL = re.compile(
    rf"\s+(?:for|of|on)\s+(?:the\s+)?{_WHEN}[A-Z][\w'’-]*"
    rf"(?:\s+(?:and|in|of|on|the)?\s*{_WHEN}[A-Z][\w'’-]*)*"
)


def _extend_org_name(text: str, taken: Occupied[Entity]) -> None:
    """'Pacific Institute' + ' for Korean Studies': a body's name cut after its head word runs on
    through 'for/of/on' and capitalised words (places inside it become part of the name)."""
    merged: set[int] = set()
    for ent in taken.items():
        if id(ent) in merged or ent.label != "ORG" or not _ORG_WORDS.search(ent.text.split()[-1]):
            continue
        m = _ORG_TAIL.match(text, ent.end)
        if not m:
            continue
        inside = taken.overlapping(ent.end, m.end())
        if any(c.label not in ("GPE", "ORG") or c.end > m.end() for c in inside):
            continue
        for c in [*inside, ent]:
            merged.add(id(c))
            taken.remove(c.start, c.end, c)
        taken.add(ent.start, m.end(), Entity(text[ent.start : m.end()], "ORG", ent.start, m.end()))


# "the Sea of" before "Return Association": one capitalised word and "of" after "the" begin the
# body's name, unless the word is a title or rank ("the Director of …", "the Chair of …")
_OF_BEFORE = re.compile(r"\b[Tt]he\s+(?P<word>[A-Z][a-z]+)\s+of\s+$")
_TITLE_WORDS = re.compile(
    r"(?:Director|Head|Chair|Chairman|Chairwoman|Chairperson|President|Secretary|Minister|"
    r"Member|Members|Chief|Deputy|Spokesman|Spokeswoman|Spokesperson|Rapporteur|Ambassador|"
    r"Envoy|Delegate|Representative|General|Leader|Founder|Governor|Mayor|Friends|Office|"
    r"Government|Republic|Kingdom|State|States|People|University|Ministry)"
)
# "Korean Women Returnees'" + " Network": the head word the model left after the name
_HEAD_AFTER = re.compile(rf"\s(?:{_ORG_HEADS})\b")


def _extend_org_head(text: str, taken: Occupied[Entity]) -> None:
    """A body's name the model cut at either end: a capitalised word with "of" before it after
    "the" ("the Sea of Return Association"), or its head word after it ("… Returnees' Network").
    Bodies are named whole in documents, and a speaker cut short is a different name."""
    for ent in taken.items():
        if ent.label != "ORG":
            continue
        start, end = ent.start, ent.end
        before = _OF_BEFORE.search(text, max(0, start - 40), start)
        if before and not _TITLE_WORDS.fullmatch(before.group("word")):
            start = before.start("word")
        after = _HEAD_AFTER.match(text, end)
        if after and not _ORG_WORDS.search(ent.text.split()[-1]):
            end = after.end()
        if (start, end) == (ent.start, ent.end):
            continue
        if (start < ent.start and taken.overlapping(start, ent.start)) or (
            end > ent.end and taken.overlapping(ent.end, end)
        ):
            continue
        taken.remove(ent.start, ent.end, ent)
        taken.add(start, end, Entity(text[start:end], "ORG", start, end))


def _datelines(text: str, taken: Occupied[Entity]) -> None:
    """A dateline's city (GPE), where nothing else claimed the words: the model often misses a
    city written in capitals."""
    for m in _DATELINE.finditer(text):
        s, e = m.span("place")
        clash = taken.overlapping(s, e)
        if all(c.start == s and c.end == e for c in clash):  # "OSLO" the model called a body
            for c in clash:
                taken.remove(c.start, c.end, c)
            taken.add(s, e, Entity(text[s:e], "GPE", s, e))


def _merge_of_place(text: str, taken: Occupied[Entity]) -> None:
    """'Foreign Ministry of the' + 'DPRK' -> 'Foreign Ministry of the DPRK' (ORG)."""
    ents = taken.items()
    for a, b in zip(ents, ents[1:], strict=False):
        if a.label == "ORG" and b.label == "GPE" and b.start - a.end <= 1:
            joined = text[a.start : b.end]
            if re.search(r"\bof(?: the)?\s*$", text[a.start : b.start]):
                taken.remove(a.start, a.end, a)
                taken.remove(b.start, b.end, b)
                taken.add(a.start, b.end, Entity(joined, "ORG", a.start, b.end))


def _surname_mentions(text: str, taken: Occupied[Entity]) -> None:
    """Short mentions ('Pak', 'Marquez') of persons named in full elsewhere in the text; they
    replace the model's other labels for the same words (it often calls them GPE or ORG)."""
    keys: set[str] = set()
    for ent in taken.items():
        if ent.label == "PERSON" and " " in ent.text:
            tokens = ent.text.split()
            keys.add(tokens[0] if tokens[0] in surnames() else tokens[-1])
    if not keys:
        return
    pattern = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, keys)) + r")(?![\w-])")
    for m in pattern.finditer(text):
        clash = taken.overlapping(m.start(), m.end())
        if clash and not all(e.label in ("GPE", "ORG") and e.text == m.group(0) for e in clash):
            continue
        for e in clash:
            taken.remove(e.start, e.end, e)
        taken.add(m.start(), m.end(), Entity(m.group(0), "PERSON", m.start(), m.end()))
