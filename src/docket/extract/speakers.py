"""Resolve who a speaker mention refers to: the fullest name the document gives.

Pronouns go to the nearest person named before them; surnames and short forms to the longest
name that contains them; descriptions ("the former guard", "a relative") to the person the text
describes that way ("Pak Sun Hui, a former guard, ...", "The relative, Cha Eun-byul, ...");
documents and bodies ("the report", "a spokesman for the ministry") to the organisation that
issued them.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterator
from functools import lru_cache

from docket.extract._spans import last_ending_by, starting_in
from docket.extract._types import Entity

PRONOUNS = {"he", "she", "him", "her", "i", "we", "they", "his", "hers", "it", "그", "그녀", "그들"}
_DOC_HEADS = {
    "report",
    "commentary",
    "editorial",
    "article",
    "statement",
    "document",
    "study",
    "survey",
    "letter",
    "resolution",
    "agency",
    "ministry",
    "commission",
    "government",
    "organisation",
    "organization",
    "group",
    "committee",
    "council",
    "office",
    "department",
    "authorities",
    "regime",
    "inquiry",
    "centre",
    "center",
    "institute",
    "database",
    "newspaper",
    "outlet",
    "broadcaster",
    "court",
    "embassy",
    "mission",
}
# what is written rather than who wrote it
_DOCUMENTS = {
    "statement", "letter", "text", "document", "report", "study", "diary", "note", "paper",
}  # fmt: skip
_DOC_HEADS |= _DOCUMENTS | {
    "text",
    "paper",
    "association",
    "alliance",
    "coalition",
    "network",
    "foundation",
    "union",
    "party",
    "charity",
    "monitor",
    "website",
    "service",
    "services",
}
_PEOPLE = {
    "sources",
    "source",
    "witnesses",
    "witness",
    "officials",
    "official",
    "residents",
    "resident",
    "researchers",
    "researcher",
    "defectors",
    "defector",
    "survivors",
    "survivor",
    "experts",
    "analysts",
    "diplomats",
    "diplomat",
    "activists",
    "relatives",
    "relative",
    "inmates",
    "prisoners",
    "guards",
    "guard",
    "villagers",
    "neighbours",
    "neighbors",
    "people",
    "friends",
    "friend",
    "him",
    "her",
    "them",
    "man",
    "woman",
    "men",
    "women",
    "testimony",
    "testimonies",
    "accounts",
    "account",
    "estimates",
    "data",
    "records",
    "figures",
    "media",
    "reports",
}
_SPOKES = {"spokesman", "spokeswoman", "spokesperson", "representative", "envoy"}
# "a spokesman | for the ministry": a body the recogniser does not name
_SPOKES_TAIL = re.compile(r"\s+(?:for|of|from)\s+(?:the\s+)?[a-z][\w'-]+")
_SPOKES_FOR = re.compile(r"\bspokes(?:man|woman|person)\s+(?:for|of|from)\s+(?:the\s+)?", re.I)
_PERSON_DESC = re.compile(
    r"\b[Aa]n? (?:[\w-]+ ){0,3}(?:woman|man|girl|boy|mother|father|defector|survivor|witness|"
    r"guard|official|prisoner|inmate|detainee|soldier|officer|cousin|relative|sister|brother|"
    r"wife|husband|son|daughter|neighbour|neighbor|friend|nurse|teacher|doctor)\b"
    r"(?: (?:of|from) (?:[\w-]+ ){0,4}[\w-]+)?"
    r"(?: who (?:(?!\s(?:said|says|told|tells)\b)[^,.;]){1,40})?"  # not into "... said she"
)
_MALE = {"husband", "father", "son", "brother", "uncle", "grandfather", "man", "mr"}
_KIN = (
    r"husband|father|son|brother|uncle|grandfather|man|wife|mother|daughter|sister|aunt|"
    r"grandmother|woman|girl"
)
_GENDER_BEFORE = re.compile(rf"(?:\b(?P<w>{_KIN}),\s*|\b(?P<t>Mr|Mrs|Ms|Miss)\.?\s+)$", re.I)
_GENDER_AFTER = re.compile(
    rf",\s+(?:\d+,\s+)?(?:a|an|the|his|her|their)\s+(?:[\w-]+\s+){{0,2}}(?P<w>{_KIN})\b"
)
_KIN_APPOS = re.compile(
    rf"\b(?:his|her|their|my|our|its|[A-Z][\w'-]*['’]s)\s+(?:[\w-]+\s+)?"
    rf"(?:{_KIN}|cousin|nephew|niece|grandson|granddaughter|child|wife|husband),\s*$",
    re.I,
)
# who names someone in a relative clause without "whom": "a man we called", "a woman the
# prisoners knew as", "whom everyone called"
_NAMER = r"(?:we|they|I|he|she|everyone|everybody|people|the\s+[a-z]+|other\s+[a-z]+)"
# the words that give a name after them: "identified in the release only as", "whom we call",
# "who gave his name as", "identified only by the pseudonym"
_NAMING = (
    r"(?:identified (?:(?:in|by) (?:[\w'-]+ ){1,3}?)?(?:only )?as|named(?: as)?|"
    r"(?:known|knew|know) (?:(?:him|her|them) )?(?:only )?as|call(?:s|ed)?|"
    r"gave (?:his|her|their) name as|(?:uses?|used) the name|"
    r"identified (?:only )?by (?:his|her|their|the|a) (?:sur|family |first |given )?"
    r"(?:name|pseudonym),?|"
    r"referred to (?:here |below |in this report )?as)"
)
_NAMED_AS = re.compile(
    # "the supervisor, a prisoner herself whom everyone called Auntie Hwang", "a stout woman we
    # called Auntie Hwang", "a former camp driver identified as Mr. Cho": an appositive that
    # gives the name, after any relative clause ("The officer who questioned her, whom she knew
    # only as Ryu", "A witness, who asked to be identified only by her surname, Choi")
    # (or participle: "Another witness cited in the report, a former driver identified as")
    r"(?:\s+(?:who|that|[a-z]+ed|[a-z]+ing)\s+[^,.;:\"“”]{1,60}?,)?"
    r",?\s+(?:an?\s+[^,.;:\"“”]{1,50}?\s)?"
    rf"(?:whom\s+(?:\w+\s+){{0,2}}?|who\s+(?:(?:was|is|asked\s+to\s+be)\s+|(?=gave|uses?\b))|"
    rf"{_NAMER}\s+(?=(?:call(?:s|ed)?|knew|know|named)\b))?"
    # the name, perhaps in quotes ("Ms. K"); a title stays before a bare initial, which is no
    # name without it
    rf"{_NAMING}\s+[\"“]?"
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+(?![A-Z]\b))?"
    r"(?P<name>(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?[A-Z][\w'-]*(?: (?:[A-Z][\w'-]+|\d+)){0,2})"
)
# "Another interviewee, Witness 57, …": a label with a number that stands for a name
# the number of a label given to a person: "Witness 41", "Witness No. 3", "Witness W-11"
_LABEL_NO = r"(?:No\.\s?)?(?:[A-Z]{1,2}-?)?\d{1,4}"
_LABEL_APPOS = re.compile(rf",\s+(?P<name>[A-Z][a-z]+ {_LABEL_NO})(?=[,.;]|\s)")
_NUMBERED = re.compile(rf"[A-Z][a-z]+ {_LABEL_NO}")
# "Witness W-11, Mr Ri Gwang-chol, …": a label given beside the name
_NAME_AFTER_LABEL = re.compile(r",\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?")
# a body named by where it is accredited speaks for itself, not for the body it is sent to
_ACCREDITED = re.compile(
    r"\b(?:mission|embassy|delegation|consulate|ambassador|envoy|representative)s?\s+"
    r"(?:to|at|in)\s+(?:the\s+)?$",
    re.I,
)
# a body that speaks as a source: "X said", "X, a Christian charity, estimates", "according to X"
_SOURCE_AFTER = re.compile(
    r"(?:,[^,.\n]{1,60},)?\s+(?:has |have |had )?(?:said|says|reported|reports|estimates|"
    r"estimated|stated|told|added|found|documented)\b"
)
_SOURCE_BEFORE = re.compile(r"\baccording to (?:the )?$", re.I)
# an outlet that carried someone else's words ("a statement carried by the Korean Central News
# Agency") is not their author
_CARRIER_BEFORE = re.compile(
    r"\b(?:carried|relayed|broadcast|aired|reprinted|distributed|run|quoted|cited)\s+"
    r"(?:by|in|on)\s+(?:the\s+)?$|\bvia\s+(?:the\s+)?$",
    re.I,
)
_AUTHOR_AFTER = re.compile(
    r",\s+(?:published|released|issued|compiled|written|produced|prepared|commissioned)\s+"
    r"(?:[^,.;\n]{0,40}?\s)?by\s+"
)
_COMMA = re.compile(r",\s*")
# "the group, Morning Star Mission, said": a name in apposition, whether or not NER found it
_APPOS_NAME = re.compile(
    r",\s+((?:the\s+)?[A-Z][\w'’-]+(?:\s+(?:of|for|the|and)?\s*[A-Z][\w'’-]+){0,5}),"
)
_JOINT = re.compile(r"[A-Z][\w'.-]+(?: [A-Z][\w'.-]+)? and [A-Z][\w'.-]+(?: [A-Z][\w'.-]+)?")
_NARRATOR_KIN = re.compile(rf"\b(?:[Mm]y|[Oo]ur)\s+(?P<w>{_KIN})\b")
_COMMA_NAME = re.compile(r",?\s+[A-Z][\w'-]+")
# a description of someone the text does not name: "the older one", "two men from the ..."
_FIRST_PERSON = re.compile(r"\b(?:I|me|us|we)\b")
_ROLE_SUBJECT = re.compile(
    r"\b[Tt]he (?:(?P<g>female|male|woman|man) )?(?:guard|officer|interrogator|soldier|warden|"
    r"inspector|policeman|agent|commander|supervisor)\b(?!s)"
    r"(?:, (?:a (?:wo)?man (?:called|named)|(?:his|her) name was) "
    r"(?P<name>[A-Z][\w-]+(?: [A-Z][\w-]+)?))?"
)
_ROLE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?:(?:female|male)\s+)?(?:guard|officer|interrogator|soldier|"
    r"warden|inspector|policeman|agent|commander|supervisor)\b(?!s)"
)
_UNNAMED = re.compile(
    r"(?:the|an?|one|two|three|some|several|my|our|his|her|their)\s+[a-z]",
    re.I,
)
# capitalised words of a title before the entity NER found in it ("the Special ")
# a subject that is what someone said: "Much of what he said", "Some of what the nurse told us"
_WHAT_SAID = re.compile(
    r"(?:(?:[Mm]uch|[Mm]ost|[Ss]ome|[Aa]ll|[Pp]art|[Ll]ittle)\s+of\s+)?[Ww]hat\s+"
    r"(?P<who>(?:[\w'’-]+\s+){0,3}?[\w'’-]+)\s+(?:said|says|told|tells|described|recalled)\b"
)
# a title written out before a name, ending in a lower-case noun: "Chair of the panel Jane
# Roe", "Head of the inquiry Ama Mensah" (not "Head of the Korea Institute": a capital follows
# "the"); the name is two or three capitalised words
_TITLED_NAME = re.compile(
    r"(?:[Tt]he\s+)?[A-Z][a-z]+\s+(?:of|for|on)\s+(?:the\s+)?(?:[a-z][a-z-]+\s+){1,3}"
    r"(?<!\bthe\s)(?<!\bof\s)(?<!\band\s)"
    r"(?P<name>[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,2})"
)
_TITLE_BEFORE = re.compile(r"(?:[Tt]he\s+)?(?!The\b)(?:[A-Z][a-z]+\s+){1,2}")
# heads of phrases that describe a person or a group of people ("a man who had been released",
# "the Chinese police", "The representative of X"), and the words that give their gender
_PERSON_HEADS = {
    "man", "woman", "men", "women", "guard", "guards", "officer", "officers", "official",
    "officials", "interrogator", "interrogators", "soldier", "soldiers", "agent", "agents",
    "police", "policeman", "policemen", "representative", "delegate", "diplomat", "rapporteur",
    "spokesman", "spokeswoman", "spokesperson", "witness", "interviewee", "defector", "survivor",
    "prisoner", "prisoners", "inmate", "inmates", "detainee", "detainees", "cellmate",
    "neighbour", "neighbor", "friend", "relative", "mother", "father", "sister", "brother",
    "wife", "husband", "son", "daughter", "researcher", "teacher", "doctor", "nurse", "trader",
    "resident", "smuggler", "broker", "leader", "minister", "ambassador", "envoy", "presenter",
    "people", "girl", "boy", "commander", "supervisor", "warden", "driver", "drivers",
    "worker", "workers", "farmer", "miner", "miners", "clerk", "engineer", "cook", "lawyer",
    "activist", "journalist", "student", "pastor", "foreman", "defectors", "survivors",
    "refugee", "refugees", "escapee", "escapees", "villager", "villagers", "cousin", "uncle",
    "aunt", "grandmother", "grandfather", "investigator", "judge", "prosecutor", "plaintiff",
    "victim", "returnee",
}  # fmt: skip
_DETERMINER = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Oo]ne|[Tt]wo|[Tt]hree)\s")
_PLURAL_PEOPLE = {"police", "people", "men", "women", "policemen"}
_FEMALE_WORDS = {
    "woman", "women", "mother", "sister", "wife", "daughter", "girl", "grandmother", "aunt",
    "spokeswoman", "female", "policewoman", "herself",
}  # fmt: skip
_MALE_WORDS = {
    "man", "men", "father", "brother", "husband", "son", "boy", "uncle", "grandfather",
    "spokesman", "male", "policeman", "policemen", "himself",
}  # fmt: skip
# "The former officer, who gave his name as …", "The woman, Jo Myong-hui": a definite
# description a name follows in apposition, and how far after a description that name may come
_REVEAL = re.compile(
    r"(?:(?<=\n)|(?<=[.!?]\s)|(?<=[.!?][\"”]\s))The (?:[\w'-]+ ){0,3}?(?P<head>[a-z]+)(?=,)"
)
_NEW_DESCRIPTION = re.compile(r",?\s+an?\s")
# ", Ines Calderwood, a Chilean lawyer": a name the recogniser missed, set off by commas
_BARE_NAME = re.compile(
    r",\s+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+)?(?P<name>[A-Z][a-z'’-]+(?:\s[A-Z][a-z'’-]+){1,2})(?=,)"
)
_REVEAL_REACH = 3000


def _plural(head: str) -> bool:
    """Whether a head noun names several people ("guards", "police"; not "witness")."""
    return (head.endswith("s") and not head.endswith("ss")) or head in _PLURAL_PEOPLE


def _gender_of(words: frozenset[str]) -> str | None:
    """'f' or 'm' where the words say a gender ("woman", "his"), else None."""
    female = bool(words & (_FEMALE_WORDS | {"she", "her"}))
    male = bool(words & (_MALE_WORDS | {"he", "his", "him"}))
    return "f" if female and not male else "m" if male and not female else None


# the appositive after a subject's noun phrase: ", a prisoner herself whom everyone called X,"
_APPOSITIVE = re.compile(r",\s+(?:an?|the)\s+[^,.;:\"“”]{1,80},")
_AND = re.compile(r"\band\b")
_PREP = re.compile(r"\s(?:of|for|in|at|from|on|with|to|by)\s")
_PARTICIPLE = re.compile(
    r"\s(?:(?:later|first|\w+ly)\s)?(?:released|published|issued|compiled|written|produced|prepared|circulated|"
    r"commissioned|submitted|obtained|carried|cited|quoted|interviewed)\s"
    # after its noun, not before it ("the committee's written report")
    r"(?=(?:by|on|in|at|last|this|earlier|later|to|from|with|jointly|today|yesterday)\b)"
)


# a dateline before a story's first words: "GENEVA — ", "GENEVA, Feb. 26 — "
_LEAD_DATELINE = re.compile(
    r"\s*(?:[A-Z][A-Z .,'-]+(?:,?\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s*[—–-]+\s*)?"
)


def _head(low: str) -> str:
    """The head noun of a phrase: the last word before its first preposition or participle
    ("a report released on Monday by X" is a report)."""
    first = _PREP.split(_PARTICIPLE.split(low, maxsplit=1)[0], maxsplit=1)[0]
    words = re.findall(r"[a-z]+", first)
    return words[-1] if words else low


def _head_cased(phrase: str) -> str:
    """As `_head`, but a body's name before a person word is only its modifier: "a former
    Ministry of State Security officer" is an officer, though "of" comes before the word."""
    last = _CASED_PERSON_END.search(phrase)
    if last and last.group(1).lower() in _PERSON_HEADS:
        return last.group(1).lower()
    return _head(phrase.lower())


