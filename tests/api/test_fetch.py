"""Analysing a URL: off by default, private addresses refused, size cap, timeout, redirects checked."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from spinscope.api.errors import ApiError
from spinscope.api.fetch import fetch, is_public

PAGE = b"<html><head><title>Local page</title></head><body><article><p>" + b"The corrupt traitors met in Geneva on Tuesday. " * 20 + b"</p></article></body></html>"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 - http.server's name
        if self.path == "/slow":
            time.sleep(2)
        if self.path == "/redirect":
            self.send_response(302)
            self.send_header("Location", "/page")
            self.end_headers()
            return
        body = PAGE * 50 if self.path == "/big" else PAGE
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):  # the client stopped reading at its size cap
            pass

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def local_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_fetch_is_public_classifies_addresses():
    assert is_public("93.184.216.34") and is_public("2606:2800:220:1::1")
    for address in ("127.0.0.1", "10.1.2.3", "192.168.0.1", "169.254.169.254", "::1", "fe80::1", "0.0.0.0", "::ffff:127.0.0.1", "100.64.0.1"):
        assert not is_public(address), address


def test_fetch_url_needs_allow_fetch(client, local_site):
    r = client.post("/api/analyze", json={"url": f"{local_site}/page"})
    assert r.status_code == 403 and "--allow-fetch" in r.json()["error"]


def test_fetch_refuses_loopback_by_default(make_client, local_site):
    r = make_client(allow_fetch=True).post("/api/analyze", json={"url": f"{local_site}/page"})
    assert r.status_code == 403
    assert "127.0.0.1" in r.json()["error"] and "private, loopback" in r.json()["error"]


def test_fetch_allowed_with_override_follows_checked_redirects(make_client, local_site, fake_techniques):
    client = make_client(allow_fetch=True, allow_private=True)
    r = client.post("/api/analyze", json={"url": f"{local_site}/redirect", "detectors": [fake_techniques]})
    assert r.status_code == 200, r.text
    assert "corrupt traitors" in r.json()["text"] and r.json()["spans"]


def test_fetch_redirect_to_private_address_is_refused(monkeypatch, local_site):
    import spinscope.api.fetch as module

    calls = []
    real = module.resolve

    def resolve(url, host, port, allow_private):
        calls.append(url)
        return real(url, host, port, allow_private=len(calls) == 1)  # first hop allowed, the redirect not

    monkeypatch.setattr(module, "resolve", resolve)
    with pytest.raises(ApiError) as err:
        fetch(f"{local_site}/redirect", max_bytes=10**6, timeout=5)
    assert err.value.status == 403 and len(calls) == 2 and calls[1].endswith("/page")


def test_fetch_caps_size_and_times_out(local_site):
    with pytest.raises(ApiError) as big:
        fetch(f"{local_site}/big", max_bytes=10_000, timeout=5, allow_private=True)
    assert big.value.status == 413
    started = time.monotonic()
    with pytest.raises(ApiError) as slow:
        fetch(f"{local_site}/slow", max_bytes=10**6, timeout=0.5, allow_private=True)
    assert slow.value.status == 504 and "timed out" in slow.value.message
    assert time.monotonic() - started < 1.9


def test_fetch_refuses_other_schemes():
    with pytest.raises(ApiError) as err:
        fetch("file:///etc/passwd", max_bytes=1000, timeout=1)
    assert err.value.status == 422
