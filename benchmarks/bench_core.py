"""Core benchmark: save/open of the SQLite document and JSON export/import, for generated
processes of 100, 1,000 and 5,000 stages, against networkx's own ``node_link_data`` JSON
round trip of the same graph (the yardstick), measured in the same run.

    .venv/bin/python -m benchmarks.bench_core [--sizes 100 1000 5000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import enum
import json
import tempfile
from pathlib import Path

import networkx as nx

from benchmarks.common import best_of, print_table
from benchmarks.synthetic import synthetic_process
from salesdesigner.storage.document import open_document, save_document
from salesdesigner.storage.json_format import process_from_json, process_to_json


def _plain(value):
    if isinstance(value, enum.Enum):
        return value.value
    if dataclasses.is_dataclass(value):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return value


def plain_graph(process) -> nx.DiGraph:
    """The same graph with the same content as plain attributes, as networkx would store it."""
    graph = nx.DiGraph()
    for stage in process.stages:
        graph.add_node(stage.id, **_plain(stage))
    for t in process.transitions:
        graph.add_edge(t.source, t.target, **_plain(t))
    return graph


def run(sizes: list[int], repeat: int) -> None:
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            process = synthetic_process(n)
            path = Path(tmp) / f"bench-{n}.salesdesign"
            text = process_to_json(process)
            graph = plain_graph(process)
            nl_text = json.dumps(nx.node_link_data(graph, edges="links"), ensure_ascii=False)

            save = best_of(lambda process=process, path=path: save_document(process, path),
                           repeat)
            open_ = best_of(lambda path=path: open_document(path), repeat)
            export = best_of(lambda process=process: process_to_json(process), repeat)
            import_ = best_of(lambda text=text: process_from_json(text), repeat)
            nl_dump = best_of(lambda graph=graph: json.dumps(nx.node_link_data(graph,
                                                                               edges="links"),
                                                             ensure_ascii=False), repeat)
            nl_load = best_of(lambda nl_text=nl_text: nx.node_link_graph(json.loads(nl_text),
                                                                         edges="links"),
                              repeat)
            assert open_document(path) == process and process_from_json(text) == process
            ms = lambda s: f"{s * 1000:.1f}"  # noqa: E731
            rows.append([f"{n:,}", ms(save), ms(open_), ms(export), ms(import_),
                         ms(nl_dump), ms(nl_load),
                         f"{save / nl_dump:.1f}x", f"{open_ / nl_load:.1f}x",
                         f"{export / nl_dump:.1f}x", f"{import_ / nl_load:.1f}x",
                         f"{path.stat().st_size / 1e6:.1f}"])
    print_table(["stages", "save ms", "open ms", "json out ms", "json in ms",
                 "nx dump ms", "nx load ms", "save/nx", "open/nx", "json out/nx", "json in/nx",
                 "file MB"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    run(args.sizes, args.repeat)


if __name__ == "__main__":
    main()
