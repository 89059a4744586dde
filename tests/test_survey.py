"""Tests for kursklib.survey: what every batch of a corpus shares."""

from __future__ import annotations

import pandas as pd

from kursklib.survey import survey_corpus


def test_survey_corpus_keeps_the_first_definition_in_document_order():
    first = pd.DataFrame({"doc_id": ["a"], "text": ["The Arakan Army (AA) fought."]})
    second = pd.DataFrame({"doc_id": ["b"], "text": ["Alcoholics Anonymous (AA) met."]})
    assert survey_corpus([first, second]).definitions == {"AA": "Arakan Army"}
    assert survey_corpus([pd.concat([first, second])]).definitions == {"AA": "Arakan Army"}
