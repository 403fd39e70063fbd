"""Process order: the order in which a reader meets the stages (manual, playbook, layout).

Start to outcome, following each stage's branches in their order, so a branch comes
right after its parent; loops (nurture, re-proposal) are cut at their back edge so
they do not disturb the order.  Stages no start reaches come last, in document order.
"""

from __future__ import annotations

from salesdesigner.lazy_import import lazy_module
from salesdesigner.model.process import Process

# the walks the canvas needs (roots, back edges) are plain loops; networkx loads with the
# first whole-process order (the manual, the playbook, a layout)
nx = lazy_module("networkx")


def roots(process: Process) -> list[str]:
    """Where reading starts: the start stages, else stages nothing leads to, else the first."""
    starts = process.start_stages()
    if starts:
        return starts
    sources = [n for n in process.stage_ids if not process.predecessors(n)]
    return sources or process.stage_ids[:1]


def _dfs_sources(process: Process) -> list[str]:
    first = roots(process)
    seen = set(first)
    return first + [n for n in process.stage_ids if n not in seen]


def back_edges(process: Process) -> set[tuple[str, str]]:
    """Edges that close a loop when walking the process from its start (drawn backwards).

    One depth-first walk over the whole graph, roots first: a later root only walks the
    stages no earlier walk reached, so an edge into an earlier walk is never a back edge.
    """
    succ = process.successors
    result: set[tuple[str, str]] = set()
    visited: set[str] = set()
    for source in _dfs_sources(process):
        if source in visited:
            continue
        # An iterative walk over the adjacency itself (a subgraph view per root made
        # a process of many unconnected stages quadratic: 10,000 of them took minutes).
        visited.add(source)
        on_stack: set[str] = {source}
        stack = [(source, iter(succ(source)))]
        while stack:
            u, children = stack[-1]
            for v in children:
                if v in on_stack:
                    result.add((u, v))
                elif v not in visited:
                    visited.add(v)
                    on_stack.add(v)
                    stack.append((v, iter(succ(v))))
                    break
            else:
                stack.pop()
                on_stack.discard(u)
    return result


def acyclic_view(process: Process) -> nx.DiGraph:
    """The process graph with its back edges removed: a DAG in process direction."""
    dag = nx.DiGraph()
    dag.add_nodes_from(process.graph.nodes)
    cut = back_edges(process)
    dag.add_edges_from(e for e in process.graph.edges if e not in cut)
    return dag


def process_order(process: Process) -> list[str]:
    """Stage ids in process order (see module docstring)."""
    graph = process.graph
    rank: dict[str, int] = {}
    for source in _dfs_sources(process):
        if source in rank:  # everything it reaches was ranked by an earlier walk
            continue
        for node in nx.dfs_preorder_nodes(graph, source):
            rank.setdefault(node, len(rank))
    dag = acyclic_view(process)
    return list(nx.lexicographical_topological_sort(dag, key=rank.__getitem__))


def layers(process: Process) -> dict[str, int]:
    """Column of each stage in a left-to-right drawing: the longest path from a root."""
    result: dict[str, int] = {}
    for depth, generation in enumerate(nx.topological_generations(acyclic_view(process))):
        for node in generation:
            result[node] = depth
    return result
