"""What people in the camps said, as witnesses remember it, in English and Korean.

Guards have a catchphrase: witnesses who knew the same guard often quote the same words, in
either language, which is the kind of detail corroboration looks for. Fellow prisoners' words
carry their own relatives and home towns, so two different prisoners rarely say the same thing.
"""

from __future__ import annotations

import random

from docket.synth._korean import josa
from docket.synth._world import HOMETOWNS, Person

GUARD_QUOTES = (
    (
        "You are not people any more. You are here to work until you die.",
        "너희는 이제 사람이 아니다. 죽을 때까지 일하러 온 거다.",
    ),
    (
        "If you do not confess, you will never see your children again.",
        "자백하지 않으면 자식들 얼굴은 다시 못 본다.",
    ),
    ("Look carefully. This is what happens to traitors.", "똑똑히 봐라. 배신자는 이렇게 된다."),
    ("Nobody leaves this place. Get used to it.", "여기서 나가는 사람은 없다. 익숙해져라."),
    (
        "You betrayed the fatherland, so the fatherland owes you nothing.",
        "조국을 배반했으니 조국은 너희에게 줄 것이 없다.",
    ),
    (
        "Work faster. The dead do not need rations.",
        "빨리 움직여라. 죽은 놈한테는 배급도 필요 없다.",
    ),
)
_FRIEND = (
    (
        "If I die, tell my {rel} in {town} that I did not betray anyone.",
        "내가 죽으면 {town}에 있는 {rel_ege} 나는 아무도 배신하지 않았다고 전해 줘.",
    ),
    (
        "We have to stay alive, just so somebody remembers this.",
        "누군가는 이걸 기억해야 하니까 우리는 살아남아야 해.",
    ),
    ("Eat the grass, it is better than nothing.", "풀이라도 먹어. 아무것도 없는 것보다 낫다."),
    (
        "One day people outside will know what happened here.",
        "언젠가는 바깥 사람들도 여기서 무슨 일이 있었는지 알게 될 거야.",
    ),
    (
        "When I get out, I will walk all the way to {town} and eat a whole bowl of rice.",
        "여기서 나가면 {town}까지 걸어가서 쌀밥 한 그릇을 다 먹을 거야.",
    ),
    ("My {rel} does not even know that I am alive.", "우리 {rel_eun} 내가 살아 있는지도 몰라."),
)
_RELATIVES = (
    ("mother", "어머니"),
    ("son", "아들"),
    ("daughter", "딸"),
    ("sister", "여동생"),
    ("husband", "남편"),
    ("wife", "아내"),
)


def catchphrase(guard: Person) -> int:
    """Index into GUARD_QUOTES of what this guard was known for saying."""
    return int(guard.id.split("-")[1]) % len(GUARD_QUOTES)


def guard_quotes(guards: list[Person], rng: random.Random, lang: str) -> list[str]:
    """One quote per guard: mostly the guard's catchphrase, never the same twice in a document."""
    idx = 0 if lang == "en" else 1
    used: set[int] = set()
    out = []
    for g in guards:
        k = catchphrase(g)
        if k in used or rng.random() < 0.3:
            k = rng.choice([i for i in range(len(GUARD_QUOTES)) if i not in used])
        used.add(k)
        out.append(GUARD_QUOTES[k][idx])
    return out


def friend_quotes(friends: list[Person], rng: random.Random, lang: str) -> list[str]:
    """One remembered sentence per fellow prisoner, with that prisoner's relatives and town."""
    picks = rng.sample(range(len(_FRIEND)), len(friends))
    out = []
    for f, k in zip(friends, picks, strict=True):
        rel_en, rel_ko = rng.choice(
            [r for r in _RELATIVES if (r[0], f.sex) not in (("husband", "M"), ("wife", "F"))]
        )
        town_en, _, town_ko, _ = HOMETOWNS[f.hometown]
        if lang == "en":
            out.append(_FRIEND[k][0].format(rel=rel_en, town=town_en))
        else:
            out.append(
                _FRIEND[k][1].format(
                    town=town_ko, rel_ege=rel_ko + "에게", rel_eun=josa(rel_ko, "은/는")
                )
            )
    return out
