"""Re-hash every original and check every blob the case refers to."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from docket.actor import Actor
from docket.case import Case
from docket.security.errors import CorruptCiphertext
from docket.security.fields import decrypt_value
from docket.security.policy import require
from docket.store.blobs import sha256_hex
from docket.store.models import Source


@dataclass
class VerifyReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_case(case: Case, *, actor: Actor) -> VerifyReport:
    """Every source's original and WARC blob present and intact (sealed ones opened and
    re-hashed); every text, decrypted if stored encrypted, matches its hash."""
    require(actor, "case:verify")
    report = VerifyReport()
    with case.session() as session:
        rows = session.execute(
            select(
                Source.id,
                Source.sha256,
                Source.warc_sha256,
                Source.text,
                Source.text_sha256,
                Source.text_encrypted,
                Source.uid,
            )  # fmt: skip
        ).all()
    for source_id, digest, warc_digest, text, text_digest, encrypted, uid in rows:
        report.checked += 1
        problem = case.blobs.check(digest)
        if problem:
            report.problems.append(f"source {source_id}: original {digest[:12]}… {problem}")
        if warc_digest:
            problem = case.blobs.check(warc_digest)
            if problem:
                report.problems.append(f"source {source_id}: WARC record {problem}")
        if encrypted:
            try:
                text = decrypt_value(case.keyring, "sources", "text", uid or "?", text)
            except CorruptCiphertext:
                report.problems.append(f"source {source_id}: encrypted text altered (won't open)")
                continue
        if sha256_hex(text.encode("utf-8")) != text_digest:
            report.problems.append(f"source {source_id}: extracted text altered in the database")
    return report
