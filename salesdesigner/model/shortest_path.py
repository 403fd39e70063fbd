"""Dijkstra's shortest path over a small weighted graph held as plain dictionaries.

Routing asks one graph question while the canvas first draws a document — the cheapest
way round the stages near an arrow (:mod:`salesdesigner.model.route_paths`) — and
importing networkx for it would cost the first paint 150 ms (networkx imports every
algorithm it has).  This is networkx's ``dijkstra_path`` for an undirected graph, step
for step: the same order of neighbours (insertion order) and the same tie-breaking (a
counter in the heap), so it finds the very path networkx finds; ``tests/model/
test_shortest_path.py`` compares the two on generated graphs.
"""

from __future__ import annotations

import heapq
import itertools
from collections.abc import Hashable, Iterable

Adjacency = dict[Hashable, dict[Hashable, float]]


def undirected(edges: Iterable[tuple[Hashable, Hashable, float]]) -> Adjacency:
    """The adjacency of an undirected graph with these weighted edges, in insertion order
    (an edge given twice keeps its first place and takes the later weight)."""
    adjacency: Adjacency = {}
    for u, v, weight in edges:
        add_edge(adjacency, u, v, weight)
    return adjacency


def add_edge(adjacency: Adjacency, u: Hashable, v: Hashable, weight: float) -> None:
    adjacency.setdefault(u, {})
    adjacency.setdefault(v, {})
    adjacency[u][v] = weight
    adjacency[v][u] = weight


def dijkstra_path(adjacency: Adjacency, source: Hashable,
                  target: Hashable) -> list[Hashable] | None:
    """The nodes of a cheapest path from ``source`` to ``target`` (weights ≥ 0), or None
    when there is none."""
    if source not in adjacency or target not in adjacency:
        return None
    counter = itertools.count()
    done: dict[Hashable, float] = {}
    seen: dict[Hashable, float] = {source: 0.0}
    paths: dict[Hashable, list[Hashable]] = {source: [source]}
    fringe: list[tuple[float, int, Hashable]] = [(0.0, next(counter), source)]
    while fringe:
        distance, _, node = heapq.heappop(fringe)
        if node in done:
            continue
        done[node] = distance
        if node == target:
            return paths[node]
        for neighbour, weight in adjacency[node].items():
            through = distance + weight
            if neighbour in done:
                continue
            if neighbour not in seen or through < seen[neighbour]:
                seen[neighbour] = through
                heapq.heappush(fringe, (through, next(counter), neighbour))
                paths[neighbour] = [*paths[node], neighbour]
    return None


__all__ = ["Adjacency", "add_edge", "dijkstra_path", "undirected"]
