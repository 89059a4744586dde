"""Gazetteer files as hostile input: wrong types, any YAML at all, and a very large one."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kursklib import Gazetteer, KursklibError, load_gazetteer, read_corpus, tag_actors

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@pytest.mark.parametrize("entry, message", [
    ("{id: a, name: {x: 1}, type: person}", "entry 'a': 'name' must be a string, not a mapping"),
    ("{id: [a, b], name: A, type: person}", "entry 1: 'id' must be a string, not a list"),
    ("{id: a, name: A, type: person, aliases: [true, false]}",
     "entry 'a': 'aliases' must be a list of strings, not a boolean"),
    ("{id: 5, name: A, type: person}", "entry 1: 'id' must be a string, not a number"),
    ("{id: a, name: 1984, type: person}", "entry 'a': 'name' must be a string, not a number"),
    ("{id: a, name: A, type: person, aliases: [B, 3]}", "'aliases' must be a list of strings"),
    ("{id: a, name: A, type: person, aliases: [null]}", "'aliases' must be a list of strings"),
    ("{id: a, name: A, type: person, short: {x: y}}", "'short' must be a list of strings"),
    ("{id: a, name: A, type: [person]}", "'type' must be a string, not a list"),
    ("{id: a, name: A, type: person, country: 7}", "'country' must be a string"),
    ("{id: a, name: A, type: person, id: b}", "duplicate key 'id'"),
])
def test_a_value_of_the_wrong_type_is_refused_naming_file_actor_and_field(tmp_path, entry,
                                                                          message):
    path = tmp_path / "mine.yaml"
    path.write_text(f"- {entry}\n", encoding="utf-8")
    with pytest.raises(KursklibError) as caught:
        load_gazetteer(path)
    assert str(caught.value).startswith(f"{path}:1: ") and message in str(caught.value)


def test_ignore_must_be_a_list_of_strings(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text("actors: []\nignore: [1]\n", encoding="utf-8")
    with pytest.raises(KursklibError, match="'ignore' must be a list of strings"):
        load_gazetteer(path)


# YAML pieces that a hostile file may be made of: tags that run code, anchors, aliases,
# merge keys, deep nesting, wrong types, and the fields of a real entry.
_PIECES = ["!!python/object/apply:os.system ['touch {marker}']", "!!binary aGk=", "!!set",
           "&a", "*a", "<<: *a", "<<:", "[", "]", "{", "}", ",", ": ", "- ", "\n", "\n  ",
           "id", "name", "type", "person", "aliases", "short", "actors", "ignore", "yes",
           "true", "null", "1", "1.5", ".nan", "'x'", '"y"', "Kim", "?", "|", ">", "#",
           "[" * 80, "]" * 80, "\t", "---", "...", "%YAML 1.1", "!x", "\ufeff", "é"]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_yaml_document_loads_or_fails_in_one_line_naming_the_file(tmp_path, pieces):
    marker = tmp_path / "ran"
    path = tmp_path / "any.yaml"
    path.write_text("".join(pieces).replace("{marker}", str(marker)), encoding="utf-8")
    try:
        gazetteer = load_gazetteer(path, include_default=False)
    except KursklibError as error:
        assert str(error).startswith(str(path)) and "\n" not in str(error)
    else:
        assert isinstance(gazetteer, Gazetteer)
    assert not marker.exists()


def write_gazetteer(path: Path, entries: int) -> Path:
    """A gazetteer of ``entries`` made-up people, each with an alias and a short form."""
    lines = ["actors:"]
    for index in range(entries):
        lines.append(f'  - id: person_{index}\n    name: "Anna Lee {index}"\n    type: person\n'
                     f'    aliases: ["Lee Group {index}"]\n    short: ["Lee{index}"]')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.slow
def test_a_100000_entry_gazetteer_loads_and_tags_the_seeds_in_seconds(tmp_path):
    path = write_gazetteer(tmp_path / "large.yaml", 100_000)
    corpus = read_corpus(SEEDS)
    tag_actors(corpus)  # the packaged resources, loaded once, are not what is timed
    start = time.perf_counter()
    gazetteer = load_gazetteer(path)
    mentions = tag_actors(corpus, gazetteer=gazetteer)
    elapsed = time.perf_counter() - start
    assert "person_99999" in gazetteer.actors and len(mentions)
    assert elapsed < 40, f"{elapsed:.1f} s"
