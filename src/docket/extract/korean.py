"""Korean text: persons from Kiwi's proper nouns (NNP) and the rules of Korean quotation:
"…"라고 말했다, …다고 밝혔다 (reported), X에 따르면 (according to X)."""

from __future__ import annotations

import bisect
import dataclasses
import re
import threading
from functools import cache

from docket.extract._quote_marks import inner_spans, quote_spans
from docket.extract._spans import starting_in
from docket.extract._types import Entity, Quote
from docket.extract.entities import _list_pattern
from docket.extract.pipeline import korean
from docket.extract.speakers import Resolver
from docket.vocab import surname_spellings

HANGUL = re.compile(r"[\uac00-\ud7a3]")
# Speech verbs by stem and ending, not as a list of past forms: 말했다, 말한다, 말했습니다,
# 밝히고 있다, 증언하기도 했다 are one verb each.
_HA_STEMS = (
    "말|증언|전|주장|설명|강조|회고|추산|추정|보고|발표|지적|반박|촉구|일축|비난|경고|부인|"
    "고백|호소|언급|폭로|진술|해명|요구|요청|전망|분석|평가|예상|보도|기억|확인|반발"
)
_ENDING = (
    r"(?:했다|한다|했습니다|합니다|하고 있다|해 왔다|해 왔습니다|하기도 했다|했으며|했고|"
    r"해 주었다|해 주었습니다|해 줬다|해 줬습니다|한 바 있다)"
)
_SAY = (
    rf"(?:(?:{_HA_STEMS}){_ENDING}|"
    r"밝(?:혔다|힌다|혔습니다|히고 있다|혔으며|혔고|혀 왔다|힌 바 있다)|"
    r"덧붙(?:였다|였습니다)|물었다|털어놓았다|결론(?:지었다|지었습니다|짓는다|을 내렸다)|"
    r"내다(?:봤다|보았다|봤습니다|보고 있다)|했다|하셨(?:다|습니다|지요|죠|어요))"
)
# "…"라고만 했다, "…"고도 밝혔다: 만/도 after the quotative particle
_AFTER_QUOTE = re.compile(
    r"\s*(?:이?라고|고|이?라며|며|이?라면서|면서)(?:만|도)?\s*(?P<who>(?:[^\s.]+\s+){0,3}?)" + _SAY
)
# "…다고 말했다", and "…다는 입장을 밝혔다" (stated the position that …), "…다는 이야기도
# 전했다" (told the story that …)
_REPORTED = re.compile(
    r"([^.!?\n]*?)(?:다|라|냐)(?:고(?:만|도)?|는\s+(?:입장|뜻|의견|주장|견해|이야기|말)[을를도])\s+"
    r"(?:[^\s.]+\s+){0,6}?" + _SAY
)
# "…없었다고 한다.": a sentence of hearsay with no subject of its own saying it
_HEARSAY = re.compile(r"([^.!?\n]*?다)고\s+한다[.!?]?\s*$")
# "…12만 명에 이를 것으로 추정했다": an estimate reported as "…ㄹ/ㄴ 것으로" + a verb of
# estimating (not "것으로 알려졌다/보인다", which name no one)
_ESTIMATED = re.compile(
    r"([^.!?\n]*?\S\s것)으로\s+(?:[^\s.]+\s+){0,6}?"
    rf"(?:추정|추산|전망|분석|파악|예상){_ENDING}"
)
_ACCORDING = re.compile(r"([^\s,.]+?)(?:의\s+[^\s,.]+)?에\s?따르면,?\s*")
_PUBLISHED_BY = re.compile(
    r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3A-Za-z]{2,20}?)(?:이|가|은|는)\s+(?:[^\s,.]+\s+){0,3}?"
    r"[^\s,.]*(?:공개|발표|발간|출간|공표|작성|펴낸|내놓은|낸)한?\s+[^\s,.]+$"
)
_PRONOUNS = re.compile(r"^(?:그|그녀|그들)(?:는|은|가|이)?$")
# titles written before a name ("인권대사 정민호") or after a surname ("정 대사")
_TITLES = (
    "대사|장관|차관|위원장|이사장|대표|교수|목사|기자|의원|연구원|국장|소장|회장|원장|"
    "사무총장|대변인|특별보고관|판사|검사|변호사|박사|위원|조사관|팀장|실장|처장"
)
# a title compounded with the unit it heads, written as one word ("조사팀장", "사무국장")
_UNIT_TITLE = rf"(?:[\uac00-\ud7a3]{{1,3}}?)?(?:{_TITLES})"
_TITLE_END = re.compile(rf"(?:{_TITLES})$")
# Endings of institutions and places that Kiwi may tag as proper nouns (구류장, 보위부, 명간군).
_NOT_NAME_END = set("장소청군도국당부시강")
# a proper noun written together with a place word is a place ("지린성", "투먼시")
_PLACE_SUFFIX = re.compile(
    r"(?:성|시|군|현|강|산|섬|읍)(?![\uac00-\ud7a3])|(?:성|시|군|현)(?:의|에|에서|으로|을|은|이)"
)
# "진해숙 씨는", "통일부는", "두만강인권모임 측은" (측: the body's side), "북한인권위원회(HRNK)는"
_SUBJECT_AFTER = re.compile(
    r"(?:\s?씨)?(?:\((?:\d+|[A-Z]{2,10}|가명(?:·\d+)?)\))?\s?(?:씨|\s?측)?(?:는|은|이|가)(?![\uac00-\ud7a3])"
)
_SOURCE_OF = re.compile(r"(?:\s?씨)?에\s?(?:따르면|의하면)")
# "박정민 교수는": a person named before a title that the particle follows
# "윤정아 책임연구원은": a title may carry a rank before it (책임-, 선임-, 수석-)
_TITLED_SUBJECT = re.compile(
    rf"\s(?:책임|선임|수석|상임|부)?{_UNIT_TITLE}(?:는|은|이|가)(?![\uac00-\ud7a3])"
)
_TOPIC = re.compile(r"\s*([^\s\"“][^.\"“]{0,40}?)(?:은|는)\s")


# Kiwi's tokens per paragraph of the document read last (names and each quote's topic read
# the same paragraph); dropped when another document comes, so nothing is kept across texts;
# one cache per thread, so documents extracted side by side never clear each other's
_READ = threading.local()


def _tokens(text: str, lo: int, hi: int) -> list:
    """Kiwi's tokens of text[lo:hi], tokenised once per document."""
    if getattr(_READ, "text", None) is not text:
        _READ.text, _READ.tokens = text, {}
    chunk = text[lo:hi]
    tokens = _READ.tokens.get(chunk)
    if tokens is None:
        tokens = _READ.tokens[chunk] = korean().tokenize(chunk)
    return tokens


