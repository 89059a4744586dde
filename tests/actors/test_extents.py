"""Tests for kursklib.actors.extents: where a capitalised run's names begin and end."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kursklib.actors.cues import is_sentence_initial, name_cues
from kursklib.actors.extents import _cut, split_run


@pytest.mark.parametrize("text, expected", [
    ("army chief Abdel Fattah al-Burhan spoke", ["Abdel Fattah al-Burhan"]),
    ("Burhan and Hemedti met", ["Burhan", "Hemedti"]),
    ("the Union Solidarity and Development Party won", ["Union Solidarity and Development Party"]),
    ("the National League for Democracy won", ["National League for Democracy"]),
    ("Sudan's Sovereignty Council met", ["Sudan", "Sovereignty Council"]),
    ("the Nairobi-based Horn Policy Institute said", ["Nairobi", "Horn Policy Institute"]),
    ("the People's Defence Force fought", ["People's Defence Force"]),
    ("Omdurman. The army left", ["Omdurman"]),
    ("The Ta'ang National Liberation Army and the Arakan Army fought",
     ["Ta'ang National Liberation Army", "Arakan Army"]),
    ("the Jeddah Declaration was signed", []),
    ("a court in The Hague ruled", ["The Hague"]),
    ("the 6th Infantry Division fell", ["6th Infantry Division"]),
    ("Residents of Omdurman fled", ["Omdurman"]),
    ("President Felix Tshisekedi spoke", ["Felix Tshisekedi"]),
])
def test_split_run_cuts_names_at_their_edges(text, expected):
    cues = name_cues("en")
    pieces = [text[piece.start:piece.end]
              for run in cues.capitalised_run.finditer(text)
              for piece in split_run(text, run.start(), run.end(), 0,
                                     frozenset({"residents", "people"}), cues)]
    assert pieces == expected


def test_split_run_marks_descriptive_compounds_and_possessors():
    cues = name_cues("en")
    text = "the Nairobi-based institute and Sudan's army"
    pieces = [piece for run in cues.capitalised_run.finditer(text)
              for piece in split_run(text, run.start(), run.end(), 0, frozenset(), cues)]
    assert [(text[p.start:p.end], p.described, p.possessor) for p in pieces] == [
        ("Nairobi", "based", False), ("Sudan", "", True)]


NAME_PARTS = ["Burhan", "and", "Sudan's", "Nairobi-based", "Horn", "Policy", "Institute", "The",
              "Hague", "al-Burhan", "6th", "President", "of", "Quote", "&", "Omdurman.", "’s",
              "People's", "A", "İ", "x", "'", "“", "(", "-", ",", "RSF"]
LEAD_PARTS = ["", " ", "\"", "“", "(", "Quote: ", "Quote: “", "x ", ": ", "' ", "In ", "\n"]


@settings(max_examples=500, deadline=None)
@given(lead=st.lists(st.sampled_from(LEAD_PARTS), max_size=3).map("".join),
       words=st.lists(st.tuples(st.sampled_from(NAME_PARTS) | st.text(max_size=2),
                                st.sampled_from([" ", "  ", "\t", "", ": ", " & "])),
                      min_size=1, max_size=8).map(lambda pairs: "".join(a + b for a, b in pairs)),
       vocabulary=st.sampled_from([frozenset(), frozenset({"the", "president", "quote"})]),
       data=st.data())
def test_split_run_memo_cuts_as_the_direct_cut(lead, words, vocabulary, data):
    """Memoised on a run's own text and one flag, the cut equals the cut read in context,
    for any span of the text (a run or not) and any sentence start before it."""
    cues = name_cues("en")
    text = lead + words + " said."
    sentence_start = data.draw(st.integers(0, len(lead)))
    start = data.draw(st.integers(sentence_start, len(lead) + len(words)))
    end = data.draw(st.sampled_from([len(lead) + len(words), len(text)]))
    direct = _cut(text, start, end, lambda word: is_sentence_initial(text, sentence_start, word),
                  vocabulary, cues)
    assert split_run(text, start, end, sentence_start, vocabulary, cues) == direct
    assert split_run(text, start, end, sentence_start, vocabulary, cues) == direct  # memoised
