"""kursklib: tag actors, dates and terms in news coverage, and chart them.

Names are imported from their modules on first use, so that ``import kursklib`` (and the
``kursk`` command) does not load matplotlib, nltk or pandas until they are needed.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kursklib")
except PackageNotFoundError:  # run from a source tree that was never installed
    __version__ = "0+unknown"

# Each public name and the module that defines it.
_MODULES = {
    "Corpus": "corpus", "read_corpus": "corpus",
    "split_sentences": "sentences",
    "available_languages": "lang",
    "Tagged": "tagged", "tag_corpus": "tagged", "read_tagged": "tagged",
    "build_document_variables": "variables", "choose_period": "variables",
    "find_top_documents": "variables", "name_variable": "variables",
    "choose_grouping": "groups", "count_group_keyness": "groups", "score_group_contrast": "groups",
    "count_documents": "coverage", "count_actor_coverage": "coverage",
    "count_term_coverage": "coverage",
    "Actor": "actors", "Gazetteer": "actors", "load_gazetteer": "actors", "tag_actors": "actors",
    "count_mentions": "actors", "build_cooccurrence": "actors", "build_network": "actors",
    "find_unlisted_names": "actors", "build_gazetteer_draft": "actors",
    "write_gazetteer_draft": "actors",
    "tag_dates": "dates",
    "build_timeline": "timeline", "read_timeline_tokens": "timeline",
    "count_events": "events", "count_event_periods": "events",
    "tag_tokens": "tokens",
    "count_document_terms": "terms", "count_terms": "terms", "tag_terms": "terms",
    "find_collocations": "terms", "count_tfidf": "terms",
    "score_keyness": "keyness",
    "tag_kwic": "kwic",
    "plot_actor_mentions": "plots", "plot_cooccurrence_network": "plots",
    "plot_dispersion": "plots", "plot_heatmap": "plots", "plot_term_counts": "plots",
    "plot_timeline": "timeline_plots", "plot_event_periods": "timeline_plots",
    "plot_coverage": "coverage_plots", "plot_trends": "coverage_plots",
    "plot_keyness": "coverage_plots", "plot_actor_groups": "coverage_plots",
    "save_chart": "output", "save_figure": "output", "write_table": "output",
    "write_text": "output",
    "KursklibError": "errors", "KursklibWarning": "errors",
}


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
    "tag_dates", "build_timeline", "read_timeline_tokens", "count_events", "count_event_periods",
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


def __getattr__(name: str) -> object:
    """Import a public name from its module the first time it is asked for."""
    if name not in _MODULES:
        raise AttributeError(f"module 'kursklib' has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{_MODULES[name]}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_MODULES])
