"""Which stories run where: twenty articles, with one account repeated by four pages.

A witness's account is first carried by a wire service, republished word for word by two other
outlets and retold years later by a fourth (the corroboration trap); other witnesses get
features, camps get news stories, and the rest are hearing reports.
"""

from __future__ import annotations

import random

from docket.synth._articles import Story, StoryWriter, date_between
from docket.synth._facility_names import short_en
from docket.synth._outlets import OUTLETS, Outlet
from docket.synth._world import Witness, World


def republish(story: Story, sid: str, outlet: Outlet, published: str, headline: str) -> Story:
    """Another outlet runs the wire copy: same words, same quotes, not a new source."""
    paras = list(story.paragraphs) + [f"This story was first published by {story.outlet.name}."]
    return Story(
        id=sid,
        outlet=outlet,
        author=story.author,
        published=published,
        headline=headline,
        deck=story.deck,
        paragraphs=paras,
        section=story.section,
        tags=list(story.tags),
        photo_caption=story.photo_caption,
        source_line=f"SOURCE: {story.outlet.name}",
        witnesses=list(story.witnesses),
        people=list(story.people),
        aliases=dict(story.aliases),
        facility_ids=list(story.facility_ids),
        republished_from=story.id,
        multi_paragraph_quote=story.multi_paragraph_quote,
    )


CAMP_STORIES = (
    ("KWN-22", 2012, 2013),
    ("KWN-16", 2013, 2018),
    ("KWN-15", 2014, 2016),
    ("KHS-12", 2016, 2017),
)


def write_stories(world: World, seed: int) -> list[Story]:
    """The 20 articles, in publication-independent id order A01..A20."""
    writer = StoryWriter(world, seed)
    outlets = {o.key: o for o in OUTLETS}

    def rng_for(sid: str) -> random.Random:
        return random.Random(f"docket-synth:{seed}:article:{sid}")

    stories: list[Story] = []
    press = next(w for w in world.witnesses if w.pseudonym == world.press_witness)
    rng = rng_for("A01")
    first = date_between(rng, press.release_year + 2, 2016)
    original = writer.witness_story("A01", press, outlets["wire"], rng, first, long_quote=True)
    stories.append(original)
    day = int(first[8:10])
    for sid, key, shift in (("A02", "ledger", 1), ("A03", "herald", 2)):
        date = f"{first[:8]}{min(28, day + shift):02d}"
        stories.append(
            republish(
                original,
                sid,
                outlets[key],
                date,
                f"Survivor recounts life inside {original.tags[-1]}",
            )
        )
    rng = rng_for("A04")
    later = writer.witness_story(
        "A04",
        press,
        outlets["monitor"],
        rng,
        date_between(rng, int(first[:4]) + 3, 2024),
        long_quote=False,
    )
    alias = writer.alias(press).render("mr")
    later.paragraphs.insert(
        2,
        f"In an interview with Pacific Wire in {first[:4]}, {alias} "
        f"described the same events. “{original.paragraphs[2][1:]}",
    )
    stories.append(later)

    duplicate = set(world.duplicate_of)
    willing = [
        w
        for w in world.witnesses
        if w.consent in ("public", "anonymous")
        and w.pseudonym != press.pseudonym
        and w.pseudonym not in duplicate
    ]
    onsong = [w for w in willing if w.person.setting == "onsong"][:2]
    by_setting: dict[str, list[Witness]] = {}
    for w in willing:
        if w not in onsong:
            by_setting.setdefault(w.person.setting, []).append(w)
    others = [
        g[i]
        for i in range(max(map(len, by_setting.values())))
        for g in by_setting.values()
        if i < len(g)
    ]  # interleaved, so the features cover many camps
    order = ("ledger", "monitor", "herald", "wire")
    for i, w in enumerate(others[:8] + onsong):
        sid = f"A{len(stories) + 1:02d}"
        rng = rng_for(sid)
        story = writer.witness_story(
            sid,
            w,
            outlets[order[i % 4]],
            rng,
            date_between(rng, w.release_year + 3, 2024),
            long_quote=i in (1, 5),
        )
        if w in onsong:
            fac = world.facility("onsong")
            story.headline = f"Women sent back from China describe abuse at {short_en(fac)}"
        stories.append(story)
    for fid, y0, y1 in CAMP_STORIES:
        sid = f"A{len(stories) + 1:02d}"
        rng = rng_for(sid)
        stories.append(
            writer.camp_story(
                sid, fid, outlets[order[len(stories) % 4]], rng, date_between(rng, y0, y1)
            )
        )
    spread = others[8:] + others[:8]
    for k in range(20 - len(stories)):
        sid = f"A{len(stories) + 1:02d}"
        rng = rng_for(sid)
        ws = [spread[(3 * k + j) % len(spread)] for j in range(3)]
        stories.append(
            writer.hearing_story(sid, ws, outlets[order[k % 4]], rng, date_between(rng, 2013, 2024))
        )
    return stories
