"""Team repository benchmark: push and pull of a 1,000-stage process with 100,000 actuals
rows on a throwaway PostgreSQL cluster on loopback, and 20 readers (20 processes) pulling
the published revision at once (p50/p95 of their pulls, against one reader alone).  The
yardstick in the same run: saving and opening the same process as a local
``.salesdesign`` file.

    .venv/bin/python -m benchmarks.bench_repository [--stages 1000] [--events 100000]
                                                    [--readers 20] [--repeat 3]

Needs the PostgreSQL server binaries (apt-get install postgresql).
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from benchmarks.common import best_of, print_table
from benchmarks.synthetic import synthetic_process
from salesdesigner.model.actuals import DealEvent
from salesdesigner.model.actuals.record import actuals_of
from salesdesigner.storage.document import open_document, save_document
from salesdesigner.storage.repository.admin import init_repository
from salesdesigner.storage.repository.store import Repository
from tests.repository.cluster import remove_cluster, start_cluster


def _events(stage_ids: list[str], n: int, seed: int = 3) -> list[DealEvent]:
    rnd = random.Random(seed)
    start = datetime(2026, 1, 1)
    return [DealEvent(f"DEAL-{i // 6:06d}", rnd.choice(stage_ids),
                      start + timedelta(minutes=rnd.randrange(365 * 24 * 60)),
                      float(rnd.randrange(10, 500) * 10_000), f"rep{i % 40}", f"Deal {i // 6}")
            for i in range(n)]


def _ready(_n: int) -> None:
    import salesdesigner.storage.repository.store  # noqa: F401 - warm the imports


def _reader(job: tuple[str, str]) -> list[float]:
    url, process_id = job
    repo = Repository(url)
    result = []
    for _ in range(3):
        start = time.perf_counter()
        repo.pull(process_id, published=True)
        result.append(time.perf_counter() - start)
    return result


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--stages", type=int, default=1000)
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--readers", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    process = synthetic_process(args.stages)
    process.set_actuals(actuals_of(_events(process.stage_ids, args.events), [], {}))
    cluster = start_cluster()
    rows: list[list[str]] = []
    try:
        cluster.sql("CREATE DATABASE bench")
        url = cluster.url(database="bench")
        init_repository(url)
        repo = Repository(url)
        version = [repo.save(process, base=None)]

        def push() -> None:
            version[0] = repo.save(process, base=version[0])

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "bench.salesdesign"
            t_save = best_of(lambda: save_document(process, path), args.repeat)
            t_open = best_of(lambda: open_document(path), args.repeat)
        t_push = best_of(push, args.repeat)
        t_pull = best_of(lambda: repo.pull(process.id), args.repeat)
        assert repo.pull(process.id).process == process
        repo.publish(process.id, title="bench")
        t_alone = best_of(lambda: Repository(url).pull(process.id, published=True),
                          args.repeat)
        # each reader its own process (readers are separate machines: threads in one
        # interpreter would only queue behind one another's Python work)
        ctx = multiprocessing.get_context("spawn")
        with ctx.Pool(args.readers) as pool:
            pool.map(_ready, range(args.readers))  # start-up and imports outside the timing
            times = [t for batch in pool.map(_reader, [(url, process.id)] * args.readers)
                     for t in batch]
        times.sort()
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        label = f"{args.stages:,} stages, {args.events:,} events"
        rows += [
            ["save .salesdesign (yardstick)", label, f"{t_save:.2f} s", "1.00×"],
            ["push to repository (a save)", label, f"{t_push:.2f} s",
             f"{t_push / t_save:.2f}×"],
            ["open .salesdesign (yardstick)", label, f"{t_open:.2f} s", "1.00×"],
            ["pull draft from repository", label, f"{t_pull:.2f} s", f"{t_pull / t_open:.2f}×"],
            ["1 reader pulling the revision (yardstick)", label, f"{t_alone:.2f} s",
             "1.00×"],
            [f"{args.readers} readers at once, p50", f"{len(times)} pulls",
             f"{statistics.median(times):.2f} s", f"{statistics.median(times) / t_alone:.2f}×"],
            [f"{args.readers} readers at once, p95", f"{len(times)} pulls", f"{p95:.2f} s",
             f"{p95 / t_alone:.2f}×"],
        ]
    finally:
        remove_cluster(cluster)
    print_table(["operation", "size", "best time", "vs yardstick"], rows)


if __name__ == "__main__":
    main()
