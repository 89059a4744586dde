"""kursklib: tag actors, dates and terms in news coverage, and chart them."""

from .actors import (
    build_cooccurrence,
    count_mentions,
    find_unlisted_names,
    load_gazetteer,
    tag_actors,
)
from .corpus import Corpus, read_corpus, split_sentences
from .dates import build_timeline, tag_dates
from .errors import KursklibError, KursklibWarning
from .plots import (
    plot_actor_mentions,
    plot_cooccurrence_network,
    plot_dispersion,
    plot_heatmap,
    plot_term_counts,
    plot_timeline,
    save_chart,
    save_figure,
    write_table,
)
from .terms import (
    count_terms,
    count_tfidf,
    find_collocations,
    score_document_keyness,
    score_keyness,
    tag_kwic,
    tag_terms,
    tag_tokens,
)

__all__ = [
    "Corpus", "KursklibError", "KursklibWarning", "build_cooccurrence", "build_timeline",
    "count_mentions", "count_terms", "count_tfidf", "find_collocations", "find_unlisted_names",
    "load_gazetteer", "plot_actor_mentions", "plot_cooccurrence_network", "plot_dispersion",
    "plot_heatmap", "plot_term_counts", "plot_timeline", "read_corpus", "save_chart",
    "save_figure", "score_document_keyness", "score_keyness", "split_sentences", "tag_actors",
    "tag_dates", "tag_kwic", "tag_terms", "tag_tokens", "write_table",
]
