"""The invented outlets, their reporters, and the official words every story quotes."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Outlet:
    key: str
    name: str
    domain: str
    template: str
    name_style: str  # how the outlet's style guide writes Korean names
    city: str


OUTLETS = (
    Outlet("wire", "Pacific Wire", "pacificwire.example", "wire", "dprk", "SEOUL"),
    Outlet("ledger", "The Seoul Ledger", "seoul-ledger.example", "broadsheet", "popular", "SEOUL"),
    Outlet("monitor", "Northeast Asia Monitor", "nea-monitor.example", "magazine", "mr", "GENEVA"),
    Outlet(
        "herald",
        "Hanbit Herald English Edition",
        "hanbitherald.example",
        "broadsheet",
        "popular_western",
        "SEOUL",
    ),
)
REPORTERS = {
    "wire": ("Claire Donovan", "Tomas Reyes", "Min-ji Seo"),
    "ledger": ("Daniel Whitcombe", "Hye-rin Cha", "Aisha Rahman"),
    "monitor": ("Elena Marchetti", "Jonah Feld", "Sun-woo Baek"),
    "herald": ("Ji-hoon Lim", "Rachel Osei", "Byung-ho Nam"),
}
AGENCY = "Pyongyang State News Service"
# Sentences of the agency statement (statements/S1), which articles from 2014 on quote.
DENIALS = (
    "There is no such thing as a political prison camp in our country.",
    "The so-called witnesses paraded by the hostile forces are human scum who fled after "
    "committing crimes and who now sell lies for money.",
    "What exists in our country are only reform-through-labour centres, where those who have "
    "committed crimes are educated through labour in accordance with the law and enjoy humane "
    "treatment.",
)
STATEMENT_YEAR = 2014


def denial_year(rng: random.Random, published_year: int) -> int:
    """The year of the statement quoted: the 2014 one once it exists, an earlier one before."""
    return STATEMENT_YEAR if published_year >= STATEMENT_YEAR else rng.randint(2009, published_year)


DENIAL_FRAMES = (
    "The government in Pyongyang denies that such camps exist. In a statement carried by the "
    "{agency} in {year}, a foreign ministry spokesperson said: “{denial}”",
    "Officials have consistently rejected the accounts. “{denial_c}” the {agency} quoted a "
    "spokesperson as saying in {year}.",
    "Asked about the allegations, a diplomat at the country's mission in Geneva referred "
    "reporters to an earlier statement: “{denial}”",
)
CAPTIONS = (
    "A guard post on the border river near {town}.",
    "Barbed wire along the Tumen River, seen from the Chinese side.",
    "File photo: a former prisoner's drawing of a punishment cell.",
    "The witness, photographed from behind to protect {who} identity.",
    "A North Korean border town seen across the river in winter.",
)


ANALYST_QUOTES = (
    (
        "What we can see from space is only the outline",
        "The people inside are invisible to us, which is why survivor testimony matters so much.",
    ),
    (
        "New fences usually mean new prisoners, not fewer",
        "We would need people on the ground to say more than that.",
    ),
    (
        "The housing blocks have been torn down, but the mine entrances are still in use",
        "That does not look like a closure to me.",
    ),
    (
        "Guard posts moved outward by about a kilometre",
        "The most likely explanation is that the perimeter was enlarged.",
    ),
)
