"""PDF manual benchmark: the templates' manuals (A4, and Letter for the Japanese ones), and
manuals of 40, 100 and 1,000 generated stages, with time per stage so growth can be
compared to linear; "flow pages" counts the landscape pages of the printed flow.

    .venv/bin/python -m benchmarks.bench_pdf [--repeat 1]

"per stage" is the time divided by the number of stages; "growth" divides the 1,000-stage
time by ten times the 100-stage time (1.0 = exactly linear, below 1 = better than linear).
"""

from __future__ import annotations

import argparse

from pypdf import PdfReader

from benchmarks.common import best_of, print_table
from benchmarks.synthetic import synthetic_process
from salesdesigner.export.pdf import render_pdf
from salesdesigner.storage.templates import load_template


def run(repeat: int) -> None:
    import io

    cases = [("eight-step (ja)", load_template("eight-step", "ja"), "a4"),
             ("eight-step (en)", load_template("eight-step", "en"), "a4"),
             ("eight-step (ja), Letter", load_template("eight-step", "ja"), "letter"),
             ("the-model (ja)", load_template("the-model", "ja"), "a4"),
             ("the-model (en)", load_template("the-model", "en"), "a4"),
             ("the-model (ja), Letter", load_template("the-model", "ja"), "letter"),
             ("40 generated stages", synthetic_process(40), "a4"),
             ("100 generated stages", synthetic_process(100), "a4"),
             ("1,000 generated stages", synthetic_process(1000), "a4")]
    rows, per_stage = [], {}
    for label, process, paper in cases:
        seconds = best_of(lambda p=process, size=paper: render_pdf(p, paper=size), repeat)
        reader = PdfReader(io.BytesIO(render_pdf(process, paper=paper).data))
        flow = sum(page.mediabox.width > page.mediabox.height for page in reader.pages)
        n = len(process.stage_ids)
        per_stage[label] = seconds / n
        rows.append([label, f"{n:,}", f"{len(reader.pages):,}", f"{flow:,}", f"{seconds:.2f}",
                     f"{seconds / n * 1000:.1f}"])
    print_table(["manual", "stages", "pages", "flow pages", "seconds", "ms per stage"], rows)
    growth = per_stage["1,000 generated stages"] / per_stage["100 generated stages"]
    print(f"\ngrowth 100 -> 1,000 stages: time per stage x{growth:.2f} (1.0 = linear)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=1)
    run(parser.parse_args().repeat)


if __name__ == "__main__":
    main()
