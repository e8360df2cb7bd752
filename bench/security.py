"""Cost of witness protection: ingest with vs without encryption, and decrypting person names on
the fly as linkage does (load every PersonReport through the ORM; and a linkage-like pass that
loads, blocks on name prefix and birth year, and compares every pair in a block).

"Without" runs the same code with the encryption hooks switched off (fields stored plain, blobs
unsealed), in a separate case, so the difference is the price of encryption alone.

    PYTHONPATH=src python bench/security.py [--testimonies 200] [--persons 20000] [--repeat 3]

All data is SYNTHETIC and generated here.
"""

from __future__ import annotations

import argparse
import os
import random
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from jellyfish import jaro_winkler_similarity, levenshtein_distance
from sqlalchemy import select

import docket.security.fields as fields
from docket.actor import Actor
from docket.case import create_case
from docket.ingest import ingest_paths
from docket.security.keys import KeySource
from docket.store.blobs import BlobStore
from docket.store.models import PersonReport

ADMIN = Actor("bench", "admin")
SYLLABLES = ["Kim", "Ri", "Pak", "Choe", "Jong", "Yong", "Chol", "Sun", "Hui", "Myong", "Hyok"]


def _name(rng: random.Random) -> str:
    return f"{rng.choice(SYLLABLES[:5])} {rng.choice(SYLLABLES[4:])}-{rng.choice(SYLLABLES[5:])}"


def write_inputs(folder: Path, testimonies: int, persons: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True)
    body = "SYNTHETIC testimony about forced labour in the gypsum mine at the camp. " * 40
    for i in range(testimonies):
        (folder / f"t{i:04d}.md").write_text(
            f"---\nwitness_name: {_name(rng)}\nwitness_pseudonym: W-{i + 1:04d}\n"
            f"witness_contact: SYNTHETIC +82-10-{rng.randint(1000, 9999)}\n"
            f"consent: internal\n---\n{body}{i}\n",
            encoding="utf-8",
        )
    rows = ["record_id,source,name,name_hangul,sex,birth_year,facility,event_date"]
    rows += [f"r{i},SYNTH,{_name(rng)},,M,19{rng.randint(40, 99)},Yodok,1997"
             for i in range(persons)]  # fmt: skip
    (folder.parent / "list.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")


@contextmanager
def encryption(enabled: bool) -> Iterator[None]:
    """Switch the field hooks and blob sealing off for the baseline."""
    saved = (fields._seal, fields._open, BlobStore.put)
    if not enabled:
        fields._seal = lambda target, *, inserting: None  # type: ignore[assignment]
        fields._open = lambda target, session, only=None: None  # type: ignore[assignment]
        original_put = saved[2]

        def put(self: BlobStore, data: bytes, sha256: str | None = None, *, seal: bool = False):
            return original_put(self, data, sha256, seal=False)

        BlobStore.put = put  # type: ignore[method-assign]
    try:
        yield
    finally:
        fields._seal, fields._open, BlobStore.put = saved  # type: ignore[method-assign]


def timed(fn: Callable[[], object]) -> float:
    """CPU seconds of this process: steadier than wall time on a shared machine, and the cost
    of encryption is CPU (the fsyncs are the same with or without it)."""
    start = time.process_time()
    fn()
    return time.process_time() - start


def run(testimonies: int, persons: int, repeat: int) -> dict[str, float]:
    results: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        write_inputs(base / "in", testimonies, persons)
        key = base / "bench.key"
        key.write_bytes(os.urandom(32).hex().encode())
        source = KeySource.key_file(key)
        for round_ in range(repeat):
            for enabled in (False, True):  # alternate so drift hits both alike
                label = "encrypted" if enabled else "plain"
                with encryption(enabled):
                    case = create_case(base / f"{label}{round_}", key=source)
                    ingest = timed(lambda c=case: ingest_paths(c, [base / "in"], actor=ADMIN))
                    lst = timed(lambda c=case: ingest_paths(c, [base / "list.csv"], actor=ADMIN))

                    def load(c=case) -> None:
                        with c.session() as session:
                            names = [r.name for r in session.scalars(select(PersonReport))]
                            assert len(names) == persons and all(names)
                            assert not any(n.startswith("enc1:") for n in names)

                    def link_like(c=case) -> None:
                        """What linkage does with the names: load, block on birth year,
                        compare every pair in a block on three features."""
                        with c.session() as session:
                            reports = session.scalars(select(PersonReport)).all()
                            blocks: dict[str | None, list[PersonReport]] = {}
                            for r in reports:
                                blocks.setdefault(r.birth_year_text, []).append(r)
                            for block in blocks.values():
                                for i, a in enumerate(block):
                                    for b in block[i + 1 :]:
                                        jaro_winkler_similarity(a.name, b.name)
                                        levenshtein_distance(a.name, b.name)
                                        _ = a.sex == b.sex

                    link = timed(load)
                    linkage = timed(link_like)
                    case.close()
                results.setdefault(f"ingest testimonies {label}", []).append(ingest)
                results.setdefault(f"ingest list {label}", []).append(lst)
                results.setdefault(f"load names {label}", []).append(link)
                results.setdefault(f"linkage-like {label}", []).append(linkage)
        unlock = KeySource.passphrase("SYNTHETIC bench passphrase")
        pcase = create_case(base / "pass", key=unlock)
        pcase._keyring = None
        results["argon2id unlock (once per process)"] = [timed(lambda: pcase.unlock(unlock))]
        pcase.close()
    return {k: min(v) for k, v in results.items()}


def micro(n: int = 20000) -> tuple[float, float]:
    """Microseconds per field: encrypt + blind index (ingest), decrypt (load); no database."""
    from docket.security.crypto import Keyring, field_context

    keyring = Keyring(os.urandom(32))
    context = field_context("person_reports", "name", os.urandom(16).hex())
    names = [_name(random.Random(i)) for i in range(n)]
    start = time.process_time()
    sealed = [keyring.encrypt_field(v, context) for v in names]
    _ = [keyring.blind_index("person-name", v) for v in names]
    enc = time.process_time() - start
    start = time.process_time()
    _ = [keyring.decrypt_field(v, context, "bench") for v in sealed]
    dec = time.process_time() - start
    return 1e6 * enc / n, 1e6 * dec / n


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--testimonies", type=int, default=200)
    parser.add_argument("--persons", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    best = run(args.testimonies, args.persons, args.repeat)
    print(f"testimonies={args.testimonies} persons={args.persons} repeat={args.repeat} (best of)")
    for what in ("ingest testimonies", "ingest list", "load names", "linkage-like"):
        plain, enc = best[f"{what} plain"], best[f"{what} encrypted"]
        print(f"{what:<20} plain {plain:7.3f}s  encrypted {enc:7.3f}s  "
              f"overhead {100 * (enc - plain) / plain:+5.1f}%")  # fmt: skip
    print(f"argon2id unlock      {best['argon2id unlock (once per process)']:.3f}s")
    enc, dec = min(micro() for _ in range(3))
    print(f"per field            encrypt + blind index {enc:.1f} µs, decrypt {dec:.1f} µs")


if __name__ == "__main__":
    main()
