"""Positions for large views, computed in Python so the browser need not run physics.

networkx's spring layout is quadratic (over a minute at 5,000 nodes here); a
spectral layout of each connected component, the components packed on a grid,
takes a second or two and keeps connected nodes together."""

from __future__ import annotations

import math
from collections.abc import Iterable


def component_layout(
    nodes: Iterable[str], edges: Iterable[tuple[str, str]], spacing: float = 40.0
) -> dict[str, tuple[float, float]]:
    """x, y for every node: each component laid out spectrally in a square cell
    whose side grows with the square root of its size; cells in rows, largest first."""
    import networkx as nx

    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    graph.add_edges_from(edges)
    components = sorted(nx.connected_components(graph), key=lambda c: (-len(c), min(c)))
    positions: dict[str, tuple[float, float]] = {}
    row_width = spacing * math.sqrt(graph.number_of_nodes()) * 2
    x = y = row_height = 0.0
    for component in components:
        side = spacing * math.sqrt(len(component)) * 1.6
        if x > 0 and x + side > row_width:
            x, y, row_height = 0.0, y + row_height + spacing, 0.0
        for node, (px, py) in _cell(graph.subgraph(component)).items():
            positions[node] = (round(x + (px + 1) / 2 * side, 1), round(y + (py + 1) / 2 * side, 1))
        x += side + spacing
        row_height = max(row_height, side)
    return positions


def _cell(component) -> dict[str, tuple[float, float]]:
    """Positions in [-1, 1]² for one component."""
    import networkx as nx

    n = component.number_of_nodes()
    if n == 1:
        return {next(iter(component.nodes)): (0.0, 0.0)}
    if n <= 3:
        return {
            node: (math.cos(2 * math.pi * i / n), math.sin(2 * math.pi * i / n))
            for i, node in enumerate(sorted(component))
        }
    layout = nx.spectral_layout(component) if n > 60 else nx.spring_layout(component, seed=1, iterations=50)
    xs = [p[0] for p in layout.values()]
    ys = [p[1] for p in layout.values()]
    span_x, span_y = (max(xs) - min(xs)) or 1.0, (max(ys) - min(ys)) or 1.0
    return {node: (2 * (p[0] - min(xs)) / span_x - 1, 2 * (p[1] - min(ys)) / span_y - 1) for node, p in layout.items()}
