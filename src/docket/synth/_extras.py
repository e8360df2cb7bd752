"""Paragraphs of camp life that any testimony may include, in English and Korean.

Each entry: (English, Korean, act codes it describes). `{n}`, `{m}` and `{k}` are numbers the
caller fills in, so figures vary between witnesses.
"""

from __future__ import annotations

import random

FAMILY = (
    (
        "My mother, my wife and our two children were taken with me. We were allowed to see each "
        "other only on public holidays.",
        "어머니와 아내, 두 아이도 함께 끌려왔다. 가족끼리는 명절에만 겨우 얼굴을 볼 수 있었다.",
    ),
    (
        "My younger brother was sent to another section of the camp; I never learned what became "
        "of him.",
        "남동생은 다른 구역으로 보내졌는데, 그 뒤로 소식을 듣지 못했다.",
    ),
)
LIFE = (
    (
        "We got up at four. Before work there was a meeting where we had to confess our faults and "
        "criticise one another.",
        "새벽 네 시에 일어났다. 일하러 나가기 전에 생활총화를 해서 자기 잘못을 고백하고 서로 "
        "비판해야 했다.",
        (),
    ),
    (
        "Every evening we had to memorise the camp rules. If you got one wrong, you lost your "
        "dinner.",
        "저녁마다 수용소 규칙을 외워야 했다. 하나라도 틀리면 저녁밥을 못 받았다.",
        (),
    ),
    (
        "In winter the temperature fell to thirty below and we had no socks. Many people lost toes "
        "to frostbite.",
        "겨울에는 영하 30도까지 내려갔는데 양말도 없었다. 동상으로 발가락을 잃은 사람이 많았다.",
        ("CAH-K",),
    ),
    (
        "Typhoid went through the barracks more than once. "
        "The sick were put in a separate hut, and "
        "few came back.",
        "장티푸스가 여러 번 돌았다. 아픈 사람들은 따로 격리되었는데, 살아 돌아온 사람은 거의 "
        "없었다.",
        ("V-DEATHCUST",),
    ),
    (
        "Our work unit had about {n} people at the start of the winter; by spring only {m} were "
        "left.",
        "겨울이 시작될 때 우리 작업반은 {n}명 정도였는데, 봄이 되니 {m}명만 남았다.",
        ("V-DEATHCUST",),
    ),
    (
        "I spent {k} days in the punishment cell, a box too small to stand up or lie down in.",
        "나는 서지도 눕지도 못하는 좁은 독방에 {k}일 동안 갇혀 있었다.",
        ("CAH-F",),
    ),
    (
        "Everyone watched everyone. If you complained, somebody told the guards, because informing "
        "earned extra food.",
        "모두가 서로를 감시했다. 누가 불평이라도 하면 누군가가 계호원에게 일러바쳤다. 고자질하면 "
        "밥을 더 받았기 때문이다.",
        (),
    ),
)


def camp_life(
    rng: random.Random, language: str, family: bool
) -> tuple[list[str], list[str], list[str]]:
    """Two to four paragraphs, the act codes they describe and any figures they state."""
    idx = 0 if language == "en" else 1
    paras: list[str] = []
    acts: list[str] = []
    figures: list[str] = []
    if family:
        paras.append(rng.choice(FAMILY)[idx])
        acts.append("V-GUILTASSOC")
    n = rng.choice((80, 120, 150, 200))
    values = {"n": n, "m": int(n * rng.uniform(0.45, 0.7)) // 5 * 5, "k": rng.choice((7, 10, 15))}
    for entry in rng.sample(LIFE, rng.randint(2, 3)):
        text = entry[idx].format(**values)
        paras.append(text)
        acts += entry[2]
        if "{n}" in entry[idx]:
            figures.append(f"about {n} people" if idx == 0 else f"{n}명 정도")
    return paras, acts, figures
