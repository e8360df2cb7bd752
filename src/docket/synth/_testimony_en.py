"""English testimonies: first-person accounts built from sentence pools over the world."""

from __future__ import annotations

import random

from docket.synth._dates import decade_en
from docket.synth._extras import camp_life
from docket.synth._facility_names import first_mention_en, later_mention_en
from docket.synth._speech import friend_quotes as friend_quotes_for
from docket.synth._speech import guard_quotes
from docket.synth._world import HOMETOWNS, Person, Witness, World
from docket.vocab import facility_by_id

REASONS = (
    "a neighbour reported that I listened to South Korean radio at night",
    "I had crossed the Tumen River into China to buy food and was caught",
    "my father was accused of being a spy for the South, and the whole family was taken",
    "a small Bible was found sewn into the lining of my coat",
    "I sold copper wire to traders who took it across the border",
    "I complained at a work-unit meeting that the rations had not come for three months",
    "they found South Korean dramas on a USB stick in my house",
    "I had met South Korean missionaries while I was working in China",
)
LABOUR = {
    "gypsum": (
        "we dug gypsum and carried it in baskets down the mountain",
        "we cut timber on the slopes and dragged the logs to the river",
    ),
    "coal": (
        "we worked in the coal mine in twelve-hour shifts",
        "we pushed coal carts through tunnels where the roof often fell",
    ),
    "farm": (
        "we farmed maize and potatoes from dawn until we could not see",
        "we carried manure on our backs to the fields",
    ),
    "sewing": (
        "we sewed uniforms in a factory with no heating",
        "we made leather goods and were beaten if we missed the quota",
    ),
    "copper": (
        "we worked in a copper mine, often without lamps",
        "we cut trees in the hills and carried them on our shoulders",
    ),
    "cell": (
        "we had to sit cross-legged without moving from morning until night",
        "we were made to clean the corridors and the guards' rooms on our knees",
    ),
    "salt": (
        "we worked in the salt fields with our hands cracked open by the brine",
        "we raised pigs and were forbidden to eat the feed",
    ),
}
FATES = {
    "starved": (
        "{name} died of hunger in {when}. At the end {pron} weighed almost nothing",
        "In {when} {name} starved to death. We buried {obj} on the hill behind the camp",
    ),
    "beaten": (
        "{name} was beaten so badly by the guards in {when} that {pron} never stood up again",
        "{name} died in {when} after a beating for stealing a handful of corn",
    ),
    "disappeared": (
        "{name} was taken away one night in {when} and we never saw {obj} again",
        "In {when} guards came for {name}. Nobody told us where {pron} went",
    ),
    "executed": (
        "{name} was shot in front of all of us in {when}",
        "In {when} {name} was executed after trying to escape",
    ),
    "accident": (
        "{name} was crushed when the tunnel roof fell in {when}",
        "In {when} {name} died in the mine; they left the body there for a day",
    ),
    "abortion": (
        "{name} was pregnant when she arrived. In {when} they forced her to have an abortion",
        "In {when} the guards found out that {name} was pregnant and gave her an injection "
        "to end it",
    ),
}
EVENT = {
    "V-PUBEXEC": (
        "In {when} all the prisoners were gathered to watch a public execution. "
        "{n} people were shot for trying to escape",
        "I saw a public execution in {when}. {n} prisoners were tied to posts and shot, "
        "and we had to walk past the bodies",
    ),
    "V-DEATHCUST": (
        "In {when} people died almost every day; in one week I counted {n} bodies "
        "carried out of our section",
        "By {when} there was no food left at all, and {n} people in our unit died within a month",
    ),
    "V-FORCEDABORT": (
        "In {when} I saw {n} pregnant women taken to the medical room. They came "
        "back without their babies",
        "In {when} the guards made {n} pregnant women do heavy labour until they lost their babies",
    ),
}
PERP_FORMS = (
    'The {role} we feared most was {name}. He told us: "{quote}"',
    '{name}, {a_role}, used to say: "{quote}" He beat prisoners with a shovel handle.',
    'There was {a_role} called {name}. When someone collapsed he would shout: "{quote}"',
)
NUMBERS = {2: "Two", 3: "Three", 4: "Four", 5: "five", 7: "seven", 12: "twelve"}
OCCUPATIONS = (
    "teacher",
    "miner",
    "nurse",
    "factory worker",
    "army officer",
    "farmer",
    "railway worker",
    "market trader",
)