def _topic(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """The topic phrase that opens text[lo:hi] (start, end before its 은/는), where 은/는 is
    the topic particle, not a modifier's ending ("같은 반 언니가"; "공개하지 않은 또 다른
    생존자는" is 또 다른 생존자), which Kiwi tells apart (JX, not ETM)."""
    m = _TOPIC.match(text, lo, hi)
    if m is None:
        return None
    s = m.start(1)
    stop = min(hi, s + 43)
    for c in '."“':
        i = text.find(c, s, stop)
        stop = stop if i < 0 else i
    para, end = text.rfind("\n", 0, s) + 1, text.find("\n", s)
    for t in _tokens(text, para, len(text) if end < 0 else end):  # read once per paragraph
        e = para + t.start
        if (
            s < e < stop
            and t.tag == "JX"
            and t.form in ("은", "는")
            and text[e + 1 : e + 2].isspace()
        ):
            return s, e
    return None


# a word that ends in one of these describes the name after it ("대외선전매체 우리민족끼리")
_DESCRIBES = re.compile(r"(?:매체|단체|기관|언론|신문|방송|통신|사이트|잡지)$")
_LEAD_WORD = re.compile(
    r"(?:(?:반면|한편|또한|또|이어|특히|그러나|하지만|다만|앞서)(?:에)?\s+(?!다른))?['‘\"“「]?"
)
_SENT = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")


@cache
def _surnames_ko() -> frozenset[str]:
    return frozenset(s.hangul for s in surname_spellings() if s.hangul) | frozenset(
        s.hangul_dprk for s in surname_spellings() if s.hangul_dprk
    )


# a proper noun that ends in an administrative unit is a place: "삼수군", "대동강구역" (Kiwi
# may leave the unit as a word of its own: "모란봉" + "구역")
_UNIT_END = re.compile(r"[\uac00-\ud7a3]+(?:군|구역)")
_UNIT_AFTER = re.compile(
    r"(?:군|구역)(?=(?:에서|에|의|은|는|이|가|을|를|과|와|으로|로)?(?![\uac00-\ud7a3]))"
)
# a proper noun followed by "in/at", "to/towards", "via" or "from" (출신) is a place, not a
# person: "연길에서", "도문으로", "도문을 거쳐", "순천 출신" (a person takes 에게/한테;
# "로부터" (from) is left alone)
_LOCATIVE = re.compile(
    r"(?:(?:에서|으로|로)(?!부터)(?![\uac00-\ud7a3])|(?:을|를)\s?거쳐|\s?출신(?![\uac00-\ud7a3]))"
)
# and a two-syllable one before bare 에 ("인천에 살고"): a person takes 에 only in "X에
# 따르면/대해/의해", and full names, which take it otherwise ("김정은에 충성"), are longer
_AT = re.compile(r"에\s(?!(?:따르|의하|의한|의해|대해|대한|대하|관해|관한|관하))")


# where a building or an institution is held, not a town: "구류장에서", "프레스센터에서"
_BUILDING_END = re.compile(r"(?:[장소청국당부관]|센터|빌딩|호텔)$")
# the seas around Korea ("동해에서 조업하던"): neither a town nor a person (동, 서 are surnames)
# "서울 마포구": a word in 구 after a metropolitan city is its district, not a name in 구
_DISTRICT = re.compile(r"(?:서울|부산|인천|대구|광주|대전|울산)(?:시|특별시|광역시)?\s\S+구$")
_SEA = re.compile(r"[동서남황]해")


_SELF_NAMED = re.compile(
    r"자신(?:의\s?이름)?을\s?([\uac00-\ud7a3]{2,3}?)(?:\((?:\d+|가명(?:·\d+)?)\))?(?:이)?라고"
)


def korean_names(text: str, start: int, end: int) -> list[Entity]:
    """Person names in text[start:end] from Kiwi NNP tokens that begin with a Korean surname,
    and places (GPE) from proper nouns that a unit ending or a locative particle marks."""
    chunk = text[start:end]
    out = []
    seen: set[int] = set()  # offsets inside a name found by a rule below
    # "류춘옥 씨": a surname-initial word before the honorific is a name even where Kiwi splits it
    # (no institution ends here: "한상국 씨" is a name though 국 ends 보위국)
    for m in re.finditer(
        r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{2,3})(?:\((?:\d+|가명(?:·\d+)?)\))?\s?씨", chunk
    ):
        form = m.group(1)
        if form[0] in _surnames_ko():
            s = start + m.start(1)
            out.append(Entity(form, "PERSON", s, s + len(form)))
            seen.update(range(s, s + len(form)))
    # "자신을 한금순(64)이라고 소개하며", "자신의 이름을 리광철이라고 밝혔다": the name a
    # person gives himself, which Kiwi may read as a common noun before 이라고
    for m in _SELF_NAMED.finditer(chunk):
        s = start + m.start(1)
        if m.group(1)[0] in _surnames_ko() and s not in seen:
            out.append(Entity(m.group(1), "PERSON", s, s + len(m.group(1))))
            seen.update(range(s, s + len(m.group(1))))
    # "박정민 교수는": a three-syllable word that begins with a surname before a title is a name
    # (Kiwi may cut it into 박 + 정민)
    for m in re.finditer(
        r"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{3})(?=" + _TITLED_SUBJECT.pattern + ")", chunk
    ):
        s = start + m.start(1)
        if (
            m.group(1)[0] in _surnames_ko()
            and s not in seen
            and m.group(1)[-1] not in _NOT_NAME_END
        ):
            out.append(Entity(m.group(1), "PERSON", s, s + 3))
            seen.update(range(s, s + 3))
    places = []
    prev = None
    toks = _tokens(text, start, end)
    for tok in toks:
        titled = prev is not None and _TITLE_END.search(prev.form) is not None
        prev = tok
        form = chunk[tok.start : tok.start + tok.len]
        # "외교부 인권대사 정민호는": a name after a title, which Kiwi may take for a noun
        after_title = titled and len(form) == 3 and _SUBJECT_AFTER.match(chunk, tok.start + 3)
        if tok.tag != "NNP" and not (tok.tag == "NNG" and after_title):
            continue
        s = start + tok.start
        if s in seen or not HANGUL.fullmatch(form[0]) or _SEA.fullmatch(form):
            continue
        unit = _UNIT_AFTER.match(chunk, tok.start + tok.len)
        if unit and not _UNIT_END.fullmatch(form):
            form = chunk[tok.start : unit.end()]
        if (
            _UNIT_END.fullmatch(form)
            or _DISTRICT.search(chunk, 0, tok.start + tok.len)
            or (
                len(form) >= 2
                and not _BUILDING_END.search(form)
                and (
                    _LOCATIVE.match(chunk, tok.start + tok.len)
                    or (len(form) == 2 and _AT.match(chunk, tok.start + tok.len))
                )
            )
        ):
            places.append(Entity(form, "GPE", s, s + len(form)))
        elif (
            2 <= len(form) <= 4
            and form[0] in _surnames_ko()
            and form[-1] not in _NOT_NAME_END
            and not _PLACE_SUFFIX.match(chunk, tok.start + tok.len)
        ):
            out.append(Entity(form, "PERSON", s, s + len(form)))
        elif (
            out
            and out[-1].end == s - 1
            and len(form) <= 5
            and _SUBJECT_AFTER.match(chunk, tok.start + tok.len)
        ):
            # "소피아 베르그만은": a proper noun right after a name, as the subject, is the
            # rest of a foreign name (merged below), whatever sound it begins with
            out.append(Entity(form, "PERSON", s, s + len(form)))
    for f in _foreign_titled(chunk, start, toks, places):  # "토머스 라일리": all of it
        out = [p for p in out if not (f.start <= p.start and p.end <= f.end)] + [f]
    return _merge_adjacent(text, sorted(out, key=lambda e: e.start)) + places