_CASED_PERSON_END = re.compile(r"[A-Z][\w'’-]*\s+([a-z]+)$")
# "the committee's written report", "Kim's latest statement": a document and its owner
_OWNER = re.compile(r"(.+?)['’]s\s+(?:[\w-]+\s+){0,2}[\w-]+")
# what makes "his/her … document" one written about the person, not by them ("his arrest
# warrant", "her sentencing document"; "his written statement" is his)
_ABOUT_PERSON = {
    "sentencing", "arrest", "release", "court", "police", "medical", "prison", "death", "trial",
    "discharge", "transfer", "detention", "identity", "travel", "birth", "indictment", "verdict",
    "conviction", "charge", "charges",
}  # fmt: skip
# "a white paper from X", "a rebuttal by the group X": a document introduced with its source
_DOCUMENT_FROM = re.compile(
    r"\b(?:an?|the)\s+(?:[\w'-]+\s+){0,2}(?:statement|letter|document|report|study|paper|"
    r"commentary|editorial|article|rebuttal|response|memorandum|petition|submission)\s+"
    r"(?:from|by)\s+(?:the\s+)?(?:[\w'-]+\s+){0,2}?(?=[A-Z])"
)
_ACRONYM_AFTER = re.compile(r"\s*\([A-Z][A-Za-z.]{1,11}\)$")
_HANGUL = re.compile(r"[\uac00-\ud7a3]")
_WORD = re.compile(r"[\w'-]+")
_COMMA_SPACE = re.compile(r",\s+")


