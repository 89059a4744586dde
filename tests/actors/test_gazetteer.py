"""Tests for kursklib.actors.gazetteer: reading, merging, validating."""

from __future__ import annotations

import pytest

from kursklib import (
    KursklibError,
    load_gazetteer,
    read_corpus,
    tag_actors,
)


def tag(make_corpus, text: str, **options):
    return tag_actors(read_corpus(make_corpus({"a.txt": text})), **options)


def test_load_gazetteer_user_file_extends_default(tmp_path, make_corpus):
    path = tmp_path / "extra.yaml"
    path.write_text("- id: koroleva\n  name: Anna Koroleva\n  type: person\n  short: [Koroleva]\n"
                    "  country: RUS\n  role: GOV\n", encoding="utf-8")
    mentions = tag(make_corpus, "Anna Koroleva met Putin. Koroleva left.", gazetteer=str(path))
    assert list(mentions["actor_id"]) == ["koroleva", "vladimir_putin", "koroleva"]
    only_mine = load_gazetteer(path, include_default=False)
    assert list(tag(make_corpus, "Putin came.", gazetteer=only_mine)["actor_id"]) == []


def test_load_gazetteer_user_entry_extends_an_actor_with_aliases(tmp_path, make_corpus):
    path = tmp_path / "extra.yaml"
    path.write_text("- id: vladimir_putin\n  aliases: [Vova]\n  short: [VVP]\n", encoding="utf-8")
    gazetteer = load_gazetteer(path)
    putin = gazetteer.actors["vladimir_putin"]
    assert putin.name == "Vladimir Putin" and "Vova" in putin.aliases and "VVP" in putin.short
    mentions = tag(make_corpus, "Vova met Vladimir Putin. VVP left.", gazetteer=gazetteer)
    assert list(mentions["actor_id"]) == ["vladimir_putin"] * 3


@pytest.mark.parametrize("content, message", [
    ("- id: a\n  name: A\n  type: person\n  aliases: [B\n", r"extra\.yaml:\d+: YAML syntax error"),
    ("- name: Anna\n  type: person\n", r"extra\.yaml:1: entry 1: missing 'id'"),
    ("- id: a\n  name: Anna\n  type: robot\n", r"extra\.yaml:1: entry 'a': type 'robot'"),
    ("- id: a\n  name: Anna Lee\n  type: person\n- id: b\n  name: Bo\n  type: person\n"
     "  aliases: [Anna Lee]\n", r"extra\.yaml:4: entry 'b': alias 'Anna Lee' is already claimed "
                                r"by 'a'"),
    ("- id: a\n  name: A\n  type: person\n- id: a\n  name: B\n  type: person\n",
     r"extra\.yaml:4: entry 'a': duplicate id"),
    ("- id: nobody\n  aliases: [Nemo]\n", r"extra\.yaml:1: entry 'nobody': missing 'name' and "
                                          r"'type' \(no earlier actor"),
])
def test_load_gazetteer_errors_name_file_entry_and_problem(tmp_path, content, message):
    path = tmp_path / "extra.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(KursklibError, match=message):
        load_gazetteer(path)


def test_default_gazetteer_is_valid_and_typed():
    gazetteer = load_gazetteer()
    assert len(gazetteer.actors) > 150
    assert {actor.type for actor in gazetteer.actors.values()} == {"person", "org", "state",
                                                                   "place"}
