"""Romanization of one Hangul syllable in each system docket knows, written from the rules.

Systems: Revised Romanization (rr), McCune–Reischauer (mr, with ŏ ŭ and apostrophes), the North's
official system (dprk: ㅋㅌㅍ as kh th ph, ㅈ as j, initial ㄹ kept), and customary spellings
seen in passports and the press (popular: "young", "chul", "sung", "hee", "soo"). Personal names are
romanized syllable by syllable, so a per-syllable table is exact for the given name.
No third-party romanizer is used (the common ones are GPL); these tables are the published rules.
"""

from __future__ import annotations

SYSTEMS = ("rr", "mr", "dprk", "popular")

# Initial consonant spellings. mr/dprk: first form word-initial, others medial (voiced).
_INI: dict[str, dict[str, tuple[str, ...]]] = {
    "rr": dict(
        zip(
            "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ",
            [
                ("g",),
                ("kk",),
                ("n",),
                ("d",),
                ("tt",),
                ("r",),
                ("m",),
                ("b",),
                ("pp",),
                ("s",),
                ("ss",),
                ("",),
                ("j",),
                ("jj",),
                ("ch",),
                ("k",),
                ("t",),
                ("p",),
                ("h",),
            ],
            strict=True,
        )
    ),
    "mr": dict(
        zip(
            "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ",
            [
                ("k", "g"),
                ("kk",),
                ("n",),
                ("t", "d"),
                ("tt",),
                ("r", "l"),
                ("m",),
                ("p", "b"),
                ("pp",),
                ("s",),
                ("ss",),
                ("",),
                ("ch", "j"),
                ("tch",),
                ("ch'",),
                ("k'",),
                ("t'",),
                ("p'",),
                ("h",),
            ],
            strict=True,
        )
    ),
    "dprk": dict(
        zip(
            "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ",
            [
                ("k", "g"),
                ("kk",),
                ("n",),
                ("t", "d"),
                ("tt",),
                ("r",),
                ("m",),
                ("p", "b"),
                ("pp",),
                ("s",),
                ("ss",),
                ("",),
                ("j",),
                ("jj",),
                ("ch",),
                ("kh",),
                ("th",),
                ("ph",),
                ("h",),
            ],
            strict=True,
        )
    ),
    "popular": dict(
        zip(
            "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ",
            [
                ("k", "g"),
                ("kk", "gg"),
                ("n",),
                ("d", "t"),
                ("tt", "dd"),
                ("r", "l", "rh"),
                ("m",),
                ("p", "b"),
                ("pp", "bb"),
                ("s",),
                ("ss",),
                ("",),
                ("j", "ch"),
                ("jj", "tch"),
                ("ch",),
                ("k",),
                ("t",),
                ("p",),
                ("h",),
            ],
            strict=True,
        )
    ),
}

_VOW: dict[str, dict[str, tuple[str, ...]]] = {
    "rr": dict(
        zip(
            "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ",
            [
                (v,)
                for v in [
                    "a",
                    "ae",
                    "ya",
                    "yae",
                    "eo",
                    "e",
                    "yeo",
                    "ye",
                    "o",
                    "wa",
                    "wae",
                    "oe",
                    "yo",
                    "u",
                    "wo",
                    "we",
                    "wi",
                    "yu",
                    "eu",
                    "ui",
                    "i",
                ]
            ],
            strict=True,
        )
    ),
    "mr": dict(
        zip(
            "ㅏㅐㅑㅒㅓㅔㅕㅖㅗㅘㅙㅚㅛㅜㅝㅞㅟㅠㅡㅢㅣ",
            [
                (v,)
                for v in [
                    "a",
                    "ae",
                    "ya",
                    "yae",
                    "ŏ",
                    "e",
                    "yŏ",
                    "ye",
                    "o",
                    "wa",
                    "wae",
                    "oe",
                    "yo",
                    "u",
                    "wŏ",
                    "we",
                    "wi",
                    "yu",
                    "ŭ",
                    "ŭi",
                    "i",
                ]
            ],
            strict=True,
        )
    ),
    "popular": {
        "ㅏ": ("a",),
        "ㅐ": ("ae", "ai"),
        "ㅑ": ("ya",),
        "ㅒ": ("yae",),
        "ㅓ": ("eo", "u", "o"),
        "ㅔ": ("e",),
        "ㅕ": ("yeo", "you", "yu", "yo"),
        "ㅖ": ("ye",),
        "ㅗ": ("o",),
        "ㅘ": ("wa",),
        "ㅙ": ("wae",),
        "ㅚ": ("oe", "oi", "we"),
        "ㅛ": ("yo",),
        "ㅜ": ("u", "oo", "woo"),
        "ㅝ": ("wo", "weo"),
        "ㅞ": ("we",),
        "ㅟ": ("wi", "wee"),
        "ㅠ": ("yu", "yoo", "you"),
        "ㅡ": ("eu", "u"),
        "ㅢ": ("ui", "eui", "ee"),
        "ㅣ": ("i", "ee"),
    },
}
_VOW["dprk"] = _VOW["mr"]

