"""Korean testimonies: the same world told in Korean prose, Hangul names in 남/북 spellings."""

from __future__ import annotations

import random

from docket.synth._dates import decade_ko
from docket.synth._extras import camp_life
from docket.synth._facility_names import ko_mention
from docket.synth._korean import josa as j
from docket.synth._speech import friend_quotes as friend_quotes_for
from docket.synth._speech import guard_quotes
from docket.synth._world import HOMETOWNS, Person, Witness, World
from docket.vocab import facility_by_id

REASONS = (
    "이웃이 내가 밤에 남한 방송을 몰래 듣는다고 신고했기 때문이다",
    "먹을 것을 구하러 두만강을 건너 중국에 갔다가 붙잡혔기 때문이다",
    "아버지가 남조선 간첩으로 몰려 온 가족이 함께 끌려갔기 때문이다",
    "외투 안감에 꿰매 둔 작은 성경책이 발견되었기 때문이다",
    "구리선을 국경 너머 장사꾼들에게 팔았기 때문이다",
    "직장 회의에서 석 달째 배급이 안 나온다고 불평했기 때문이다",
    "집에서 한국 드라마가 든 USB가 나왔기 때문이다",
    "중국에서 일할 때 한국 선교사들을 만났기 때문이다",
)
LABOUR = {
    "gypsum": (
        "매일 석고를 캐서 바구니에 담아 산 아래로 날랐다.",
        "산비탈에서 나무를 베어 강가까지 끌고 내려갔다.",
    ),
    "coal": ("매일 열두 시간씩 탄광에서 일했다.", "천장이 자주 무너지는 갱도에서 탄차를 밀었다."),
    "farm": (
        "새벽부터 어두워질 때까지 옥수수와 감자 농사를 지었다.",
        "거름을 등에 지고 밭으로 날랐다.",
    ),
    "sewing": (
        "난방도 없는 공장에서 군복을 만들었다.",
        "가죽 제품을 만들었는데, 과제를 못 채우면 맞았다.",
    ),
    "copper": ("등불도 없이 구리 광산에서 일했다.", "산에서 나무를 베어 어깨에 메고 날랐다."),
    "cell": (
        "아침부터 밤까지 꼼짝 않고 책상다리를 하고 앉아 있어야 했다.",
        "무릎을 꿇고 복도와 계호원 방을 청소했다.",
    ),
    "salt": (
        "소금밭에서 일하다 보니 손이 다 갈라졌다.",
        "돼지를 키웠는데 사료에는 손도 대지 못하게 했다.",
    ),
}
HUNGER = (
    "한 사람이라도 뒤처지면 작업반 전체가 밥을 못 받았다.",
    "하루에 옥수수죽 몇 숟가락이 전부였다.",
    "사람들은 쥐나 뱀을 잡아먹었다.",
)
FATES = {
    "starved": (
        "{n_은} {w}에 굶어 죽었다. 마지막에는 뼈만 남아 있었다.",
        "{w}에 {n_이} 굶주림 끝에 숨졌다. 우리는 수용소 뒷산에 시신을 묻었다.",
    ),
    "beaten": (
        "{n_은} {w}에 계호원들에게 심하게 맞고 다시는 일어나지 못했다.",
        "{n_은} 옥수수 한 줌을 훔쳤다는 이유로 맞아서 {w}에 죽었다.",
    ),
    "disappeared": (
        "{w} 어느 날 밤 {n_이} 끌려간 뒤로 다시는 볼 수 없었다.",
        "{w}에 계호원들이 {n_을} 데려갔다. 어디로 갔는지 아무도 알려주지 않았다.",
    ),
    "executed": (
        "{n_은} {w}에 우리 모두가 보는 앞에서 총살되었다.",
        "{w}에 {n_이} 도주하려다 잡혀 처형되었다.",
    ),
    "accident": (
        "{n_은} {w}에 갱도 천장이 무너져 깔려 죽었다.",
        "{w}에 {n_이} 광산에서 죽었는데, 시신을 하루 동안 그대로 두었다.",
    ),
    "abortion": (
        "{n_은} 들어올 때 임신한 상태였다. {w}에 그들은 강제로 낙태를 시켰다.",
        "{w}에 계호원들이 {n_이} 임신한 것을 알고 주사를 놓아 아이를 지웠다.",
    ),
}
ACTS_OF_FATE = {
    "starved": ["V-DEATHCUST"],
    "beaten": ["CAH-F", "V-DEATHCUST"],
    "disappeared": ["CAH-I"],
    "executed": ["V-PUBEXEC"],
    "accident": ["V-DEATHCUST"],
    "abortion": ["V-FORCEDABORT"],
}
EVENT = {
    "V-PUBEXEC": (
        "{w}에 모든 수감자가 모여 공개처형을 지켜봐야 했다. 도주하려 했다는 이유로 "
        "{n}명이 총살되었다.",
        "{w}에 공개처형을 보았다. 수감자 {n}명이 말뚝에 묶여 총살되었고, 우리는 시신 "
        "옆을 지나가야 했다.",
    ),
    "V-DEATHCUST": (
        "{w}에는 거의 매일 사람이 죽어 나갔다. 한 주 동안 우리 작업반에서만 시신 "
        "{n}구가 나가는 것을 세었다.",
        "{w}에는 먹을 것이 아예 떨어져서 한 달 사이에 우리 반에서 {n}명이 죽었다.",
    ),
    "V-FORCEDABORT": (
        "{w}에 임신한 여성 {n}명이 의무실로 끌려가는 것을 보았다. 돌아왔을 때 아이는 없었다.",
        "{w}에 계호원들은 임신한 여성 {n}명에게 일부러 무거운 일을 시켜 아이를 잃게 했다.",
    ),
}
ROLES = {
    "guard": "계호원",
    "security officer": "보위원",
    "work-team leader": "작업반장",
    "interrogator": "예심원",
    "warden": "소장",
}
OCCUPATIONS = ("교사", "광부", "간호사", "공장 노동자", "군관", "농장원", "철도 노동자", "장사꾼")


