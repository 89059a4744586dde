""":mod:`kursklib.actors.suggest`: the names a gazetteer lacks, as a draft gazetteer to edit."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Annotated

import pandas as pd

from ..checks import Columns, Positive, checked
from ..output import write_text
from ..sentences import Sentences
from .tagger import MENTION_COLUMNS

DRAFT_COLUMNS = ["id", "name", "type", "aliases", "short", "n_mentions", "n_documents",
                 "examples"]
_EXAMPLES = 2
_EXAMPLE_CHARS = 160


@checked
def build_gazetteer_draft(mentions: Annotated[pd.DataFrame, Columns(*MENTION_COLUMNS,
                                                                    made_by="tag_actors")],
                          sentences: Sentences, *, min_mentions: Positive = 1) -> pd.DataFrame:
    """Group the unlisted names of ``tag_actors`` into draft gazetteer entries.

    Each unlisted actor becomes one entry: its most frequent full name as ``name``, its
    other names and acronyms as ``aliases`` (Hemedti, RSF), its bare surnames as
    ``short`` (Dagalo), the type its mentions were given, and the first sentences it
    occurs in.

    Returns:
        One row per entry, most mentioned first: ``id, name, type, aliases, short,
        n_mentions, n_documents, examples`` (``examples``: ``(doc_id, sentence)`` pairs).

    Example:
        >>> draft = build_gazetteer_draft(tag_actors(corpus), corpus.sentences)
        >>> draft[["id", "type"]].values.tolist()
        [['joost_oliemans', 'person']]
    """
    unlisted = mentions[~mentions["listed"]]
    text = sentences.set_index(["doc_id", "sent_id"])["text"]
    rows = []
    for actor_id, group in unlisted.groupby("actor_id", sort=False):
        if len(group) < min_mentions:
            continue
        names = group.loc[group["form"].isin(["name", "abbrev"]), "surface"]
        counts = names.value_counts(sort=False)
        name = max(counts.index, key=lambda s: (" " in s, counts[s], len(s))) if len(
            counts) else group["surface"].iloc[0]
        seen = list(dict.fromkeys(zip(group["doc_id"], group["sent_id"])))[:_EXAMPLES]
        rows.append({
            "id": re.sub(r"\W+", "_", str(actor_id).removeprefix("unlisted:")).strip("_"),
            "name": name, "type": group["actor_type"].mode().iloc[0],
            "aliases": sorted(set(names) - {name}),
            "short": sorted(set(group.loc[group["form"] == "short", "surface"]) - {name}),
            "n_mentions": len(group), "n_documents": group["doc_id"].nunique(),
            "examples": [(doc_id, str(text.loc[(doc_id, sent_id)])) for doc_id, sent_id in seen],
        })
    draft = pd.DataFrame(rows, columns=DRAFT_COLUMNS)
    return draft.sort_values(["n_mentions", "name"], ascending=[False, True],
                             kind="stable").reset_index(drop=True)


@checked
def write_gazetteer_draft(draft: Annotated[pd.DataFrame, Columns(
                              *DRAFT_COLUMNS, made_by="build_gazetteer_draft")],
                          path: str | Path) -> Path:
    """Write a draft from ``build_gazetteer_draft`` as gazetteer YAML, with its evidence as
    comments, atomically.

    Example:
        >>> draft = build_gazetteer_draft(tag_actors(corpus), corpus.sentences)
        >>> write_gazetteer_draft(draft, tmp / "draft.yaml").read_text().splitlines()[-3:]
        ['  - id: joost_oliemans', '    name: "Joost Oliemans"', '    type: person']
    """
    lines = [f"# Draft gazetteer: {len(draft)} names the gazetteer lacks, most mentioned first.",
             "# Check each type, merge entries that name one actor, delete what is no actor;",
             "# then pass the file with --gazetteer: it extends the packaged gazetteer.",
             "actors:"]
    for entry in draft.itertuples(index=False):
        lines.append(f"  # {entry.n_mentions} mentions in {entry.n_documents} document(s); "
                     "type guessed from the text")
        for doc_id, sentence in entry.examples:
            example = " ".join(sentence.split())
            if len(example) > _EXAMPLE_CHARS:
                example = example[:_EXAMPLE_CHARS - 1] + "…"
            lines.append(f"  # {doc_id}: {example}")
        lines += [f"  - id: {entry.id}", f"    name: {_quoted(entry.name)}",
                  f"    type: {entry.type}"]
        for field in ("aliases", "short"):
            values = getattr(entry, field)
            if values:
                lines.append(f"    {field}: [{', '.join(map(_quoted, values))}]")
    return write_text("\n".join(lines) + "\n", path)


def _quoted(value: str) -> str:
    """A YAML scalar in double quotes (JSON's string syntax is YAML's)."""
    return json.dumps(value, ensure_ascii=False)
