"""Routing's Dijkstra finds the path networkx's ``dijkstra_path`` finds, ties included, so
replacing one with the other (to paint the first window without importing networkx)
changes no arrow."""

from __future__ import annotations

import networkx as nx
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesigner.model.shortest_path import dijkstra_path, undirected

# small graphs with many equal weights, so ties decide most paths
edges = st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11),
                           st.sampled_from([0.0, 1.0, 1.0, 2.0, 3.0, 80.0])),
                 max_size=40)


@settings(max_examples=150, deadline=None)
@given(edges, st.integers(0, 11), st.integers(0, 11))
def test_the_same_path_as_networkx(edge_list, source, target):
    edge_list = [(u, v, w) for u, v, w in edge_list if u != v]
    graph = nx.Graph()
    graph.add_weighted_edges_from(edge_list)
    ours = dijkstra_path(undirected(edge_list), source, target)
    if source not in graph or target not in graph:
        assert ours is None
        return
    try:
        expected = nx.dijkstra_path(graph, source, target, weight="weight")
    except nx.NetworkXNoPath:
        expected = None
    assert ours == expected


def test_a_grid_with_a_bend_penalty_goes_straight_when_it_can():
    #  a grid of 3 x 2 crossings, each with a horizontal (0) and a vertical (1) node
    grid = []
    for j in range(2):
        for i in range(3):
            grid.append(((i, j, 0), (i, j, 1), 80.0))
            if i < 2:
                grid.append(((i, j, 0), (i + 1, j, 0), 10.0))
            if j < 1:
                grid.append(((i, j, 1), (i, j + 1, 1), 10.0))
    path = dijkstra_path(undirected(grid), (0, 0, 0), (2, 0, 0))
    assert path == [(0, 0, 0), (1, 0, 0), (2, 0, 0)]
    assert dijkstra_path(undirected(grid), (0, 0, 0), (9, 9, 9)) is None
