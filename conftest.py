"""Doctest namespace: every docstring example runs against one tiny in-memory corpus."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402

import kursklib  # noqa: E402

# Two short articles: a headline, aliases, a short form, a date resolved against publication.
DOCTEST_ARTICLES = pd.DataFrame({
    "doc_id": ["a", "b"],
    "published": ["2025-04-28", "2025-04-29"],
    "text": [
        "Russia and North Korea Confirm Troops Fought in Kursk\n\n"
        "On April 26, Valery Gerasimov told Vladimir Putin that Kursk Oblast was liberated. "
        "Kim Jong Un praised the country's soldiers. Military analyst Joost Oliemans "
        "was not surprised.\n",
        "KCNA said on Monday that the DPRK had sent a soldier to Kursk Oblast and North Korea "
        "would honour him.\n",
    ],
})


@pytest.fixture(autouse=True)
def _doctest_namespace(doctest_namespace: dict, tmp_path) -> None:
    doctest_namespace.update({name: getattr(kursklib, name) for name in kursklib.__all__})
    doctest_namespace.update(pd=pd, plt=plt, tmp=tmp_path,
                             corpus=kursklib.read_corpus(DOCTEST_ARTICLES))
