"""Every exported function refuses a bad argument with a KursklibError naming it.

The sweep calls each export with valid arguments, then with one argument at a time
replaced by a hostile value (wrong types, unknown choices, other tables, empty tables,
out-of-range numbers, a lone surrogate): the call returns, or raises a KursklibError
whose message names that argument (or, for a file, the file); never another exception.
"""

from __future__ import annotations

import inspect
import re
import warnings
from collections.abc import Callable
from pathlib import Path

import matplotlib.pyplot as plt
import pandas as pd
import pytest

import kursklib
from kursklib import KursklibError, KursklibWarning

# Owned by the corpus stage, whose own tests check their arguments.
NOT_SWEPT = {"read_corpus", "tag_corpus", "read_tagged"}
ARTICLES = pd.DataFrame({
    "doc_id": ["a", "b", "c"],
    "published": ["2025-04-28", "2025-04-29", "2025-05-02"],
    "source": ["KCNA", "TASS", "KCNA"],
    "title": ["Troops Fought in Kursk", "A soldier honoured", "Kim praises soldiers"],
    "text": [
        "Russia and North Korea Confirm Troops Fought in Kursk\n\n"
        "On April 26, Valery Gerasimov told Vladimir Putin that Kursk Oblast was liberated. "
        "Kim Jong Un praised the country's soldiers.\n",
        "KCNA said on Monday that the DPRK had sent a soldier to Kursk Oblast and North Korea "
        "would honour him.\n",
        "On April 26, Kim Jong Un praised the soldiers who liberated Kursk Oblast, KCNA said.\n",
    ],
})


class Tables:
    """The seed tables every call is built from, made once."""

    def __init__(self) -> None:
        k = kursklib
        self.corpus = k.read_corpus(ARTICLES)
        self.documents = self.corpus.documents
        self.sentences = self.corpus.sentences
        self.mentions = k.tag_actors(self.corpus)
        self.tokens = k.tag_tokens(self.corpus, self.mentions)
        self.terms = k.count_document_terms(self.tokens, self.mentions)
        self.dates = k.tag_dates(self.corpus)
        self.variables = k.build_document_variables(self.documents, period="day")
        self.timeline = k.build_timeline(self.dates, self.mentions, self.tokens,
                                         self.sentences, self.documents)
        self.events = k.count_events(self.timeline)
        self.periods = k.count_event_periods(self.events)
        self.counts = k.count_mentions(self.mentions)
        self.pairs = k.build_cooccurrence(self.mentions)
        self.occurrences = k.tag_terms(self.tokens, self.mentions, ["soldier"])
        self.shown = self.variables.assign(n_tokens=self.tokens.groupby(
            "doc_id", observed=True).size().reindex(self.variables["doc_id"]).to_numpy())


def _calls(t: Tables, tmp: Path) -> dict[str, Callable[[], dict]]:
    """Valid keyword arguments for each export (a call must not depend on another's)."""
    k = kursklib
    return {
        "split_sentences": lambda: {"documents": t.documents},
        "available_languages": lambda: {},
        "build_document_variables": lambda: {"documents": t.documents},
        "choose_period": lambda: {"published": t.documents["published"]},
        "find_top_documents": lambda: {"table": t.terms, "variables": t.variables,
                                       "column": "term", "values": ["soldier"]},
        "name_variable": lambda: {"name": "source"},
        "choose_grouping": lambda: {"variables": t.variables},
        "count_documents": lambda: {"variables": t.variables, "by": "source"},
        "count_actor_coverage": lambda: {"mentions": t.mentions, "variables": t.variables},
        "count_term_coverage": lambda: {"terms": t.terms, "variables": t.variables},
        "count_group_keyness": lambda: {"terms": t.terms, "variables": t.variables,
                                        "by": "source"},
        "score_group_contrast": lambda: {"terms": t.terms, "variables": t.variables,
                                         "by": "source", "target": "KCNA"},
        "load_gazetteer": lambda: {"paths": ()},
        "tag_actors": lambda: {"corpus": t.corpus},
        "count_mentions": lambda: {"mentions": t.mentions},
        "build_cooccurrence": lambda: {"mentions": t.mentions},
        "build_network": lambda: {"pairs": t.pairs, "counts": t.counts},
        "find_unlisted_names": lambda: {"mentions": t.mentions, "sentences": t.sentences},
        "build_gazetteer_draft": lambda: {"mentions": t.mentions, "sentences": t.sentences},
        "write_gazetteer_draft": lambda: {
            "draft": k.build_gazetteer_draft(t.mentions, t.sentences), "path": tmp / "d.yaml"},
        "tag_dates": lambda: {"corpus": t.corpus},
        "build_timeline": lambda: {"dates": t.dates, "mentions": t.mentions,
                                   "tokens": t.tokens, "sentences": t.sentences,
                                   "documents": t.documents},
        "read_timeline_tokens": lambda: {"folder": k.tag_corpus(
            ARTICLES, cache_dir=tmp / "cache", tables=[]).folder},
        "count_events": lambda: {"timeline": t.timeline},
        "count_event_periods": lambda: {"events": t.events},
        "tag_tokens": lambda: {"corpus": t.corpus, "mentions": t.mentions},
        "count_document_terms": lambda: {"tokens": t.tokens, "mentions": t.mentions},
        "count_terms": lambda: {"terms": t.terms},
        "tag_terms": lambda: {"tokens": t.tokens, "mentions": t.mentions,
                              "terms": ["soldier"]},
        "find_collocations": lambda: {"terms": t.terms},
        "count_tfidf": lambda: {"terms": t.terms},
        "score_keyness": lambda: {"terms": t.terms},
        "tag_kwic": lambda: {"documents": t.documents, "tokens": t.tokens,
                             "pattern": "soldier*", "mentions": t.mentions},
        "plot_actor_mentions": lambda: {"counts": t.counts},
        "plot_cooccurrence_network": lambda: {"pairs": t.pairs, "counts": t.counts},
        "plot_dispersion": lambda: {"occurrences": t.occurrences, "documents": t.shown,
                                    "terms": ["soldier"]},
        "plot_heatmap": lambda: {"table": k.count_terms(t.terms, by="doc_id"), "row": "term",
                                 "column": "doc_id", "value": "n_occurrences"},
        "plot_term_counts": lambda: {"counts": k.count_terms(t.terms)},
        "plot_timeline": lambda: {"events": t.events},
        "plot_event_periods": lambda: {"periods": t.periods},
        "plot_coverage": lambda: {"counts": k.count_documents(t.variables, by="source"),
                                  "by": "source"},
        "plot_trends": lambda: {"table": k.count_actor_coverage(t.mentions, t.variables),
                                "series": "actor_name", "value": "share"},
        "plot_keyness": lambda: {"contrast": k.score_group_contrast(
            t.terms, t.variables, by="source", target="KCNA")},
        "plot_actor_groups": lambda: {"table": k.count_actor_coverage(
            t.mentions, t.variables, by="doc_id"), "by": "doc_id"},
        "save_chart": lambda: {"figure": plt.subplots()[1], "folder": tmp, "name": "chart"},
        "save_figure": lambda: {"figure": plt.subplots()[1], "path": tmp / "chart.png"},
        "write_table": lambda: {"table": t.counts, "path": tmp / "table.csv"},
        "write_text": lambda: {"text": "text", "path": tmp / "text.txt"},
    }


