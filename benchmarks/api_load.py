"""`spinscope serve` under load: many clients mixing analyses and corpus reads; errors, latency, memory.

    python benchmarks/api_load.py [--clients 32] [--seconds 60] [--articles 40] [--analyse-share 0.25]

What it does, in order:

1. builds a temporary corpus: ``spinscope corpus add`` of ``--articles`` PTC
   training articles (as JSONL records with five outlets and dates over ten
   days, so outlets and stories have something to group), with
   ``--corpus-detectors`` (default: all);
2. starts ``spinscope serve --db`` on 127.0.0.1 on a free port as a separate
   process and warms it up: every route once and a few analyses (the models
   load), then ``--warmup-seconds`` of the same load as below, so that what a
   server keeps once it has run for a while (spaCy's vocabulary of the words
   it has seen, pooled database connections, worker threads) is in place.
   After ``--settle`` seconds its resident memory (RSS, with any children) is
   the baseline;
3. runs ``--clients`` concurrent clients (asyncio + httpx, one connection each)
   for ``--seconds``: each sends its next request as soon as the last one is
   answered.  A share of ``--analyse-share`` are ``POST /api/analyze`` of
   1-4 consecutive paragraphs of other PTC articles with all detectors; the
   rest read the corpus: ``/api/articles`` (pages and filters),
   ``/api/articles/{id}`` (1 in 20 an unknown id, answered 404),
   ``/api/outlets``, ``/api/stories``, ``/api/duplicates``, ``/api/search``.
   No request starts after the time is up; those in flight are waited for;
4. waits ``--settle`` seconds and measures the server's RSS again; with
   ``--rounds N`` steps 3 and 4 run N times, to tell a plateau from a leak.

Prints requests and latency (p50/p90/p99/max) per kind and overall, status
codes, 5xx, dropped requests (connection errors and client timeouts, the
timeout being ``--timeout``, 120 s by default), throughput, and the server's
RSS after the models loaded, at baseline, peak (sampled every 0.25 s) and
after the settle; then PASS or FAIL for: no 5xx, no dropped request, RSS after
the last round within ``--memory-margin`` (10 %) of the baseline.  Exits 1 when any check fails.  Reads PTC from
``$SPINSCOPE_DATA`` (default ``../shared/data``).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SPINSCOPE_DATA", REPO.parent / "shared" / "data"))
OUTLETS = ["Daily Ledger", "The Beacon", "Northern Post", "Free Voice", "Civic Times"]
QUERIES = ["president", "police", "media", "government", "church", "war", "Trump", "the people", "said", "immigration"]
KINDS = {"articles": 0.30, "article": 0.25, "search": 0.20, "outlets": 0.10, "stories": 0.075, "duplicates": 0.075}
MIB = 1024 * 1024


def parse_args() -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0], formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n\n", 2)[2])
    p.add_argument("--clients", type=int, default=32, help="concurrent clients (default 32)")
    p.add_argument("--seconds", type=float, default=60.0, help="how long new requests are sent (default 60)")
    p.add_argument("--articles", type=int, default=40, help="PTC articles in the corpus (default 40)")
    p.add_argument("--corpus-detectors", default=None, help="detectors for corpus add (default: all)")
    p.add_argument("--analyse-share", type=float, default=0.25, help="share of requests that are analyses (default 0.25)")
    p.add_argument("--timeout", type=float, default=120.0, help="client timeout per request in seconds (default 120)")
    p.add_argument("--settle", type=float, default=10.0, help="idle seconds before each RSS reading: the baseline and after each round (default 10)")
    p.add_argument("--warmup-seconds", type=float, default=15.0, help="seconds of load before the baseline is read (default 15)")
    p.add_argument("--rounds", type=int, default=1, help="load rounds, each followed by an RSS reading (default 1)")
    p.add_argument("--memory-margin", type=float, default=0.10, help="RSS after may exceed the baseline by this share (default 0.10)")
    p.add_argument("--seed", type=int, default=7)
    return p.parse_args()


# --- data and corpus ------------------------------------------------------


def ptc_files() -> list[Path]:
    folder = DATA / "ptc2020" / "train-articles"
    if not folder.is_dir():
        sys.exit(f"no PTC articles at {folder}: set SPINSCOPE_DATA")
    return sorted(folder.glob("article*.txt"))


def write_records(files: list[Path], path: Path) -> None:
    """PTC articles as JSONL records with an outlet and a date, so the outlet and story views have content."""
    with open(path, "w", encoding="utf-8") as out:
        for i, f in enumerate(files):
            text = f.read_text(encoding="utf-8")
            record = {"id": f.stem, "title": text.split("\n", 1)[0][:200], "outlet": OUTLETS[i % len(OUTLETS)], "published": f"2024-05-{1 + i % 10:02d}", "text": text}
            out.write(json.dumps(record) + "\n")


def build_corpus(files: list[Path], tmp: Path, detectors: str | None) -> str:
    records, db = tmp / "records.jsonl", f"sqlite:///{tmp / 'load.db'}"
    write_records(files, records)
    cmd = [sys.executable, "-m", "spinscope.cli", "corpus", "add", str(records), "--db", db] + (["--detectors", detectors] if detectors else [])
    started = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    print(f"corpus: {len(files)} PTC articles (detectors: {detectors or 'all'}) added in {time.perf_counter() - started:.1f} s", flush=True)
    return db


def snippets(files: list[Path], rng: random.Random, n: int = 300) -> list[str]:
    """Short analysis texts: 1-4 consecutive paragraphs of articles outside the corpus, 80-2,000 characters."""
    paragraphs = [[p.strip() for p in f.read_text(encoding="utf-8").split("\n") if p.strip()] for f in files]
    out: list[str] = []
    while len(out) < n:
        paras = rng.choice(paragraphs)
        start = rng.randrange(len(paras))
        text = "\n\n".join(paras[start : start + rng.randint(1, 4)])[:2000]
        if len(text) >= 80:
            out.append(text)
    return out


# --- the server -----------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(db: str, port: int, log: Path) -> subprocess.Popen:
    cmd = [sys.executable, "-m", "spinscope.cli", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)]
    return subprocess.Popen(cmd, stdout=log.open("w"), stderr=subprocess.STDOUT)


def wait_ready(base: str, server: subprocess.Popen, limit: float = 120.0) -> float:
    import httpx

    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if server.poll() is not None:
            sys.exit(f"the server exited with {server.returncode}")
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return time.perf_counter() - started
        except httpx.HTTPError:
            time.sleep(0.2)
    sys.exit(f"the server did not answer within {limit:.0f} s")


def rss(pid: int) -> int:
    """Resident memory of the process and its children, in bytes."""
    import psutil

    proc = psutil.Process(pid)
    total = proc.memory_info().rss
    for child in proc.children(recursive=True):
        try:
            total += child.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total


class PeakSampler(threading.Thread):
    """Samples the server's RSS every ``interval`` seconds and keeps the peak."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            self.peak = max(self.peak, rss(self.pid))
            self.done.wait(self.interval)


