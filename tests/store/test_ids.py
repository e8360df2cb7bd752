"""Ids handed out before INSERT never collide with rows already there or added later."""

from sqlalchemy import select

from docket.security.audit import lock_chain
from docket.store.ids import reserve_ids
from docket.store.models import CustodyEntry


def _custody(**kw):
    return CustodyEntry(sha256="0" * 64, action="SYNTHETIC", actor="t", origin="o",
                        docket_version="0", **kw)  # fmt: skip


def test_reserved_ids_are_unused_ascending_and_later_inserts_do_not_collide(case):
    with case.session() as session:
        lock_chain(session)  # SQLite: the write lock reserve_ids relies on
        first = _custody()
        session.add(first)
        session.flush()
        ids = reserve_ids(session, CustodyEntry.__table__, 3)
        assert ids == sorted(ids) and len(set(ids)) == 3 and first.id not in ids
        assert min(ids) > first.id
        session.add_all(_custody(id=i) for i in ids)
        session.flush()
        later = _custody()  # the database picks its id as usual
        session.add(later)
        session.flush()
        assert later.id not in ids and later.id > max(ids)
        assert reserve_ids(session, CustodyEntry.__table__, 0) == []
    with case.session() as session:
        stored = session.scalars(select(CustodyEntry.id).order_by(CustodyEntry.id)).all()
    assert stored == [first.id, *ids, later.id]