# words that end a description written before a name: "a woman who was held with Yang" does
# not describe Yang as a woman
_BREAK_WORDS = {
    "with", "by", "to", "from", "of", "for", "at", "in", "on", "about", "against", "between",
    "who", "whom", "which", "that", "and", "or", "but", "as", "than", "said", "says", "told",
    "tells", "asked", "met", "saw", "visited", "like",
}  # fmt: skip


# a clause that gives the name after it: ", who gave his name as", ", identified in the report
# as", "whom the prisoners called"
_NAMING_TAIL = re.compile(
    rf",?\s*(?:(?:who|whom)\s+[^,.;]{{0,40}}?)?(?:{_NAMING}|(?:known|named)(?: [\w'-]+){{0,4}}? as)"
    r"\s*[\"“]?$"
)


def _describing_words(before: str) -> list[str]:
    """The words before a name that describe its person: the phrase it stands in apposition
    to ("A former guard, | Pak"), else the words right before it back to a preposition, a
    relative word or a verb ("the former guard Pak", not "held with | Yang")."""
    naming = _NAMING_TAIL.search(before)
    if naming:  # "The former officer, who gave his name as | Ri": the phrase before the clause
        before = before[: naming.start()] + " "
    words = re.findall(r"[a-z]+", before.lower())[-10:]
    if before.rstrip().endswith(","):
        return words
    kept: list[str] = []
    for w in reversed(words):
        if w in _BREAK_WORDS:
            break
        kept.append(w)
    return kept[::-1]


@lru_cache(maxsize=8192)
def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


@lru_cache(maxsize=4096)
def _words(s: str) -> frozenset[str]:
    return frozenset(_WORD.findall(s.lower()))


