"""English quotes with speakers: direct, partial, multi-paragraph and unclosed quotes, "according
to X", and reported speech ("X said that ...")."""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left, bisect_right
from typing import Any

from docket.extract._inflect import all_forms
from docket.extract._quote_marks import inner_spans, quote_spans
from docket.extract._types import Entity, Quote
from docket.extract.speakers import Resolver

# Speech verbs by lemma: every form counts ("estimates", "estimated", "adding that ...").
SAY = all_forms(
    "say",
    "tell",
    "describe",
    "call",
    "denounce",
    "add",
    "recall",
    "explain",
    "state",
    "write",
    "testify",
    "insist",
    "claim",
    "continue",
    "remember",
    "note",
    "declare",
    "reply",
    "ask",
    "deny",
    "warn",
    "argue",
    "allege",
    "confirm",
    "report",
    "acknowledge",
    "admit",
    "recount",
    "whisper",
    "conclude",
    "find",
    "estimate",
    "urge",
    "dismiss",
    "reject",
    "assert",
    "maintain",
    "believe",
    "condemn",
    "criticise",
    "criticize",
    "express",
    "answer",
    "announce",
    "concede",
    "remind",
    "shout",
    "scream",
    "yell",
) | {"according"}
_SUBJ = {"nsubj", "nsubjpass"}
# what gives a complement clause a subject of its own ("the relatives had been told ...")
_CLAUSE_SUBJ = _SUBJ | {"csubj", "csubjpass", "expl"}
_TELL = all_forms("tell")
_NOMINATIVE = {"i", "we", "he", "she", "they"}
# what a clause has when no object is missing from it: "he regretted it", "she was ill"
_COMPLETE = {"dobj", "ccomp", "xcomp", "attr", "acomp", "auxpass", "oprd"}
# "say" takes a clause without "that" ("Hale said two prisoners described ...")
_SAY_ONLY = all_forms("say")
# "said that", "told investigators that", "reported in 2014 that", "has found that"
_THAT_CLAUSE = re.compile(r"(?:\s+(?!that\b)[\w'-]+){0,4}?\s+that\s+(?=\S)")
_MIN_WORDS_UNATTRIBUTED = 4
_AS_SAYING = re.compile(
    # "X was quoted by the UN's news service as saying": the outlet only carried X's words
    r"(?:(?P<was>\s(?:was|were)\s)quoted(?:\s+by\s+[^.\n]{2,60}?)?|quoted\s(?!by\s)(?P<who>.+?))"
    r"\s+as\s+saying,?\s+(?:that\s+)?"
)
_QUOTED_AFTER = re.compile(
    r"[,”\"\s]{0,4}(?P<who>[^.\n\"“”]{2,80}?)\s+(?:was|were)\s+quoted\s+as\s+saying"
)
_PARENTHETICAL = re.compile(
    r"^[^,]{3,},\s+(?P<who>he|she|they|[A-Z][\w'-]+(?:\s[A-Z][\w'-]+){0,2})\s+"
    r"(?:said|says|added|recalled|explained|told \w+),\s+\S"
)
_SAID = (
    r"(?:has\s+|have\s+)?(?:said|says|reported|reports|stated|states|added|wrote|writes|"
    r"claimed|claims|estimated|estimates|recalled|told\s+(?:him|her|them|me|us|\w+ers))"
)
# "places where, according to defectors, people were put to death", "a mark that, a teacher
# later told her, meant ...": an attribution set off by commas after a subordinating word; the
# reported words are those after it
_MID_ATTRIBUTION = re.compile(
    r"\b(?:that|where|which|who|when|because|while|and|but)\s*,\s+"
    r"(?:according\s+to\s+(?P<src>[^,.;\n\"“”]{2,60}?)|"
    rf"(?P<who>[^,.;\n\"“”]{{2,60}}?)\s+(?:(?:\w+ly|later|also|once|then|earlier)\s+)?{_SAID})\s*,\s+(?=[a-z])"
)
# "Content, NK Insight, a news site that ..., reported on Tuesday.": an attribution that closes
# the sentence, with or without an appositive, where the parser made nothing of it
_TRAILING = re.compile(
    r",\s+(?P<who>(?:[A-Z]|(?:the|a|an)\s)[^,.;\n\"“”]{1,60}?)(?P<src>)"
    rf"(?:,[^.;\n\"“”]{{3,120}}?,)?\s+{_SAID}(?:\s+(?:on|in|last|this)\s+[\w ]{{1,25}}?)?"
    r"[.!]?\s*$"
)
_NAMING = re.compile(
    r"\b(?:described|describes|called|calls|termed|dubbed|labell?ed|named)\s+(?:\w+\s+)?"
    r"(?:the|a|an|as|it)\s*$"
    # "rejected the resolution as a 'political plot'": the words are the speaker's verdict
    r"|\b(?:rejected|rejects|dismissed|dismisses|denounced|denounces|condemned|condemns|branded|"
    r"brands)\s+(?:[\w'-]+\s+){1,4}?as\s+(?:a|an|the)?\s*$"
)
# "SEOUL — ", "GENEVA (18 May 2025) - ", "Seoul, May 3 (Yonhap) — ": a place, perhaps a
# date and an agency, then a dash
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z .,'()0-9-]{2,60}?"
    r"|[A-Z][\w.'-]+(?: [A-Z][\w.'-]+)?,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})"
    r"(?:\s*\([^()\n]{1,40}\))?\s*(?:—|–|--|\s-\s)\s*"
)
_LABEL_NUMBER = re.compile(r" (?:No\. ?)?\d{1,4}\b(?![.,]\d)")
_SECTION = re.compile(r"\d+(?:\.\d+)+\.?\s+(?=[A-Z])")
# a relative clause ends a subject's noun phrase ("a resident of X who spoke to RFA")
_RELATIVE = re.compile(r"\s+(?:who|whom|whose|which|that)\s")
_SCARE = re.compile(r"(?:\b(?:the|a|an|so-called|its|their|his|her|of|for|closed)\s*)$", re.I)
# Verbs that are speech only without a direct object ("added guard towers" is not speech).
_TRANSITIVE = all_forms(
    "add", "continue", "note", "find", "report", "recall", "confirm", "believe", "answer",
    "announce", "remind",
)  # fmt: skip
# "issued a statement denouncing …": the issuer speaks ("read a paper saying …": not the reader)
_ISSUE = all_forms("issue", "release", "publish", "send", "circulate", "post")
# Verbs that frame a quotation rather than report a statement.
_NOT_REPORTING = all_forms(
    "call", "describe", "ask", "urge", "denounce", "condemn", "criticise", "criticize",
    # a raised voice frames the words it carries ("I heard them screaming" reports nothing)
    "shout", "scream", "yell",
) | {"according"}  # fmt: skip


