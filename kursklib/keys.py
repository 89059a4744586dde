""":mod:`kursklib.keys`: the key a tagged corpus is cached under, a hash of all it depends on."""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.metadata
import json
from functools import lru_cache
from pathlib import Path

from .actors import Gazetteer, load_gazetteer
from .corpus import CorpusSource

# The tagged folder's layout, in its manifest and its key.
FORMAT_VERSION = 1


def content_key(source: CorpusSource, gazetteer: Gazetteer | None, options: dict) -> str:
    """A hash of the format, the package, the options, the corpus and the gazetteer (the
    packaged one for ``None``): what a tagged corpus's cache folder is named."""
    described = {"format": FORMAT_VERSION, "package": package_files(), "options": options,
                 "corpus": source.fingerprint(),
                 "gazetteer": _gazetteer_fingerprint(gazetteer or _packaged_gazetteer())}
    return hashlib.blake2b(json.dumps(described, sort_keys=True).encode(),
                           digest_size=12).hexdigest()


@lru_cache(maxsize=1)
def _packaged_gazetteer() -> Gazetteer:
    return load_gazetteer()


def _gazetteer_fingerprint(gazetteer: Gazetteer) -> str:
    data = [[dataclasses.asdict(actor) for actor in gazetteer.actors.values()],
            list(gazetteer.ignore)]
    return hashlib.blake2b(json.dumps(data, sort_keys=True).encode(), digest_size=16).hexdigest()


@lru_cache(maxsize=1)
def package_files() -> dict[str, str]:
    """The package version and a hash of its files: code edits invalidate the cache too."""
    root = Path(__file__).resolve().parent
    digest = hashlib.blake2b(digest_size=16)
    for file in sorted(root.rglob("*")):
        if file.suffix in (".py", ".yaml"):
            digest.update(str(file.relative_to(root)).encode() + b"\0" + file.read_bytes())
    return {"version": importlib.metadata.version("kursklib"), "files": digest.hexdigest()}