# a title or 씨 after a name, as a word of its own ("데이비드 모건 대표는", "줄리 터너 전 대사의")
_TITLE_NEXT = re.compile(
    rf"\s(?:전\s)?(?:{_UNIT_TITLE}|씨)(?=(?:은|는|이|가|의|도|과|와)?(?![\uac00-\ud7a3]))"
)


def _foreign_titled(chunk: str, start: int, toks: list, found: list[Entity]) -> list[Entity]:
    """'북한감시연대의 데이비드 모건 대표는': two or more words that Kiwi takes each whole for a
    proper noun, right before a title, are a foreign person's name in Hangul (listed bodies and
    places, "미국 대사", are not; a person found inside it gives way to it)."""
    listed = [_list_pattern("organisations.txt"), _list_pattern("gpe.txt", re.I)]
    by_end = {t.start + t.len: t.start for t in toks if t.tag == "NNP"}
    out: list[Entity] = []
    for m in _TITLE_NEXT.finditer(chunk):
        first, pos, words = None, m.start(), 0
        while pos in by_end:  # whole words back from the title, each one proper noun
            s = by_end[pos]
            # a word longer than any name in Hangul ("크리스토퍼" is five) is a body's name
            # written before the person ("새벽인권네트워크 한지민 연구원")
            if (
                (s > 0 and not chunk[s - 1].isspace())
                or max(map(len, chunk[s:pos].split())) > 5
                or any(lp.fullmatch(chunk[s:pos]) for lp in listed)
            ):
                break
            first, words = s, words + len(chunk[s:pos].split())
            if s < 2 or chunk[s - 1] != " ":
                break
            pos = s - 1
        if first is None or words < 2:
            continue
        a, b = start + first, start + m.start()
        if not any(x.start < b and a < x.end for x in found):  # not over a place
            out.append(Entity(chunk[first : m.start()], "PERSON", a, b))
    return out


def _merge_adjacent(text: str, persons: list[Entity]) -> list[Entity]:
    """'라파엘 두아르테': a foreign name in Hangul comes as two proper nouns; one person."""
    listed = [_list_pattern("organisations.txt"), _list_pattern("gpe.txt", re.I)]
    persons = [p for p in persons if not any(lp.fullmatch(p.text) for lp in listed)]
    out: list[Entity] = []
    for p in persons:
        if out and text[out[-1].end : p.start] == " ":
            prev = out.pop()
            out.append(Entity(text[prev.start : p.end], "PERSON", prev.start, p.end))
        else:
            out.append(p)
    return out


def _surname_mentions(text: str, start: int, end: int, persons: list[Entity]) -> list[Entity]:
    """'박 씨' / '박씨' / '정 대사' refers to 박순희 / 정민호 named earlier."""
    out = []
    sur = {p.text[0] for p in persons}
    for m in re.finditer(
        rf"(?<![\uac00-\ud7a3])([\uac00-\ud7a3])\s?(?:씨|{_TITLES}(?=[은는이가의도]?(?![\uac00-\ud7a3])))",
        text[start:end],
    ):
        if m.group(1) in sur:
            s = start + m.start(1)
            out.append(Entity(m.group(1), "PERSON", s, s + 1))
    return out


def _head_offset(phrase: str) -> int:
    """Where a subject phrase's head begins, past what only modifies it: an adverbial ("이에
    대해"), a date ("25일"), a clause ("65년을 맞은", "임신 4개월이었던") and a description
    before a name ("북한의 대외선전매체 우리민족끼리")."""
    cut = 0
    if " " not in phrase.strip():
        return 0
    for tok in korean().tokenize(phrase):
        end = tok.start + tok.len
        # an ending inside a word ("푸른숲인권기록원": 푸르 + ㄴ) ends no clause
        inside = end < len(phrase) and not phrase[end].isspace()
        if (tok.tag in ("ETM", "EC") and not inside) or (
            tok.tag == "NNB" and tok.form in ("일", "년", "월")
        ):
            cut = max(cut, end)
    for w in re.finditer(r"\S+", phrase):
        if w.end() < len(phrase.rstrip()) and _DESCRIBES.search(w.group(0)):
            cut = max(cut, w.end())
    if cut == 0 or cut >= len(phrase.rstrip()):
        return 0
    space = phrase.find(" ", cut - 1)
    return 0 if space < 0 else len(phrase) - len(phrase[space:].lstrip())


# a title by itself, which the recogniser may take for a body ("대변인", "책임연구원")
_BARE_TITLE = re.compile(rf"(?:책임|선임|수석|상임|부)?(?:{_TITLES}|참사관)$")


def _heads(text: str, e: Entity, end: int) -> bool:
    """Whether the name `e` heads a topic phrase ending at `end`: a title may follow it
    ("윤정아 책임연구원", "김철 유엔 주재 북한 대사"), but not a genitive or an indefinite
    한 before another head ("도쿄 주재 북한대표부의 한 서기관" is the 서기관, not 도쿄)."""
    return not re.search(r"\S의\s|(?:^|\s)한\s", text[e.end : end])


class KoreanResolver(Resolver):
    """The document's Resolver with what the Korean rules ask of it for every quote worked out
    once per document (bisection over starts, each pattern run once over the text), so that
    the work per quote does not grow with the length of the document."""

    def __init__(self, text: str, entities: list[Entity]) -> None:
        super().__init__(text, entities)
        self._org_named: dict[str, Entity] = {}
        self._surnamed: dict[str, tuple[Entity | None, Entity | None]] = {}
        self._heads: dict[str, list[int]] = {}
        self._bodies: dict[str, tuple[re.Pattern, list[int], list[str]]] = {}

    def org_named(self, name: str) -> Entity | None:
        """The first organisation whose text is `name`."""
        if not self._org_named:
            for o in reversed(self.orgs):
                self._org_named[o.text] = o
        return self._org_named.get(name)

    def with_surname(self, sur: str) -> tuple[Entity | None, Entity | None]:
        """The first longer name that begins with `sur`, and the first of them that a subject
        particle follows."""
        if sur not in self._surnamed:
            full = [p for p in self.persons if p.text.startswith(sur) and len(p.text) > len(sur)]
            topical = next((p for p in full if _SUBJECT_AFTER.match(self.text, p.end)), None)
            self._surnamed[sur] = (full[0] if full else None, topical)
        return self._surnamed[sur]

    def head_before(self, head: str, pos: int) -> int | None:
        """Where `head` as a subject ('관계자는 ') last stands before `pos`, all of it and its
        particle and space before `pos`."""
        if head not in self._heads:
            pattern = re.escape(head) + r"(?=(?:은|는|이|가)\s)"
            self._heads[head] = [m.start() for m in re.finditer(pattern, self.text)]
        starts = self._heads[head]
        i = bisect.bisect_right(starts, pos - len(head) - 2) - 1
        return starts[i] if i >= 0 else None

    def body_before(self, head: str, pos: int) -> str | None:
        """The last longer name before `pos` written as one word ending in `head` ("한솔증언기록원"
        for "기록원"), which the recogniser may have missed: the body a short form stands for.
        A match holds no space and reads no further than the space after it, so those before
        the word `pos` cuts are the whole text's; that word is read as cut."""
        if head not in self._bodies:
            pattern = re.compile(
                rf"(?<![\uac00-\ud7a3])([\uac00-\ud7a3]{{2,}}{re.escape(head)})"
                r"(?![\uac00-\ud7a3]{2})"
            )
            found = list(pattern.finditer(self.text))
            self._bodies[head] = (pattern, [m.start() for m in found], [m.group(1) for m in found])
        pattern, starts, names = self._bodies[head]
        word = pos
        while word > 0 and not self.text[word - 1].isspace():
            word -= 1
        cut = pattern.findall(self.text, word, pos)
        if cut:
            return cut[-1]
        i = bisect.bisect_left(starts, word) - 1
        return names[i] if i >= 0 else None