class _NamedAt:
    """The first person or organisation (in the entities' order) overlapping a span, found by
    bisection: every subject asks, so a scan of all entities made long texts quadratic."""

    def __init__(self, ents: list[Entity]) -> None:
        named = sorted(
            ((e.start, i, e) for i, e in enumerate(ents) if e.label in ("PERSON", "ORG")),
            key=lambda x: x[:2],
        )
        self._starts = [start for start, _, _ in named]
        self._named = [(i, e) for _, i, e in named]
        self._longest = max((e.end - e.start for _, e in self._named), default=0)

    def __call__(self, start: int, end: int) -> Entity | None:
        lo = bisect_left(self._starts, start - self._longest)
        hi = bisect_left(self._starts, end)
        hits = [(i, e) for i, e in self._named[lo:hi] if start < e.end]
        return min(hits, key=lambda x: x[0])[1] if hits else None


class _Finder:
    def __init__(self, text: str, doc: Any, entities: list[Entity]) -> None:
        self.text = text
        self.doc = doc
        self.ents = entities
        self._ent_at = _NamedAt(entities)
        self.spans = quote_spans(text)
        self.kept: list[Quote] = []
        # sorted, non-overlapping spans and token offsets: lookups by bisection, so long
        # documents stay linear
        self._span_starts = [s for s, _ in self.spans]
        self.res = Resolver(text, entities, self.inside_quote)
        self._tok_starts = [t.idx for t in doc]
        # each sentence's main subject, found only for the sentences a pronoun looks back over
        # (so long documents stay linear)
        self._sents = list(doc.sents)
        self._subjects: dict[tuple[int, bool], tuple[int, int, bool] | None] = {}
        self.res.sentence_starts = [sent.start_char for sent in self._sents]
        self.res.subject_of = self._subject_of

    def _subject_of(self, i: int, quoted: bool = False) -> tuple[int, int, bool] | None:
        """The main subject of sentence `i`: (start, end, whether inside a quote). With
        `quoted`, the subject of the quoted words of '"One mother called me," she said.'"""
        if (i, quoted) not in self._subjects:
            root = self._sents[i].root
            subj = [c for c in root.children if c.dep_ in _SUBJ]
            # "Lee: A woman … told us …": a transcript's label is no subject (the parser makes
            # it a second subject, or the root); the clause's after it is
            subj = [c for c in subj if not self._label(c)] or subj
            if not subj:
                subj = [
                    c
                    for v in root.rights
                    if v.tag_.startswith("VB")
                    for c in v.children
                    if c.dep_ in _SUBJ and c.i < v.i
                ][:1]
            elif subj[0].lower_ in ("i", "we"):
                # "We sat at the machines, and the supervisor … walked behind us": the narrator
                # is never "he" or "she"; the last clause with a subject of its own is who
                # the next sentences go on with
                other = [
                    c
                    for v in root.children
                    if v.dep_ == "conj" and v.tag_.startswith("VB")
                    for c in v.children
                    if c.dep_ in _SUBJ and c.lower_ not in ("i", "we")
                ]
                subj = other[-1:] or subj
            if quoted and subj and not self.inside_quote(subj[0].idx):
                subj = [
                    c
                    for v in root.children
                    if v.dep_ == "ccomp" and self.inside_quote(v.idx)
                    for c in v.children
                    if c.dep_ in _SUBJ
                ][:1]
            found = None
            if subj:
                s, e = self._mention(subj[0])
                found = (s, e, self.inside_quote(s))
            self._subjects[(i, quoted)] = found
        return self._subjects[(i, quoted)]

    def _label(self, tok: Any) -> bool:
        """Whether `tok` heads a transcript's speaker label: "Lee:", "Lee Min-ji:"."""
        end = tok.right_edge
        if end.text == ":":
            return True
        return end.i + 1 < len(self.doc) and self.doc[end.i + 1].text == ":"

    def _in_dateline(self, pos: int) -> bool:
        para = self.text.rfind("\n", 0, pos) + 1
        m = _DATELINE.match(self.text, para)
        return bool(m) and pos < m.end()

    def inside_quote(self, pos: int) -> bool:
        i = bisect_right(self._span_starts, pos + 1) - 1
        return i >= 0 and self.spans[i][0] - 1 <= pos <= self.spans[i][1]

    def _tokens_between(self, lo: int, hi: int) -> Any:
        a = bisect_left(self._tok_starts, lo)
        b = bisect_right(self._tok_starts, hi)
        return self.doc[a:b]

    def _first_word(self, head: Any) -> Any:
        """The first token of `head`'s phrase, past punctuation the parser hung on it ("Lee
        Min-ji: A man …", '"…," one witness, a …, told': a label's colon or a quote's closing
        mark is not part of the phrase)."""
        first = head.left_edge
        while first.is_punct and first.i < head.i:
            first = self.doc[first.i + 1]
        return first

    def _mention(self, tok: Any) -> tuple[int, int]:
        """Char span of a subject: its entity, else its noun phrase with prepositional
        modifiers ("North Korea's mission in Geneva"), without relative clauses."""
        ent = self._ent_at(tok.idx, tok.idx + len(tok))
        if ent:
            label = _LABEL_NUMBER.match(self.text, ent.end)
            if label and ent.label == "ORG":  # "Witness 41" where NER took "Witness"
                return ent.start, label.end()
            left = ent.start
            for child in reversed(list(tok.lefts)):
                # "the Special Rapporteur" where NER took only "Rapporteur": the title's
                # capitalised words right before the entity belong to it
                if (
                    child.dep_ in ("compound", "amod")
                    and child.text[:1].isupper()
                    and 0 < left - (child.idx + len(child)) <= 1
                ):
                    left = child.idx
            return left, self._coordinated_end(tok, ent.end)
        for child in tok.children:
            if child.dep_ == "appos":
                e2 = self._ent_at(child.idx, child.idx + len(child))
                if e2:
                    return e2.start, e2.end
        last = tok
        for child in tok.rights:
            if child.dep_ == "prep" and any(
                x.ent_type_ in ("DATE", "TIME") for x in child.subtree if x is not child
            ):
                break  # "North Korea's envoy in Geneva on Thursday": the date is not the speaker
            if child.dep_ in ("prep", "compound", "amod", "nummod", "poss"):
                last = child.right_edge
            else:
                break
        left = self._first_word(tok).idx
        section = _SECTION.match(self.text, left, tok.idx + len(tok))
        if section:  # "3.3 Interviewees said": a heading's number is not the speaker
            left = section.end()
        end = last.idx + len(last)
        label = _LABEL_NUMBER.match(self.text, end)
        if label and last.text[:1].isupper():  # "Witness 41 said": the number is the label's
            end = label.end()
        comma = self.text.find(",", tok.idx, end)
        if comma > 0:  # "A cousin of one of the detainees, who spoke ...": stop at the comma
            end = comma
        rel = _RELATIVE.search(self.text, tok.idx, end)
        if rel:
            end = rel.start()
        elif comma < 0 and tok.ent_type_ in ("GPE", "NORP"):
            end = self._coordinated_end(tok, end)
        return left, end

    def _coordinated_end(self, tok: Any, end: int) -> int:
        """'China and Russia said': a subject coordinated with "and" speaks as both."""
        for child in tok.children:
            if child.dep_ == "conj" and any(c.lower_ == "and" for c in tok.children):
                other = self._ent_at(child.idx, child.idx + len(child))
                if other and other.label == "ORG" or child.ent_type_ in ("GPE", "ORG", "NORP"):
                    stop = other.end if other else child.idx + len(child)
                    if "," not in self.text[end:stop] and stop - end < 40:
                        return stop
        return end

    def speaker_of_verb(
        self, verb: Any, quoted: bool = False
    ) -> tuple[str | None, int | None, int | None]:
        """Who speaks through `verb`; with `quoted`, the verb may stand inside a quote (a
        quote nested in a witness's words)."""
        if verb.lower_ == "according":
            for child in verb.children:
                if child.lower_ == "to":
                    for obj in child.children:
                        if obj.dep_ == "pobj":
                            s, e = self._mention(obj)
                            if not self._ent_at(s, e) and not self.res.can_speak(self.text[s:e]):
                                return None, None, None  # "according to domestic law"
                            return self.res.resolve(self.text[s:e], s), s, e
            # parser missed it: take the entity right after "according to"
            e = next((x for x in self.ents if x.start > verb.idx and x.start - verb.idx < 20), None)
            if e:
                return self.res.resolve(e.text, e.start), e.start, e.end
            return None, None, None
        heard = self._heard_speaking(verb)
        if heard is not None:
            return heard
        subj = [c for c in verb.children if c.dep_ in _SUBJ]
        if len(subj) > 1 and not self._in_dateline(subj[0].idx):
            # "Asked by the chair, Judge X, whether …, Kim replied": the parser gave the verb
            # two subjects; the one nearest before it speaks
            subj = sorted(subj, key=lambda c: (c.i > verb.i, abs(verb.i - c.i)))
        if (
            not subj
            and verb.dep_ == "xcomp"
            and verb.head.dep_ == "acl"
            and verb.head.tag_.startswith("VB")
        ):
            # "The guards used to say": the parser made "used" a modifier of its subject
            subj = [verb.head.head]
        if (
            not subj
            and verb.dep_ == "acl"
            and verb.tag_ == "VBG"
            and verb.head.dep_ == "dobj"
            and verb.head.head.lower_ in _ISSUE
        ):
            # "X issued a statement denouncing it as '…'": the issuer's words
            subj = [c for c in verb.head.head.children if c.dep_ in _SUBJ]
        if not subj and verb.dep_ == "pcomp" and verb.head.head is not verb.head:
            # "Kim was quoted in the report as saying …": who was quoted (the passive subject),
            # not who quoted them
            subj = [c for c in verb.head.head.children if c.dep_ == "nsubjpass"]
        if not subj and verb.dep_ in ("conj", "advcl", "xcomp", "dep") and verb.head is not verb:
            head = verb.head
            if verb.tag_ == "VBG" and head.dep_ in ("ccomp", "relcl", "acl", "advcl"):
                # "X dismissed a report that people are held, calling it ...": the parser hung
                # the participle on the nearest verb; its subject is the sentence's
                head = verb.sent.root
            subj = [c for c in head.children if c.dep_ in _SUBJ]
        if subj and subj[0].lower_ in ("who", "that", "which") and subj[0].head.dep_ == "relcl":
            # "Pae, who has testified that ...", "Choi, who runs a shelter and says ...", "a
            # guard who liked to say": the antecedent
            who = subj[0].lower_ == "who"
            subj = [subj[0].head.head]
            while who and subj[0].dep_ == "pobj" and self._is_place(subj[0]):
                # "a former cook from Hyesan, who said": "who" is the person, not the place the
                # parser hung the clause on
                subj = [subj[0].head.head]
        if len(subj) > 1 and self._in_dateline(subj[0].idx):
            subj = subj[1:]  # "SEOUL — A former guard told ...": the parser gave two subjects
        if subj and self._in_dateline(subj[0].idx):
            # "GENEVA (date) - Relatives of ... told": the parser took the place for the subject
            # and the subject for its appositive
            appos = [
                c for c in subj[0].rights if c.dep_ == "appos" and not self._in_dateline(c.idx)
            ]
            if appos and not self._ent_at(appos[0].idx, appos[0].idx + len(appos[0])):
                # the whole phrase: "Relatives of people abducted by X", "A North Korean
                # woman" (from its first word, not its head)
                s = self._first_word(appos[0]).idx
                e = appos[0].right_edge.idx + len(appos[0].right_edge)
                rel = _RELATIVE.search(self.text, s, e)
                e = rel.start() if rel else e
                return self.res.resolve(self.text[s:e], s), s, e
        if subj and self._in_dateline(subj[0].idx):
            # "NEW YORK — North Korea's deputy ambassador, Kim In-ryong, ... said": the parser
            # took the dateline for the subject; the speaker is the name before the verb
            para = self.text.rfind("\n", 0, verb.idx) + 1
            named = [
                x
                for x in self.ents
                if x.label in ("PERSON", "ORG")
                and para <= x.start < verb.idx
                and not self._in_dateline(x.start)
            ]
            persons = [x for x in named if x.label == "PERSON"]
            pick = persons[0] if persons else named[0] if named else None
            if pick is None:
                return None, None, None
            return self.res.resolve(pick.text, pick.start), pick.start, pick.end
        if subj:
            s, e = self._mention(subj[0])
            if self.inside_quote(s) and not quoted:
                return None, None, None
            return self.res.resolve(self.text[s:e], s), s, e
        # "..., said Pak Sun Hui" without a parsed subject: the entity right after the verb, or
        # one right before it that the parser took for something else ("Oh said that …": an
        # interjection)
        after = next(
            (
                x
                for x in self.ents
                if x.label in ("PERSON", "ORG")
                and (
                    0 <= x.start - verb.idx - len(verb) <= 3
                    or (x.label == "PERSON" and 0 <= verb.idx - x.end <= 1)
                )
            ),
            None,
        )
        if after:
            return self.res.resolve(after.text, after.start), after.start, after.end
        return None, None, None

    def _is_place(self, tok: Any) -> bool:
        """A token inside a place or facility the text names ("Hyesan", "Camp 16")."""
        if self._ent_at(tok.idx, tok.idx + len(tok)):
            return False  # a person or body the rules named, whatever the model's tag
        end = tok.idx + len(tok)
        return tok.ent_type_ in ("GPE", "LOC", "FAC") or any(
            x.label in ("GPE", "FACILITY") and x.start < end and tok.idx < x.end for x in self.ents
        )

    def _heard_speaking(self, verb: Any) -> tuple[str | None, int | None, int | None] | None:
        """'He recalled a deputy commander telling the crowd: "…"': the object of a verb of
        recalling or hearing, that a speech participle describes, is the speaker."""
        for obj in verb.children:
            if obj.dep_ == "dobj" and any(
                c.dep_ == "acl" and c.tag_ == "VBG" and c.lower_ in SAY for c in obj.children
            ):
                s, e = self._mention(obj)
                if not self.inside_quote(s):
                    return self.res.resolve(self.text[s:e], s), s, e
        return None

    def verbs_near(self, start: int, end: int) -> list[Any]:
        """Speech verbs outside quotes in the sentences around a quote, nearest first."""
        doc = self.doc
        sents = {t.sent for t in self._tokens_between(start - 1, end + 1)}
        nxt = self._tokens_between(end + 1, end + 3)
        if (
            len(nxt)
            and len(nxt[0].sent.text) <= 60
            and nxt[0].sent.start == nxt[0].i
            and _bare_attribution(nxt[0].sent)
        ):
            # '"… they say?" Matsuda said.': the parser made the attribution a sentence of its own
            sents.add(nxt[0].sent)
        first = min((s.start for s in sents), default=None)
        if first is None:
            return []
        # a quote that opens a paragraph after "X said:" — look into the previous sentence
        lead = self.text[max(0, start - 4) : start - 1]
        if ":" in lead or self.text[max(0, start - 3) : start].strip(' "“\n') == "":
            prev = doc[first - 1].sent if first > 0 else None
            if prev is not None and prev.text.rstrip().endswith(":"):
                sents.add(prev)
        para_lo = self.text.rfind("\n", 0, start) + 1
        para_hi = self.text.find("\n", end)
        para_hi = len(self.text) if para_hi < 0 else para_hi
        if ":" in lead or self.text[para_lo:start].strip(' "“') == "":
            para_lo = self.text.rfind("\n", 0, max(0, para_lo - 1)) + 1
        cands = [
            t
            for s in sents
            for t in s
            if para_lo <= t.idx < para_hi
            and t.lower_ in SAY
            and not self.inside_quote(t.idx)
            and t.tag_[:2] in ("VB", "MD", "JJ", "NN", "RB")
            and not (t.i > 0 and doc[t.i - 1].text == "-")  # "so-called"
        ]
        # a verb whose clause holds the quote ('Shin said the testimony was "…" and asked …')
        # comes before a nearer one that only stands beside it
        governors = {a.i for t in self._tokens_between(start, end) for a in t.ancestors}

        def rank(t: Any) -> tuple[bool, int]:
            dist = min(abs(t.idx - (start - 1)), abs(t.idx - (end + 1)))
            return t.i not in governors, dist

        return sorted(cands, key=rank)

    def direct(self) -> list[Quote]:
        out: list[Quote] = []
        last: Quote | None = None
        for s, e in self.spans:
            words = self.text[s:e]
            speaker = sp_s = sp_e = None
            after = _QUOTED_AFTER.match(self.text, e + 1)
            if after:  # '"…," a former detainee was quoted as saying.'
                sp_s, sp_e = after.start("who"), after.end("who")
                speaker = self.res.resolve(self.text[sp_s:sp_e], sp_s)
            for verb in [] if speaker else self.verbs_near(s, e):
                speaker, sp_s, sp_e = self.speaker_of_verb(verb)
                if speaker:
                    break
            n_words = len(words.split())
            before = self.text[max(0, s - 40) : s - 1]
            if (
                n_words < _MIN_WORDS_UNATTRIBUTED
                and _SCARE.search(before[-12:])
                and not _NAMING.search(before)
            ):
                continue  # scare quotes: the "hostile class"
            if not speaker:
                speaker, sp_s, sp_e = self._introduced_by_colon(s)
            if not speaker and self.text[self.text.rfind("\n", 0, s) + 1 : s].strip(' "“') == "":
                speaker, sp_s, sp_e = self._from_previous_paragraph(s)
            if not speaker:
                gap = self.text[last.end : s] if last else ""
                if last and last.speaker and len(gap) < 40 and "\n" not in gap:
                    speaker = last.speaker  # '"…," she said. "Some have grown."'
                elif n_words < _MIN_WORDS_UNATTRIBUTED:
                    continue  # scare quotes and titles, not speech
                gap = self.text[last.end : s] if last else ""
                if last and last.speaker and gap.count("\n") <= 2 and len(gap) < 400:
                    speaker = last.speaker
            kind = "direct"
            if words[:1].islower():
                kind = "partial"
            q = Quote(words, speaker, s, e, kind, sp_s, sp_e)
            out.append(q)
            self.kept.append(q)
            last = q
        return out

    def carry_speakers(self, direct: list[Quote], reported: list[Quote]) -> list[Quote]:
        """A direct quote nothing attributes (a testimony's paragraph of the witness's words,
        '… Kang said the women worked …, she said. | Her cellmate died. "Un-ha had …"') is the
        last speaker's of any quote, direct or reported, in its paragraph or the one before;
        a quote that opens a paragraph after none is the person the paragraph before ends
        with ('She described arriving at the camp. | "The woman in charge …"')."""
        said = sorted((q for q in direct + reported if q.speaker), key=lambda q: q.start)
        starts = [q.start for q in said]
        out: list[Quote] = []
        for q in direct:
            # (a sentence of its own, not a fragment or words after "recalled:")
            if q.speaker is None and q.kind == "direct" and self._opens_sentence(q.start):
                speaker = self._carried(q, said, starts)
                if speaker:
                    q = dataclasses.replace(q, speaker=speaker)
                    at = bisect_left(starts, q.start)
                    said.insert(at, q)
                    starts.insert(at, q.start)
            out.append(q)
        self.kept = out
        return out

    def _opens_sentence(self, start: int) -> bool:
        """Whether the quote at `start` opens a paragraph or follows a finished sentence."""
        lead = self.text[self.text.rfind("\n", 0, start) + 1 : start].rstrip(' "“‘')
        return not lead or lead[-1] in '.!?"”'

    def _carried(self, q: Quote, said: list[Quote], starts: list[int]) -> str | None:
        """The speaker `carry_speakers` gives an unattributed quote, or None."""
        para = self.text.rfind("\n", 0, q.start) + 1
        lo = self.res.paragraph_before_start(q.start)
        i = bisect_left(starts, q.start) - 1
        if i >= 0 and said[i].start >= lo and not said[i].start <= q.start < said[i].end:
            return said[i].speaker
        if self.text[para : q.start].strip(' "“') or para == 0:
            return None
        s, e = self._last_subject(para - 1)
        if s is None or self.inside_quote(s):
            return None
        mention = self.text[s:e]
        if not self._ent_at(s, e) and mention.lower() not in ("he", "she"):
            return None
        return self.res.resolve(mention, s)

    def _last_subject(self, pos: int) -> tuple[int | None, int | None]:
        """The span of the main subject of the sentence that ends before `pos`."""
        last = bisect_left(self._tok_starts, pos) - 1
        while last >= 0 and self.doc[last].is_space:
            last -= 1
        if last < 0:
            return None, None
        root = self.doc[last].sent.root
        subj = [c for c in root.children if c.dep_ in _SUBJ]
        return self._mention(subj[0]) if subj else (None, None)

    def _introduced_by_colon(self, start: int) -> tuple[str | None, int | None, int | None]:
        """'Lee ended her account with a plea: "…"': a quote a sentence introduces with a colon
        and no speech verb is its subject's, when that subject is someone (a person, a body)."""
        if self.text[max(0, start - 4) : start].rstrip(' "“\n')[-1:] != ":":
            return None, None, None
        colon = self.text.rfind(":", 0, start)
        lo = self.res.sentence_starts[max(0, bisect_right(self.res.sentence_starts, colon) - 1)]
        # the first subject before the colon (the parser may root the sentence in the quote)
        subj = [
            t
            for t in self._tokens_between(lo, colon)
            if t.dep_ in _SUBJ and t.head.idx < colon and not self.inside_quote(t.idx)
        ]
        if not subj:
            return None, None, None
        sp_s, sp_e = self._mention(subj[0])
        mention = self.text[sp_s:sp_e]
        if not self._ent_at(sp_s, sp_e) and not self.res.can_speak(mention):
            return None, None, None
        return self.res.resolve(mention, sp_s), sp_s, sp_e

    def nested(self) -> list[Quote]:
        """Quotes inside quotes ('"He told me, 'Lie once more …'"', '"… the guard said, 'If
        you want to eat …'"'): the speaker is the subject of the speech verb before the inner
        quote within the outer one; "he"/"she" there is the guard or officer the account
        brought in (the witness is "I" in their own words). An inner quote with no speaker of
        its own, or only the outer quote's, is not suggested."""
        out: list[Quote] = []
        for s, e in inner_spans(self.text, self.spans):
            outer = next((q for q in self.kept if q.start <= s and e <= q.end), None)
            if outer is None:
                continue
            lo = max(outer.start, self.text.rfind("\n", 0, s) + 1, s - 120)
            verbs = [t for t in self._tokens_between(lo, s - 1) if t.lower_ in SAY]
            for verb in reversed(verbs):
                speaker, sp_s, sp_e = self.speaker_of_verb(verb, quoted=True)
                pronoun = sp_s is not None and self.text[sp_s:sp_e].lower() in ("he", "she")
                if speaker and pronoun:
                    # in a witness's words "he"/"she" is not the witness: the person their own
                    # earlier sentences were about ('"The commander read out the charge. Then
                    # he told us, '…'"'), else the guard or officer they brought in, else
                    # whoever else the resolver finds
                    # (within the witness's own quote: another quote's subjects are not theirs)
                    told = self.res.subject_before(
                        sp_s, self.text[sp_s:sp_e].lower(), lo=outer.start - 1
                    )
                    role = self.res.role_before(s)
                    if told and told != outer.speaker and self.inside_quote(sp_s):
                        speaker = told
                    elif role or speaker == outer.speaker:
                        speaker, sp_s, sp_e = role, None, None
                if speaker:
                    out.append(Quote(self.text[s:e], speaker, s, e, "direct", sp_s, sp_e))
                    break
        return out

    def _from_previous_paragraph(self, start: int) -> tuple[str | None, int | None, int | None]:
        """A quote that is a paragraph of its own after 'X issued the following statement':
        the speaker is the subject of the previous paragraph's last sentence."""
        para_lo = self.text.rfind("\n", 0, start)
        prev = self.text[:para_lo].rstrip()
        if not prev or not re.search(r"(?:follow\w*|statement|said|says)[^.]*[.:]$", prev[-200:]):
            return None, None, None
        s, e = self._last_subject(len(prev))
        if s is None or e is None:
            return None, None, None
        return self.res.resolve(self.text[s:e], s), s, e

    def reported(self) -> list[Quote]:
        """'X said (that) ...', '..., X said.' and 'according to X, ...' outside direct quotes."""
        out: list[Quote] = []
        for sent in self.doc.sents:
            quoted = self._quoted_as_saying(sent) or self._parenthetical(sent)
            if quoted:
                out.append(quoted)
                continue
            found = len(out)
            mid = self._attributed(sent, _MID_ATTRIBUTION, sent.start_char, sent.end_char)
            # the attribution's own words ("according to", "told") start no other quote
            att = (
                (self.text.rfind(",", 0, mid.speaker_start or 0) + 1, mid.start) if mid else (0, 0)
            )
            if mid:
                out.append(mid)
            for tok in sent:
                if self.inside_quote(tok.idx) or att[0] <= tok.idx < att[1]:
                    continue
                if tok.lower_ == "according":
                    nxt = self.doc[tok.i + 1] if tok.i + 1 < len(self.doc) else None
                    if nxt is not None and nxt.lower_ == "to":
                        q = self._according(sent, tok)
                        if q:
                            out.append(q)
                            break
                    continue
                if (
                    tok.lower_ not in SAY
                    or tok.lower_ in _NOT_REPORTING
                    or not tok.tag_.startswith(("VB", "MD"))
                ):
                    continue
                q = self._reported_clause(sent, tok)
                if q and mid and q.start < att[0] < q.end:
                    # "X said that the sites lie where, according to witnesses, ...": X's words
                    # end where the other source's begin
                    qs, qe = _strip(self.text, q.start, att[0])
                    q = Quote(
                        self.text[qs:qe], q.speaker, qs, qe, q.kind, q.speaker_start, q.speaker_end
                    )
                if q and all(q.end <= o.start or o.end <= q.start for o in out[-3:]):
                    out.append(q)  # a sentence may report two sources ("X found ...; Y say ...")
            if len(out) == found:
                q = self._attributed(sent, _TRAILING, sent.start_char, sent.end_char)
                if q:
                    out.append(q)
        return out

    def _attributed(self, sent: Any, pattern: re.Pattern[str], lo: int, hi: int) -> Quote | None:
        """A sentence whose attribution the parser missed, found by `pattern`: the reported
        words after it (_MID_ATTRIBUTION) or before it (_TRAILING)."""
        # a closing attribution lies in the sentence's last few hundred characters: searching
        # only there keeps a long sentence linear
        m = pattern.search(self.text, lo if pattern is _MID_ATTRIBUTION else max(lo, hi - 250), hi)
        if not m:
            return None
        who = "src" if m.group("src") else "who"
        sp_s, sp_e = m.start(who), m.end(who)
        mention = self.text[sp_s:sp_e]
        if who == "src" and not self._ent_at(sp_s, sp_e) and not self.res.can_speak(mention):
            return None  # "according to domestic law"
        qs, qe = (m.end(), hi) if pattern is _MID_ATTRIBUTION else (lo, m.start())
        qs, qe = self._outside_direct(*_strip(self.text, qs, qe))
        if len(self.text[qs:qe].split()) < 4 or self._introduces_quote(qs, qe):
            return None
        speaker = self.res.resolve(mention, sp_s)
        if not speaker:
            return None
        kind = "according_to" if who == "src" else "reported"
        return Quote(self.text[qs:qe], speaker, qs, qe, kind, sp_s, sp_e)

    def _introduces_quote(self, qs: int, qe: int) -> bool:
        """'where, Yi said, an officer at the gate announced: "…"': words that are only a
        subject and its speech verb right before a direct quote attribute that quote; they
        report nothing (unlike 'died of what detainees called "…"')."""
        toks = self._tokens_between(qs, qe - 1)
        if not len(toks) or toks[-1].lower_ not in SAY:
            return False
        verb = toks[-1]
        if self.text[qe : qe + 4].lstrip(" :,")[:1] not in ('"', "“"):
            return False
        subj = [c for c in verb.children if c.dep_ in _SUBJ]
        own = {verb.i} | {t.i for c in subj for t in c.subtree}
        own |= {c.i for c in verb.children if c.dep_ in ("aux", "advmod", "neg")}
        return bool(subj) and all(t.i in own for t in toks)

    def _outside_direct(self, qs: int, qe: int) -> tuple[int, int]:
        """Reported words up to the first direct quote inside them ("she had hidden a razor
        blade "in case ...""); if they start inside one, that quote carries them (empty)."""
        inner = [x for x in self.kept if x.start < qe and qs < x.end]
        if inner:
            return _strip(self.text, qs, max(qs, min(x.start for x in inner) - 1))
        return qs, qe

    def _quoted_as_saying(self, sent: Any) -> Quote | None:
        """'X was quoted as saying (that) ...' and 'Y quoted X as saying (that) ...'."""
        m = _AS_SAYING.search(sent.text)
        if not m:
            return None
        base = sent.start_char
        if m.group("who"):
            sp_s, sp_e = self._appositive_part(base + m.start("who"), base + m.end("who"))
        else:
            sp_s, sp_e = base, base + m.start("was")
        qs, qe = _strip(self.text, base + m.end(), sent.end_char)
        if any(x.start < qe and qs < x.end for x in self.kept) or qe - qs < 10:
            return None
        speaker = self.res.resolve(self.text[sp_s:sp_e], sp_s)
        return Quote(self.text[qs:qe], speaker, qs, qe, "reported", sp_s, sp_e)

    def _appositive_part(self, s: int, e: int) -> tuple[int, int]:
        """'quoted a second source, a trader in Hyesan, as saying': of a phrase and its
        appositive, the part with a name in it, else the last (the more specific)."""
        parts = [(m.start(), m.end()) for m in re.finditer(r"[^,]+", self.text[s:e])]
        parts = [
            _strip(self.text, s + a, s + b) for a, b in parts if self.text[s + a : s + b].strip()
        ]
        if len(parts) < 2:
            return _strip(self.text, s, e)
        named = [p for p in parts if self._ent_at(*p)]
        return named[0] if named else parts[-1]

    def _parenthetical(self, sent: Any) -> Quote | None:
        """'Children who protested, she said, were beaten.': the whole sentence is reported."""
        m = _PARENTHETICAL.search(sent.text)
        if not m:
            return None
        base = sent.start_char
        sp_s, sp_e = base + m.start("who"), base + m.end("who")
        qs, qe = _strip(self.text, base, sent.end_char)
        if any(x.start < qe and qs < x.end for x in self.kept):
            return None
        speaker = self.res.resolve(self.text[sp_s:sp_e], sp_s)
        return Quote(self.text[qs:qe], speaker, qs, qe, "reported", sp_s, sp_e)

    def _reported_clause(self, sent: Any, verb: Any) -> Quote | None:
        speaker, sp_s, sp_e = self.speaker_of_verb(verb)
        if not speaker or sp_s is None:
            return None
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in verb.children):
            return None  # "If you said the wrong thing, they beat you": nothing was said
        if self.text[sp_s:sp_e].split()[0].lower() in ("you", "your") and sent.text.rstrip(
            ' "”'
        ).endswith("?"):
            return None  # "And you believe he was …?": an interviewer asks, nobody reports
        that = _THAT_CLAUSE.match(self.text, verb.idx + len(verb), sent.end_char)
        if that and any(
            t.tag_.startswith("VB") for t in self._tokens_between(verb.idx + 1, that.end() - 6)
        ):
            that = None  # "said her government believed that ...": the clause starts earlier
        if any(c.dep_ == "neg" for c in verb.children) or (
            verb.lower_ in _TRANSITIVE and not that and any(c.dep_ == "dobj" for c in verb.children)
        ):
            return None
        if any(c.dep_ == "nsubjpass" for c in verb.children):
            return None
        comp = [
            c
            for c in verb.children
            if c.dep_ == "ccomp"
            or (c.dep_ in ("advcl", "xcomp") and any(x.lower_ == "that" for x in c.children))
        ]
        if not comp and verb.lower_ in _TELL:
            # "He told the subcommittee he regretted it": a clause without "that" whose
            # pronoun subject the parser took for a relative clause on the listener
            comp = [
                c
                for o in verb.children
                if o.dep_ in ("dobj", "dative")
                for c in o.children
                if c.dep_ == "relcl"
                and any(x.dep_ in _SUBJ and x.lower_ in _NOMINATIVE for x in c.children)
                # no gap where the listener would fit ("told the woman he met in Yanji")
                and any(x.dep_ in _COMPLETE for x in c.children)
            ]
        if that:  # (a passive verb has returned above)
            # "X reported in 2014 that ...": the words after "that", however the parser
            # attached them (the small model often takes "that" for an object)
            qs, qe = that.end(), sent.end_char
            # the clause may come as several complements ("that women sent back ... | are
            # beaten ..."): it ends where the last of them ends
            last = max((c.right_edge for c in comp), key=lambda t: t.i, default=None)
            if last is not None and last.idx > qs:
                qe = last.idx + len(last)
        elif comp and any(x.dep_ in _CLAUSE_SUBJ for x in comp[0].children):
            c = comp[0]
            first = c.left_edge
            qs = first.idx + len(first) + 1 if first.lower_ == "that" else first.idx
            last = c.right_edge
            if c.i > verb.i:  # several complements after the verb: the clause ends with the last
                last = max((x.right_edge for x in comp if x.i > verb.i), key=lambda t: t.i)
            qe = last.idx + len(last)
            if c.i < verb.i:  # "Content, X said."
                qe = min(qe, sp_s)
        elif verb.dep_ in ("parataxis", "ccomp") and verb.head.i < verb.i and not comp:
            # "Inmates received a handful of corn a day, he said."
            qs, qe = sent.start_char, sp_s
        elif self._zero_that(sent, verb, sp_e):
            # "Hale said two prisoners described ...": a clause without "that" that the parser
            # took for an object or cut into pieces runs to the end of the sentence
            qs, qe = verb.idx + len(verb), sent.end_char
        else:
            return None
        qs, qe = _strip(self.text, qs, qe)
        if len(self.text[qs:qe].split()) < 3 or qs < sent.start_char or qe > sent.end_char:
            return None
        if any(x.start < qe and qs < x.end for x in self.kept):
            lead = self._outside_direct(qs, qe)
            partial = self._partial_after(*lead, qe)
            if partial is not None:
                # 'X said the council was "not the right forum"': one partial quote, the
                # reported subject with the quoted words it leads into
                pe = partial.end + (self.text[partial.end : partial.end + 1] in ('"', "”"))
                return Quote(self.text[qs:pe], speaker, qs, pe, "partial", sp_s, sp_e)
            qs, qe = lead
            if len(self.text[qs:qe].split()) < 4 or self._introduces_quote(qs, qe):
                return None
        return Quote(self.text[qs:qe], speaker, qs, qe, "reported", sp_s, sp_e)

    def _partial_after(self, qs: int, lead_end: int, qe: int) -> Quote | None:
        """The partial quote (lower-case, a fragment) that a reported clause's first few words
        lead into ("North Korea | "does not recognise" …"), or None: a longer lead reports on
        its own, and a lead that is only a speech verb ("she was told "…"") introduces it."""
        inner = [x for x in self.kept if x.start < qe and qs < x.end]
        first = min(inner, key=lambda x: x.start, default=None)
        if first is None or first.kind != "partial" or first.start <= qs:
            return None
        if not 1 <= len(self.text[qs:lead_end].split()) <= 3 or lead_end < qs:
            return None
        if self._introduces_quote(qs, lead_end):
            return None
        return first

    def _zero_that(self, sent: Any, verb: Any, sp_e: int) -> bool:
        """'X said' followed by a clause with a subject and a finite verb of its own, X before
        the verb ("When I said no, they beat me" and "said to belong" are not)."""
        if verb.lower_ not in _SAY_ONLY or sp_e > verb.idx:
            return False
        rest = self._tokens_between(verb.idx + len(verb) + 1, sent.end_char - 1)
        if len(rest) < 3 or rest[0].is_punct or rest[0].lower_ == "to":
            return False
        noun = False  # "said one of the students, a 17-year-old girl, received": an appositive
        for t in rest:
            if (t.text in ",;:—" and not noun) or t.text in ";:—" or self.inside_quote(t.idx):
                return False
            if t.tag_ in ("VBD", "VBZ", "VBP", "MD"):
                return True
            noun = noun or t.tag_.startswith(("NN", "PRP"))
        return False

    def _according(self, sent: Any, tok: Any) -> Quote | None:
        speaker, sp_s, sp_e = self.speaker_of_verb(tok)
        if not speaker or sp_e is None or sp_s is None:
            return None
        if tok.idx - sent.start_char <= 2:  # "According to X, rest."
            comma = self.text.find(",", sp_e, sent.end_char)
            if comma < 0:
                return None
            qs, qe = _strip(self.text, comma + 1, sent.end_char)
        else:  # "rest, according to X."
            qs, qe = _strip(self.text, sent.start_char, tok.idx)
        if qe - qs < 10 or any(x.start <= qs + 1 < x.end for x in self.kept):
            # '"…," a spokesman said, according to KCNA.': the direct quote carries its words
            return None
        return Quote(self.text[qs:qe], speaker, qs, qe, "according_to", sp_s, sp_e)


def _bare_attribution(sent: Any) -> bool:
    """'Matsuda said.', 'she said on Tuesday.': a speech verb that ends its sentence, not one
    with words of its own ("She asked where her husband was.")."""
    words = [t for t in sent if not t.is_punct]
    return any(t.lower_ in SAY for t in words[-4:]) and not any(
        t.dep_ in ("ccomp", "dobj", "xcomp") and t.head.lower_ in SAY for t in words
    )


def _strip(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " ,\n":
        s += 1
    while e > s and text[e - 1] in " ,.;:\n":
        e -= 1
    return s, e


def find_quotes(text: str, doc: Any, entities: list[Entity]) -> list[Quote]:
    if doc is None:
        return []
    finder = _Finder(text, doc, entities)
    direct = finder.direct()
    reported = finder.reported()
    direct = finder.carry_speakers(direct, reported)
    # a partial quote that a reported clause took in with its lead words is that clause's
    leads = [q for q in reported if q.kind == "partial"]
    quotes = [
        q for q in direct if not any(r.start < q.start and q.end <= r.end for r in leads)
    ] + reported
    quotes += finder.nested()
    return sorted(quotes, key=lambda q: q.start)
