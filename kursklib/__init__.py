"""kursklib: tag actors, dates and terms in news coverage, and chart them."""

from .actors import (
    build_cooccurrence,
    count_mentions,
    find_unlisted_names,
    load_gazetteer,
    tag_actors,
)
from .dates import build_timeline, tag_dates
from .corpus import Corpus, read_corpus, split_sentences
from .errors import KursklibError, KursklibWarning

__all__ = [
    "Corpus", "KursklibError", "KursklibWarning", "build_cooccurrence", "build_timeline",
    "count_mentions", "tag_dates",
    "find_unlisted_names", "load_gazetteer", "read_corpus", "split_sentences", "tag_actors",
]
