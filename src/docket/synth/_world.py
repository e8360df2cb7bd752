"""The invented ground truth behind the demo documents: who was held where, who did what.

Documents are renderings of this world, so the manifest can say what a perfect pipeline should
find: which mentions are the same victim, which two testimonies are one witness, which articles
repeat one account. Facilities come from the shipped gazetteer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from docket.synth._dates import When, random_when
from docket.synth._names import KoreanName, NameMaker
from docket.vocab import Facility, facility_by_id


@dataclass(frozen=True)
class Setting:
    """A facility and period several witnesses passed through."""

    key: str
    facility_id: str
    first_year: int
    last_year: int
    holding_id: str | None
    acts: tuple[str, ...]
    labour: str
    women_share: float
    witnesses: int
    event_act: str


SETTINGS = (
    Setting(
        "yodok",
        "KWN-15",
        1993,
        2000,
        "DET-HRY-SSD",
        ("CAH-E", "V-FORCEDLAB", "V-PUBEXEC", "CAH-K", "V-DEATHCUST", "V-GUILTASSOC", "CAH-F"),
        "gypsum",
        0.4,
        8,
        "V-PUBEXEC",
    ),
    Setting(
        "camp14",
        "KWN-14",
        1986,
        1996,
        None,
        ("CAH-E", "V-FORCEDLAB", "V-PUBEXEC", "CAH-F", "V-DEATHCUST", "V-GUILTASSOC"),
        "coal",
        0.3,
        5,
        "V-PUBEXEC",
    ),
    Setting(
        "camp22",
        "KWN-22",
        1992,
        2004,
        "DET-HRY-SSD",
        ("CAH-E", "V-FORCEDLAB", "CAH-K", "V-DEATHCUST", "V-SEXVIOL", "CAH-F"),
        "farm",
        0.4,
        6,
        "V-DEATHCUST",
    ),
    Setting(
        "kaechon",
        "KHS-01",
        1989,
        1997,
        None,
        ("CAH-E", "V-FORCEDLAB", "CAH-F", "V-DEATHCUST", "V-FORCEDABORT"),
        "sewing",
        0.6,
        5,
        "V-FORCEDABORT",
    ),
    Setting(
        "jongori",
        "KHS-12",
        2004,
        2013,
        "DET-ONS-MSS",
        ("V-REFOULE", "CAH-E", "V-FORCEDLAB", "V-FORCEDABORT", "V-SEXVIOL", "V-DEATHCUST", "CAH-F"),
        "copper",
        0.75,
        8,
        "V-DEATHCUST",
    ),
    Setting(
        "onsong",
        "DET-ONS-MSS",
        2010,
        2012,
        None,
        ("V-REFOULE", "V-ARBDET", "V-SEXVIOL", "V-FORCEDABORT", "CAH-F"),
        "cell",
        0.8,
        6,
        "V-FORCEDABORT",
    ),
    Setting(
        "chungsan",
        "KHS-11",
        2001,
        2010,
        "DET-SNJ-MSS",
        ("CAH-E", "V-FORCEDLAB", "CAH-K", "V-DEATHCUST"),
        "salt",
        0.5,
        4,
        "V-DEATHCUST",
    ),
)

HOMETOWNS = (
    ("Hyesan", "Ryanggang", "혜산", "양강도"),
    ("Chongjin", "North Hamgyong", "청진", "함경북도"),
    ("Hamhung", "South Hamgyong", "함흥", "함경남도"),
    ("Sinuiju", "North Pyongan", "신의주", "평안북도"),
    ("Pyongyang", "", "평양", ""),
    ("Musan", "North Hamgyong", "무산", "함경북도"),
    ("Hoeryong", "North Hamgyong", "회령", "함경북도"),
    ("Kimchaek", "North Hamgyong", "김책", "함경북도"),
    ("Wonsan", "Kangwon", "원산", "강원도"),
    ("Nampo", "", "남포", ""),
    ("Kanggye", "Chagang", "강계", "자강도"),
    ("Sariwon", "North Hwanghae", "사리원", "황해북도"),
)

PERPETRATOR_ROLES = ("guard", "security officer", "work-team leader", "interrogator", "warden")


@dataclass
class Person:
    id: str
    name: KoreanName
    sex: str
    birth_year: int
    role: str  # witness, victim, perpetrator
    hometown: int
    setting: str
    fate: str = ""  # victims: starved, executed, beaten, accident, disappeared
    when: When | None = None  # victims: when the fate happened
    detail: str = ""  # perpetrators: their role


@dataclass
class Event:
    id: str
    act: str
    setting: str
    when: When
    victims: list[str]
    perpetrators: list[str]
    count: int  # how many people it struck, as the witnesses saw it


@dataclass
class Witness:
    person: Person
    pseudonym: str
    language: str
    consent: str
    name_style: str
    interviewer: str
    interview_date: str
    place: str
    arrest: When
    release_year: int
    reason: int
    victims: list[str] = field(default_factory=list)
    perpetrators: list[str] = field(default_factory=list)
    events: list[str] = field(default_factory=list)
    others: list[Person] = field(default_factory=list)  # fellow prisoners named by this one only
    document_id: str = ""


@dataclass
class World:
    settings: dict[str, Setting]
    people: dict[str, Person]
    events: dict[str, Event]
    witnesses: list[Witness]
    duplicate_of: dict[str, str]  # pseudonym -> pseudonym of the same person's earlier testimony
    press_witness: str  # pseudonym of the witness whose account many outlets repeat

    def facility(self, setting: str) -> Facility:
        return facility_by_id()[self.settings[setting].facility_id]


INTERVIEWERS_EN = (
    "J. Morrison",
    "A. Okafor",
    "L. Fernandes",
    "S. Lindqvist",
    "M. Haddad",
    "R. Whitfield",
    "C. Dubois",
    "T. Nakamura",
)
INTERVIEWERS_KO = ("한지원", "오세린", "문태경", "배수정", "임도현")
PLACES_EN = (
    "Seoul",
    "Bangkok",
    "London",
    "Toronto",
    "Busan",
    "Tokyo",
    "Washington, DC",
    "Ulaanbaatar",
    "Incheon",
)
PLACES_KO = ("Seoul", "Busan", "Incheon", "Anseong", "Seoul")
CONSENTS = ("none", "internal", "anonymous", "public")
EN_STYLES = ("popular", "popular", "popular", "dprk", "mr", "rr")


def build_world(seed: int) -> World:
    rng = random.Random(f"docket-synth:{seed}:world")
    names = NameMaker(random.Random(f"docket-synth:{seed}:names"))
    people: dict[str, Person] = {}
    events: dict[str, Event] = {}
    witnesses: list[Witness] = []
    pseudo_numbers = rng.sample(range(11, 999), 60)

    def person(role: str, setting: Setting, sex: str | None = None, **kw: object) -> Person:
        sex = sex or ("F" if rng.random() < setting.women_share else "M")
        p = Person(
            id=f"P-{len(people) + 1:03d}",
            name=names.make(sex),
            sex=sex,
            birth_year=setting.first_year - rng.randint(18, 50),
            role=role,
            hometown=rng.randrange(len(HOMETOWNS)),
            setting=setting.key,
            **kw,
        )
        people[p.id] = p
        return p

    n_ko = 0
    for setting in SETTINGS:
        # Shared victims and perpetrators: several witnesses name them, in different spellings.
        fate = EVENT_FATE[setting.event_act]
        victims = [
            person(
                "victim",
                setting,
                sex="F" if fate == "abortion" else None,
                fate=fate,
                when=random_when(rng, setting.first_year + 1, setting.last_year - 1),
            )
        ]
        victims += [
            person(
                "victim",
                setting,
                fate=rng.choice(_fates(setting)),
                when=random_when(rng, setting.first_year, setting.last_year),
            )
            for _ in range(2)
        ]
        perps = [
            person("perpetrator", setting, sex="M", detail=rng.choice(PERPETRATOR_ROLES))
            for _ in range(2)
        ]
        ev_victims = [v for v in victims if v.fate == fate]
        for v in ev_victims:  # struck together, in one event
            v.when = victims[0].when
        ev = Event(
            id=f"E-{len(events) + 1:02d}",
            act=setting.event_act,
            setting=setting.key,
            when=victims[0].when or random_when(rng, setting.first_year, setting.last_year),
            victims=[v.id for v in ev_victims],
            perpetrators=[perps[0].id],
            count=max(len(ev_victims), rng.choice((2, 3, 4) if fate == "executed" else (5, 7, 12))),
        )
        events[ev.id] = ev
        group: list[Witness] = []
        for _ in range(setting.witnesses):
            p = person("witness", setting)
            lang = "ko" if (n_ko < 12 and rng.random() < 0.32) else "en"
            n_ko += lang == "ko"
            w = Witness(
                person=p,
                pseudonym=f"W-{pseudo_numbers[len(witnesses)]:04d}",
                language=lang,
                consent=rng.choice(CONSENTS),
                name_style="hangul" if lang == "ko" else rng.choice(EN_STYLES),
                interviewer=rng.choice(INTERVIEWERS_KO if lang == "ko" else INTERVIEWERS_EN),
                interview_date=f"{rng.randint(2005, 2024)}-{rng.randint(1, 12):02d}-"
                f"{rng.randint(1, 28):02d}",
                place=rng.choice(PLACES_KO if lang == "ko" else PLACES_EN),
                arrest=random_when(rng, setting.first_year - 1, setting.first_year + 2),
                release_year=rng.randint(setting.last_year - 2, setting.last_year + 1),
                reason=rng.choice(_reasons(setting)),
                others=[
                    person("victim", setting, fate="survived") for _ in range(rng.randint(1, 2))
                ],
            )
            group.append(w)
            witnesses.append(w)
        # Each shared victim, perpetrator and the event is named by at least two witnesses.
        for item_id, attr in (
            [(v.id, "victims") for v in victims]
            + [(x.id, "perpetrators") for x in perps]
            + [(ev.id, "events")]
        ):
            chosen = rng.sample(group, 2) + [w for w in group if rng.random() < 0.35]
            for w in chosen:
                if item_id not in getattr(w, attr):
                    getattr(w, attr).append(item_id)
        for w in group:
            if not w.victims:
                w.victims.append(rng.choice(victims).id)
            # A witness was held while what they describe happened.
            years = [people[v].when.year for v in w.victims]  # type: ignore[union-attr]
            years += [events[e].when.year for e in w.events]
            if w.arrest.year >= min(years):
                w.arrest = When(min(years) - 1, w.arrest.month)
            w.release_year = max(w.release_year, max(years))
    # Make sure the Korean quota is met even if the draw fell short.
    for w in witnesses:
        if n_ko >= 12:
            break
        if w.language == "en":
            w.language, w.name_style, n_ko = "ko", "hangul", n_ko + 1
            w.interviewer, w.place = rng.choice(INTERVIEWERS_KO), rng.choice(PLACES_KO)

    # Trap 1: one witness interviewed twice, under a new pseudonym and another romanization.
    first = next(w for w in witnesses if w.person.setting == "yodok" and w.language == "en")
    other_style = "dprk" if first.name_style != "dprk" else "popular"
    year = int(first.interview_date[:4])
    again = Witness(
        person=first.person,
        pseudonym=f"W-{pseudo_numbers[len(witnesses)]:04d}",
        language="en",
        consent="internal",
        name_style=other_style,
        interviewer=next(i for i in INTERVIEWERS_EN if i != first.interviewer),
        interview_date=f"{year + 3 if year < 2021 else year - 4}-{rng.randint(1, 12):02d}-"
        f"{rng.randint(1, 28):02d}",
        place=next(p for p in PLACES_EN if p != first.place),
        arrest=first.arrest,
        release_year=first.release_year,
        reason=first.reason,
        victims=list(first.victims),
        perpetrators=list(first.perpetrators),
        events=list(first.events),
        others=[],
    )
    witnesses.append(again)
    # Trap 2: one witness whose account many outlets repeat.
    candidates = [w for w in witnesses if w.language == "en" and w is not first]
    press = sorted(
        candidates,
        key=lambda w: (w.person.setting != "jongori", w.person.sex != "F", len(w.victims) * -1),
    )[0]
    press.consent = "public"
    # Enough witnesses agreed to speak to the press for the feature articles.
    for w in witnesses:
        if sum(x.consent in ("public", "anonymous") for x in witnesses) >= 14:
            break
        if w.consent in ("none", "internal") and w is not again:
            w.consent = "anonymous"
    return World(
        settings={s.key: s for s in SETTINGS},
        people=people,
        events=events,
        witnesses=witnesses,
        duplicate_of={again.pseudonym: first.pseudonym},
        press_witness=press.pseudonym,
    )


EVENT_FATE = {"V-PUBEXEC": "executed", "V-DEATHCUST": "starved", "V-FORCEDABORT": "abortion"}


def _reasons(setting: Setting) -> tuple[int, ...]:
    """Arrest reasons that fit the era and place (indexes into the testimony reason pools).

    0 radio, 1 crossing to China, 2 family guilt, 3 Bible, 4 smuggling, 5 complaining,
    6 South Korean dramas on USB, 7 missionaries in China.
    """
    if setting.key in ("onsong", "jongori"):
        return (1, 1, 6, 7)
    if setting.first_year < 1995:
        return (0, 2, 2, 3, 5)
    return (0, 1, 2, 3, 4, 5, 7)


def _fates(setting: Setting) -> tuple[str, ...]:
    fates = ["starved", "beaten", "disappeared"]
    if "V-PUBEXEC" in setting.acts:
        fates += ["executed", "executed"]
    if setting.labour in ("coal", "gypsum", "copper"):
        fates.append("accident")
    return tuple(fates)