_FIN: dict[str, tuple[str, ...]] = {
    "": ("",),
    "ㄱ": ("k", "g"),
    "ㄴ": ("n",),
    "ㄷ": ("t", "d"),
    "ㄹ": ("l",),
    "ㅁ": ("m",),
    "ㅂ": ("p", "b"),
    "ㅅ": ("t", "s"),
    "ㅇ": ("ng",),
}

# Coarse classes shared by every system: what survives any romanization of a syllable.
INITIAL_CLASS = dict(
    zip("ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ", "KKNTTLMPPSS-CCCKTPH", strict=True)
)
VOWEL_CLASS = {
    "ㅏ": "A",
    "ㅐ": "E",
    "ㅔ": "E",
    "ㅑ": "YA",
    "ㅒ": "YE",
    "ㅖ": "YE",
    "ㅓ": "O",
    "ㅗ": "O",
    "ㅜ": "O",
    "ㅡ": "O",
    "ㅕ": "YO",
    "ㅛ": "YO",
    "ㅠ": "YO",
    "ㅘ": "WA",
    "ㅝ": "WO",
    "ㅙ": "WE",
    "ㅞ": "WE",
    "ㅚ": "WE",
    "ㅟ": "I",
    "ㅢ": "I",
    "ㅣ": "I",
}
FINAL_CLASS = {
    "": "",
    "ㄱ": "K",
    "ㄴ": "N",
    "ㄷ": "T",
    "ㄹ": "L",
    "ㅁ": "M",
    "ㅂ": "P",
    "ㅅ": "T",
    "ㅇ": "G",
}
FINAL_CLASS.update({f: "" for f in "ㄲㄳㄵㄶㄺㄻㄼㄽㄾㄿㅀㅄㅆㅈㅊㅋㅌㅍㅎ"})
FINAL_CLASS.update({"ㄲ": "K", "ㅋ": "K", "ㅆ": "T", "ㅈ": "T", "ㅊ": "T", "ㅌ": "T", "ㅍ": "P"})


def syllable_forms(ini: str, vow: str, fin: str, system: str, medial: bool = False) -> list[str]:
    """Spellings of one syllable in one system, as printed (diacritics and apostrophes kept).

    The first form is the system's canonical spelling; medial=True prefers the voiced initial
    that MR and the North's system use inside a word.
    """
    inis = list(_INI[system][ini])
    if medial and system in ("mr", "dprk") and len(inis) > 1 and ini != "ㄹ":
        inis = inis[1:] + inis[:1]
    if ini == "ㅅ" and vow in "ㅣㅟ" and system in ("mr", "popular"):
        inis = ["sh", *inis] if system == "mr" else [*inis, "sh"]
    vows = list(_VOW[system][vow])
    fins = list(_FIN.get(fin, ("",)))
    if system == "rr" and fin == "ㄱ":
        fins = ["k"]
    if system != "popular":
        fins = fins[:1]
    if system == "mr" and fin == "ㄹ" and medial:
        fins = ["l", "r"]  # MR writes ㄹ as r before a vowel or ㅎ: Ch'ŏrhwan
    out: list[str] = []
    for i in inis:
        for v in vows:
            if v == "woo" and ini != "ㅇ":
                continue
            for f in fins:
                form = i + v + f
                if form not in out:
                    out.append(form)
    return out


def canonical_syllable(ch_parts: tuple[str, str, str], system: str, medial: bool = False) -> str:
    return syllable_forms(*ch_parts, system=system, medial=medial)[0]
