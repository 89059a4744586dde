"""Tests for kursklib.actors.extents: where a capitalised run's names begin and end."""

from __future__ import annotations

import pytest

from kursklib.actors.cues import name_cues
from kursklib.actors.extents import split_run


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