def an(word: str) -> str:
    return ("an " if word[0] in "aeiou" else "a ") + word


def name_of(p: Person, w: Witness, rng: random.Random) -> str:
    """Witnesses mostly keep one habit of spelling names, with the odd exception."""
    habit = w.name_style if w.name_style != "hangul" else "dprk"
    style = habit if rng.random() < 0.75 else rng.choice(("dprk", "popular", "mr"))
    return p.name.render(style)


def render(w: Witness, world: World, rng: random.Random) -> tuple[str, dict]:
    """Return the testimony body (after the front matter) and what it mentions."""
    setting = world.settings[w.person.setting]
    fac = world.facility(setting.key)
    p = w.person
    town, prov, _, _ = HOMETOWNS[p.hometown]
    pron, obj = ("she", "her") if p.sex == "F" else ("he", "him")
    mentions: dict = {"people": [], "events": [], "acts": ["CAH-E"], "figures": []}
    paras: list[str] = []

    where = f"{town}, {prov} Province" if prov else town
    paras.append(
        rng.choice(
            (
                f"I was born in {p.birth_year} in {where}. I was "
                f"arrested in {w.arrest.en(rng)} because "
                f"{REASONS[w.reason]}.",
                f"I come from {where}. In {w.arrest.en(rng)} I "
                "was arrested; later I learned it was "
                f"because {REASONS[w.reason]}.",
            )
        )
    )
    if w.reason == 2:
        mentions["acts"].append("V-GUILTASSOC")
    if setting.holding_id or setting.key == "onsong":
        hold = facility_by_id()[setting.holding_id] if setting.holding_id else fac
        mentions["acts"] += ["V-ARBDET", "CAH-F"]
        if w.reason in (1, 6, 7):
            mentions["acts"].append("V-REFOULE")
        paras.append(
            rng.choice(
                (
                    f"First they held me at {first_mention_en(hold, rng)}. "
                    "For weeks I was interrogated "
                    "at night; they beat me with a stick and made me "
                    "kneel on the concrete until I could "
                    "not feel my legs.",
                    f"I spent about two months in {first_mention_en(hold, rng)}. There were about "
                    f"{rng.choice((20, 30, 40))} of us in one cell, "
                    "and the interrogators kicked us when "
                    "we answered slowly.",
                )
            )
        )
    if setting.key != "onsong":
        pops = [int(x.split("-")[0]) for x in fac.est_population if x.split("-")[0].isdigit()]
        base = rng.choice(pops) if pops else 3000
        est = max(500, round(base * rng.uniform(0.6, 1.2) / 500) * 500)
        fig = rng.choice(
            (f"about {est:,} inmates", f"more than {est:,} prisoners", f"roughly {est:,} people")
        )
        mentions["figures"].append(fig)
        paras.append(
            rng.choice(
                (
                    f"In {decade_en(w.arrest.year + 1)} I was sent "
                    f"to {first_mention_en(fac, rng)}. "
                    f"Other prisoners told me there were {fig} there.",
                    f"After that I was taken to {first_mention_en(fac, rng)}. I heard that "
                    f"{later_mention_en(fac, rng)} held {fig} at that time.",
                )
            )
        )
    labour = rng.choice(LABOUR[setting.labour])
    mentions["acts"].append("V-FORCEDLAB")
    paras.append(
        f"Every day {labour}. "
        + rng.choice(
            (
                "If someone fell behind, the whole group lost its food ration.",
                "We were given a few spoonfuls of corn gruel, nothing more.",
                "People caught rats and snakes to eat.",
            )
        )
    )
    mentions["acts"].append("CAH-K")
    life, life_acts, life_figures = camp_life(
        rng, "en", family=w.reason == 2 and fac.type == "kwanliso"
    )
    paras += life
    mentions["acts"] += life_acts
    mentions["figures"] += life_figures

    sentences = []
    for vid in w.victims:
        v = world.people[vid]
        vpron, vobj = ("she", "her") if v.sex == "F" else ("he", "him")
        written = name_of(v, w, rng)
        mentions["people"].append({"person_id": vid, "written_as": written, "role": "victim"})
        vtown = HOMETOWNS[v.hometown][0]
        intro = rng.choice(
            (
                f"{written}, {an(rng.choice(OCCUPATIONS))} from {vtown},",
                f"{written}, who was about {w.arrest.year - v.birth_year} then,",
                written,
            )
        )
        assert v.when is not None
        sentences.append(
            rng.choice(FATES[v.fate])
            .format(name=intro, when=v.when.en(rng), pron=vpron, obj=vobj)
            .replace(",.", ".")
            + "."
        )
        mentions["acts"] += {
            "starved": ["V-DEATHCUST"],
            "beaten": ["CAH-F", "V-DEATHCUST"],
            "disappeared": ["CAH-I"],
            "executed": ["V-PUBEXEC"],
            "accident": ["V-DEATHCUST"],
            "abortion": ["V-FORCEDABORT"],
        }[v.fate]
    paras.append(" ".join(sentences))

    for eid in w.events:
        ev = world.events[eid]
        mentions["events"].append(eid)
        mentions["acts"].append(ev.act)
        text = rng.choice(EVENT[ev.act]).format(when=ev.when.en(rng), n=NUMBERS[ev.count])
        paras.append(text + ".")

    perp_quotes = guard_quotes([world.people[x] for x in w.perpetrators], rng, "en")
    perp_forms = rng.sample(PERP_FORMS, len(PERP_FORMS))
    for i, pid in enumerate(w.perpetrators):
        x = world.people[pid]
        written = name_of(x, w, rng)
        mentions["people"].append({"person_id": pid, "written_as": written, "role": "perpetrator"})
        paras.append(
            perp_forms[i % len(perp_forms)].format(
                role=x.detail, a_role=an(x.detail), name=written, quote=perp_quotes[i]
            )
        )
        mentions["acts"].append("CAH-F")

    if p.sex == "F" and "V-SEXVIOL" in setting.acts and rng.random() < 0.6:
        mentions["acts"].append("V-SEXVIOL")
        paras.append(
            rng.choice(
                (
                    "At night guards called young women out of the "
                    "cells. Some came back crying and "
                    "would not speak. I was one of them, once.",
                    "When we arrived they stripped us and searched "
                    "our bodies for money in front of the "
                    "male guards.",
                )
            )
        )

    friend_quotes = friend_quotes_for(w.others, rng, "en")
    for i, o in enumerate(w.others):
        written = name_of(o, w, rng)
        mentions["people"].append({"person_id": o.id, "written_as": written, "role": "victim"})
        opron = "She" if o.sex == "F" else "He"
        paras.append(
            rng.choice(
                (
                    f"I shared a sleeping place with {written}, {an(rng.choice(OCCUPATIONS))} from "
                    f'{HOMETOWNS[o.hometown][0]}. {opron} once said to me: "{friend_quotes[i]}"',
                    f"In my {'cell' if setting.labour == 'cell' else 'work team'} there was "
                    f"{written} from {HOMETOWNS[o.hometown][0]}. "
                    f'{opron} kept saying: "{friend_quotes[i]}"',
                )
            )
        )

    escape = w.release_year + rng.randint(1, 4)
    again = " again" if w.reason in (1, 7) else ""
    paras.append(
        rng.choice(
            (
                f"I was released in {w.release_year}. In {escape} "
                f"I crossed into China{again}, and I reached "
                "South Korea some years later.",
                f"They let me go in {w.release_year} without any "
                "explanation. I left the country in "
                f"{escape}.",
            )
        )
    )
    paras.append(
        rng.choice(
            (
                "I am telling this so that the people who died there are not forgotten.",
                "I want the world to know what happened to the people I have named.",
            )
        )
    )
    middle = paras[4:-2]  # keep the arc (arrest, camp, work ... release), vary the middle
    rng.shuffle(middle)
    paras[4:-2] = middle
    mentions["acts"] = sorted(set(mentions["acts"]))
    return "\n\n".join(paras) + "\n", mentions
