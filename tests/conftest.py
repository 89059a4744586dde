"""Shared fixtures: the seed corpus, small corpora built in tmp_path, figure clean-up."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

from kursklib import Corpus, read_corpus  # noqa: E402

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def seeds() -> Corpus:
    return read_corpus(SEEDS)


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
