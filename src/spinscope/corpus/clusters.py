"""Turn scored article pairs into groups: single link (connected components) or average link.

Single link joins two groups when any one pair is similar enough; a chain of
loosely related articles can then merge unrelated events.  Average link
joins two groups only when their pairs are similar enough *on average*
(pairs that were never scored, e.g. too far apart in time, count as 0).
Average link runs inside each connected component, so its cost grows with
the size of the components, not with the size of the store.
"""

from __future__ import annotations

from collections import defaultdict

LINKAGES = ("single", "average")


def components(n: int, edges: dict[tuple[int, int], float]) -> list[list[int]]:
    """Connected components of ``n`` nodes under ``edges`` (only those of two or more nodes)."""
    parent = list(range(n))
    for i, j in edges:
        parent[_root(parent, i)] = _root(parent, j)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[_root(parent, i)].append(i)
    return [members for members in groups.values() if len(members) > 1]


def clusters(n: int, edges: dict[tuple[int, int], float], threshold: float, linkage: str = "single") -> list[list[int]]:
    """Groups of two or more items; ``edges`` maps pairs ``(i, j)``, i < j, to their score."""
    found = components(n, {p: s for p, s in edges.items() if s >= threshold})
    if linkage == "single":
        return found
    if linkage != "average":
        raise ValueError(f"unknown linkage {linkage!r}: choose from {', '.join(LINKAGES)}")
    out = []
    for members in found:
        out.extend(g for g in _average(members, edges, threshold) if len(g) > 1)
    return out


def _average(members: list[int], edges: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    import numpy as np
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    k = len(members)
    if k == 2:
        return [members]
    dist = np.ones((k, k))
    np.fill_diagonal(dist, 0.0)
    for a in range(k):
        for b in range(a + 1, k):
            score = edges.get((members[a], members[b]), 0.0)
            dist[a, b] = dist[b, a] = 1.0 - score
    labels = fcluster(linkage(squareform(dist, checks=False), method="average"), t=1.0 - threshold + 1e-9, criterion="distance")
    groups: dict[int, list[int]] = defaultdict(list)
    for member, label in zip(members, labels):
        groups[label].append(member)
    return list(groups.values())


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]
        i = parent[i]
    return i