class Resolver:
    """Holds a document's entities and the descriptions attached to persons."""

    def __init__(
        self,
        text: str,
        entities: list[Entity],
        inside_quote: Callable[[int], bool] = lambda pos: False,
    ) -> None:
        self.text = text
        self.persons = [e for e in entities if e.label == "PERSON"]
        # the persons by where they start, for lookups by bisection (long texts stay linear)
        self._by_start = sorted(self.persons, key=lambda e: e.start)
        self.orgs = [e for e in entities if e.label == "ORG"]
        self.descriptions: list[tuple[int, str, str]] = []  # (pos, word, person)
        self.bodies: list[tuple[int, int, str]] = []  # speakers named as a phrase around an ORG
        self.speaking: list[tuple[int, str]] = []  # unnamed people resolved as speakers
        self.written: list[tuple[int, str]] = []  # documents resolved as speakers
        # each sentence's start, and its main subject by sentence index (start, end, inside a
        # quote): given by the English finder from the parse
        self.sentence_starts: list[int] = []
        self.subject_of: Callable[[int, bool], tuple[int, int, bool] | None] = lambda i, q: None
        # whether a position lies inside a quotation (given before anything is worked out: the
        # answers below are kept)
        self.inside_quote = inside_quote
        # the entities never change, so each answer is worked out once: on a long text every
        # quote asks about every person named before it
        self._fullest: dict[tuple[str, str, int | None], str] = {}
        self._kin: dict[str, bool] = {}
        self._fits: dict[tuple[str, str], tuple[list[Entity], list[Entity]]] = {}
        self._ending: dict[str, list[Entity]] = {}
        self._learn_descriptions()
        self.gender = self._learn_genders()

    def _learn_genders(self) -> dict[str, str]:
        """'her husband, Baek Sung-il', 'Ms. Noh', 'Ju, a father of two': the few cues that
        say a person's gender, so that "she said" skips a man named in between."""
        out: dict[str, str] = {}
        for p in self.persons:
            before = _GENDER_BEFORE.search(self.text, max(0, p.start - 30), p.start)
            after = _GENDER_AFTER.match(self.text, p.end)
            word = (
                (before and (before.group("w") or before.group("t")))
                or (after and after.group("w"))
                or ""
            )
            if word:
                out.setdefault(
                    self.fullest(p.text, pos=p.start), "m" if word.lower() in _MALE else "f"
                )
        return out

    def fullest(self, name: str, label: str = "PERSON", pos: int | None = None) -> str:
        """The longest entity text that contains `name`'s words (or, for a Korean surname,
        begins with it), else `name`. Where two full names share the words ("Kwak Tae-jun",
        his father "Kwak Jong-sam") and `pos` is given, the one named last before `pos` (else
        first after it): a bare surname goes on with the person the text was just about."""
        key = (name, label, pos)
        if key not in self._fullest:
            self._fullest[key] = self._find_fullest(name, label, pos)
        return self._fullest[key]

    def _find_fullest(self, name: str, label: str, pos: int | None) -> str:
        key = (name, label)
        if key not in self._fits:
            self._fits[key] = self._find_fits(name, label)
        fits, full = self._fits[key]
        if not fits:
            return _norm(name)
        if pos is not None and len({_norm(e.text) for e in full}) > 1:
            # someone introduced only as another's relative ("his brother, Kim Tae-ho,") is not
            # who a bare surname means while the person they are related to is in play
            main = [e for e in full if not self._kin_of_another(_norm(e.text))] or full
            if not self.inside_quote(pos):
                # a name only someone's words gave ("'The family of the criminal Kim Chang-ho
                # …'") is not who the narration's "Kim said" means
                main = [e for e in main if not self.inside_quote(e.start)] or main
            before = [e for e in main if e.start < pos]
            pick = (
                max(before, key=lambda e: e.start) if before else min(main, key=lambda e: e.start)
            )
            return _norm(pick.text)
        return _norm(max(fits, key=lambda e: len(e.text)).text)

    def _find_fits(self, name: str, label: str) -> tuple[list[Entity], list[Entity]]:
        """The entities whose words hold `name`'s, and those of them no longer fit holds (the
        same for every position, so worked out once per name)."""
        pool = self.persons if label == "PERSON" else self.orgs
        words = _words(name)
        korean_surname = len(name) == 1 and _HANGUL.match(name)
        fits = [
            e
            for e in pool
            if len(e.text) > len(name)
            and (
                e.text.startswith(name)
                if korean_surname
                else bool(words) and words <= _words(e.text)
            )
        ]
        if not fits:
            return [], []
        # a shorter fit inside a longer one ("Kwak Tae" in "Kwak Tae-jun") is the same person
        names = {_norm(e.text) for e in fits}
        full = [
            e
            for e in fits
            if not any(n != _norm(e.text) and _words(e.text) <= _words(n) for n in names)
        ]
        return fits, full

    def _kin_of_another(self, name: str) -> bool:
        """Whether every mention of `name` stands in apposition to a relative ('Her daughter,
        Heo Ji-woo,', "Kwak's father, Kwak Jong-sam")."""
        if name not in self._kin:
            mentions = [p for p in self.persons if _norm(p.text) == name]
            self._kin[name] = bool(mentions) and all(
                _KIN_APPOS.search(self.text, max(0, p.start - 40), p.start) for p in mentions
            )
        return self._kin[name]

    def _learn_descriptions(self) -> None:
        # "Pak Sun Hui, a 45-year-old former guard, ..." and "the rapporteur, Elena Marquez",
        # "a former detainee, identified as Im", "former guard Pak Sun Hui"
        for p in self.persons:
            full = self.fullest(p.text, pos=p.start)
            after = self.text[p.end : p.end + 120]
            m = re.match(r",\s+(?:a|an|the|who is a|who was a)\s+([^,.;]{3,100}?)[,.;]", after)
            if m:
                for w in re.findall(r"[a-z]+", m.group(1).lower()):
                    self.descriptions.append((p.start, w, full))
            # (the sentence's words before the name, but not a quote's: '"… the guard said …,"
            # Pyo said' does not describe Pyo as a guard)
            sent_start = max(
                self.text.rfind(". ", 0, p.start),
                self.text.rfind("\n", 0, p.start),
                self.text.rfind('"', 0, p.start),
                self.text.rfind("”", 0, p.start),
            )
            before = self.text[max(sent_start + 1, p.start - 120) : p.start]
            for w in _describing_words(before):
                self.descriptions.append((p.start, w, full))

    def fullest_phrase(self, phrase: str, pos: int) -> str:
        """A descriptive subject ('특별보고관') as first introduced ('유엔 북한인권 특별보고관')."""
        self.phrases = getattr(self, "phrases", [])
        if phrase not in self._ending:  # each phrase's bodies found once, not per mention
            self._ending[phrase] = [o for o in self.orgs if o.text.endswith(phrase)]
        orgs = self._ending[phrase]
        i = bisect_left(orgs, pos, key=lambda o: o.start) - 1  # the entities are in order
        if i >= 0:
            return self.fullest(orgs[i].text, "ORG")
        earlier = [p for s, p in self.phrases if s < pos and p.endswith(phrase) and p != phrase]
        self.phrases.append((pos, phrase))
        return earlier[0] if earlier else phrase

    def _narrator_kin_before(self, pos: int, gender: str) -> str | None:
        """'My grandmother gave us her corn. "Eat," she said': a narrator's relative of the
        pronoun's gender named in its paragraph after any person of that gender is who the
        pronoun means: the person the text gave as that relative ("my mother, Kim Ok-hwa"),
        else the phrase."""
        para = self.text.rfind("\n", 0, pos) + 1
        kin = None
        for m in _NARRATOR_KIN.finditer(self.text, para, pos):
            if ("m" if m.group("w").lower() in _MALE else "f") == gender:
                kin = m
        if kin is None or _COMMA_NAME.match(self.text, kin.end()):
            return None
        if any(kin.end() <= p.start < pos for p in self.persons):
            return None
        return self._named_relative(kin.group("w").lower(), pos) or kin.group(0)

    def _named_relative(self, word: str, pos: int) -> str | None:
        """The person named before `pos` as the narrator's relative `word` ("my mother, Kim
        Ok-hwa")."""
        for p in self.persons:
            if p.start < pos and re.search(
                rf"\b(?:my|our)\s+(?:\w+\s+)?{word},?\s*$",
                self.text[max(0, p.start - 40) : p.start],
                re.I,
            ):
                return self.fullest(p.text, pos=p.start)
        return None

    def _role_in_testimony(self, pos: int, gender: str) -> str | None:
        """'The interrogator, a man called Kang, kicked me. He said, "…"': in a first-person
        paragraph (the narrator is "I", never "he"), a guard or officer the paragraph brought in
        after any person of the pronoun's gender is who the pronoun means."""
        para = self.text.rfind("\n", 0, pos) + 1
        if not _FIRST_PERSON.search(self.text, para, pos):
            return None
        lo = max(
            [para]
            + [
                p.end
                for p in self.persons
                if para <= p.end <= pos
                and self.gender.get(self.fullest(p.text, pos=p.start), gender) == gender
            ]
        )
        found = None
        for m in _ROLE_SUBJECT.finditer(self.text, lo, pos):
            g = "f" if m.group("g") in ("female", "woman") else "m" if m.group("g") else None
            if g in (None, gender) and not (gender == "f" and g is None):
                found = m
        if found is None:
            return None
        if found.group("name"):
            return self.fullest(found.group("name"))
        return _norm(found.group(0))

    def subject_before(self, pos: int, pronoun: str, lo: int | None = None) -> str | None:
        """'A man who had been released from the camp found my mother. He said …': a pronoun
        goes on with the main subject of the sentences before it (in its paragraph or the one
        before), walking back over the same pronoun, when that subject is a person — named, of
        a gender that fits, or a description ("the Chinese police" for "they") — rather than
        with whoever was named last. A description of unknown gender counts only where no
        person who fits is named between it and the pronoun (for "she", nowhere before)."""
        gender = {"he": "m", "him": "m", "she": "f", "her": "f"}.get(pronoun)
        same = {"he": "he", "him": "he", "she": "she", "her": "she", "they": "they"}
        if lo is None:
            lo = self.paragraph_before_start(pos)
        for s, e, low in self._subjects_before(pos, lo, own=True):
            if low in PRONOUNS:
                if same.get(low) == same.get(pronoun):
                    continue  # "She said … She added …": the same person, further back
                if gender and low == "they":
                    continue  # "They took her away …": a group is not who "she" means
                return None
            person = next((p for p in self.persons if p.start < e and s < p.end), None)
            if person is not None:
                name = self.fullest(person.text, pos=person.start)
                # someone of the other gender is who the sentences were about: not this rule's
                return name if gender and self.gender.get(name, gender) == gender else None
            words = set(re.findall(r"[a-z]+", low))
            head = _head_cased(_norm(self.text[s:e]))
            if head not in _PERSON_HEADS:
                continue
            plural = _plural(head)
            if plural != (pronoun == "they"):
                continue
            # "the supervisor, a prisoner herself whom …,": the appositive may say the gender
            appos = _APPOSITIVE.match(self.text, e)
            if appos:
                words |= set(re.findall(r"[a-z]+", appos.group(0).lower()))
            said = "f" if words & _FEMALE_WORDS else "m" if words & _MALE_WORDS else None
            if gender and said not in (gender, None):
                return None
            named = self._name_given(e)
            if named:  # "Another witness, a former driver identified as Mr. Cho, described …"
                return named if self.gender.get(named, said or gender) == gender else None
            kin = _NARRATOR_KIN.match(low)
            if kin:  # "My mother": the person the text gave as that relative, if it did
                return self._named_relative(kin.group("w").lower(), pos) or self.text[s:e]
            if gender and said is None:
                after = e if gender == "m" else 0
                if any(
                    after <= p.start < pos
                    and self.gender.get(self.fullest(p.text, pos=p.start), gender) == gender
                    for p in self.persons
                ):
                    continue
            det = _DETERMINER.search(self.text, s, e)  # "Years later a man": from "a"
            return self._resolve(
                self.text[det.start() if det else s : e], det.start() if det else s
            )
        return None

    def _subjects_before(
        self, pos: int, lo: int, own: bool = False
    ) -> Iterator[tuple[int, int, str]]:
        """The main subjects of the sentences before `pos`'s, nearest first, back to the one
        starting at `lo`, on the same side of a quotation mark as `pos`: (start, end, lower-case
        words); with `own`, first that of an earlier clause in `pos`'s sentence."""
        i = bisect_right(self.sentence_starts, pos) - 1
        quoted = self.inside_quote(pos)
        for k in range(i if own else i - 1, -1, -1):
            if self.sentence_starts[k] < lo:
                return
            found = self.subject_of(k, quoted)
            # the pronoun's own sentence counts where its subject is an earlier clause's that
            # "and" joins to the pronoun's ("The officer read out a sentence, and then he said")
            if found is not None and k == i and not _AND.search(self.text, found[1], pos):
                continue
            if found is not None and found[2] == quoted:
                yield found[0], found[1], _norm(self.text[found[0] : found[1]]).lower()

    def _thing_before(self, pos: int) -> str | None:
        """'The report calls on China to stop … "…," it said': "it" goes on with the main
        subject of the nearest sentence before it in its paragraph (walking back over "it")
        when that subject is a document or a body; anything else leaves "it" to the other
        rules."""
        for s, e, low in self._subjects_before(pos, self.text.rfind("\n", 0, pos) + 1):
            if low == "it" or not low:
                continue
            org = any(o.start < e and s < o.end for o in self.orgs)
            if not org and not (
                low.split()[0] in ("the", "its", "this") and _head(low) in _DOC_HEADS
            ):
                return None
            return self._resolve(self.text[s:e], s)
        return None

    def role_before(self, pos: int) -> str | None:
        """The last guard, officer or interrogator brought in ("The officer kept asking",
        "an interrogator … held up") in the paragraph of `pos` or the one before."""
        found = None
        for m in _ROLE.finditer(self.text, self.paragraph_before_start(pos), pos):
            found = m
        return _norm(found.group(0)) if found else None

    def _speaking_description_before(self, pos: int) -> str | None:
        """'"Take clothes," the older one said. ... He said, "..."': with nobody of the
        pronoun's gender named, the unnamed person who spoke last in the paragraph or the one
        before."""
        return self._last_nearby(self.speaking, pos)

    def paragraph_before_start(self, pos: int) -> int:
        """Where the paragraph before the one holding `pos` begins (the reach of "it", "he"
        and "the group" back from a quote)."""
        return self.text.rfind("\n", 0, max(0, self.text.rfind("\n", 0, pos) - 1)) + 1

    def _last_nearby(self, resolved: list[tuple[int, str]], pos: int) -> str | None:
        """The last of `resolved` (offset, speaker) before `pos`, in its paragraph or the one
        before."""
        lo = self.paragraph_before_start(pos)
        found = [d for s, d in resolved if lo <= s < pos]
        return found[-1] if found else None

    def _person_description_before(self, pos: int) -> str | None:
        """'she' with no named person before: 'a woman who escaped in 2019'."""
        found = None
        for m in _PERSON_DESC.finditer(self.text[:pos]):
            found = m.group(0)
        return found

    def _body_of_spokesperson(self, pos: int) -> str | None:
        for m in reversed(list(_SPOKES_FOR.finditer(self.text[: pos + 120]))):
            orgs = [o for o in self.orgs if m.end() <= o.start <= m.end() + 6]
            if orgs:
                return self.fullest(orgs[0].text, "ORG")
        return None

    def can_speak(self, phrase: str) -> bool:
        """Whether a phrase can be a source: a person, body, document or group of people."""
        head = _head(phrase.lower())
        return head in _DOC_HEADS or head in _SPOKES or head in _PEOPLE or head in PRONOUNS

    def _opens_paragraph(self, pos: int) -> bool:
        """Nothing but a dateline ("GENEVA — ") before `pos` in its paragraph."""
        lead = self.text[self.text.rfind("\n", 0, pos) + 1 : pos]
        return _LEAD_DATELINE.fullmatch(lead) is not None

    def _described(self, head: str, pos: int, later_only: bool = False) -> str | None:
        """The person described with `head` before `pos` ("Pak, a former guard", "former guard
        Pak"), else soon after; with `later_only` (an indefinite "a guard" brings in someone
        new), only after and only if nobody else is named first."""
        before = [d for d in self.descriptions if d[0] < pos and d[1] == head]
        if before and not later_only:
            return before[-1][2]
        after = [d for d in self.descriptions if pos < d[0] < pos + 600 and d[1] == head]
        if after and later_only and self._persons_from(pos + 1, after[0][0]):
            return None
        return after[0][2] if after else None

    def person_before(self, pos: int, gender: str | None = None) -> str | None:
        """The nearest person mentioned before `pos` (of `gender` unless the text says
        otherwise), given by the fullest name."""

        def other_gender(p: Entity) -> bool:
            return self.gender.get(self.fullest(p.text, pos=p.start), gender) != gender

        last = last_ending_by(self.persons, pos, other_gender if gender else None)
        return self.fullest(last.text, pos=last.start) if last else None

    def _sentence_end(self, pos: int) -> int:
        ends = [i for i in (self.text.find(". ", pos), self.text.find("\n", pos)) if i >= 0]
        return min(ends) if ends else len(self.text)

    def source_before(self, pos: int) -> str | None:
        """The last body before `pos`, in its paragraph or the one before, that was itself a
        source ("Open Doors ... estimates", "according to Voice of the Martyrs Korea"): "the
        group said" and "it said" go on with it rather than with a body it accused."""
        lo = self.paragraph_before_start(pos)
        for o in reversed([o for o in self.orgs if lo <= o.start and o.end <= pos]):
            if _SOURCE_AFTER.match(self.text, o.end) or _SOURCE_BEFORE.search(
                self.text, max(0, o.start - 20), o.start
            ):
                return self.fullest(o.text, "ORG")
        return None

    def org_before(
        self, pos: int, head: str | None = None, definite: bool = False, nearest: bool = True
    ) -> str | None:
        """The organisation behind a document or body: the one named in the sentence that
        introduced it ("a report released by Human Rights Watch"), else the nearest before."""
        if head:
            stop = self._sentence_end(pos)
            for m in reversed(list(re.finditer(rf"\b{re.escape(head)}\b", self.text[:stop], re.I))):
                lo = max(self.text.rfind(". ", 0, m.start()), self.text.rfind("\n", 0, m.start()))
                hi = self._sentence_end(m.end())
                limit = min(hi, pos if definite and m.start() >= pos - 1 else stop)
                near = [
                    o
                    for o in self.orgs
                    if lo < o.start
                    and o.end <= limit
                    and not self._carrier(o)
                    and not self._other_document_between(m.start(), m.end(), o)
                ]
                if near:
                    best = min(near, key=lambda o: abs(o.start - m.start()))
                    return self.fullest(best.text, "ORG")
        if not nearest:
            return None
        last = self.last_org_before(pos, carriers=False)
        return self.fullest(last.text, "ORG") if last else None

    def last_person_before(self, pos: int) -> Entity | None:
        """The last person (in order of start) that ends by `pos`."""
        return last_ending_by(self.persons, pos)

    def last_org_before(self, pos: int, carriers: bool = True) -> Entity | None:
        """The last organisation (in order of start) that ends by `pos`; without `carriers`,
        the last that no carrier phrase introduces (the nearest body `org_before` falls back
        on)."""
        return last_ending_by(self.orgs, pos, None if carriers else self._carrier)

    def _other_document_between(self, start: int, end: int, org: Entity) -> bool:
        """'issued the following statement in response to a report by the group X': X is the
        author of the report, not of the statement (another document noun stands between)."""
        lo, hi = (end, org.start) if org.start >= end else (org.end, start)
        return any(w in _DOCUMENTS for w in _WORD.findall(self.text[lo:hi].lower()))

    def _unissued(self, head: str, pos: int) -> bool:
        """Whether document `head` is "the text" of something, or was introduced ("a letter
        smuggled out") in a sentence that names no organisation."""
        if head == "text":
            return True
        if head not in _DOCUMENTS:
            return False
        intro = None
        for m in re.finditer(rf"\b[Aa]n? (?:[\w'-]+ ){{0,3}}{head}\b", self.text[:pos]):
            intro = m
        if intro is None:
            return False
        lo = max(self.text.rfind(". ", 0, intro.start()), self.text.rfind("\n", 0, intro.start()))
        hi = self._sentence_end(intro.end())
        return not any(lo < o.start < hi for o in self.orgs)

    def _carrier(self, org: Entity) -> bool:
        return bool(_CARRIER_BEFORE.search(self.text, max(0, org.start - 30), org.start))

    def resolve(self, mention: str, start: int) -> str | None:
        """Resolve a subject phrase found at `start` to a speaker name."""
        found = self._resolve(mention, start)
        if found:  # "The UN High Commissioner for Refugees (UNHCR)": the name without its acronym
            found = _ACRONYM_AFTER.sub("", found) or found
        if found and _NUMBERED.fullmatch(found):
            found = self._name_of_label(found) or found
        if found and found == _norm(mention) and _UNNAMED.match(found):
            self.speaking.append((start, found))
        if found and _head(mention.lower()) in _DOCUMENTS:
            self.written.append((start, found))
        return found

    def _resolve(self, mention: str, start: int) -> str | None:
        m = _norm(mention)
        low = m.lower()
        if not m:
            return None
        if low in PRONOUNS:
            if low == "it":
                thing = self._thing_before(start)
                if thing:  # 'The report calls on China … "…," it said.'
                    return thing
                last = [o for o in self.orgs if o.end <= start][-1:]
                within = [b for b in self.bodies if last and b[0] <= last[0].start < b[1]]
                if within:
                    return within[-1][2]
                spoke = self._last_nearby(self.written, start)
                if spoke:  # 'The statement said: "…" It continued: "…"'
                    return spoke
                return self.source_before(start) or self.org_before(start)
            if low == "they":
                return (
                    self.subject_before(start, low)
                    or self.org_before(start)
                    or self.person_before(start)
                    or self._speaking_description_before(start)
                )
            gender = "m" if low in ("he", "him", "his") else "f" if low in ("she", "her") else None
            return (
                (gender and self.subject_before(start, low))
                or (gender and self._narrator_kin_before(start, gender))
                or (gender and self._role_in_testimony(start, gender))
                or self.person_before(start, gender)
                or self._speaking_description_before(start)
                or self._person_description_before(start)
            )
        end = start + len(mention)
        named = _NAMED_AS.match(self.text, end)
        if named:  # "a former detainee, identified as Im, 41": the name given
            return self._name_within(named.start("name"), named.end("name"))
        label = _LABEL_APPOS.match(self.text, end)
        if label and _head(m.lower()) in _PERSON_HEADS | {"interviewee"}:
            return label.group("name")
        if _head_cased(m) in _PERSON_HEADS and _DETERMINER.match(m):
            appos = self._appositive_name(end)
            if appos:  # "The investigator, Ines Calderwood, a Chilean lawyer, said"
                return appos
        for p in self.persons:
            if p.start < end and start < p.end:
                return self.fullest(p.text, pos=p.start)
        what = _WHAT_SAID.match(m)
        if what:  # "Much of what he said came …": whoever said it
            return self._resolve(what.group("who"), start + what.start("who"))
        titled = _TITLED_NAME.fullmatch(m)
        if titled:  # "Chair of the panel Lindiwe Mokoena": the name, not its title
            return self.fullest(titled.group("name"), pos=start + titled.start("name"))
        if _NUMBERED.fullmatch(m):
            return m  # "Witness 41", "Interviewee 17": a label that stands for a name
        if _JOINT.fullmatch(m):
            return m  # "China and Russia said": both speak
        words = re.findall(r"[a-z]+", low)
        head = _head_cased(m)
        if head in _SPOKES:
            # "the spokesperson" speaks for the body named where it was introduced
            body = self._body_of_spokesperson(start)
            if body:
                return body
        inner_orgs = [o for o in self.orgs if o.start < end and start < o.end]
        if len(inner_orgs) == 1 and _TITLE_BEFORE.fullmatch(self.text, start, inner_orgs[0].start):
            # "the Special Rapporteur": a title that NER cut to its last word names itself
            return _norm(re.sub(r"^the\s+", "", m, flags=re.I))
        if inner_orgs and _ACCREDITED.search(self.text, start, inner_orgs[0].start):
            body = _norm(re.sub(r"^the\s+", "", m, flags=re.I))  # "the North's mission to the UN"
            self.bodies.append((start, end, body))
            return body
        if (
            words[:1] in (["a"], ["an"])
            and len(inner_orgs) == 1
            and head in _DOC_HEADS - _DOCUMENTS
            and head not in _words(inner_orgs[0].text)
            and re.search(rf"\b{head}\b", low[inner_orgs[0].end - start :])
        ):
            # "a UN commission of inquiry concluded": a body of its own, which the named body
            # only qualifies (a document, "a UN report", is still its author's)
            return _norm(m.split(None, 1)[1])
        if inner_orgs and (
            head in _words(inner_orgs[0].text) or head in _DOC_HEADS or head in _SPOKES
        ):
            return self.fullest(inner_orgs[0].text, "ORG")
        named = [o for o in self.orgs if o.end <= start and head in _words(o.text)]
        if words and words[0] in ("the", "its", "this") and named:
            return self.fullest(named[-1].text, "ORG")  # "the association" after its full name
        if head in _DOC_HEADS and words[:1] in (["his"], ["her"]) and len(words) == 2:
            # "his office wrote": the person "his" refers to, whose office or report it is
            owner = self._resolve("he" if words[0] == "his" else "she", start)
            if owner:
                return owner
        if head in _DOCUMENTS and words[:1] in (["his"], ["her"]) and _ABOUT_PERSON & set(words):
            # "her sentencing document called it …": a document the authorities wrote about the
            # person, by nobody the text names, speaks as itself
            return m
        owned = _OWNER.fullmatch(m)
        if owned and head in _DOCUMENTS and _norm(owned.group(1)).lower() not in PRONOUNS:
            # "the committee's written report": whoever the owner is
            owner = self._resolve(owned.group(1), start)
            if owner:
                return owner
        if head in _DOC_HEADS:
            author = _AUTHOR_AFTER.match(self.text, end)
            if author:  # "The report, published last month by the Pacific Institute, said"
                # "by the London-based group Korea Detention Watch": past its description
                by = [
                    o
                    for o in self.orgs
                    if author.end() <= o.start <= author.end() + 50
                    and not re.search(r"[,.;]", self.text[author.end() : o.start])
                ]
                if by:
                    return self.fullest(by[0].text, "ORG")
            comma = _COMMA_SPACE.match(self.text, end)  # only orgs just after it can follow
            appos = [o for o in self.orgs if comma and end + 2 <= o.start <= comma.end()]
            if appos:  # "the group, NK Watch Network, ..."
                return self.fullest(appos[0].text, "ORG")
            named_next = _APPOS_NAME.match(self.text, end)
            if named_next and words and words[0] in ("the", "a", "an"):
                return re.sub(r"^the\s+", "", named_next.group(1))
            if any(w[:1].isupper() for w in m.split()[1:]):
                return m  # "North Korea's mission": names itself
            if words and words[0] in ("a", "an"):
                # "according to a rights group ... The Committee for ... said": named next
                nxt = [o for o in self.orgs if end <= o.start < end + 300]
                if nxt and not [o for o in self.orgs if start - 200 < o.start < start]:
                    return self.fullest(nxt[0].text, "ORG")
            if words and words[0] in ("the", "this") and self._unissued(head, start):
                # "citing a letter smuggled out by his sister ... The letter said": a document
                # the text introduced without a body behind it speaks as itself
                return self.org_before(start, head, definite=True, nearest=False) or m
            if words and words[0] in ("the", "its", "this"):
                source = self.source_before(start)
                if source:
                    return source
            if head == "document" and not re.search(r"\bdocument\b", self.text[:start], re.I):
                # "the document stated" where no document was called that: the first document
                # the text introduced with its source ("a white paper from X"), not the one it
                # answers
                first = _DOCUMENT_FROM.search(self.text, 0, start)
                by = first and [o for o in self.orgs if 0 <= o.start - first.end() <= 3]
                if by:
                    return self.fullest(by[0].text, "ORG")
            return self.org_before(start, head, definite=True) or m
        if words and words[0] == "the" and len(words) == 2:
            label = self._label_before(head, start)
            if label and not any(
                label[1] < d[0] < start and d[1] == head for d in self.descriptions
            ):
                return self._name_of_label(label[0]) or label[0]
        indefinite = words[:1] in (["a"], ["an"])
        if indefinite and head in _PERSON_HEADS:
            # "A man who spent eight years ... says": someone new, whom the story may name later
            found = self._revealed(head, low, end)
            if found:
                return found
        if words and words[0] in ("the", "this", "that", "a", "an", "one"):
            found = self._described(head, start, later_only=indefinite)
            if found:
                return found
        if (
            words
            and words[0] in ("a", "an")
            and head not in _DOC_HEADS
            and not _plural(head)
            and self._opens_paragraph(start)
            and not any(p.end <= start for p in self.persons)
        ):
            # "A former teacher told a conference ... Pyon Sung-ok, 58, said ...": a story
            # opens with a description and names the person in the next sentences; once the
            # story has named people, a new description is someone new, not the next name
            after = [
                p for p in self.persons if start < p.start < start + 400 and " " in p.text.strip()
            ]
            if after:
                return self.fullest(after[0].text)
        if words and words[0] in ("the", "this", "that") and len(words) <= 3:
            # "the official" after "A Unification Ministry official, speaking ...,": the fuller
            # indefinite description that introduced them
            intro = None
            for im in re.finditer(
                rf"\b[Aa]n? (?:[\w'-]+ ){{0,4}}{re.escape(head)}\b", self.text[:start]
            ):
                intro = im
            if intro:
                # "an old prisoner told a guard": the description begins at its last article
                last = list(re.finditer(r"\b[Aa]n? ", intro.group(0)))[-1].start()
                i0 = intro.start() + last
                # "NK Insight, a Seoul-based news site, ...": the name the description is of
                named = self._named_by(i0, intro.end())
                if named:
                    return named
                body = _SPOKES_TAIL.match(self.text, intro.end()) if head in _SPOKES else None
                if body:  # "A spokesman for the ministry": whom they speak for is part of it
                    return self.text[i0 : body.end()]
                if head in _PERSON_HEADS:  # "the investigator" the story names later
                    revealed = self._revealed(head, low, end)
                    if revealed:
                        return revealed
                if len(self.text[i0 : intro.end()].split()) > 2:
                    return self.text[i0 : intro.end()]
                return m  # "a guard … The guard answered": no fuller than the mention
            if words[1:2] == ["former"] and head in _PERSON_HEADS:
                # "By the time An Sung-ho agreed to talk … "…," the former guard said": a
                # description never introduced, of what someone used to be, is the person
                # named just before (in its paragraph or the one before)
                lo = self.paragraph_before_start(start)
                near = [p for p in self.persons if lo <= p.start and p.end <= start]
                if near:
                    return self.fullest(near[-1].text, pos=near[-1].start)
            if head in _PERSON_HEADS:  # "the former officer" the story names later
                return self._revealed(head, low, end) or m
        return m

    def _revealed(self, head: str, low: str, end: int) -> str | None:
        """'A man who spent eight years ... says …' and later 'The former officer, who gave his
        name as Ri Kwang-su, …': a person a story describes before naming is the one a later
        sentence names in apposition to a definite description that opens it ("The woman, Jo
        Myong-hui, 58,"), with the same head (or "the man", "the woman") and a gender that
        fits, when nobody else is named in between."""
        for m in _REVEAL.finditer(self.text, end, min(len(self.text), end + _REVEAL_REACH)):
            other = m.group("head")
            if self.inside_quote(m.start()) or other not in _PERSON_HEADS:
                continue
            name = self._appositive_name(m.end())
            if name is None:
                continue
            if any(not self.inside_quote(p.start) for p in self._persons_from(end, m.start())):
                return None  # someone else was named first: the description may be theirs
            if not (other == head or {"man", "woman"} & {other, head}):
                return None
            said = _gender_of(_words(low))
            told = _gender_of(_words(self.text[m.start() : m.end() + 60]))
            return None if said and told and said != told else name
        return None

    def _persons_from(self, lo: int, hi: int) -> list[Entity]:
        """The persons that start at lo..hi (hi excluded), in order."""
        return starting_in(self._by_start, lo, hi)

    def _name_given(self, pos: int) -> str | None:
        """The name an appositive or naming clause right after a description gives (", a
        former driver identified as Mr. Cho", ", Jo Myong-hui, 58,")."""
        named = _NAMED_AS.match(self.text, pos)
        if named:
            return self._name_within(named.start("name"), named.end("name"))
        return self._appositive_name(pos)

    def _appositive_name(self, pos: int) -> str | None:
        """The name an appositive at `pos` gives: ", Jo Myong-hui, 58", ", identified in the
        report as Kang Song-jin" (not a new description: ", a man we called Kang")."""
        nxt = next(iter(self._persons_from(pos, len(self.text) + 1)[:1]), None)
        if (
            nxt
            and _NAME_AFTER_LABEL.fullmatch(self.text, pos, nxt.start)
            and self.text[nxt.end : nxt.end + 1] in (",", ".", ";")  # not "the guard, Kim said,"
        ):
            return self.fullest(nxt.text, pos=nxt.start)
        named = _NAMED_AS.match(self.text, pos)
        if named and not _NEW_DESCRIPTION.match(self.text, pos):
            return self._name_within(named.start("name"), named.end("name"))
        bare = _BARE_NAME.match(self.text, pos)
        return _norm(bare.group("name")) if bare else None

    def _name_within(self, start: int, end: int) -> str:
        """A name the text gives at start..end, as the person it names inside it ("Section
        Chief Ryu" is Ryu where only "Ryu" was recognised), else as written."""
        # (not an initial: "Mr. P" needs its title)
        inner = [p for p in self._persons_from(start, end) if p.end <= end and len(p.text) > 1]
        if inner:
            p = max(inner, key=lambda p: p.end - p.start)
            return self.fullest(p.text, pos=p.start)
        return self.fullest(self.text[start:end])

    def _name_of_label(self, label: str) -> str | None:
        """'Witness W-11, Mr Ri Gwang-chol, a former guard': the name a label was given beside,
        which is fuller than the label."""
        for m in re.finditer(re.escape(label) + r"(?![\w-])", self.text):
            after = _NAME_AFTER_LABEL.match(self.text, m.end())
            name = after and next((p for p in self.persons if p.start == after.end()), None)
            if name:
                return self.fullest(name.text, pos=name.start)
        return None

    def _label_before(self, head: str, pos: int) -> tuple[str, int] | None:
        """'the witness answered' after 'Witness W-7 stated …': the last label of that word
        before `pos` (within a few paragraphs), and where it stands."""
        label = re.compile(rf"\b{head.capitalize()} {_LABEL_NO}\b")
        found = None
        for m in label.finditer(self.text, max(0, pos - 3000), pos):
            found = m
        return (found.group(0), found.start()) if found else None

    def _named_by(self, start: int, end: int) -> str | None:
        """The person or body a description stands in apposition to: 'NK Insight, <a news
        site>' or '<a news site>, NK Insight,'."""
        for e in self.persons + self.orgs:
            if (0 < start - e.end <= 3 and _COMMA.fullmatch(self.text, e.end, start)) or (
                0 < e.start - end <= 3 and _COMMA.fullmatch(self.text, end, e.start)
            ):
                return self.fullest(e.text, e.label, pos=e.start)
        return None
