""":mod:`kursklib.linking`: group items that share any key, over arrays (connected components)."""

from __future__ import annotations

import numpy as np
import pandas as pd


def key_codes(*columns: np.ndarray | pd.Series | list) -> np.ndarray:
    """Number each distinct combination of the columns' values, in order of first appearance.

    Example:
        >>> key_codes([3, 1, 3], ["a", "b", "a"]).tolist()
        [0, 1, 0]
    """
    if not len(columns) or not len(columns[0]):
        return np.zeros(0, dtype=np.int64)
    frame = pd.DataFrame({str(index): column for index, column in enumerate(columns)})
    return frame.groupby(list(frame.columns), sort=False, dropna=False).ngroup().to_numpy(
        np.int64)


def link_items(n_items: int, items: np.ndarray, keys: np.ndarray) -> np.ndarray:
    """Label each item with the smallest item it reaches through shared keys.

    ``items[i]`` holds key ``keys[i]``; items that hold one key, directly or through
    others, get one label. Each round is a pass over the arrays, and the rounds stop when
    no label falls: the cost grows with the pairs times the longest chain of keys.

    Example:
        >>> link_items(4, np.array([0, 1, 1, 2]), np.array([7, 7, 8, 8])).tolist()
        [0, 0, 0, 3]
    """
    label = np.arange(n_items, dtype=np.int64)
    if not len(items):
        return label
    items = np.asarray(items, dtype=np.int64)
    keys = pd.factorize(np.asarray(keys))[0]
    while True:
        smallest = np.full(keys.max() + 1, n_items, dtype=np.int64)
        np.minimum.at(smallest, keys, label[items])
        spread = label.copy()
        np.minimum.at(spread, items, smallest[keys])
        if np.array_equal(spread, label):
            return label
        label = spread