def _hostile(t: Tables) -> list[object]:
    """Values no argument is safe from."""
    return [None, 0, -1, 10**12, 2.5, float("nan"), True, "", "zzz", "\ud800", "a/../b",
            [], ["zzz"], [None], [3], {"a": 1}, {1, 2}, object(), b"bytes",
            pd.DataFrame(), pd.DataFrame({"unrelated": [1]}), pd.Series(["zzz"]),
            t.documents, t.mentions, t.tokens, t.terms, t.variables, t.corpus,
            t.documents.head(0), t.mentions.head(0), t.tokens.head(0), t.terms.head(0)]


@pytest.fixture(scope="module")
def tables() -> Tables:
    return Tables()


def _exports() -> list[str]:
    return [name for name in kursklib.__all__ if callable(getattr(kursklib, name))
            and not inspect.isclass(getattr(kursklib, name))]


def _invoke(name: str, arguments: dict) -> object:
    function = getattr(kursklib, name)
    parameters = inspect.signature(function).parameters
    args = [value for key, value in arguments.items()
            if parameters[key].kind is inspect.Parameter.POSITIONAL_ONLY]
    star = next((key for key, p in parameters.items()
                 if p.kind is inspect.Parameter.VAR_POSITIONAL), None)
    if star in arguments:
        value = arguments[star]
        args += list(value) if isinstance(value, (list, tuple)) else [value]
    kwargs = {key: value for key, value in arguments.items() if key != star}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", KursklibWarning)
        try:
            return function(*args, **kwargs)
        finally:
            plt.close("all")


def test_every_export_is_swept(tables: Tables, tmp_path: Path) -> None:
    assert set(_exports()) - NOT_SWEPT == set(_calls(tables, tmp_path))


@pytest.mark.parametrize("name", sorted(set(_exports()) - NOT_SWEPT))
def test_hostile_arguments(name: str, tables: Tables, tmp_path: Path,
                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # a hostile path is written here, if anywhere
    calls = _calls(tables, tmp_path)
    _invoke(name, calls[name]())  # the valid call works
    parameters = inspect.signature(getattr(kursklib, name)).parameters
    failures = []
    for parameter in parameters:
        for value in _hostile(tables):
            arguments = {**calls[name](), parameter: value}
            try:
                _invoke(name, arguments)
            except KursklibError as error:
                named = error.path is not None or re.search(
                    rf"\b{re.escape(parameter)}\b", str(error))
                if not named:
                    failures.append(f"{parameter}={_short(value)}: {error} (not named)")
            except Exception as error:  # noqa: BLE001 (the sweep's point)
                failures.append(f"{parameter}={_short(value)}: {type(error).__name__}: "
                                f"{str(error)[:120]}")
    assert not failures, "\n".join(failures)


def _short(value: object) -> str:
    return repr(value)[:40] if not isinstance(value, (pd.DataFrame, kursklib.Corpus)) else (
        f"<{type(value).__name__} {list(getattr(value, 'columns', []))[:4]}>")