# --- the requests ---------------------------------------------------------


class Mix:
    """Draws the next request: an analysis with ``share`` probability, else a corpus read by ``KINDS`` weights."""

    def __init__(self, texts: list[str], ids: list[str], share: float, rng: random.Random) -> None:
        self.texts, self.ids, self.share, self.rng = texts, ids, share, rng

    def next(self) -> tuple[str, str, str, dict]:
        """(kind, method, path, httpx keyword arguments)."""
        if self.rng.random() < self.share:
            return "analyze", "POST", "/api/analyze", {"json": {"text": self.rng.choice(self.texts)}}
        kind = self.rng.choices(list(KINDS), weights=list(KINDS.values()))[0]
        return (kind, "GET", *getattr(self, kind)())

    def articles(self):
        params = {"page": self.rng.randint(1, 3), "per_page": self.rng.choice([10, 20, 50])}
        extra = self.rng.choice([{}, {}, {"outlet": self.rng.choice(OUTLETS)}, {"technique": "Loaded_Language"}, {"date_from": "2024-05-03"}])
        return "/api/articles", {"params": {**params, **extra}}

    def article(self):
        doc_id = "no-such-article" if self.rng.random() < 0.05 else self.rng.choice(self.ids)
        return f"/api/articles/{doc_id}", {}

    def search(self):
        extra = self.rng.choice([{}, {"technique": "Loaded_Language"}, {"outlet": self.rng.choice(OUTLETS)}])
        return "/api/search", {"params": {"q": self.rng.choice(QUERIES), **extra}}

    def outlets(self):
        return "/api/outlets", {}

    def stories(self):
        return "/api/stories", {"params": self.rng.choice([{}, {"days": 7}])}

    def duplicates(self):
        return "/api/duplicates", {"params": self.rng.choice([{}, {"threshold": 0.3}])}


async def client_loop(client, mix: Mix, deadline: float, results: list) -> None:
    """One client: a request, its answer, the next request, until the deadline; no request starts after it."""
    import httpx

    while time.perf_counter() < deadline:
        kind, method, path, kwargs = mix.next()
        started = time.perf_counter()
        try:
            response = await client.request(method, path, **kwargs)
            await response.aread()
            results.append((kind, response.status_code, time.perf_counter() - started))
        except (httpx.HTTPError, OSError) as exc:
            results.append((kind, f"dropped: {type(exc).__name__}", time.perf_counter() - started))


async def run_load(base: str, mix: Mix, clients: int, seconds: float, timeout: float) -> tuple[list, float]:
    import httpx

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    results: list = []
    async with httpx.AsyncClient(base_url=base, timeout=httpx.Timeout(timeout), limits=limits) as client:
        started = time.perf_counter()
        await asyncio.gather(*(client_loop(client, mix, started + seconds, results) for _ in range(clients)))
        return results, time.perf_counter() - started


