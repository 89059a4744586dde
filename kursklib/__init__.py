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
from .terms import (
    count_terms,
    count_tfidf,
    find_collocations,
    score_keyness,
    tag_kwic,
    tag_tokens,
)
from .errors import KursklibError, KursklibWarning

__all__ = [
    "Corpus", "KursklibError", "KursklibWarning", "build_cooccurrence", "build_timeline",
    "count_mentions", "tag_dates",
    "count_terms", "count_tfidf", "find_collocations", "find_unlisted_names", "load_gazetteer",
    "read_corpus", "score_keyness", "split_sentences", "tag_actors", "tag_kwic", "tag_tokens",
]