def _surname_person(res: KoreanResolver, text: str, e: Entity) -> str:
    """ "허 씨" is the person the story is about: of the full names before it with that
    surname, the one first named as a subject (not a relative named after: "그의 아버지 허…")."""
    first, topical = res.with_surname(e.text)
    for p in (topical, first):  # each the first of its kind, so before `e` or none is
        if p is not None and p.start < e.start:
            return p.text
    return e.text


def _person_before(res: KoreanResolver, text: str, pos: int) -> str | None:
    """The nearest person before `pos` for 그/그녀; a surname mention ("허씨는") nearest is
    resolved as above, not to the last full name with that surname."""
    last = res.last_person_before(pos)
    if last is None:
        return None
    if len(last.text) == 1:
        return _surname_person(res, text, last)
    return res.fullest(last.text, pos=last.start)  # what Resolver.person_before gives


# a name (or the noun it modifies) that an adverbial particle follows: where, to what, with
# whom ("유엔 보고서에 대해", "국가보위성 구류장에서"), which never says the words
_ADVERBIAL_AFTER = re.compile(
    r"(?:\s[\uac00-\ud7a3]+?)?(?:에서|에게|에|을|를|으로|로|과|와)(?![\uac00-\ud7a3])"
)


def _speaker(
    res: KoreanResolver, ents: list[Entity], text: str, lo: int, hi: int, subject_only: bool = False
) -> tuple[str | None, int | None, int | None]:
    """The person or organisation named as subject in text[lo:hi], else a pronoun's referent;
    with `subject_only`, nothing unless a subject particle or topic marks one."""
    inside = [e for e in starting_in(ents, lo, hi) if e.end <= hi and e.label in ("PERSON", "ORG")]
    # "한 씨에 따르면 담당 보위원은 "…"": the source of the account is not the subject, nor
    # is the agency of a dateline ("(서울=동교통신) 60대 탈북 여성이 "…"")
    inside = [
        e
        for e in inside
        if not _SOURCE_OF.match(text, e.end)
        and not (text[e.start - 1 : e.start] == "=" and text.startswith(")", e.end))
    ]
    # the subject: the name the topic or subject particle follows ("진해숙 씨는", "통일부는")
    subjects = [
        e
        for e in inside
        if _SUBJECT_AFTER.match(text, e.end)
        or (e.label == "PERSON" and _TITLED_SUBJECT.match(text, e.end))
    ]
    subjects.sort(key=lambda e: e.label != "PERSON")
    if subject_only and not subjects and not _topic(text, lo, hi):
        return None, None, None  # "…다고 북한인권정보센터에 증언했다": to whom, not who
    if not subjects:
        # a subject that is a description ("유엔 북한인권 특별보고관은"): the phrase itself,
        # unless it contains a person's name
        m = _topic(text, lo, hi)
        if m and not any(
            m[0] <= e.start < m[1] and e.label == "PERSON" and _heads(text, e, m[1]) for e in inside
        ):
            ps = m[0]
            lead = re.search(r".*(?:따르면|,)\s*", text[m[0] : m[1]])
            if lead:
                ps += lead.end()
            ps += _head_offset(text[ps : m[1]])
            # a discourse word ("반면 중국 외교부 대변인은") and quote marks around a name
            # ("'북한자유신앙연대'는") are not part of the speaker
            ps = _LEAD_WORD.match(text, ps).end()
            phrase = text[ps : m[1]].strip().rstrip("'’\"”」")
            if _PRONOUNS.match(phrase):  # "당시 임신 4개월이었던 그는": whoever 그 is
                return _person_before(res, text, ps), ps, ps + len(phrase)
            orgs = [
                e
                for e in inside
                if ps <= e.start
                and e.end <= m[1]
                and e.label == "ORG"
                and not _BARE_TITLE.match(e.text)  # "외무성 대변인": not the title alone
            ]
            if orgs and re.search(r"(?:대변인|당국자|관계자|관리)$", phrase):
                return res.fullest(orgs[0].text, "ORG"), orgs[0].start, orgs[0].end
            earlier = _described_before(res, text, phrase, ps)
            if earlier:  # "이 관계자는": the one described that way last before
                return earlier, ps, ps + len(phrase)
            side = re.fullmatch(r"(\S{2,})\s?측", phrase)
            if side:  # "아카이브 측은": the body named before whose name ends in 아카이브
                body = res.body_before(side.group(1), ps)
                if body:
                    return body, ps, ps + len(side.group(1))
            this = _THIS.match(phrase)
            # "이 보고서는" with none before: 보고서 (not "그 사람", a person described)
            if this and this.end() < len(phrase) and not _PERSON_WORD.search(phrase):
                ps, phrase = ps + this.end(), phrase[this.end() :]
                named = res.last_org_before(ps)
                if named and _DESCRIBES.fullmatch(phrase):  # "이 단체는": the body named last
                    return res.fullest(named.text, "ORG"), ps, ps + len(phrase)
            if phrase:
                return res.fullest_phrase(phrase, ps), ps, ps + len(phrase)
    if not subjects:
        # "유엔 보고서에 대해", "국가보위성 구류장에서": a name in an adverbial, not the subject
        inside = [e for e in inside if not _ADVERBIAL_AFTER.match(text, e.end)]
        # "북한이 유엔총회 … 보고서를 "…"라고 비난했다": a country that a particle marks
        # as the subject speaks, not a body named after it that none marks
        state = next(
            (
                g
                for g in starting_in(ents, lo, inside[0].start if inside else lo)
                if g.label == "GPE" and _SUBJECT_AFTER.match(text, g.end)
            ),
            None,
        )
        if state is not None:
            return state.text, state.start, state.end
    if inside:
        persons = [e for e in inside if e.label == "PERSON"]
        e = subjects[0] if subjects else persons[0] if persons else inside[0]
        name = res.fullest(e.text, e.label)
        if e.label == "ORG" and _BARE_TITLE.match(e.text):
            # "북한 외무성 대변인은": a bare title is whose title it is, with the words before
            ps = _noun_phrase_start(text, lo, e.start)
            if ps == e.start:  # "대변인은" alone: the one given that title before
                return _described_before(res, text, e.text, e.start) or e.text, e.start, e.end
            return text[ps : e.end], ps, e.end
        if e.label == "PERSON" and len(e.text) == 1:
            name = _surname_person(res, text, e)
        return name, e.start, e.end
    for m in re.finditer(r"(?:^|\s)(그녀|그들|그)(?:는|은|가|이)\s", text[lo:hi]):
        s = lo + m.start(1)
        return _person_before(res, text, s), s, s + len(m.group(1))
    return None, None, None


