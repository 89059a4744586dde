"""kursklib: tag actors, dates and terms in news coverage, and chart them."""

import importlib.metadata

from .actors import (
    Actor,
    Gazetteer,
    build_cooccurrence,
    build_gazetteer_draft,
    build_network,
    count_mentions,
    find_unlisted_names,
    load_gazetteer,
    tag_actors,
    write_gazetteer_draft,
)
from .corpus import Corpus, read_corpus
from .coverage import count_actor_coverage, count_documents, count_term_coverage
from .coverage_plots import plot_actor_groups, plot_coverage, plot_keyness, plot_trends
from .dates import tag_dates
from .errors import KursklibError, KursklibWarning
from .events import count_event_periods, count_events
from .groups import choose_grouping, count_group_keyness, score_group_contrast
from .keyness import score_keyness
from .kwic import tag_kwic
from .lang import available_languages
from .output import save_chart, save_figure, write_table, write_text
from .plots import (
    plot_actor_mentions,
    plot_cooccurrence_network,
    plot_dispersion,
    plot_heatmap,
    plot_term_counts,
)
from .sentences import split_sentences
from .tagged import Tagged, read_tagged, tag_corpus
from .terms import count_document_terms, count_terms, count_tfidf, find_collocations, tag_terms
from .timeline import build_timeline
from .timeline_plots import plot_event_periods, plot_timeline
from .tokens import tag_tokens
from .variables import build_document_variables, choose_period, find_top_documents, name_variable

__all__ = [
    # reading, and the tagging stage
    "Corpus", "read_corpus", "split_sentences", "available_languages", "Tagged", "tag_corpus",
    "read_tagged",
    # document variables, groups and coverage over time
    "build_document_variables", "choose_period", "find_top_documents", "name_variable",
    "choose_grouping",
    "count_documents", "count_actor_coverage", "count_term_coverage", "count_group_keyness",
    "score_group_contrast",
    # actors
    "Actor", "Gazetteer", "load_gazetteer", "tag_actors", "count_mentions",
    "build_cooccurrence", "build_network", "find_unlisted_names", "build_gazetteer_draft",
    "write_gazetteer_draft",
    # dates and the timeline
    "tag_dates", "build_timeline", "count_events", "count_event_periods",
    # terms
    "tag_tokens", "count_document_terms", "count_terms", "tag_terms", "find_collocations",
    "count_tfidf", "score_keyness", "tag_kwic",
    # charts and files
    "plot_actor_mentions", "plot_cooccurrence_network", "plot_dispersion", "plot_heatmap",
    "plot_term_counts", "plot_timeline", "plot_event_periods", "plot_coverage", "plot_trends",
    "plot_keyness", "plot_actor_groups", "save_chart", "save_figure", "write_table", "write_text",
    # errors
    "KursklibError", "KursklibWarning",
]

try:
    __version__ = importlib.metadata.version("kursklib")
except importlib.metadata.PackageNotFoundError:  # a source tree on sys.path, not installed
    __version__ = "0+unknown"
