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


@pytest.mark.parametrize("content, actor_id, expected", [
    # a full entry replaces the packaged actor of its id
    ("- id: rus\n  name: Russia\n  type: state\n  aliases: [RF]\n", "rus", ("Russia", ("RF",))),
    # an alias the packaged gazetteer claims moves to the user's actor (and its name with it)
    ("- id: wagner\n  name: Wagner Group\n  type: org\n  aliases: [Wagner]\n", "wagner",
     ("Wagner Group", ("Wagner",))),
    # a state of the same country takes the world's names
    ("- id: sudan\n  name: Sudan\n  type: state\n  country: SDN\n", "sudan",
     ("Sudan", ())),
])
def test_load_gazetteer_user_entries_win_over_packaged_ones(tmp_path, content, actor_id,
                                                            expected):
    path = tmp_path / "mine.yaml"
    path.write_text(content, encoding="utf-8")
    gazetteer = load_gazetteer(path)
    actor = gazetteer.actors[actor_id]
    assert (actor.name, actor.aliases) == expected
    assert actor_id != "wagner" or "wagner_group" not in gazetteer.actors


def test_load_gazetteer_world_names_lie_beneath_the_gazetteers(tmp_path, make_corpus):
    path = tmp_path / "mine.yaml"
    path.write_text("- id: sudan\n  name: Sudan\n  type: state\n  country: SDN\n"
                    "  demonyms: [Sudanese]\n", encoding="utf-8")
    gazetteer = load_gazetteer(path)
    assert "sdn" not in gazetteer.actors and gazetteer.actors["sudan"].metonyms == ("Khartoum",)
    mentions = tag(make_corpus, "Egypt, Chad and the UAE met Sudanese envoys in Cairo.",
                   gazetteer=gazetteer)
    assert list(zip(mentions["surface"], mentions["actor_id"], mentions["actor_type"])) == [
        ("Egypt", "egy", "state"), ("Chad", "tcd", "state"), ("UAE", "are", "state"),
        ("Sudanese", "sudan", "state"), ("Cairo", "cairo", "place")]
    assert "egy" not in load_gazetteer(path, include_default=False).actors
