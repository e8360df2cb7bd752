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


def test_each_worker_socket_is_tcp_with_nagle_off_and_shares_the_port():
    """Each worker's socket is a TCP one with TCP_NODELAY (uvicorn's own shared socket was not:
    every response then waited ~40 ms for the client's delayed ACK), and several bind the same
    port (SO_REUSEPORT: the kernel spreads connections over the workers)."""
    import socket

    from docket.web.workers import listening_socket

    first = listening_socket("127.0.0.1", 0)
    port = first.getsockname()[1]
    second = listening_socket("127.0.0.1", port)
    try:
        for listener in (first, second):
            assert listener.proto == socket.IPPROTO_TCP
            listener.listen(8)
        with socket.create_connection(("127.0.0.1", port)):
            ready = [s for s in (first, second) if _accepts(s)]
            assert len(ready) == 1
            accepted, _ = ready[0].accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    finally:
        first.close()
        second.close()


def _accepts(listener) -> bool:  # noqa: ANN001
    import select

    return bool(select.select([listener], [], [], 2)[0])


def test_workers_refuse_an_address_another_server_listens_on():
    """SO_REUSEPORT would otherwise let the workers join another server on the same port and
    split its connections with it (another case's, say)."""
    import socket

    from docket.web.workers import _refuse_a_taken_address

    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen(1)
        with pytest.raises(OSError):
            _refuse_a_taken_address("127.0.0.1", other.getsockname()[1])


def test_a_warm_worker_freezes_its_long_lived_objects(sqlite_desk, monkeypatch):
    """After start-up and the matcher build, what the worker holds is frozen out of the cyclic
    collector (a full collection walked it all, ~150 ms, while every request in flight waited)."""
    import gc

    from docket.web.app import _warm_and_freeze

    gc.unfreeze()
    try:
        assert gc.get_freeze_count() == 0
        _warm_and_freeze(sqlite_desk.case)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()


def test_several_workers_without_so_reuseport_are_refused_with_a_reason(monkeypatch):
    import socket

    import uvicorn

    from docket.web.workers import run_workers

    monkeypatch.delattr(socket, "SO_REUSEPORT")
    config = uvicorn.Config("docket.web.serve:worker_app", factory=True, port=1)
    with pytest.raises(BadInput, match="SO_REUSEPORT"):
        run_workers(config, 2)


def test_workers_that_cannot_start_stop_the_server_instead_of_restarting(tmp_path, monkeypatch):
    """A worker whose case does not open exits with uvicorn's start-up failure code; the
    supervisor then stops (restarting it would fail the same way, every half second)."""
    import signal
    import socket

    import uvicorn

    from docket.web import serve as serving
    from docket.web.workers import run_workers

    monkeypatch.setenv(serving._CASE_ENV, str(tmp_path / "not-a-case"))
    monkeypatch.setenv(serving._SECURE_ENV, "0")
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    before = signal.getsignal(signal.SIGINT)
    config = uvicorn.Config("docket.web.serve:worker_app", factory=True, host="127.0.0.1",
                            port=port, log_level="critical")  # fmt: skip

    def hung(*_: object) -> None:
        raise TimeoutError("the supervisor kept restarting workers that cannot start")

    signal.signal(signal.SIGALRM, hung)
    signal.alarm(90)
    try:
        run_workers(config, 2)  # returns: both workers failed at start-up
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
    assert signal.getsignal(signal.SIGINT) is before  # the caller's handlers are back
