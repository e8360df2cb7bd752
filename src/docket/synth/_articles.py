"""News stories: what each article says, before an outlet's page template wraps it.

Features on one witness under a press alias, camp news built on the gazetteer's published
estimates, and hearing reports. Every story quotes an official denial. `_newsroom` decides which
stories run where.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from docket.synth._facility_names import first_mention_en, later_mention_en, short_en
from docket.synth._names import KoreanName, NameMaker
from docket.synth._outlets import (
    AGENCY,
    ANALYST_QUOTES,
    CAPTIONS,
    DENIAL_FRAMES,
    DENIALS,
    REPORTERS,
    Outlet,
    denial_year,
)
from docket.synth._quotes import LONG_QUOTES, QUOTES
from docket.synth._world import HOMETOWNS, Person, Witness, World


@dataclass
class Story:
    """An article's content and ground truth; `paragraphs` are plain text with curly quotes."""

    id: str
    outlet: Outlet
    author: str
    published: str  # ISO date
    headline: str
    deck: str
    paragraphs: list[str]
    section: str
    photo_caption: str
    source_line: str
    tags: list[str]
    witnesses: list[str] = field(default_factory=list)  # pseudonyms quoted
    aliases: dict[str, str] = field(default_factory=dict)  # pseudonym -> alias as printed
    people: list[dict] = field(default_factory=list)
    facility_ids: list[str] = field(default_factory=list)
    republished_from: str = ""
    multi_paragraph_quote: bool = False


def said(quote: str, who: str) -> str:
    """“Quote,” she said. — the closing full stop of a quotation becomes a comma."""
    q = quote[:-1] + "," if quote.endswith(".") else quote
    return f"“{q}” {who} said."


def _denial(text: str) -> dict[str, str]:
    return {"denial": text, "denial_c": text[:-1] + ","}


def _pron(p: Person) -> tuple[str, str, str]:
    return ("she", "her", "Ms.") if p.sex == "F" else ("he", "his", "Mr.")


def date_between(rng: random.Random, first: int, last: int) -> str:
    year = rng.randint(max(2010, first), max(2010, min(2024, last)))
    return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