# nouns of time that a clause before them makes an adverbial ("입소하는 날 계호원이": when)
_TIME_NOUNS = frozenset(
    ["날", "때", "뒤", "후", "밤", "무렵", "당시", "해", "아침", "저녁", "새벽"]
)
# where a clause before a noun begins: after a connective or final ending, a subject or topic
# particle, punctuation or a bracket
_CLAUSE_STOP = frozenset({"EC", "EF", "JKS", "JX", "SF", "SP", "SSO", "SSC", "SE", "SW"})


def _clause_before(toks: list, j: int, i: int) -> int:
    """Where the subject noun phrase toks[j:i] begins with the relative clause that describes
    it ("옆에 서 있던 사람이", "중국에서 강제 북송된 여성들이", "…근무했다는 40대 탈북민이"):
    the description an unnamed speaker is given is all of it. A noun of time after a clause
    ("입소하는 날 계호원이") is when, not who, and is left out."""
    if j + 1 < i and toks[j].form in _TIME_NOUNS and j > 0 and toks[j - 1].tag == "ETM":
        return j + 1
    k = j
    while k > 0 and toks[k - 1].tag in ("SN", "NNB", "NR", "MM"):  # "40대", "한"
        k -= 1
    if k == 0 or toks[k - 1].tag != "ETM":
        return j
    # an ending before an auxiliary verb ("서 있던": 서 + 어 + 있 + 던) ends no clause
    while k > 0 and (toks[k - 1].tag not in _CLAUSE_STOP or toks[k].tag == "VX"):
        k -= 1
    return k


def _marked_subject(
    text: str, lo: int, hi: int, first: bool = False
) -> tuple[str | None, int | None, int | None]:
    """'동사무소 사람이 와서 "…"고 했습니다': with no name and no topic before a quote, the
    noun phrase that the subject particle 이/가 marks last before it (the description the text
    gives an unnamed speaker); with `first`, the one marked first (the subject of a sentence
    that reports what its clause says: '…탈북 여성이 …벌어졌다고 증언했다')."""
    toks = list(korean().tokenize(text[lo:hi]))
    for i in range(1, len(toks)) if first else range(len(toks) - 1, 0, -1):
        if toks[i].tag != "JKS":
            continue
        j, nouns = i, 0  # the head and at most one noun before it ("마을 반장", not "아침 …")
        while j > 0 and toks[j - 1].tag in ("NNG", "NNP", "XSN") and nouns < 2:
            j -= 1
            nouns += toks[j].tag != "XSN"
        if j == i and toks[i - 1].tag not in ("NR", "NNB"):
            return None, None, None
        j = _clause_before(toks, min(j, i - 1), i)
        ps, pe = lo + toks[j].start, lo + toks[i - 1].start + toks[i - 1].len
        # the whole word the head ends ("계호원", which Kiwi may cut into 계 + 호 + 원)
        ps = max(text.rfind(" ", lo, ps) + 1, lo)
        return text[ps:pe], ps, pe
    return None, None, None


_NOUN_TAGS = frozenset({"NNG", "NNP", "XSN", "MM", "SL"})


def _noun_phrase_start(text: str, lo: int, head: int) -> int:
    """Where the bare noun phrase whose head word starts at `head` begins ("대북 소식통",
    "북한인권 단체들", "한 소식통"): up to three words before it made of nouns and determiners
    only, none before `lo` (a word with a particle or an ending, or a date, stops it)."""
    start = head
    for _ in range(3):
        if start - 1 <= lo or text[start - 1] != " ":
            break
        ws = max(text.rfind(" ", lo, start - 1) + 1, lo)
        toks = korean().tokenize(text[ws : start - 1])
        if not toks or any(t.tag not in _NOUN_TAGS for t in toks):
            break
        start = ws
    return start


_THIS = re.compile(r"(?:이|그|해당)\s+(?=\S)")
_PERSON_WORD = re.compile(r"(?:사람|남성|여성|남자|여자|분|자|인|원|관|씨)$")


def _described_before(res: KoreanResolver, text: str, phrase: str, pos: int) -> str | None:
    """'이 관계자는' after '한 탈북민 단체 관계자는 "…"': a demonstrative subject, or a bare
    title ('대변인은' after '북한 외무성 대변인은'), is the description last given to a subject
    with the same head before `pos`, as written there."""
    this = _THIS.match(phrase)
    if this is None and not _BARE_TITLE.fullmatch(phrase):
        return None
    head = phrase[this.end() :] if this else phrase
    at = res.head_before(head, pos)
    if at is None:
        return None
    sent = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
    start = _LEAD_WORD.match(text, _noun_phrase_start(text, sent, at)).end()
    if start == at or _THIS.match(text, start):
        return None
    return text[start : at + len(head)]


# "정씨는 … 당시 상황을 이렇게 전했다.": the next paragraph's quote is the subject's
_ANNOUNCES = re.compile(r"(?:이렇게|다음과 같이)\s+(?:[^\s.]+\s+){0,2}?" + _SAY + r"\.?\s*$")


def _announced(
    res: KoreanResolver, ents: list[Entity], text: str, s: int
) -> tuple[str | None, int | None, int | None]:
    """A quote that opens its paragraph after a sentence announcing it ('…이렇게 전했다.')."""
    para = text.rfind("\n", 0, s) + 1
    prev_end = _end_before(text, para)
    if text[para:s].strip(' "“「『') or prev_end == 0:
        return None, None, None
    if not _ANNOUNCES.search(text, max(0, prev_end - 80), prev_end):
        return None, None, None
    sent_lo = max(text.rfind(".", 0, prev_end - 1), text.rfind("\n", 0, prev_end - 1)) + 1
    return _speaker(res, ents, text, sent_lo, prev_end)


# the end of a clause that a later subject may follow: "…총살됐다며, 당시 정치지도원이 "…""
_CLAUSE_END = re.compile(r"(?:며|면서|는데|지만|으나|고),\s")


