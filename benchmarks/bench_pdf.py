"""PDF manual benchmark: the eight-step template's manual, and manuals of 100 and 1,000
generated stages, with time per stage so growth can be compared to linear.

    .venv/bin/python -m benchmarks.bench_pdf [--repeat 1]

"per stage" is the time divided by the number of stages; "growth" divides the 1,000-stage
time by ten times the 100-stage time (1.0 = exactly linear, below 1 = better than linear).
"""

from __future__ import annotations

import argparse

from pypdf import PdfReader

from benchmarks.common import best_of, print_table
from salesdesigner.export.pdf import render_pdf
from benchmarks.synthetic import synthetic_process
from salesdesigner.storage.templates import load_template


def run(repeat: int) -> None:
    import io

    cases = [("eight-step (ja)", load_template("eight-step", "ja")),
             ("eight-step (en)", load_template("eight-step", "en")),
             ("100 generated stages", synthetic_process(100)),
             ("1,000 generated stages", synthetic_process(1000))]
    rows, per_stage = [], {}
    for label, process in cases:
        seconds = best_of(lambda p=process: render_pdf(p), repeat)
        pages = len(PdfReader(io.BytesIO(render_pdf(process).data)).pages)
        n = len(process.stage_ids)
        per_stage[label] = seconds / n
        rows.append([label, f"{n:,}", f"{pages:,}", f"{seconds:.2f}", f"{seconds / n * 1000:.1f}"])
    print_table(["manual", "stages", "pages", "seconds", "ms per stage"], rows)
    growth = per_stage["1,000 generated stages"] / per_stage["100 generated stages"]
    print(f"\ngrowth 100 -> 1,000 stages: time per stage x{growth:.2f} (1.0 = linear)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    run(parser.parse_args().repeat)


if __name__ == "__main__":
    main()
