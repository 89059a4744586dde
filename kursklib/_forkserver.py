""":mod:`kursklib._forkserver`: imported once by the server that forks a local cluster's workers.

Importing it tags the packaged sample corpus and drops the result, so that the server holds
the packaged gazetteer's matcher, the English date rules and the lemma dictionary built, and
every worker forked from it starts with them (see ``kursklib.cluster.open_client``). If the
sample cannot be tagged, the workers start cold: no worse than spawned ones.
"""

from __future__ import annotations

import contextlib
import warnings

from .corpus import open_corpus
from .parts import tag_batch
from .project import sample_corpus_dir
from .survey import survey_corpus


def _warm_up() -> None:
    """Tag the packaged sample corpus as ``tag_corpus`` would, and keep nothing of it."""
    source = open_corpus(sample_corpus_dir())
    documents = source.read(0, len(source))
    tag_batch(documents, survey_corpus([documents]), path=source.path, gazetteer=None,
              options={"language": None, "stopwords": [], "unlisted": True,
                       "reference_date": ""})


with warnings.catch_warnings(), contextlib.suppress(Exception):
    warnings.simplefilter("ignore")
    _warm_up()
