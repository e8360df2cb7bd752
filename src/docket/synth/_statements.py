"""Official statements of an invented state news agency and foreign ministry: the denials.

They deny political prison camps, admit only "reform through labour" centres and attack a named
witness's credibility, so the evidence stage has contradicting sources to weigh.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from html import escape

import yaml

from docket.synth._outlets import DENIALS

NOTICE_EN = (
    "SYNTHETIC — generated for the docket demo; not a real official statement. The agency, "
    "the ministry and every person named are invented."
)
NOTICE_KO = (
    "SYNTHETIC — docket 시연용 합성 자료입니다. 실제 공식 성명이 아니며 기관과 인물은 가상입니다."
)


@dataclass(frozen=True)
class Statement:
    id: str
    filename: str
    language: str
    issued: str
    issuer: str
    title: str
    text: str
    denial: str  # the sentence a reviewer would code as the denial
    names_witness_alias: str = ""


def _agency_page(issued: str) -> Statement:
    denial = DENIALS[0]
    paras = [
        NOTICE_EN,
        f"Pyongyang, {issued} (PSNS) -- A spokesperson for the Ministry of Foreign Affairs "
        "answered a question put by the Pyongyang State News Service on the so-called report on "
        "human rights issued by hostile forces.",
        f"The spokesperson said: \u201c{denial} {DENIALS[2]}\u201d",
        f"\u201c{DENIALS[1][:-1]},\u201d the spokesperson added.",
        "The spokesperson said the country would \u201cresolutely reject\u201d any resolution "
        "based on such fabrications.",
    ]
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paras)
    title = "SYNTHETIC — Spokesperson rejects fabricated 'human rights report'"
    html = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{escape(title)} | PSNS</title>
<meta property="og:title" content="{escape(title)}">
<meta property="article:published_time" content="{issued}T06:00:00+09:00">
<meta name="author" content="Pyongyang State News Service"></head>
<body><div class="top"><a href="/">Pyongyang State News Service</a>
<ul class="menu"><li><a href="/news">News</a></li><li><a href="/photo">Photo</a></li></ul></div>
<div class="article"><h1>{escape(title)}</h1><p class="date">{issued}</p>
{body}
</div><div class="bottom">Pyongyang State News Service. SYNTHETIC demo site.</div></body></html>
"""
    return Statement(
        "S1",
        "S1_psns_spokesperson.html",
        "en",
        issued,
        "Pyongyang State News Service",
        title,
        html,
        denial,
    )


_KO_2 = (
    "우리에게는 법에 따라 죄를 지은 자들을 로동을 통하여 교양하는 교화소가 있을 뿐이며, "
    "그곳에서도 인민의 인권은 철저히 보장되고 있다."
)
_KO_3 = (
    "이른바 '증언'을 늘어놓는 자들은 조국과 가족을 배반하고 도주한 범죄자들이며, "
    "돈을 받고 거짓말을 꾸며내고 있다."
)


def _ministry_ko(issued: str) -> Statement:
    denial = "우리 나라에는 이른바 '정치범수용소'라는 것이 있지도 않다."
    y, m, d = issued.split("-")
    text = f"""{NOTICE_KO}

외무성 대변인 담화

최근 적대세력들은 이른바 '인권보고서'라는 것을 내돌리며 우리 공화국의 존엄을 헐뜯고 있다.

{denial} {_KO_2}

{_KO_3}

우리는 이러한 날조 자료에 기초한 그 어떤 '결의'도 단호히 전면 배격한다.

주체{int(y) - 1911}({y})년 {int(m)}월 {int(d)}일
평양
"""
    return Statement(
        "S2",
        "S2_ministry_spokesperson_ko.txt",
        "ko",
        issued,
        "외무성 대변인",
        "외무성 대변인 담화",
        text,
        denial,
    )


def _counter_report(issued: str, alias: str, outlet: str, year: str, female: bool) -> Statement:
    person, poss = ("woman", "Her") if female else ("man", "His")
    denial = (
        "The allegation that 'political prison camps' exist in the Republic is a sheer fabrication."
    )
    paras = [
        NOTICE_EN,
        f"REPORT OF THE SOCIETY FOR HUMAN RIGHTS STUDIES (EXCERPTS)\nIssued {issued}",
        f"1. {denial} The Republic has reform-through-labour centres only. Offenders there are "
        "sentenced by courts in accordance with the Criminal Law, work eight hours a day and "
        "receive wages, medical care and visits from their families.",
        "2. The so-called testimonies gathered by hostile organisations are not corroborated by "
        "any evidence. The same few individuals repeat the same stories to different newspapers, "
        "which then copy one another.",
        f'3. For example, the {person} who appeared as "{alias}" in a story carried by {outlet} '
        f"in {year} is in fact a criminal who stole state property and fled abroad. {poss} tale "
        "was reprinted by other papers without any checking. No such person was ever held in any "
        '"camp".',
        '4. The figures of "tens of thousands of prisoners" quoted by the hostile forces are '
        "invented. No such numbers exist.",
        "5. The Society calls on the international community not to be deceived by this smear "
        "campaign.",
    ]
    text = "\n\n".join(paras) + "\n"
    return Statement(
        "S3",
        "S3_counter_report.txt",
        "en",
        issued,
        "Society for Human Rights Studies",
        "Report of the Society for Human Rights Studies (excerpts)",
        text,
        denial,
        names_witness_alias=alias,
    )


def _with_header(st: Statement) -> Statement:
    """Text statements carry an intake header so `docket ingest` recognises their kind."""
    header = {
        "kind": "statement",
        "synthetic": True,
        "title": st.title if st.title.startswith("SYNTHETIC") else f"SYNTHETIC — {st.title}",
        "language": st.language,
        "issued": st.issued,
        "issuer": st.issuer,
    }
    head = yaml.safe_dump(header, allow_unicode=True, sort_keys=False, width=100)
    return replace(st, text=f"---\n{head}---\n\n{st.text}")


def write_statements(
    press_alias: str, press_outlet: str, press_date: str, female: bool
) -> list[Statement]:
    year = press_date[:4]
    return [
        _agency_page("2014-02-19"),
        _with_header(_ministry_ko("2016-11-18")),
        _with_header(
            _counter_report(f"{int(year) + 1}-09-13", press_alias, press_outlet, year, female)
        ),
    ]
