""":mod:`kursklib.actors`: tag actor mentions against a gazetteer and count them.

Names are imported from their modules on first use (reading a corpus needs the acronym
finder, not the tagger and its charts).
"""

from __future__ import annotations

import importlib

_MODULES = {
    "build_cooccurrence": "counts", "build_network": "counts", "count_mentions": "counts",
    "find_unlisted_names": "counts", "Actor": "gazetteer", "Gazetteer": "gazetteer",
    "load_gazetteer": "gazetteer", "build_gazetteer_draft": "suggest",
    "write_gazetteer_draft": "suggest", "MENTION_COLUMNS": "tagger", "tag_actors": "tagger",
}
__all__ = ["MENTION_COLUMNS", "Actor", "Gazetteer", "build_cooccurrence", "build_gazetteer_draft",
           "build_network", "count_mentions", "find_unlisted_names", "load_gazetteer", "tag_actors",
           "write_gazetteer_draft"]


def __getattr__(name: str) -> object:
    """Import a public name from its module the first time it is asked for."""
    if name not in _MODULES:
        raise AttributeError(f"module 'kursklib.actors' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_MODULES[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULES])
