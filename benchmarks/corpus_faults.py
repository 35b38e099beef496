"""``corpus add`` killed with SIGKILL at random moments: does every resume lose nothing and double nothing?

One reference run of ``spinscope corpus add`` stores the first ``--articles``
PTC training articles (sorted by name) into a fresh SQLite store.  Then fresh
stores are filled by the same command, killed with SIGKILL after a random
delay (seeded) and started again, until one run finishes; rounds of fresh
stores repeat until ``--kills`` kills were made.  Each run's delay is drawn
uniformly from 0 to 1.1 times that run's expected length (the reference
run's start-up plus the pace of the latest run that finished, for the
articles still missing), so kills land during start-up, analysis and writes
alike, and some runs finish.

A share of the kills (``--aim-writes``, 0.3) waits, after its delay, for
the moment the run holds SQLite's write lock, so that writes are hit too:
they take a few milliseconds per batch and a plain random delay rarely lands
in one.  Just before each kill the process is stopped (SIGSTOP) and
``/proc/locks`` is read.  A kill is counted as *mid-write* when the process
held the WAL write or checkpoint lock (a write transaction was open): of the
schema or the run's record when the run had not recorded itself in ``runs``
yet, else of a batch.  Other kills are *start-up* (imports, opening and
migrating the store), *before its first commit* (models loading, first batch
analysed) or *between commits*.

After every kill: the store opens (migrations included), ``PRAGMA
integrity_check`` is ok, no content hash and no id is stored twice, each
stored article's analysis is byte-identical to the reference run's and has
all its derived rows (spans, actors, sighting, MinHash signature and bands,
search entry), and the runs' ``analysed`` counts add up to the articles
stored.  At the end of each round: the same articles as the reference, and
``corpus export --format jsonl`` (lines sorted) byte-identical to it.

    python benchmarks/corpus_faults.py [--kills 20] [--articles 60] [--detectors entities,profile|all] [--batch-size 4] [--aim-writes 0.3] [--seed 0]

Prints the kills by phase, the articles stored by each run (per round), and
PASS or FAIL (exit code 1 on FAIL).  Needs Linux (``/proc/locks``).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SPINSCOPE_DATA", REPO.parent / "shared" / "data"))
WAL_WRITE_LOCKS = {120, 121}  # byte offsets in the -shm file: WAL write lock, checkpoint lock
BANDS = 25
PHASES = ("start-up", "mid-write of the schema or run record", "before its first commit", "between commits", "mid-write of a batch")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=20, help="least number of SIGKILLs (default 20)")
    parser.add_argument("--articles", type=int, default=60, help="PTC training articles to add (default 60)")
    parser.add_argument("--detectors", default="entities,profile", help="--detectors for corpus add; 'all' runs every detector")
    parser.add_argument("--batch-size", type=int, default=4, help="--batch-size for corpus add (default 4: more commits to land in)")
    parser.add_argument("--aim-writes", type=float, default=0.3, help="share of kills that, after their delay, wait for the run to hold the write lock (default 0.3)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--keep", action="store_true", help="keep the working folder and print where it is")
    return parser.parse_args()


def command(args: argparse.Namespace, inputs: list[Path], db: Path) -> list[str]:
    cmd = [sys.executable, "-m", "spinscope.cli", "corpus", "add", *map(str, inputs), "--db", f"sqlite:///{db}", "--batch-size", str(args.batch_size)]
    return cmd if args.detectors == "all" else [*cmd, "--detectors", args.detectors]


def start(cmd: list[str], cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    return subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def reference(args: argparse.Namespace, inputs: list[Path], work: Path) -> dict:
    """The uninterrupted run: its analyses by content hash, its length and its start-up time."""
    db = work / "reference.db"
    began = time.time()
    proc = start(command(args, inputs, db), work)
    _, err = proc.communicate()
    seconds = time.time() - began
    if proc.returncode != 0:
        sys.exit(f"the reference run failed ({proc.returncode}): {err.strip()}")
    with sqlite3.connect(db) as conn:
        analyses = dict(conn.execute("SELECT content_hash, analysis FROM articles"))
        first_commit = conn.execute("SELECT min(added_at) FROM articles").fetchone()[0]
    startup = first_commit - began
    return {"db": db, "analyses": analyses, "seconds": seconds, "startup": startup, "pace": (seconds - startup) / len(analyses)}


def write_lock_held(pid: int, shm: Path) -> bool:
    """Whether ``pid`` holds SQLite's WAL write or checkpoint lock on ``shm`` (read from /proc/locks)."""
    try:
        inode = shm.stat().st_ino
        lines = Path("/proc/locks").read_text().splitlines()
    except OSError:
        return False
    for line in lines:
        fields = line.split()
        if "->" in fields:  # a waiting lock request, not a lock held
            continue
        if len(fields) >= 8 and fields[4] == str(pid) and fields[5].rsplit(":", 1)[-1] == str(inode) and int(fields[6]) in WAL_WRITE_LOCKS:
            return True
    return False


