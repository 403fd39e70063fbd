"""Import of JSON whose stages carry no positions (issue 16: it used to grow quadratically,
99 s for 10,000 stages, 200,000 never finishing), against ``json.loads`` of the same file
text (the yardstick), measured in the same run.

Three shapes: stages without any position or arrow (automatic layout of unconnected
stages), a chain start → … → won without positions (layout), and one placed stage with
all others position-less (placed in free spots by ``model/placement.py``).

    .venv/bin/python -m benchmarks.bench_import [--sizes 10000 200000] [--repeat 1]
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from benchmarks.common import best_of, print_table
from salesdesigner.storage.document import save_document
from salesdesigner.storage.json_format import import_json


def document(n: int, shape: str) -> dict:
    stages: list[dict] = [{"id": f"s{i}", "name": f"Stage {i}"} for i in range(n)]
    transitions: list[dict] = []
    if shape == "chain":
        transitions = [{"id": f"t{i}", "source": f"s{i}", "target": f"s{i + 1}"}
                       for i in range(n - 1)]
    if shape == "mixed":
        stages[0]["position"] = {"x": 400, "y": 300}
    return {"format": "salesdesigner.process", "version": 1,
            "process": {"id": "bench", "name": "bench"}, "stages": stages,
            "transitions": transitions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 200_000])
    parser.add_argument("--repeat", type=int, default=1)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            for shape in ("unconnected", "chain", "mixed"):
                path = Path(tmp) / f"{shape}-{n}.json"
                path.write_text(json.dumps(document(n, shape)), encoding="utf-8")
                text = path.read_text(encoding="utf-8")
                yard = best_of(lambda: json.loads(text), args.repeat)  # noqa: B023
                holder = {}
                seconds = best_of(lambda: holder.update(p=import_json(path)),  # noqa: B023
                                  args.repeat)
                out = Path(tmp) / "out.salesdesign"
                save = best_of(lambda: save_document(holder["p"], out, force=True),  # noqa: B023
                               args.repeat)
                rows.append([f"{n:,}", shape, f"{seconds:.2f}", f"{save:.2f}",
                             f"{yard * 1000:.0f}", f"{seconds / yard:.0f}x"])
                print(*rows[-1], flush=True)
    print()
    print_table(["stages", "shape", "import s", "save s", "json.loads ms", "import/json.loads"],
                rows)


if __name__ == "__main__":
    main()
