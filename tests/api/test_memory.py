"""The server hands freed memory back once idle: the heap is trimmed after the last request, never during one."""

from __future__ import annotations

import asyncio

from spinscope.api import memory


async def _slow_app(scope, receive, send):
    await asyncio.sleep(0.05)


def test_api_memory_trims_once_after_the_last_request_and_not_before(monkeypatch):
    calls = []
    monkeypatch.setattr(memory, "trim", lambda: calls.append(1))
    middleware = memory.TrimWhenIdle(_slow_app, idle_seconds=0.15)
    scope = {"type": "http"}

    async def scenario():
        await asyncio.gather(middleware(scope, None, None), middleware(scope, None, None))
        await asyncio.sleep(0.05)
        assert calls == []  # idle for less than idle_seconds
        await middleware(scope, None, None)  # a new request puts the trim off again
        await asyncio.sleep(0.1)
        assert calls == []
        await asyncio.sleep(0.2)
        assert calls == [1]
        await asyncio.sleep(0.2)
        assert calls == [1]  # once per idle period

    asyncio.run(scenario())


def test_api_memory_other_scopes_pass_through_untouched(monkeypatch):
    seen = []

    async def app(scope, receive, send):
        seen.append(scope["type"])

    middleware = memory.TrimWhenIdle(app, idle_seconds=0.01)
    asyncio.run(middleware({"type": "lifespan"}, None, None))
    assert seen == ["lifespan"] and middleware._timer is None


def test_api_memory_arena_cap_leaves_an_explicit_setting_alone(monkeypatch):
    monkeypatch.setenv("MALLOC_ARENA_MAX", "4")
    assert memory.limit_arenas() is False
    memory.trim()  # callable anywhere: a no-op where the C library is not glibc


def test_api_app_trims_when_idle(client):
    layers = [m.cls for m in client.app.user_middleware]
    assert memory.TrimWhenIdle in layers