def kill(proc: subprocess.Popen, db: Path, counts_before: tuple[int, int]) -> str:
    """SIGSTOP, note the phase, SIGKILL; returns one of :data:`PHASES`."""
    os.kill(proc.pid, signal.SIGSTOP)
    mid_write = write_lock_held(proc.pid, db.with_name(db.name + "-shm"))
    os.kill(proc.pid, signal.SIGKILL)
    proc.communicate()
    articles_before, runs_before = counts_before
    recorded = count_rows(db, "runs") > runs_before
    if mid_write:
        return "mid-write of a batch" if recorded else "mid-write of the schema or run record"
    if not recorded:
        return "start-up"
    return "between commits" if count_rows(db, "articles") > articles_before else "before its first commit"


def count_rows(db: Path, table: str) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True) as conn:
            return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]  # table is one of two literals
    except sqlite3.Error:
        return 0


def check(db: Path, ref: dict) -> list[str]:
    """Every problem found in the store after a kill; empty when it is consistent."""
    from spinscope.corpus.store import Store

    if not db.exists():
        return []
    try:
        Store(f"sqlite:///{db}").open().close()
    except Exception as exc:  # noqa: BLE001 - any failure to open is the finding
        return [f"the store does not open: {exc}"]
    with sqlite3.connect(db) as conn:
        return store_problems(conn, ref["analyses"])


def store_problems(conn: sqlite3.Connection, analyses: dict[str, str]) -> list[str]:
    problems = []
    if (ok := conn.execute("PRAGMA integrity_check").fetchone()[0]) != "ok":
        problems.append(f"integrity_check: {ok}")
    total, hashes, ids = conn.execute("SELECT count(*), count(DISTINCT content_hash), count(DISTINCT doc_id) FROM articles").fetchone()
    if not total == hashes == ids:
        problems.append(f"stored twice: {total} rows, {hashes} content hashes, {ids} ids")
    analysed = conn.execute("SELECT coalesce(sum(analysed), 0) FROM runs").fetchone()[0]
    if analysed != total:
        problems.append(f"the runs say {analysed} analysed, the store holds {total}")
    for row in conn.execute("SELECT id, content_hash, analysis FROM articles").fetchall():
        problems += article_problems(conn, *row, analyses)
    return problems


