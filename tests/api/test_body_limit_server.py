"""The 413 for an oversized body reaches clients that send the whole body at once (no ``Expect: 100-continue``).

A real uvicorn server on a free port: ``urllib``, ``http.client`` and ``httpx``
each send a body over the limit and must read the 413 and its JSON error, not a
connection reset; a small request on a fresh connection still works afterwards.
"""

from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.error
import urllib.request

import pytest

from spinscope.api import limits

LIMIT = 1024 * 1024
BIG = json.dumps({"text": "x" * (11 * LIMIT)}).encode()  # the 11 MB: more than the socket buffers hold, under the drain bound
SMALL = json.dumps({"text": "The corrupt traitors met in Geneva on Tuesday.", "detectors": ["profile"]}).encode()
JSON = {"content-type": "application/json"}
TIMEOUT = 10


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base():
    import uvicorn

    from spinscope.api import ApiSettings, create_app

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(ApiSettings(max_body=LIMIT)), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + TIMEOUT
    while not server.started:
        assert thread.is_alive() and time.monotonic() < deadline, "uvicorn did not start"
        time.sleep(0.02)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(TIMEOUT)


def _post_urllib(base: str, body: bytes) -> tuple[int, bytes]:
    request = urllib.request.Request(base + "/api/analyze", data=body, headers=JSON)
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def _post_http_client(base: str, body: bytes) -> tuple[int, bytes]:
    host, port = base.removeprefix("http://").split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=TIMEOUT)
    try:
        conn.request("POST", "/api/analyze", body=body, headers=JSON)
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def _post_httpx(base: str, body: bytes) -> tuple[int, bytes]:
    import httpx

    r = httpx.post(base + "/api/analyze", content=body, headers=JSON, timeout=TIMEOUT)
    return r.status_code, r.content


def _assert_413(status: int, raw: bytes) -> None:
    assert status == 413, raw[:200]
    body = json.loads(raw)
    assert set(body) == {"ok", "code", "error", "status", "source"} and body["ok"] is False and body["status"] == 413 and body["code"] == "E600"
    assert body["error"].startswith("[E600]") and "limit" in body["error"]


def _raw(base: str, head: bytes, body: bytes = b"") -> bytes:
    """Send a request by hand and read until the server closes."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=TIMEOUT) as s:
        s.sendall(head + body)
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


@pytest.mark.parametrize("post", [_post_urllib, _post_http_client, _post_httpx], ids=["urllib", "http.client", "httpx"])
def test_oversized_body_sent_at_once_gets_413_not_a_reset(base, post):
    _assert_413(*post(base, BIG))
    status, raw = post(base, SMALL)  # a fresh connection: the server still answers normally
    assert status == 200, raw[:200]
    assert json.loads(raw)["profile"]["words"] > 5


def test_lying_content_length_does_not_hang_the_drain(base, monkeypatch):
    monkeypatch.setattr(limits, "DRAIN_IDLE", 0.3)
    head = b"POST /api/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (2 * LIMIT)
    started = time.monotonic()
    data = _raw(base, head, b"x" * 100)  # declares 2 MB, sends 100 bytes and waits
    assert time.monotonic() - started < 5
    assert data.startswith(b"HTTP/1.1 413") and b"[E600]" in data


def test_body_declared_beyond_the_drain_bound_is_refused_at_once(base):
    head = b"POST /api/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % (10**10)
    data = _raw(base, head)  # sends no body: not drained, answered and closed
    assert data.startswith(b"HTTP/1.1 413") and b"connection: close" in data.lower()


def test_expect_100_continue_gets_413_without_an_invitation_to_send(base):
    head = b"POST /api/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nExpect: 100-continue\r\nContent-Length: %d\r\n\r\n" % len(BIG)
    data = _raw(base, head)  # as curl does: the body waits for a 100 that must not come
    assert data.startswith(b"HTTP/1.1 413") and b"100 Continue" not in data
