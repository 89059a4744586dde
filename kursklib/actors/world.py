""":mod:`kursklib.actors.world`: the world's place names (cities, subdivisions, regions) as data."""

from __future__ import annotations

import gzip
import importlib.resources
from functools import lru_cache
from typing import NamedTuple

from ..characters import DASHES, QUOTES

PLACES = "data/world/places.tsv.gz"
_FOLD = str.maketrans({**QUOTES, **{dash: " " for dash in DASHES}})


class Place(NamedTuple):
    """What a place name names: ``kind`` (city, admin1, region) and ISO3 ``country``."""

    kind: str
    country: str


@lru_cache(maxsize=1)
def place_names() -> dict[str, Place]:
    """Place name (folded by ``place_key``) → its first reading in ``data/world/places.tsv.gz``.

    Regions come first, then first-level subdivisions, then cities, largest first; see
    ``data/world/README.md`` for the sources.

    Example:
        >>> place_names()[place_key("North-Kivu")]
        Place(kind='admin1', country='COD')
    """
    data = gzip.decompress((importlib.resources.files("kursklib") / PLACES).read_bytes())
    names: dict[str, Place] = {}
    for line in data.decode("utf-8").splitlines()[1:]:
        name, kind, country = line.split("\t")
        names.setdefault(place_key(name), Place(kind, country))
    return names


@lru_cache(maxsize=1 << 16)
def place_key(name: str) -> str:
    """A name folded for ``place_names``: lower case, straight quotes, dashes as spaces.

    Example:
        >>> place_key("Nord-Kivu’s")
        "nord kivu's"
    """
    return " ".join(name.translate(_FOLD).lower().split())