def article_problems(conn: sqlite3.Connection, article_id: int, digest: str, analysis: str, analyses: dict[str, str]) -> list[str]:
    """An article counted as done must have its exact analysis and every row derived from it."""
    problems = [] if analyses.get(digest) == analysis else [f"article {article_id}: {difference(analyses.get(digest), analysis)}"]
    data = json.loads(analysis)
    expected = {
        "spans": len(data.get("spans") or []),
        "actors": sum(1 for a in data.get("actors") or [] if isinstance(a, dict) and a.get("name")),
        "signatures": 1,
        "lsh_bands": BANDS,
    }
    found = {table: conn.execute(f"SELECT count(*) FROM {table} WHERE article_id = ?", (article_id,)).fetchone()[0] for table in expected}  # fixed table names
    found_search = conn.execute("SELECT count(*) FROM article_search WHERE rowid = ?", (article_id,)).fetchone()[0]
    found_sighting = conn.execute("SELECT count(*) FROM sightings WHERE article_id = ?", (article_id,)).fetchone()[0]
    problems += [f"article {article_id}: {n} {table} rows, expected {expected[table]}" for table, n in found.items() if n != expected[table]]
    if found_search != 1 or found_sighting != 1:
        problems.append(f"article {article_id}: {found_search} search entries and {found_sighting} sightings, expected 1 and 1")
    return problems


def difference(reference: str | None, analysis: str) -> str:
    """How a stored analysis differs from the reference run's."""
    if reference is None:
        return "not in the reference run"
    if without_actor_names(reference) == without_actor_names(analysis):
        return "analysis differs from the reference only in actor names (the actors detector merges names across the articles of one run)"
    return "analysis differs from the reference run"


def without_actor_names(analysis: str):
    """The analysis with every actor's id, name and aliases replaced by its first mention's offset."""
    data = json.loads(analysis)
    names = {}
    for actor in data.get("actors") or []:
        if isinstance(actor, dict) and actor.get("mentions"):
            key = f"actor@{actor['mentions'][0][0]}"
            names.update(dict.fromkeys([actor.get("id"), actor.get("name"), *(actor.get("aliases") or [])], key))
            actor["aliases"] = []
    return _rename(data, names)


def _rename(value, names: dict):
    if isinstance(value, dict):
        return {k: _rename(v, names) for k, v in value.items()}
    if isinstance(value, list):
        return [_rename(v, names) for v in value]
    return names.get(value, value) if isinstance(value, str) else value


def show(problems: list[str], where: str) -> None:
    """One FAIL line per kind of problem, with the articles it concerns."""
    grouped: dict[str, list[str]] = {}
    for problem in problems:
        subject, _, what = problem.partition(": ") if problem.startswith("article ") else ("", "", problem)
        grouped.setdefault(what, []).append(subject.removeprefix("article "))
    for what, subjects in grouped.items():
        print(f"  FAIL {where}: {what}" + (f" (articles {', '.join(subjects)})" if any(subjects) else ""))


def export_sorted(db: Path, work: Path) -> bytes:
    out = subprocess.run([sys.executable, "-m", "spinscope.cli", "corpus", "export", "--db", f"sqlite:///{db}", "--format", "jsonl"], cwd=work, capture_output=True, check=True)
    return b"\n".join(sorted(out.stdout.splitlines()))


def expected_length(ref: dict, missing: int) -> float:
    """How long a run with ``missing`` articles left should take (the machine is shared: the pace is updated)."""
    return ref["startup"] + missing * ref["pace"]


def one_round(args: argparse.Namespace, inputs: list[Path], ref: dict, work: Path, rng: random.Random, number: int, stats: dict) -> bool:
    """Fill a fresh store by killed-and-resumed runs; True when every check passed."""
    db = work / f"round{number}.db"
    cmd, ok = command(args, inputs, db), True
    while True:
        before, runs_before = count_rows(db, "articles"), count_rows(db, "runs")
        expected = expected_length(ref, len(inputs) - before)
        delay, aim = rng.uniform(0, 1.1 * expected), rng.random() < args.aim_writes
        proc, began = start(cmd, work), time.monotonic()
        try:
            phase = None if stats["kills"] >= args.kills else run_until_kill(proc, db, delay, aim, expected, (before, runs_before))
            err = proc.communicate()[1] if phase is None else ""
        finally:
            proc.kill()  # only when the benchmark itself is stopped
        stats["per_run"].append(count_rows(db, "articles") - before)
        if phase is None:
            if stats["per_run"][-1] >= 4:
                ref["pace"] = max(0.0, time.monotonic() - began - ref["startup"]) / stats["per_run"][-1]
            if proc.returncode != 0:
                print(f"  FAIL: the finishing run exited {proc.returncode}: {err.strip()}")
                return False
            return finish_round(db, ref, work, number) and ok
        stats["kills"] += 1
        stats["phases"][phase] += 1
        stats["delays"].append(delay)
        problems = check(db, ref)
        show(problems, f"after kill {stats['kills']} ({phase}, {delay:.1f} s)")
        ok = ok and not problems