class StoryWriter:
    def __init__(self, world: World, seed: int) -> None:
        self.world = world
        self.seed = seed
        self.aliases: dict[str, KoreanName] = {}
        maker = NameMaker(random.Random(f"docket-synth:{seed}:aliases"))
        for w in world.witnesses:  # reserve every real (synthetic) name so no alias collides
            maker.reserve(w.person.name)
        for p in world.people.values():
            maker.reserve(p.name)
        self._maker = maker
        pool_rng = random.Random(f"docket-synth:{seed}:quotes")
        self._quotes = pool_rng.sample(QUOTES, len(QUOTES))
        self._long = pool_rng.sample(LONG_QUOTES, len(LONG_QUOTES))
        self._given: dict[str, list[str]] = {}
        self._given_long: dict[str, tuple[str, str]] = {}

    def quotes(self, w: Witness) -> list[str]:
        """This witness's two quotes: the same words whenever the witness is quoted."""
        if w.pseudonym not in self._given:
            taken = len(self._given) * 2
            pool = self._quotes
            self._given[w.pseudonym] = [pool[taken % len(pool)], pool[(taken + 1) % len(pool)]]
        return self._given[w.pseudonym]

    def long_quote(self, w: Witness) -> tuple[str, str]:
        if w.pseudonym not in self._given_long:
            self._given_long[w.pseudonym] = self._long[len(self._given_long) % len(self._long)]
        return self._given_long[w.pseudonym]

    def alias(self, w: Witness) -> KoreanName:
        if w.pseudonym not in self.aliases:
            self.aliases[w.pseudonym] = self._maker.make(w.person.sex)
        return self.aliases[w.pseudonym]

    def name(self, p: Person, outlet: Outlet) -> str:
        return p.name.render(outlet.name_style)

    def witness_story(
        self,
        sid: str,
        w: Witness,
        outlet: Outlet,
        rng: random.Random,
        published: str,
        long_quote: bool,
    ) -> Story:
        """A feature built on one witness's account, the witness under a press alias."""
        world = self.world
        fac = world.facility(w.person.setting)
        alias = self.alias(w).render(outlet.name_style)
        family = self.alias(w).family(outlet.name_style)
        pron, poss, title = _pron(w.person)
        age_then = w.arrest.year - w.person.birth_year
        year = int(published[:4])
        paras = [
            rng.choice(
                (
                    f"{alias} was {age_then} when {pron} was sent to {first_mention_en(fac, rng)}. "
                    f"More than {year - w.release_year} years after {poss} release, {pron} still "
                    "keeps a bowl of rice by the bed at night.",
                    f"For {alias}, the memories of {short_en(fac)} come "
                    f"back every winter. {pron.capitalize()} "
                    f"was {age_then} when guards marched "
                    f"{('her' if pron == 'she' else 'him')} through "
                    "the camp gate.",
                )
            )
        ]
        pops = list(zip(fac.est_population, fac.est_year, strict=False))
        if pops:
            pop, when = rng.choice(pops)
            fig = f"{int(pop.split('-')[0]):,}" if pop.split("-")[0].isdigit() else pop
            paras.append(
                f"{alias}, whose name has been changed to protect relatives still in the "
                f"North, is one of a small number of people known to have left "
                f"{later_mention_en(fac, rng)}. Published estimates put its population "
                f"at about {fig} people ({when})."
            )
        else:
            paras.append(
                f"{alias}, whose name has been changed to protect relatives still in the "
                f"North, spoke to {outlet.name} in {rng.choice(('Seoul', 'Bangkok'))}."
            )
        quotes = [*self.quotes(w)]
        v0 = world.people[w.victims[0]]
        quotes.append(
            rng.choice(
                (
                    f"I think about {self.name(v0, outlet)} every day. Nobody has ever told the "
                    "family what happened.",
                    f"If {self.name(v0, outlet)} were alive, I would not need to speak. "
                    "I speak for the ones who cannot.",
                )
            )
        )
        paras.append(said(quotes[0], pron))
        people: list[dict] = []
        for vid in w.victims[:2]:
            v = world.people[vid]
            written = self.name(v, outlet)
            people.append({"person_id": vid, "written_as": written, "role": "victim"})
            assert v.when is not None
            fate = {
                "starved": "died of hunger",
                "beaten": "died after a beating",
                "disappeared": "was taken away and never seen again",
                "executed": "was executed in front of the other prisoners",
                "accident": "was killed when a mine tunnel collapsed",
                "abortion": "was forced to undergo an abortion",
            }[v.fate]
            paras.append(
                rng.choice(
                    (
                        f"{title} {family} remembers {written}, a fellow prisoner who {fate} in "
                        f"{v.when.en(rng)}.",
                        f"{pron.capitalize()} also spoke of {written}, "
                        f"who {fate} in {v.when.en(rng)}.",
                        f"Among the prisoners {pron} knew was {written}, who {fate} in "
                        f"{v.when.en(rng)}, {pron} said.",
                    )
                )
            )
        multi = False
        if long_quote:
            first, second = self.long_quote(w)
            paras.append(f"“{first}")  # the quotation runs on into the next paragraph
            paras.append(said(second, pron))
            multi = True
        for eid in w.events:
            ev = world.events[eid]
            when = ev.when.en(rng)
            paras.append(
                {
                    "V-PUBEXEC": f"{pron.capitalize()} says {pron} witnessed a public execution "
                    f"of prisoners accused of trying to escape in {when}.",
                    "V-DEATHCUST": f"{pron.capitalize()} says that in {when} people in {poss} "
                    "unit were dying almost every day.",
                    "V-FORCEDABORT": f"{pron.capitalize()} says {pron} saw pregnant women forced "
                    f"to end their pregnancies in {when}.",
                }[ev.act]
            )
        paras.append(
            rng.choice(DENIAL_FRAMES).format(
                agency=AGENCY, year=denial_year(rng, year), **_denial(rng.choice(DENIALS))
            )
        )
        paras.append(said(quotes[1], family) + f" “{quotes[2]}”")
        return Story(
            id=sid,
            outlet=outlet,
            author=rng.choice(REPORTERS[outlet.key]),
            published=published,
            headline=rng.choice(
                (
                    f"‘{quotes[0].split('.')[0]}’: a survivor of {short_en(fac)} speaks",
                    f"Former prisoner recalls hunger and executions at {short_en(fac)}",
                    f"Survivor of {short_en(fac)} asks the world to remember",
                    f"‘Every morning we counted the living’: life inside {short_en(fac)}",
                    f"{alias}: my years in {short_en(fac)}",
                    f"The long silence of a {short_en(fac)} survivor",
                )
            ),
            deck=f"A former prisoner describes years of forced labour at {short_en(fac)}.",
            paragraphs=paras,
            section="World",
            tags=["North Korea", "Human rights", short_en(fac)],
            photo_caption=rng.choice(CAPTIONS).format(
                town=HOMETOWNS[rng.randrange(len(HOMETOWNS))][0],
                who="her" if w.person.sex == "F" else "his",
            ),
            source_line=f"SOURCE: Interview by {outlet.name}; published population estimates.",
            witnesses=[w.pseudonym],
            aliases={w.pseudonym: alias},
            people=people,
            facility_ids=[fac.id],
            multi_paragraph_quote=multi,
        )

    def camp_story(
        self, sid: str, fid: str, outlet: Outlet, rng: random.Random, published: str
    ) -> Story:
        """News about a facility (imagery, closure, population) with an analyst and a denial."""
        first, second = ANALYST_QUOTES[int(sid[1:]) % len(ANALYST_QUOTES)]
        from docket.vocab import facility_by_id

        fac = facility_by_id()[fid]
        analyst = rng.choice(
            ("Marta Kowalczyk", "Peter Abernathy", "Yoon-hee Kwak", "Samuel Ortega")
        )
        year = int(published[:4])
        pops = [
            (p, y)
            for p, y in zip(fac.est_population, fac.est_year, strict=False)
            if p.split("-")[0].isdigit()
        ]
        paras = [
            rng.choice(
                (
                    "New satellite images show changes at one of "
                    "the largest detention sites in the "
                    f"country, {first_mention_en(fac, rng)}, analysts said on "
                    f"{('Monday', 'Tuesday', 'Thursday')[rng.randrange(3)]}.",
                    "Guard towers and housing blocks appear to have "
                    "been altered in recent months at "
                    f"{first_mention_en(fac, rng)}, according to "
                    "an analysis of commercial satellite "
                    "imagery.",
                )
            )
        ]
        if pops:
            pop, when = rng.choice(pops)
            paras.append(
                f"Researchers have estimated that {later_mention_en(fac, rng)} held about "
                f"{int(pop.split('-')[0]):,} prisoners ({when}), though figures vary widely "
                "and cannot be checked independently."
            )
        paras.append(
            f"“{first},” said {analyst}, an imagery analyst who has studied the site for "
            f"years. “{second}”"
        )
        paras.append(
            f"{fac.province} Province, where the site is located, is closed to foreign journalists."
        )
        paras.append(
            rng.choice(DENIAL_FRAMES).format(
                agency=AGENCY, year=denial_year(rng, year), **_denial(DENIALS[0])
            )
        )
        paras.append(
            f"{analyst.split()[-1]} said further imagery would be published later this year."
        )
        return Story(
            id=sid,
            outlet=outlet,
            author=rng.choice(REPORTERS[outlet.key]),
            published=published,
            headline=f"Satellite images show changes at {short_en(fac)} prison camp",
            deck="Analysts say housing blocks and guard posts have been altered.",
            paragraphs=paras,
            section="Asia",
            tags=["Satellite imagery", short_en(fac)],
            photo_caption=f"A satellite image said to show part of the {short_en(fac)} site.",
            source_line=f"SOURCE: Commercial satellite imagery; analysis by {analyst}.",
            facility_ids=[fac.id],
        )

    def hearing_story(
        self, sid: str, ws: list[Witness], outlet: Outlet, rng: random.Random, published: str
    ) -> Story:
        """Several witnesses at one public hearing, each under a press alias."""
        city = rng.choice(("Seoul", "London", "Washington"))
        paras = [
            f"Former prisoners described forced labour, starvation and executions at a public "
            f"hearing in {city} on {('Tuesday', 'Wednesday')[rng.randrange(2)]}, urging "
            "governments to act on what they called crimes that continue today."
        ]
        people: list[dict] = []
        quotes = [self.quotes(w)[0] for w in ws]
        for w, quote in zip(ws, quotes, strict=False):
            fac = self.world.facility(w.person.setting)
            alias = self.alias(w).render(outlet.name_style)
            pron, _, _ = _pron(w.person)
            years = max(1, w.release_year - w.arrest.year)
            paras.append(
                f"{alias}, who was held for {years} year{'s' if years > 1 else ''} at "
                f"{first_mention_en(fac, rng)}, told the panel: “{quote}”"
            )
            v = self.world.people[w.victims[0]]
            written = self.name(v, outlet)
            people.append({"person_id": v.id, "written_as": written, "role": "victim"})
            paras.append(f"{pron.capitalize()} named {written} among the prisoners {pron} saw die.")
        year = int(published[:4])
        paras.append(
            rng.choice(DENIAL_FRAMES).format(
                agency=AGENCY, year=denial_year(rng, year), **_denial(rng.choice(DENIALS))
            )
        )
        paras.append(
            "Organisers said the testimony would be shared with United Nations investigators."
        )
        return Story(
            id=sid,
            outlet=outlet,
            author=rng.choice(REPORTERS[outlet.key]),
            published=published,
            headline=f"Former prisoners testify at {city} hearing on camp abuses",
            deck="Survivors describe starvation and executions; the government denies the camps "
            "exist.",
            paragraphs=paras,
            section="World",
            tags=["Human rights", "Hearings"],
            photo_caption=f"Witnesses wait to testify at the hearing in {city}.",
            source_line="SOURCE: Public hearing; statements by the organisers.",
            witnesses=[w.pseudonym for w in ws],
            people=people,
            aliases={w.pseudonym: self.alias(w).render(outlet.name_style) for w in ws},
            facility_ids=sorted({self.world.settings[w.person.setting].facility_id for w in ws}),
        )