def _clause_subject(
    res: KoreanResolver, ents: list[Entity], text: str, lo: int, s: int
) -> tuple[str | None, int | None, int | None]:
    """'그는 …총살됐다며, 당시 정치지도원이 "도망치면 …"고 외쳤다고 기억했다': after a clause
    ends, the subject that a particle marks in the clause holding the quote speaks, not the
    sentence's topic."""
    ends = list(_CLAUSE_END.finditer(text, lo, s))
    if not ends or not re.search(r"(?:이|가)\s*[\"“「『]?$", text[ends[-1].end() : s]):
        return None, None, None  # a topic (은/는) after the comma is what the words are about
    b = ends[-1].end()
    found = _speaker(res, ents, text, b, s, True)
    return found if found[0] is not None else _marked_subject(text, b, s)


def _report_author(
    res: KoreanResolver, ents: list[Entity], text: str, pos: int
) -> tuple[str | None, int | None, int | None]:
    """The subject of the last sentence before `pos` that mentions a report ("통일부는 29일
    발간한 북한인권보고서에서 …", "특별보고관은 보고서에서 …"): the report's author. A
    mention with nothing before it ('보고서는 "…"') is the report again: look further back, to
    where it was published ("북녘기억연구소가 6일 공개한 보고서")."""
    at = pos
    for _ in range(3):
        at = text.rfind("보고서", 0, at)
        if at < 0:
            return None, None, None
        lo = max(text.rfind(".", 0, at), text.rfind("\n", 0, at)) + 1
        if '"' in text[lo:at] or "“" in text[lo:at]:
            return None, None, None
        if text[lo:at].strip():
            return _speaker(res, ents, text, lo, at, True)
    return None, None, None


_SAY_END = re.compile(_SAY + r"[.!?]?\s*$")


def _beside(
    res: KoreanResolver, ents: list[Entity], text: str, s: int, e: int
) -> tuple[str | None, int | None, int | None]:
    """'그는 … 말했다. "걸어서 …었습니다."': a quote that is a sentence of its own inside a
    paragraph, with no verb of its own, goes with the sentence beside it that ends in a speech
    verb: the one before, else the one after (both in the same paragraph)."""
    prev_end = _end_before(text, s - 1)
    if prev_end > 0 and "\n" not in text[prev_end : s - 1]:
        lo = max(text.rfind(".", 0, prev_end - 1), text.rfind("\n", 0, prev_end - 1)) + 1
        if _SAY_END.search(text, lo, prev_end):
            return _speaker(res, ents, text, lo, prev_end)
    nxt = e + 1
    if nxt < len(text) and text[nxt] == " ":
        stops = [i for i in (text.find(".", nxt), text.find("\n", nxt)) if i >= 0]
        hi = min(stops) + 1 if stops else len(text)
        if '"' not in text[nxt:hi] and "“" not in text[nxt:hi] and _SAY_END.search(text, nxt, hi):
            return _speaker(res, ents, text, nxt, hi)
    return None, None, None


def _nested(res: KoreanResolver, ents: list[Entity], text: str, s: int, e: int) -> list[Quote]:
    """Quotes inside the quote text[s:e] ('"보위원이 … '이 책을 누구한테서 받았나'고
    소리쳤어요"'): the subject before each in its sentence speaks; with none, no suggestion."""
    out = []
    for a, b in inner_spans(text, [(s, e)]):
        # a term in quotes ("이른바 '정치범수용소'라는", "'꽃동산'이라고 불렀다") is not speech,
        # as at the top level: a short one needs a speech verb after it
        if len(text[a:b].split()) < 3 and not _AFTER_QUOTE.match(text, b + 1, e):
            continue
        lo = max(s, text.rfind(".", s, a) + 1)
        speaker, ss, se = _speaker(res, ents, text, lo, a)
        if speaker is None:
            speaker, ss, se = _marked_subject(text, lo, a)
        if speaker is None:
            # "예심원이 '…'며 웃었다": the word whose 이/가 stands right before the inner mark,
            # where Kiwi reads the word as something other than a noun
            sub = re.search(r"(?:^|\s)([\uac00-\ud7a3]{2,})(?:이|가)\s?['‘\"“]?$", text[lo:a])
            if sub:
                speaker, ss, se = sub.group(1), lo + sub.start(1), lo + sub.end(1)
        if speaker is not None:
            out.append(Quote(text[a:b], speaker, a, b, "direct", ss, se))
    return out


