"""`docket serve --workers N`: each worker opens the case itself, so the key must come from the
environment; a worker's app serves the same case."""

from __future__ import annotations

import pytest

from docket.errors import BadInput
from docket.web import serve as serving


def test_several_workers_need_the_key_in_the_environment(sqlite_desk, monkeypatch):
    monkeypatch.delenv("DOCKET_KEY_FILE", raising=False)
    monkeypatch.delenv("DOCKET_PASSPHRASE", raising=False)
    with pytest.raises(BadInput, match="DOCKET_KEY_FILE"):
        serving.serve(case=sqlite_desk.case, workers=2)


def test_a_worker_app_opens_the_case_from_the_environment(sqlite_desk, monkeypatch):
    monkeypatch.setenv(serving._CASE_ENV, str(sqlite_desk.case.root))
    monkeypatch.setenv(serving._SECURE_ENV, "0")
    app = serving.worker_app()
    try:
        assert app.state.case.config.case_id == sqlite_desk.case.config.case_id
        assert app.state.secure_cookies is False
    finally:
        app.state.case.close()


def test_the_workers_socket_turns_nagle_off():
    """The socket the workers share is a TCP one with TCP_NODELAY: with uvicorn's own, every
    response waited ~40 ms for the client's delayed ACK (asyncio only sets TCP_NODELAY on
    connections from sockets that say they are TCP)."""
    import socket

    from docket.web.workers import TcpConfig

    listener = TcpConfig("docket.web.serve:worker_app", host="127.0.0.1", port=0).bind_socket()
    try:
        assert listener.proto == socket.IPPROTO_TCP
        listener.listen(1)
        with socket.create_connection(listener.getsockname()):
            accepted, _ = listener.accept()
            with accepted:
                assert accepted.proto == socket.IPPROTO_TCP
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        listener.close()


def test_a_warm_worker_freezes_its_long_lived_objects(sqlite_desk, monkeypatch):
    """After start-up and the matcher build, what the worker holds is frozen out of the cyclic
    collector (a full collection walked it all, ~40 ms, while every request in flight waited)."""
    import gc

    from docket.web.app import _warm_and_freeze

    gc.unfreeze()
    try:
        assert gc.get_freeze_count() == 0
        _warm_and_freeze(sqlite_desk.case)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
