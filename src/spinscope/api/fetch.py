"""Fetch a page for analysis, safely: only http(s), no private networks, a size cap and a timeout.

Every hop (the first request and each redirect) resolves the host, checks
every address it resolves to, and then connects to a checked address (the
host name still goes in the Host header and TLS SNI), so a DNS answer cannot
change between the check and the connection.
"""

from __future__ import annotations

import ipaddress
import socket
import time
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit, urlunsplit

from spinscope.api.errors import ApiError
from spinscope.api.limits import too_large

MAX_REDIRECTS = 5
USER_AGENT = "spinscope (+https://github.com/spinscope)"


@dataclass
class Page:
    url: str  # after redirects
    body: bytes
    charset: str | None


def is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def resolve(url: str, host: str, port: int, allow_private: bool) -> str:
    """An address for ``host`` after checking all of them; raises E602 if any is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise ApiError("E603", url=url, detail=f"cannot resolve {host}: {exc}") from None
    addresses = list(dict.fromkeys(info[4][0] for info in infos))
    if not allow_private:
        for address in addresses:
            if not is_public(address):
                raise ApiError("E602", url=url, host=host, address=address)
    return addresses[0]


def fetch(url: str, *, max_bytes: int, timeout: float, allow_private: bool = False) -> Page:
    """GET ``url`` following up to five redirects, each checked; raises :class:`ApiError` with a clear status."""
    import httpx

    deadline = time.monotonic() + timeout
    current = url
    with httpx.Client(timeout=httpx.Timeout(timeout), follow_redirects=False, trust_env=False) as client:
        for _ in range(MAX_REDIRECTS + 1):
            try:
                status, location, page = _one_hop(client, current, max_bytes, deadline, allow_private)
            except httpx.TimeoutException:
                raise ApiError("E604", url=url, seconds=timeout) from None
            except httpx.HTTPError as exc:
                raise ApiError("E603", url=url, detail=str(exc) or type(exc).__name__) from None
            if page is not None:
                return page
            current = urljoin(current, location)
    raise ApiError("E603", url=url, detail=f"more than {MAX_REDIRECTS} redirects")


def _one_hop(client, url: str, max_bytes: int, deadline: float, allow_private: bool):
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ApiError("E611", url=url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolve(url, parts.hostname, port, allow_private)
    pinned = urlunsplit(parts._replace(netloc=_netloc(address, parts.port)))
    headers = {"Host": parts.netloc.rpartition("@")[2], "User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9, */*;q=0.1"}
    request = client.build_request("GET", pinned, headers=headers, extensions={"sni_hostname": parts.hostname})
    response = client.send(request, stream=True)
    try:
        if response.is_redirect:
            return response.status_code, response.headers.get("location", ""), None
        if response.status_code >= 400:
            raise ApiError("E603", url=url, detail=f"the server answered {response.status_code}")
        body = _read(response, url, max_bytes, deadline)
        return response.status_code, None, Page(url=url, body=body, charset=response.charset_encoding)
    finally:
        response.close()


def _netloc(address: str, port: int | None) -> str:
    host = f"[{address}]" if ":" in address else address
    return f"{host}:{port}" if port else host


def _read(response, url: str, max_bytes: int, deadline: float) -> bytes:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise too_large(int(declared), max_bytes)
    chunks, total = [], 0
    for chunk in response.iter_bytes():
        total += len(chunk)
        if total > max_bytes:
            raise too_large(f"over {max_bytes:,} bytes", max_bytes)
        if time.monotonic() > deadline:
            import httpx

            raise httpx.ReadTimeout("deadline passed")
        chunks.append(chunk)
    return b"".join(chunks)
