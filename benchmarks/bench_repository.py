"""Team repository benchmark: push and pull of a 1,000-stage process with 100,000 actuals
rows on a throwaway PostgreSQL cluster on loopback, and 20 readers pulling the published
revision at once (p50/p95 of their pulls).  The yardstick in the same run: saving and
opening the same process as a local ``.salesdesign`` file.

    .venv/bin/python -m benchmarks.bench_repository [--stages 1000] [--events 100000]
                                                    [--readers 20] [--repeat 3]

Needs the PostgreSQL server binaries (apt-get install postgresql).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import threading
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
        times: list[float] = []
        lock = threading.Lock()
        go = threading.Barrier(args.readers)

        def reader() -> None:
            mine = Repository(url)
            go.wait()
            for _ in range(3):
                start = time.perf_counter()
                mine.pull(process.id, published=True)
                with lock:
                    times.append(time.perf_counter() - start)

        threads = [threading.Thread(target=reader) for _ in range(args.readers)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        times.sort()
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        label = f"{args.stages:,} stages, {args.events:,} events"
        rows += [
            ["save .salesdesign (yardstick)", label, f"{t_save:.2f} s", "1.00×"],
            ["push to repository (a save)", label, f"{t_push:.2f} s",
             f"{t_push / t_save:.2f}×"],
            ["open .salesdesign (yardstick)", label, f"{t_open:.2f} s", "1.00×"],
            ["pull draft from repository", label, f"{t_pull:.2f} s", f"{t_pull / t_open:.2f}×"],
            [f"{args.readers} readers pulling the revision", f"{len(times)} pulls",
             f"p50 {statistics.median(times):.3f} s, p95 {p95:.3f} s", ""],
        ]
    finally:
        remove_cluster(cluster)
    print_table(["operation", "size", "best time", "vs yardstick"], rows)


if __name__ == "__main__":
    main()