def warm_up(base: str, mix: Mix) -> None:
    """Every route once and a few analyses, so models and lazily imported modules are loaded before the baseline."""
    import httpx

    with httpx.Client(base_url=base, timeout=600) as client:
        for text in mix.texts[:3]:
            client.post("/api/analyze", json={"text": text}).raise_for_status()
        for kind in KINDS:
            path, kwargs = getattr(mix, kind)()
            client.get(path, **kwargs)


def article_ids(base: str) -> list[str]:
    import httpx

    return [item["id"] for item in httpx.get(f"{base}/api/articles", params={"per_page": 200}, timeout=60).json()["items"]]


# --- the report -----------------------------------------------------------


def pct(values: list[float], q: float) -> float:
    """Nearest-rank percentile ``q`` (0-100) of ``values``."""
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))]


def latency_table(results: list) -> None:
    by_kind: dict[str, list[float]] = defaultdict(list)
    for kind, _, seconds in results:
        by_kind[kind].append(seconds * 1000)
    by_kind["all"] = [s * 1000 for _, _, s in results]
    print(f"{'kind':<12}{'requests':>9}{'p50 ms':>10}{'p90 ms':>10}{'p99 ms':>10}{'max ms':>10}")
    for kind in ["analyze", *KINDS, "all"]:
        values = by_kind.get(kind)
        if values:
            print(f"{kind:<12}{len(values):>9}{pct(values, 50):>10.0f}{pct(values, 90):>10.0f}{pct(values, 99):>10.0f}{max(values):>10.0f}")


def report(results: list, elapsed: float, memory: dict[str, int], args: argparse.Namespace) -> bool:
    latency_table(results)
    statuses = Counter(str(status) for _, status, _ in results)
    server_errors = sum(n for s, n in statuses.items() if s.isdigit() and int(s) >= 500)
    dropped = sum(n for s, n in statuses.items() if s.startswith("dropped"))
    print("status codes: " + ", ".join(f"{s}: {n}" for s, n in sorted(statuses.items())))
    print(f"5xx: {server_errors}   dropped (connection errors, client timeout {args.timeout:.0f} s): {dropped}")
    print(f"throughput: {len(results) / elapsed:.1f} requests/s ({len(results)} in {elapsed:.1f} s, the last answers included)")
    growth = (memory["after"] - memory["baseline"]) / memory["baseline"]
    print(f"server RSS: baseline {memory['baseline'] / MIB:.0f} MiB, peak {memory['peak'] / MIB:.0f} MiB, after {args.settle:.0f} s settle {memory['after'] / MIB:.0f} MiB ({growth:+.1%})", flush=True)
    checks = [("no 5xx", server_errors == 0), ("no dropped request", dropped == 0), (f"memory after within {args.memory_margin:.0%} of baseline", growth <= args.memory_margin)]
    return checks


def main() -> None:
    args = parse_args()
    rng = random.Random(args.seed)
    files = ptc_files()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        db = build_corpus(files[: args.articles], tmp, args.corpus_detectors)
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        server = start_server(db, port, tmp / "server.log")
        try:
            print(f"server: pid {server.pid} on 127.0.0.1:{port}, ready in {wait_ready(base, server):.1f} s", flush=True)
            ok = measure(base, server, Mix(snippets(files[args.articles :], rng), article_ids(base), args.analyse_share, rng), args)
        finally:
            server.terminate()
            server.wait(30)
    sys.exit(0 if ok else 1)


def measure(base: str, server: subprocess.Popen, mix: Mix, args: argparse.Namespace) -> bool:
    started = time.perf_counter()
    warm_up(base, mix)
    loaded = rss(server.pid)
    burst, _ = asyncio.run(run_load(base, mix, args.clients, args.warmup_seconds, args.timeout))
    time.sleep(args.settle)
    memory = {"baseline": rss(server.pid)}
    print(
        f"warm-up: {time.perf_counter() - started:.1f} s ({len(burst)} requests, statuses {dict(Counter(s for _, s, _ in burst))}); "
        f"RSS with the models loaded {loaded / MIB:.0f} MiB; {len(mix.ids)} stored articles, {len(mix.texts)} analysis texts",
        flush=True,
    )
    for n in range(1, args.rounds + 1):
        print(
            f"load{f' round {n}' if args.rounds > 1 else ''}: {args.clients} clients for {args.seconds:.0f} s, analyses {args.analyse_share:.0%} of requests, client timeout {args.timeout:.0f} s",
            flush=True,
        )
        sampler = PeakSampler(server.pid)
        sampler.start()
        results, elapsed = asyncio.run(run_load(base, mix, args.clients, args.seconds, args.timeout))
        sampler.done.set()
        sampler.join()
        time.sleep(args.settle)
        memory.update(peak=max(sampler.peak, memory["baseline"]), after=rss(server.pid))
        checks = report(results, elapsed, memory, args)
    for name, ok in checks:
        print(f"{'PASS' if ok else 'FAIL'} {name}")
    return all(ok for _, ok in checks)


if __name__ == "__main__":
    main()
