"""Turn scored article pairs into groups: single link (connected components) or average link.

Single link joins two groups when any one pair is similar enough; a chain of
loosely related articles can then merge unrelated events.  Average link
joins two groups only when their pairs are similar enough *on average*
(pairs that were never scored, e.g. too far apart in time, count as 0).
Average link runs inside each connected component, so its cost grows with
the size of the components, not with the size of the store; a component of
more than ``MAX_AVERAGE`` articles is first split by a stricter single-link
cut.
"""

from __future__ import annotations

from collections import defaultdict

LINKAGES = ("single", "average")
MAX_AVERAGE = 2000  # members per dense average-link matrix (2000^2 doubles: 32 MB)


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
        for part in _bounded(members, edges, threshold):
            out.extend(g for g in _average(part, edges, threshold) if len(g) > 1)
    return out


def _bounded(members: list[int], edges: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Split a component too large for a dense distance matrix by raising the single-link cut inside it."""
    if len(members) <= MAX_AVERAGE:
        return [members]
    inside = set(members)
    strict = {p: s for p, s in edges.items() if p[0] in inside and p[1] in inside and s >= threshold + 0.05}
    local = {m: k for k, m in enumerate(members)}
    parts = components(len(members), {(local[i], local[j]): s for (i, j), s in strict.items()})
    return [part for group in parts for part in _bounded([members[k] for k in group], edges, threshold + 0.05)]


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
            dist[a, b] = dist[b, a] = min(1.0, max(0.0, 1.0 - score))
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