def name_of(p: Person, rng: random.Random) -> str:
    """Hangul, sometimes in the northern spelling (리/림/류) the witness grew up with."""
    return p.name.hangul_dprk if rng.random() < 0.4 else p.name.hangul


def _intro(v: Person, w: Witness, rng: random.Random) -> str:
    name = name_of(v, rng)
    occ = rng.choice(OCCUPATIONS)
    return rng.choice(
        (
            f"{HOMETOWNS[v.hometown][2]} 출신 {j(occ, '이었던/였던')} {name}",
            f"당시 {max(17, w.arrest.year - v.birth_year)}살쯤이던 {name}",
            name,
        )
    )


def render(w: Witness, world: World, rng: random.Random) -> tuple[str, dict]:
    setting = world.settings[w.person.setting]
    fac = world.facility(setting.key)
    p = w.person
    _, _, town, prov = HOMETOWNS[p.hometown]
    mentions: dict = {"people": [], "events": [], "acts": ["CAH-E"], "figures": []}
    paras = ["아래는 면담 내용을 증언자의 말투대로 옮겨 적은 것이다."]
    home = f"{prov} {town}" if prov else town
    paras.append(
        rng.choice(
            (
                f"나는 {p.birth_year}년 {town}에서 태어났다. {w.arrest.ko(rng)}에 체포되었는데, "
                f"{REASONS[w.reason]}.",
                f"고향은 {j(home, '이다/다')}. {w.arrest.ko(rng)}에 "
                "보위부 사람들이 집으로 찾아와 나를 "
                f"끌고 갔다. 나중에 알고 보니 {REASONS[w.reason]}.",
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
                    f"처음에는 {ko_mention(hold, rng, True)}에 "
                    "갇혀 있었다. 몇 주 동안 밤마다 취조를 "
                    "받았는데, 몽둥이로 맞고 시멘트 바닥에 무릎을 꿇고 앉아 있어야 했다.",
                    f"{ko_mention(hold, rng, True)}에서 두 달 정도 있었다. 한 감방에 "
                    f"{rng.choice((20, 30, 40))}명 정도가 "
                    "있었는데, 대답이 늦으면 취조원들이 발로 찼다.",
                )
            )
        )
    if setting.key != "onsong":
        pops = [int(x.split("-")[0]) for x in fac.est_population if x.split("-")[0].isdigit()]
        est = max(
            500, round((rng.choice(pops) if pops else 3000) * rng.uniform(0.6, 1.2) / 500) * 500
        )
        fig = rng.choice(
            (
                f"약 {est:,}명",
                f"{est // 1000}천 명 정도" if est % 1000 == 0 else f"{est:,}명 정도",
                f"{est:,}명이 넘는",
            )
        )
        mentions["figures"].append(fig)
        tail = (
            f"수감자가 {fig} 있다고 했다."
            if not fig.endswith("넘는")
            else f"{fig} 사람이 있다고 했다."
        )
        paras.append(
            f"{decade_ko(w.arrest.year + 1)}에 {j(ko_mention(fac, rng, True), '으로/로')} "
            f"보내졌다. 다른 수감자들 말로는 {ko_mention(fac, rng, False)}에 {tail}"
        )
    mentions["acts"] += ["V-FORCEDLAB", "CAH-K"]
    paras.append(rng.choice(LABOUR[setting.labour]) + " " + rng.choice(HUNGER))
    life, life_acts, life_figures = camp_life(
        rng, "ko", family=w.reason == 2 and fac.type == "kwanliso"
    )
    paras += life
    mentions["acts"] += life_acts
    mentions["figures"] += life_figures

    sentences = []
    for vid in w.victims:
        v = world.people[vid]
        intro = _intro(v, w, rng)
        written = intro.split()[-1]
        mentions["people"].append({"person_id": vid, "written_as": written, "role": "victim"})
        assert v.when is not None
        sentences.append(
            rng.choice(FATES[v.fate]).format(
                n_은=j(intro, "은/는"),
                n_이=j(intro, "이/가"),
                n_을=j(intro, "을/를"),
                w=v.when.ko(rng),
            )
        )
        mentions["acts"] += ACTS_OF_FATE[v.fate]
    paras.append(" ".join(sentences))

    for eid in w.events:
        ev = world.events[eid]
        mentions["events"].append(eid)
        mentions["acts"].append(ev.act)
        paras.append(rng.choice(EVENT[ev.act]).format(w=ev.when.ko(rng), n=ev.count))

    perp_quotes = guard_quotes([world.people[x] for x in w.perpetrators], rng, "ko")
    for i, pid in enumerate(w.perpetrators):
        x = world.people[pid]
        written = name_of(x, rng)
        role = ROLES[x.detail]
        mentions["people"].append({"person_id": pid, "written_as": written, "role": "perpetrator"})
        mentions["acts"].append("CAH-F")
        forms = (
            f"우리가 가장 무서워했던 {j(role, '은/는')} {j(written, '이었다/였다')}. 그는 "
            f'"{perp_quotes[i]}"라고 말했다.',
            f'{role} {j(written, "은/는")} 늘 "{perp_quotes[i]}"라고 했다. 그는 '
            "삽자루로 수감자들을 때렸다.",
        )
        paras.append(forms[i % 2] if i else rng.choice(forms))

    if p.sex == "F" and "V-SEXVIOL" in setting.acts and rng.random() < 0.6:
        mentions["acts"].append("V-SEXVIOL")
        paras.append(
            rng.choice(
                (
                    "밤이면 계호원들이 젊은 여자들을 감방 밖으로 "
                    "불러냈다. 돌아온 여자들은 울기만 하고 "
                    "아무 말도 하지 않았다. 나도 한 번 그런 일을 당했다.",
                    "도착하자마자 남자 계호원들 앞에서 옷을 벗기고 돈을 숨겼는지 몸을 뒤졌다.",
                )
            )
        )

    friend_quotes = friend_quotes_for(w.others, rng, "ko")
    for i, o in enumerate(w.others):
        written = name_of(o, rng)
        mentions["people"].append({"person_id": o.id, "written_as": written, "role": "victim"})
        occ = rng.choice(OCCUPATIONS)
        paras.append(
            f"{HOMETOWNS[o.hometown][2]} 출신 {j(occ, '이었던/였던')} {j(written, '과/와')} 한 "
            f'자리에서 잤다. 그 사람은 나에게 "{friend_quotes[i]}"라고 말했다.'
        )

    escape = w.release_year + rng.randint(1, 4)
    again = "다시 " if w.reason in (1, 7) else ""
    paras.append(
        rng.choice(
            (
                f"{w.release_year}년에 석방되었다. {escape}년에 "
                f"{again}중국으로 건너갔고, 몇 년 뒤 한국에 "
                "도착했다.",
                f"{w.release_year}년에 아무 설명도 없이 풀려났다. {escape}년에 나라를 떠났다.",
            )
        )
    )
    paras.append(
        rng.choice(
            (
                '증언자는 면담을 마치며 "그곳에서 죽은 사람들이 '
                '잊히지 않도록 이 이야기를 한다"라고 '
                "말했다.",
                '증언자는 "내가 이름을 말한 사람들에게 무슨 일이 '
                '있었는지 세상이 알았으면 좋겠다"라고 '
                "말했다.",
            )
        )
    )
    middle = paras[5:-2]
    rng.shuffle(middle)
    paras[5:-2] = middle
    mentions["acts"] = sorted(set(mentions["acts"]))
    return "\n\n".join(paras) + "\n", mentions
