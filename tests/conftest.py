"""Shared fixtures: the seed corpus, small corpora built in tmp_path, figure clean-up."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")
# Tagged corpora of a test run (and of the notebooks it runs) stay out of the user's cache.
os.environ["KURSKLIB_CACHE_DIR"] = tempfile.mkdtemp(prefix="kursklib-test-cache-")

import pandas as pd  # noqa: E402

from kursklib import (  # noqa: E402
    Corpus,
    count_document_terms,
    read_corpus,
    tag_actors,
    tag_tokens,
)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_HEADLINES = {
    "001_7aa5fc03dc7aa8de":
        "Russia and North Korea Confirm DPRK Soldiers Fought Alongside Russians in Kursk",
    "003_032424ebccf55fda":
        "DPRK Soldiers Return from Kursk Mission, Ceremony Marks Significant Military Milestone",
    "004_2ef1b9d818be15fd": "North Korean Leader Honors Soldiers in Ukraine During Ceremony "
                            "Marking Treaty Anniversary with Russia",
}


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    return read_corpus(SEEDS)


@pytest.fixture(scope="session")
def seed_mentions(seeds: Corpus) -> pd.DataFrame:
    return tag_actors(seeds)


@pytest.fixture(scope="session")
def seed_tokens(seeds: Corpus, seed_mentions: pd.DataFrame) -> pd.DataFrame:
    return tag_tokens(seeds, seed_mentions)


@pytest.fixture(scope="session")
def seed_terms(seed_tokens: pd.DataFrame, seed_mentions: pd.DataFrame) -> pd.DataFrame:
    return count_document_terms(seed_tokens, seed_mentions)


@pytest.fixture
def make_corpus(tmp_path: Path) -> Callable[..., Path]:
    """Write ``{name: text or bytes}`` (and an optional metadata CSV) to a folder."""

    def make(files: dict[str, str | bytes], metadata: str | None = None) -> Path:
        folder = tmp_path / "corpus"
        folder.mkdir(exist_ok=True)
        for name, content in files.items():
            data = content.encode("utf-8") if isinstance(content, str) else content
            (folder / name).write_bytes(data)
        if metadata is not None:
            (folder / "metadata.csv").write_text(metadata, encoding="utf-8")
        return folder

    return make


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import matplotlib.pyplot as plt

    plt.close("all")


# Arbitrary text salted with the constructs the taggers look for.
SNIPPETS = ["Kim Jong-un", "Putin’s", "the Korean People’s Army", " DPRK ", "KCNA (TAK)",
            "on August 20", "last week", "In May", "mid-2025", "2024-12-04", " five years ago",
            "\n\n", "\r\n", "\r", "► ", "• ", "“", "”", "’s", ". ", "Gen. ", "U.S. ",
            "\ufeff", "\x00", "İ", "ß", "Defense Minister Ivan Petrov", "  ", "\t"]


def arbitrary_text():
    """A hypothesis strategy for messy article text."""
    from hypothesis import strategies as st

    pieces = st.one_of(st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
                       st.sampled_from(SNIPPETS))
    return st.lists(pieces, max_size=25).map("".join)


def arbitrary_corpora():
    """A hypothesis strategy for one-document corpora of messy text that kursklib reads."""
    return arbitrary_text().map(read_text_or_none).filter(lambda corpus: corpus is not None)


def read_text_or_none(text: str) -> Corpus | None:
    """Read one document from bytes; None when kursklib rejects it with its own error."""
    import tempfile
    import warnings

    from kursklib import KursklibError

    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "doc.txt").write_bytes(text.encode("utf-8"))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                return read_corpus(folder)
            except KursklibError:
                return None


def assert_rows_index_text(corpus: Corpus, table, text_column: str = "surface") -> None:
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"], strict=True))
    for doc_id, start, end, surface in zip(table["doc_id"], table["start"], table["end"],
                                           table[text_column], strict=True):
        assert texts[doc_id][start:end] == surface


def assert_sentence_offsets(corpus: Corpus) -> None:
    texts = dict(zip(corpus.documents["doc_id"], corpus.documents["text"], strict=True))
    for row in corpus.sentences.itertuples(index=False):
        assert texts[row.doc_id][row.start:row.end] == row.text
    for _, group in corpus.sentences.groupby("doc_id"):
        assert (group["start"].iloc[1:].to_numpy() >= group["end"].iloc[:-1].to_numpy()).all()
        assert list(group["sent_id"]) == list(range(len(group)))


def sentences_of(corpus: Corpus, doc_id: str) -> list[str]:
    return corpus.sentences.loc[corpus.sentences["doc_id"] == doc_id, "text"].tolist()


# A small corpus of three outlets that word the same story their own way, over three months.
OUTLET_WORDING = {
    "TASS": ("RU", "The special military operation continues, TASS said. Vladimir Putin "
                   "thanked the Korean soldiers in Kursk Oblast."),
    "Yonhap": ("KR", "Seoul said North Korea sent troops to Russia, Yonhap reported. The "
                     "intelligence service briefed lawmakers in Seoul."),
    "Kyiv Post": ("UA", "The full-scale invasion goes on. Volodymyr Zelensky said North Korean "
                        "troops fight in Kursk Oblast."),
}
OUTLET_DOCUMENTS = [("TASS", "2025-01-06"), ("TASS", "2025-01-20"), ("TASS", "2025-03-03"),
                    ("TASS", "2025-03-10"), ("TASS", "2025-03-11"), ("Yonhap", "2025-01-07"),
                    ("Yonhap", "2025-03-04"), ("Yonhap", "2025-03-12"), ("Yonhap", "2025-03-13"),
                    ("Kyiv Post", "2025-01-08"), ("Kyiv Post", "2025-03-05"),
                    ("Kyiv Post", "2025-03-14")]


@pytest.fixture(scope="session")
def outlets() -> dict[str, pd.DataFrame]:
    """Documents (with ``country``), mentions and terms of the three-outlet corpus."""
    table = pd.DataFrame([
        {"doc_id": f"d{index:02d}", "source": source, "published": published,
         "country": OUTLET_WORDING[source][0], "text": OUTLET_WORDING[source][1]}
        for index, (source, published) in enumerate(OUTLET_DOCUMENTS)])
    corpus = read_corpus(table)
    mentions = tag_actors(corpus)
    terms = count_document_terms(tag_tokens(corpus, mentions), mentions)
    return {"documents": corpus.documents, "mentions": mentions, "terms": terms}


@pytest.fixture(scope="session")
def weekly(outlets: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """The three-outlet corpus's document variables, by week (ten weeks, six without news)."""
    from kursklib import build_document_variables

    return build_document_variables(outlets["documents"], period="week")