def _end_before(text: str, pos: int) -> int:
    """len(text[:pos].rstrip()), without copying the text before `pos`."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def _before_quote(text: str, lo: int, hi: int) -> int:
    """Where text[lo:hi] reaches its first quotation mark (hi if none)."""
    marks = [i for i in (text.find('"', lo, hi), text.find("“", lo, hi)) if i >= 0]
    return min(marks, default=hi)


def _previous_subject(
    res: KoreanResolver, ents: list[Entity], text: str, lo: int, sent_lo: int
) -> tuple[str | None, int | None, int | None]:
    """'어머니는 2010년 봄에 돌아가셨다. 마지막까지 "…"고 하셨다': a quote with its speech
    verb but no subject in its sentence is said by the subject of the sentence before it in the
    paragraph (text[lo:]), which Korean leaves out while it goes on."""
    if sent_lo - 1 <= lo:
        return None, None, None
    p_lo = max(text.rfind(".", lo, sent_lo - 1), text.rfind("\n", lo, sent_lo - 1), lo - 1) + 1
    return _speaker(res, ents, text, p_lo, _before_quote(text, p_lo, sent_lo - 1), True)


def _lede_quote(
    res: KoreanResolver, ents: list[Entity], text: str, s: int, e: int
) -> tuple[str | None, int | None, int | None]:
    """'"아버지 한 사람 때문에 …"' as the story's first quote and a paragraph of its own, then
    '…에서 자란 리명철(55) 씨는 …': the person the next paragraph opens with said it."""
    p_lo = text.rfind("\n", 0, s) + 1
    p_hi = text.find("\n", e)
    p_hi = len(text) if p_hi < 0 else p_hi
    if (
        text[p_lo:s].strip(' "“「『')
        or text[e:p_hi].strip(' "”」』.')
        or _before_quote(text, 0, p_lo) < p_lo
    ):
        return None, None, None
    n_lo = len(text) - len(text[p_hi:].lstrip())
    sent = _SENT.match(text, n_lo)
    if sent is None:
        return None, None, None
    # the person the topic phrase ends with ("경기도 안산의 … 이은혜(52) 전도사는")
    topic = _topic(text, n_lo, _before_quote(text, n_lo, sent.end()))
    last = [x for x in starting_in(ents, n_lo, topic[1]) if x.label == "PERSON"] if topic else []
    if not last:  # a topic phrase too long to read as one ("1993년 가을 … 끌려간 박순희(61)씨는")
        return _paragraph_person(res, ents, text, n_lo, _before_quote(text, n_lo, sent.end()))
    return res.fullest(last[-1].text, "PERSON"), last[-1].start, last[-1].end


# '"…"는 혐의로', '"…"라는 이유로': a quote that names what a noun after it is
_NAMING = re.compile(r"\s?(?:이?라)?는\s+(?:혐의|이유|죄목|명목|구실|내용|말)")


def _paragraph_person(
    res: KoreanResolver, ents: list[Entity], text: str, lo: int, hi: int
) -> tuple[str | None, int | None, int | None]:
    """The person a paragraph of narration is about ('증언자 가운데 한 명인 오정남 씨는 …
    끌려갔다.'): the first person named in text[lo:hi] as a subject (은/는/이/가)."""
    for e in starting_in(ents, lo, hi):
        if e.label == "PERSON" and _SUBJECT_AFTER.match(text, e.end):
            name = _surname_person(res, text, e) if len(e.text) == 1 else res.fullest(e.text)
            return name, e.start, e.end
    return None, None, None


def _goes_on(
    res: KoreanResolver, ents: list[Entity], text: str, s: int
) -> tuple[str | None, int | None, int | None]:
    """'그는 "…"며 이야기를 시작했다.' then paragraphs that are each a quote with no
    subject of its own (none, or only its verb: '"…"고 덧붙였다.', the end of a quote run on
    from the paragraph before): the speaker of the last quote in the paragraph before them
    goes on; after a paragraph with no quote, the person that paragraph is about."""
    para = text.rfind("\n", 0, s) + 1
    if text[para:s].strip(' "“「『'):
        return None, None, None
    for i in range(4):  # back over a run of such paragraphs
        p_hi = _end_before(text, para)
        p_lo = text.rfind("\n", 0, p_hi) + 1
        spans = quote_spans(text[p_lo:p_hi])
        if p_hi == 0 or not spans:
            return _paragraph_person(res, ents, text, p_lo, p_hi) if i == 0 else (None, None, None)
        a, b = p_lo + spans[-1][0], p_lo + spans[-1][1]
        sent_lo = max(text.rfind(".", p_lo, a), p_lo - 1) + 1
        found = _subject_speaker(res, ents, text, sent_lo, a)
        m = _AFTER_QUOTE.match(text, b + 1, p_hi)
        if found[0] is None and m:
            found = _speaker(res, ents, text, m.start("who"), m.end())
        if found[0] is not None or text[p_lo:a].strip(' "“「『') or m:
            return found
        para = p_lo
    return None, None, None


def _described_speaker(
    res: KoreanResolver, ents: list[Entity], text: str, ss: int | None, se: int | None
) -> str | None:
    """'한 탈북 여성은 "…"고 증언했다. 그는 "…"': 그/그녀 is the speaker of the last quote
    before it (in its paragraph or the one before) when that speaker was described, not named,
    after the last name before the pronoun: the nearest name is then not the nearest subject."""
    if ss is None or se is None or not _PRONOUNS.match(text[ss:se]):
        return None
    p_lo = text.rfind("\n", 0, ss) + 1
    spans = quote_spans(text[p_lo:ss])
    if not spans and p_lo > 1:  # none before it in its paragraph: the paragraph before
        p_hi = _end_before(text, p_lo)
        p_lo = text.rfind("\n", 0, p_hi) + 1
        spans = quote_spans(text[p_lo:p_hi])
    if not spans:
        return None
    a = p_lo + spans[-1][0]
    sent_lo = max(text.rfind(".", p_lo, a), p_lo - 1) + 1
    who, ws, we = _speaker(res, ents, text, sent_lo, a)
    if who is None or ws is None or we is None or _PRONOUNS.match(text[ws:we]):
        return None
    if starting_in(res.persons, ws, ss):  # named in the description, or after it
        return None
    return who


_SINGLE = re.compile(r"‘([^’\n]+)’")


def _single_quoted(
    text: str, start: int, end: int, spans: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """'그는 ‘처형이 끝나면 …했다’고 말했다': words in single marks, outside any double ones,
    that a quotative particle and a speech verb follow are a quote, as in double marks (a
    term in single marks, "‘혁명화구역’에 왔다", has no verb of saying after it)."""
    out = []
    for m in _SINGLE.finditer(text, start, end):
        a, b = m.span(1)
        if (
            len(m.group(1).split()) >= 3
            and _AFTER_QUOTE.match(text, m.end(), end)
            and not any(s <= a < e for s, e in spans)
        ):
            out.append((a, b))
    return out


def _subject_speaker(
    res: KoreanResolver, ents: list[Entity], text: str, lo: int, hi: int
) -> tuple[str | None, int | None, int | None]:
    """The speaker named before a quote (`_speaker`), where a pronoun may stand for the
    described speaker of the quote before (`_described_speaker`)."""
    speaker, ss, se = _speaker(res, ents, text, lo, hi)
    return _described_speaker(res, ents, text, ss, se) or speaker, ss, se


def _named_later(res: KoreanResolver, text: str, q: Quote) -> str | None:
    """'60대 탈북 여성이 "…"고 말했다. 이 여성은 자신을 한금순이라고 소개하며', '북녘기억
    연구소의 소장은 "…"고 말했다. 박정민 소장은': a speaker first described, not named, is
    the next person named after the description (within a few paragraphs) when that person
    names himself or is given the description's title."""
    if q.speaker is None or q.speaker_start is None or q.speaker_end is None:
        return None
    ss, se = q.speaker_start, q.speaker_end
    if any(x.end > ss for x in starting_in(res.persons, ss - 20, se)) or any(
        x.start == ss and x.end == se for x in starting_in(res.orgs, ss, ss + 1)
    ):
        return None  # named already, or a body
    later = starting_in(res.persons, se, se + 1500)
    if not later or len(later[0].text) < 2:
        return None
    nxt = later[0]
    self_at = text.rfind("자신", nxt.start - 8, nxt.start)
    title = _TITLE_END.search(q.speaker.rstrip("'’\"”」"))
    # a witness described, not an official ("관계자", "대변인"), who never names himself so
    official = title or re.search(r"(?:관계자|당국자|소식통|관리)$", q.speaker)
    if self_at >= 0 and _SELF_NAMED.match(text, self_at) and not official:
        return res.fullest(nxt.text)
    # the same title, with no other body named on the way ("외무성 대변인은 …" then "통일부
    # 구병삼 대변인은" is another spokesman)
    if (
        title
        and re.compile(r"\s?" + title.group(0)).match(text, nxt.end)
        and not starting_in(res.orgs, se, nxt.start)
    ):
        return res.fullest(nxt.text)
    return None


def korean_quotes(
    text: str, start: int, end: int, ents: list[Entity], res: KoreanResolver | None = None
) -> list[Quote]:
    """The quotes of the paragraph text[start:end]. `res`, the document's Resolver over
    `ents`, is built once per document by the caller (built per paragraph, its work on every
    name made long texts quadratic); the descriptive phrases it has met start afresh here, as
    each paragraph's own."""
    res = KoreanResolver(text, ents) if res is None else res
    res.phrases = []
    out: list[Quote] = []
    spans = [(s + start, e + start) for s, e in quote_spans(text[start:end])]
    spans = sorted(spans + _single_quoted(text, start, end, spans))
    for s, e in spans:
        m = _AFTER_QUOTE.match(text, e + 1, end)
        sent_lo = max(text.rfind(".", start, s), text.rfind("\n", start, s), start - 1) + 1
        if not m and len(text[s:e].split()) < 3:
            continue
        speaker, ss, se = _clause_subject(res, ents, text, sent_lo, s)
        if speaker is None:
            speaker, ss, se = _subject_speaker(res, ents, text, sent_lo, s)
        if speaker is None and m:  # "…"고 그는 덧붙였다: the words between particle and verb
            speaker, ss, se = _speaker(res, ents, text, m.start("who"), m.end())
        if speaker is None:
            speaker, ss, se = _announced(res, ents, text, s)
        if speaker is None and not m and not text[sent_lo:s].strip(' "“「『'):
            speaker, ss, se = _beside(res, ents, text, s, e)
        if speaker is None:
            speaker, ss, se = _marked_subject(text, sent_lo, s)
        if speaker is None and m:
            speaker, ss, se = _previous_subject(res, ents, text, start, sent_lo)
        if speaker is None and not m:
            speaker, ss, se = _lede_quote(res, ents, text, s, e)
        if speaker is None:
            speaker, ss, se = _goes_on(res, ents, text, s)
        out.append(Quote(text[s:e], speaker, s, e, "direct", ss, se))
        out.extend(_nested(res, ents, text, s, e))
    for sm in _SENT.finditer(text, start, end):
        ls, le = sm.start(), sm.end()
        # a sentence after a quote that closed the one before ('…했다.” 그녀는 …') begins
        # past the closing mark, which is no part of its subject
        ls += len(text[ls:le]) - len(text[ls:le].lstrip(' ”"’」』'))
        # a sentence with a direct quote is that quote's, unless each quote in it only names
        # a charge or a reason ('"…"는 혐의로 끌려갔다고 밝혔다'), whose sentence is reported
        if any(s < le and ls < e and not _NAMING.match(text, e + 1) for s, e in spans):
            continue
        acc = _ACCORDING.search(text, ls, le)
        if acc:
            who = [
                x
                for x in starting_in(ents, acc.start() - 4, acc.end())
                if x.label in ("PERSON", "ORG")
            ]
            sp = who[0] if who else None
            generic = acc.group(1).strip()
            if sp is None and _PRONOUNS.match(generic):  # "그녀에 따르면": whoever she is
                who_p = _person_before(res, text, acc.start())
                if who_p:
                    sp = Entity(who_p, "PERSON", acc.start(1), acc.end(1))
            if sp is None:
                # "한빛인권연대가 14일 공개한 증언록에 따르면": the body that published it
                pub = _PUBLISHED_BY.search(text, ls, acc.end(1))
                if pub:
                    sp = next(
                        (
                            x
                            for x in starting_in(ents, pub.start(1), pub.start(1) + 1)
                            if x.label in ("PERSON", "ORG")
                        ),
                        Entity(pub.group(1), "ORG", pub.start(1), pub.end(1)),
                    )
            if sp is None and generic.endswith("보고서"):
                # "특별보고관은 보고서에서 … 보고서에 따르면": who the last sentence that
                # mentions the report has as its subject wrote it
                author, a_s, a_e = _report_author(res, ents, text, acc.start())
                if author is not None:
                    sp = Entity(author, "ORG", a_s, a_e)
            # "대북 소식통에 따르면": an unnamed source that the words before its head describe
            # is that description; bare or after a demonstrative ("이 매체") it is the body
            # named before
            ps = acc.start(1)
            if not text.startswith("의", acc.end(1)):
                ps = _LEAD_WORD.match(text, _noun_phrase_start(text, ls, ps)).end()
            phrase = text[ps : acc.end(1)]
            if (
                sp is None
                and re.search(r"(?:매체|단체|보고서|기관|정부|언론|소식통)$", generic)
                and (ps == acc.start(1) or re.match(r"(?:이|그|해당|동)\s", phrase))
            ):
                # "이 매체에 따르면": the outlet named before
                last = res.last_org_before(acc.start(), carriers=False)
                if last:
                    sp = res.org_named(res.fullest(last.text, "ORG"))
            qs, qe = acc.end(), le
            while qe > qs and text[qe - 1] in ". ":
                qe -= 1
            if qe > qs:
                name = res.fullest(sp.text, sp.label) if sp else phrase
                out.append(
                    Quote(
                        text[qs:qe],
                        name,
                        qs,
                        qe,
                        "according_to",
                        sp.start if sp else ps,
                        sp.end if sp else acc.end(1),
                    )
                )
            continue
        hearsay = _HEARSAY.match(text, ls, le)
        if hearsay:
            # "…계속됐다고 한다." after a witness's own sentence: still the witness's account
            who, ss, se = _previous_subject(res, ents, text, start, sm.start())
            qe = hearsay.end(1)
            person = ss is not None and (
                _PRONOUNS.match(text[ss:se])
                or any(x.label == "PERSON" for x in starting_in(ents, ss, se))
            )  # a witness, not a topic that is a place ("감방 한 칸에는")
            if person and qe - ls > 3:
                out.append(Quote(text[ls:qe], who, ls, qe, "reported", ss, se))
            continue
        rep = _REPORTED.search(text, ls, le) or _ESTIMATED.search(text, ls, le)
        if rep:
            # "…쫓겨났다고 보고서는 전했다", "…확인됐다고 한 연구기관이 밝혔다": a subject
            # between the reported words and the verb is the speaker, and the words run from
            # the sentence's start
            speaker, ss, se = _speaker(res, ents, text, rep.end(1) + 2, rep.end(), True)
            if speaker is None:
                speaker, ss, se = _marked_subject(text, rep.end(1) + 2, rep.end())
                if ss is not None and se is not None:  # all of it: "한 민간 연구기관이"
                    ss = _noun_phrase_start(text, rep.end(1) + 2, ss)
                    speaker = text[ss:se]
            if speaker is None:
                speaker, ss, se = _speaker(res, ents, text, ls, rep.end())
            if speaker is None and any(
                x.end <= rep.end() and x.label in ("PERSON", "ORG")
                for x in starting_in(ents, ls, rep.end())
            ):
                # "국가보위성 구류장에서 근무했다는 40대 탈북민이 …": the name is in an
                # adverbial, and the subject 이/가 marks first reports the words (a sentence
                # with no name in it stays no one's report)
                speaker, ss, se = _marked_subject(text, ls, rep.end(1), True)
            if speaker is None:
                continue
            qs = se if se is not None and se <= rep.end(1) else ls
            # skip the subject's particle and spaces (none when the words open the sentence:
            # "가장 …" keeps its 가)
            sub = re.match(r"\s*씨?(?:\([^()]{1,12}\))?(?:는|은|가|이)?\s*", text[qs : rep.end(1)])
            qs += sub.end() if sub and qs != ls else 0
            qe = rep.end(1) + (rep.re is _REPORTED)  # "…다" keeps its 다; "…ㄹ 것" ends there
            if qe - qs > 3:
                out.append(Quote(text[qs:qe], speaker, qs, qe, "reported", ss, se))
    return [_name_described(res, text, q) for q in out]


def _name_described(res: KoreanResolver, text: str, q: Quote) -> Quote:
    """The quote with its described speaker named where the text names them later."""
    name = _named_later(res, text, q)
    return q if name is None else dataclasses.replace(q, speaker=name)
