"""Service functions over keys and witnesses: rotate the key wrap, look a witness up."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sqlalchemy import select

from docket.actor import Actor
from docket.errors import BadInput
from docket.security.audit import record
from docket.security.keys import KeySource, read_record, wrap, write_record
from docket.security.policy import require
from docket.store.models import PersonReport, Source, Witness

if TYPE_CHECKING:
    from docket.case import Case


def rotate_key(case: Case, new: KeySource, *, actor: Actor) -> str:
    """Re-wrap the case's data key under a new passphrase or key file (old one must unlock).

    The data key is unchanged, so nothing else is rewritten; the old passphrase stops working
    for this case (backups made before keep the wrap they were made with)."""
    require(actor, "keys:manage")
    keyring = case.keyring
    with case.session() as session:
        old = read_record(session) or {}
        write_record(session, wrap(keyring.data_key, new, case.config.case_id))
        record(session, actor, "key.rotate", "case",
               {"from": old.get("method"), "to": new.method})  # fmt: skip
    case.key_source = new
    return new.method


@dataclass
class WitnessView:
    pseudonym: str
    name: str | None
    contact: str | None
    family_details: str | None
    source_ids: list[int] = field(default_factory=list)


def get_witness(case: Case, pseudonym: str, *, actor: Actor) -> WitnessView:
    """A witness's identifying details. Only for roles with protected:read; always audited."""
    require(actor, "protected:read")
    with case.session() as session:
        witness = session.scalar(select(Witness).where(Witness.pseudonym == pseudonym))
        if witness is None:
            raise BadInput(f"no witness {pseudonym!r}", where="PSEUDONYM")
        sources = session.scalars(select(Source.id).where(Source.witness_id == witness.id))
        record(session, actor, "witness.read-protected", f"witness:{pseudonym}",
               {"fields": ["name", "contact", "family_details"]})  # fmt: skip
        return WitnessView(witness.pseudonym, witness.name, witness.contact,
                           witness.family_details, list(sources))  # fmt: skip


@dataclass
class NameMatches:
    witnesses: list[str]  # pseudonyms
    person_reports: list[int]


def find_by_name(case: Case, name: str, *, actor: Actor) -> NameMatches:
    """Exact lookup (case, spacing, hyphens ignored) through the keyed blind index: the database
    is searched without decrypting anything. Audited without the name."""
    require(actor, "protected:read")
    if not name.strip():
        raise BadInput("give a name to look up", where="NAME")
    digest = case.keyring.blind_index("person-name", name)
    with case.session() as session:
        witnesses = session.scalars(
            select(Witness.pseudonym).where(Witness.name_index == digest).order_by(Witness.id)
        )
        reports = session.scalars(
            select(PersonReport.id).where(PersonReport.name_index == digest)
            .order_by(PersonReport.id)
        )  # fmt: skip
        found = NameMatches(list(witnesses), list(reports))
        counts = {"witnesses": len(found.witnesses), "person_reports": len(found.person_reports)}
        record(session, actor, "name.lookup", None, counts)
        return found
