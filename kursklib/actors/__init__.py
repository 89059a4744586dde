""":mod:`kursklib.actors`: tag actor mentions against a gazetteer and count them."""

from .counts import (
           build_cooccurrence,
           build_network,
           count_mentions,
           find_unlisted_names,
)
from .gazetteer import Actor, Gazetteer, load_gazetteer
from .suggest import build_gazetteer_draft, write_gazetteer_draft
from .tagger import MENTION_COLUMNS, tag_actors

__all__ = ["MENTION_COLUMNS", "Actor", "Gazetteer", "build_cooccurrence", "build_gazetteer_draft",
           "build_network", "count_mentions", "find_unlisted_names", "load_gazetteer", "tag_actors",
           "write_gazetteer_draft"]