def run_until_kill(proc: subprocess.Popen, db: Path, delay: float, aim: bool, patience: float, counts_before: tuple[int, int]) -> str | None:
    """Kill ``proc`` after ``delay`` s (when ``aim``: at the next moment it holds the write lock); None if it finished first."""
    try:
        proc.wait(timeout=delay)
        return None
    except subprocess.TimeoutExpired:
        pass
    shm, deadline = db.with_name(db.name + "-shm"), time.monotonic() + patience
    while aim and proc.poll() is None and time.monotonic() < deadline and not write_lock_held(proc.pid, shm):
        time.sleep(0.002)
    if proc.poll() is not None:
        return None
    return kill(proc, db, counts_before)


def finish_round(db: Path, ref: dict, work: Path, number: int) -> bool:
    with sqlite3.connect(db) as conn:
        problems = store_problems(conn, ref["analyses"])
        stored = {h for (h,) in conn.execute("SELECT content_hash FROM articles")}
    if stored != set(ref["analyses"]):
        problems.append(f"{len(stored)} articles stored, the reference has {len(ref['analyses'])}; {len(stored ^ set(ref['analyses']))} differ")
    if export_sorted(db, work) != export_sorted(ref["db"], work):
        problems.append("corpus export differs from the reference run's")
    show(problems, f"at the end of round {number}")
    return not problems


def main() -> int:
    args = parse_args()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the run under way is killed too
    inputs = sorted((DATA / "ptc2020" / "train-articles").glob("article*.txt"))[: args.articles]
    if len(inputs) < args.articles:
        sys.exit(f"found {len(inputs)} PTC training articles under {DATA}, need {args.articles}: set SPINSCOPE_DATA")
    work = Path(tempfile.mkdtemp(prefix="spinscope-faults-"))
    rng, began = random.Random(args.seed), time.time()
    ref = reference(args, inputs, work)
    print(f"reference run: {len(ref['analyses'])} articles in {ref['seconds']:.1f} s (first commit after {ref['startup']:.1f} s); detectors {args.detectors}, batch size {args.batch_size}")
    stats = {"kills": 0, "phases": Counter(), "delays": [], "per_run": []}
    passed, rounds = True, 0
    while rounds == 0 or stats["kills"] < args.kills:
        rounds += 1
        kills_before, runs_before = stats["kills"], len(stats["per_run"])
        passed = one_round(args, inputs, ref, work, rng, rounds, stats) and passed
        print(f"round {rounds}: {stats['kills'] - kills_before} kills, articles stored per run {stats['per_run'][runs_before:]}")
    report(stats, rounds, passed, time.time() - began)
    if args.keep:
        print(f"working folder: {work}")
    else:
        shutil.rmtree(work, ignore_errors=True)
    return 0 if passed else 1


def report(stats: dict, rounds: int, passed: bool, seconds: float) -> None:
    phases = ", ".join(f"{stats['phases'][p]} {p}" for p in PHASES)
    delays = sorted(stats["delays"]) or [0.0]
    print(f"kills: {stats['kills']} ({phases}); delays {delays[0]:.2f}-{delays[-1]:.2f} s after start; {rounds} rounds, {len(stats['per_run'])} runs, {seconds:.0f} s in all")
    print("PASS" if passed else "FAIL")


if __name__ == "__main__":
    sys.exit(main())
