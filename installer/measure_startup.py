"""Start-up time of the frozen bundle next to the editable install, in the same run.

    python installer/measure_startup.py [--runs 5] [--cold]

Each run starts a fresh process of each and times it to exit: ``--version`` (the
interpreter and our CLI), ``check`` on the sample (storage), and ``screenshot`` (Qt, the
whole designer window built, painted offscreen and saved).  ``--cold`` empties the page
cache before every start (Linux, as root): the first start after a reboot; without it the
files are cached, as for a second start.  Prints medians in seconds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def drop_caches() -> None:
    subprocess.run(["sync"], check=True)
    Path("/proc/sys/vm/drop_caches").write_text("3\n")


def timed(command: list[str], cwd: str, cold: bool) -> float:
    if cold:
        drop_caches()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": cwd}
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true")
    args = parser.parse_args()
    programs = {"bundle": str(ROOT / "dist" / "SalesDesigner" / "salesdesigner"),
                "editable": str(ROOT / ".venv" / "bin" / "salesdesigner")}
    with tempfile.TemporaryDirectory() as scratch:
        subprocess.run([programs["editable"], "new", "s.salesdesign", "--lang", "ja"],
                       cwd=scratch, check=True, stdout=subprocess.DEVNULL)
        tasks = {"--version": ["--version"], "check": ["check", "s.salesdesign"],
                 "screenshot": ["screenshot", "s.salesdesign", "-o", "x.png", "--force"]}
        times: dict[tuple[str, str], list[float]] = {}
        for _ in range(args.runs):
            for task, task_args in tasks.items():
                for name, program in programs.items():  # alternated: same load for both
                    times.setdefault((task, name), []).append(
                        timed([program, *task_args], scratch, args.cold))
    kind = "cold (page cache dropped)" if args.cold else "warm"
    print(f"start-up to exit, median of {args.runs}, {kind}:")
    print(f"{'':12} {'bundle':>8} {'editable':>9}")
    for task in tasks:
        b, e = (statistics.median(times[(task, n)]) for n in programs)
        print(f"{task:12} {b:7.2f}s {e:8.2f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
