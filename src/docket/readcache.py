"""Per-process memo of read results, valid for one case-wide change version.

A server answers the same reads again and again (the findings, the overview counts, a search):
recomputing them costs tens to hundreds of milliseconds. Every transaction that writes something
a reader could see, in any process, commits a new `case.version` (docket.security.fields), so a
result computed at version V is still right while the case is at V.

    rows = cached(case, ("allegations", actor.role), lambda: compute(...))

A read-only web request reads the version once (`read_version` then `pin_version`, in the
authentication dependency) and all its cached reads use that value: one query per request
instead of one per cached read. The pin lives in a context variable, so it ends with the
request.

The key must hold everything the result depends on besides the data: always the reader's role
(which decides the view: a role's unmasked result must never reach another role) and the request's
parameters. The version is read before computing, so a result is filed under a version no newer
than the data it saw. Cached values are shared between requests: callers must not change them.
"""

from __future__ import annotations

import threading
import weakref
from collections import OrderedDict
from collections.abc import Callable, Hashable
from contextvars import ContextVar
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from sqlalchemy import select

from docket.store.models import CHANGE_VERSION, REDACTION_VERSION, CaseSetting

if TYPE_CHECKING:
    from docket.case import Case

T = TypeVar("T")
K = TypeVar("K")
V = TypeVar("V")
MAX_ENTRIES = 2048  # a source detail is a few kB: tens of MB at most


class PerObject(Generic[K, V]):
    """One V per live K, made on first use and dropped with K (weakly keyed): per-case state of
    a server process (read cache, name matchers, audit group commit)."""

    def __init__(self, factory: Callable[[], V]) -> None:
        self.factory = factory
        self.lock = threading.Lock()
        self.made: weakref.WeakKeyDictionary[K, V] = weakref.WeakKeyDictionary()

    def __call__(self, key: K) -> V:
        with self.lock:
            found = self.made.get(key)
            if found is None:
                found = self.made[key] = self.factory()
            return found


class ReadCache:
    """Least recently used results of one case, each with the version it was computed at."""

    def __init__(self, size: int = MAX_ENTRIES) -> None:
        self.size = size
        self.lock = threading.Lock()
        self.entries: OrderedDict[Hashable, tuple[tuple[str, str], Any]] = OrderedDict()

    def get(self, key: Hashable, version: tuple[str, str]) -> tuple[bool, Any]:
        with self.lock:
            found = self.entries.get(key)
            if found is None or found[0] != version:
                return False, None
            self.entries.move_to_end(key)
            return True, found[1]

    def put(self, key: Hashable, version: tuple[str, str], value: Any) -> None:
        with self.lock:
            self.entries[key] = (version, value)
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)


cache_of: PerObject[Case, ReadCache] = PerObject(ReadCache)


def read_version(case: Case) -> tuple[str, str]:
    """The case's change and redaction versions, in one query (always from the database)."""
    # autocommit: no transaction to roll back when the connection goes back to the pool
    with case.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        rows = dict(
            conn.execute(
                select(CaseSetting.key, CaseSetting.value).where(
                    CaseSetting.key.in_((CHANGE_VERSION, REDACTION_VERSION))
                )
            ).all()
        )
    return rows.get(CHANGE_VERSION, ""), rows.get(REDACTION_VERSION, "")


_PINNED: ContextVar[tuple[Case, tuple[str, str]] | None] = ContextVar(
    "docket.readcache.pinned", default=None
)


def pin_version(case: Case, version: tuple[str, str] | None) -> None:
    """Use `version` (read by `read_version`) for the rest of this context (a read-only
    request); `None` ends any pin (a request that writes must see its own writes)."""
    _PINNED.set(None if version is None else (case, version))


def change_version(case: Case) -> tuple[str, str]:
    """The case's versions: the pinned ones, else read from the database."""
    pinned = _PINNED.get()
    if pinned is not None and pinned[0] is case:
        return pinned[1]
    return read_version(case)


def cached(case: Case, key: Hashable, compute: Callable[[], T]) -> T:
    """`compute()`'s result for `key` at the case's current version, computed once per version
    in this process (two requests missing at once may both compute; either result is right)."""
    cache = cache_of(case)
    version = change_version(case)
    hit, value = cache.get(key, version)
    if hit:
        return value  # type: ignore[no-any-return]
    value = compute()
    cache.put(key, version, value)
    return value
