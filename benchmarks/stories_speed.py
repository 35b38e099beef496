"""Time and peak memory of ``spinscope stories`` on 2,500 and 10,000 stored articles.

The articles are the PolNeAR and PTC texts of ``$SPINSCOPE_DATA`` (about 1,400), each stored several
times with its sentences rotated (a new text, so a new row) under another id, outlet and date (dates
spread over a year, so the 3-day window links as it would in a year of news).  They are written
straight into a fresh SQLite store as analyses with ``entity`` spans (capitalised word runs) and no
other detector, which is what grouping reads.  Each size runs ``stories.find`` in its own process and
prints its wall time and peak resident memory, and the ratio of the large size to the small one
(the baseline measured in the same run).  The target: under a minute and 1.5 GB at 10,000.

    python benchmarks/stories_speed.py [--sizes 2500,10000] [--keep DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import re
import resource
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("SPINSCOPE_DATA", REPO.parent / "shared" / "data"))
CAPS = re.compile(r"\b[A-Z][a-z]+(?: [A-Z][a-z]+){0,2}\b")
OUTLETS = [f"Outlet {i}" for i in range(40)]


def texts() -> list[str]:
    paths = sorted((DATA / "quotes-polnear").glob("*/text/*.txt")) + sorted((DATA / "ptc2020").glob("*/article*.txt"))
    if not paths:
        sys.exit(f"no PolNeAR or PTC texts under {DATA}: set SPINSCOPE_DATA to the shared data folder")
    return [p.read_text(encoding="utf-8") for p in paths]


def analyses(n: int, seed: int = 7):
    from spinscope.model import Analysis, Span

    rng = random.Random(seed)
    pool = texts()
    start = dt.date(2024, 1, 1)
    for i in range(n):
        base = pool[i % len(pool)]
        lines = [x for x in base.split("\n") if x.strip()]
        turn = (i // len(pool)) % max(1, len(lines))
        text = "\n".join(lines[:1] + lines[1:][turn:] + lines[1:][:turn])
        spans = [Span(start=m.start(), end=m.end(), kind="entity", label="PERSON" if " " in m.group() else "ORG", score=1.0) for m in CAPS.finditer(text[:3000])][:60]
        yield Analysis(id=f"s{i}", text=text, title=lines[0][:200], outlet=rng.choice(OUTLETS), published=str(start + dt.timedelta(days=rng.randrange(365))), spans=spans)


def build(n: int, folder: Path) -> str:
    from spinscope.corpus.store import Store
    from spinscope.corpus.write import Stored, write_batch

    db = folder / f"stories-{n}.db"
    url = f"sqlite:///{db}"
    if db.exists():
        return url
    store = Store(url).open()
    batch = []
    for a in analyses(n):
        batch.append(Stored(a.to_json(), a.to_dict()))
        if len(batch) == 500:
            write_batch(store, batch, None)
            batch = []
    if batch:
        write_batch(store, batch, None)
    return url


def measure(url: str) -> tuple[float, float, int]:
    """(seconds, peak MiB, stories) of stories.find in a fresh child process."""
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read)
        from spinscope.corpus import stories
        from spinscope.corpus.store import Store

        started = time.perf_counter()
        found = stories.find(Store(url).open())
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        os.write(write, f"{seconds} {peak} {len(found)}".encode())
        os._exit(0)
    os.close(write)
    out = os.read(read, 200).decode().split()
    os.waitpid(pid, 0)
    return float(out[0]), float(out[1]), int(out[2])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="2500,10000")
    parser.add_argument("--keep", type=Path, default=Path(tempfile.gettempdir()) / "spinscope-stories-speed")
    args = parser.parse_args()
    os.environ.setdefault("OMP_NUM_THREADS", "1")
    args.keep.mkdir(parents=True, exist_ok=True)
    sizes = [int(s) for s in args.sizes.split(",")]
    results = {}
    for n in sizes:
        started = time.perf_counter()
        url = build(n, args.keep)
        built = time.perf_counter() - started
        results[n] = measure(url)
        seconds, peak, found = results[n]
        print(f"articles={n} stories={found} find={seconds:.1f}s peak={peak:.0f}MiB (store built in {built:.0f}s)")
    if len(sizes) >= 2:
        small, large = results[sizes[0]], results[sizes[-1]]
        print(f"ratio {sizes[-1]}/{sizes[0]}: time {large[0] / small[0]:.2f}x, peak memory {large[1] / small[1]:.2f}x")


if __name__ == "__main__":
    main()
