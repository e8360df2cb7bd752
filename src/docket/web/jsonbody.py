"""JSON bodies of read results, serialized once per result object.

The service functions return the same object for as long as it is cached (docket.readcache: one
per change version, role and request). Checking a list of dataclasses against the response
model and writing it as JSON costs FastAPI a millisecond or more per request, and two trips to
the thread pool; `respond` does it once per object and hands back the bytes. The route keeps its
`response_model` for the OpenAPI description; the body is checked against the same model.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from functools import cache
from typing import Any

from fastapi import Response
from pydantic import TypeAdapter

MAX_BODIES = 2048


@cache
def _adapter(schema: Any) -> TypeAdapter[Any]:
    return TypeAdapter(schema)


_lock = threading.Lock()
# id(result) -> (result, body): the result is kept, so its id cannot be reused while listed
_bodies: OrderedDict[int, tuple[Any, bytes]] = OrderedDict()


def respond(
    value: Any, schema: Any, convert: Callable[[Any], Any] | None = None, *, keep: bool = True
) -> Response:
    """`value` (converted by `convert` first, if given) checked against `schema` and written as
    JSON; the body is reused while the same object comes back. Cached objects are never changed
    (docket.readcache), so the same object means the same body. `keep=False` for a value made
    anew for each request (nothing to reuse)."""
    if keep:  # a value made for this request alone cannot have been kept
        with _lock:
            found = _bodies.get(id(value))
            if found is not None and found[0] is value:
                _bodies.move_to_end(id(value))
                return Response(found[1], media_type="application/json")
    adapter = _adapter(schema)
    checked = adapter.validate_python(convert(value) if convert else value, from_attributes=True)
    body = adapter.dump_json(checked, by_alias=True)
    if not keep:
        return Response(body, media_type="application/json")
    with _lock:
        _bodies[id(value)] = (value, body)
        while len(_bodies) > MAX_BODIES:
            _bodies.popitem(last=False)
    return Response(body, media_type="application/json")
