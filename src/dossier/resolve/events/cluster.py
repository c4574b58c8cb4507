"""Average-link agglomerative clustering of the mentions of one block."""

from __future__ import annotations

import numpy as np

CANNOT = -1e9  # a pair that must stay apart: any cluster holding it averages far below 0


def average_link(scores: np.ndarray, threshold: float) -> list[int]:
    """Cluster labels (the smallest member index of each cluster) for a symmetric matrix
    of pair scores: repeatedly merge the two clusters with the highest mean pair score
    while that mean is at least ``threshold``. Ties go to the lowest indices, so the
    result depends only on the matrix (the caller orders the mentions)."""
    n = scores.shape[0]
    if n == 0:
        return []
    total = scores.astype(np.float64).copy()
    sizes = np.ones(n)
    avg = total.copy()
    np.fill_diagonal(avg, -np.inf)
    active = np.ones(n, dtype=bool)
    label = list(range(n))
    members = [[i] for i in range(n)]
    while True:
        flat = int(np.argmax(avg))
        i, j = divmod(flat, n)
        if not np.isfinite(avg[i, j]) or avg[i, j] < threshold:
            break
        i, j = min(i, j), max(i, j)
        total[i, :] += total[j, :]
        total[:, i] += total[:, j]
        sizes[i] += sizes[j]
        active[j] = False
        members[i].extend(members[j])
        members[j] = []
        row = total[i, :] / (sizes[i] * sizes)
        row[~active] = -np.inf
        row[i] = -np.inf
        avg[i, :] = row
        avg[:, i] = row
        avg[j, :] = -np.inf
        avg[:, j] = -np.inf
    for i in range(n):
        for m in members[i]:
            label[m] = i
    return label
