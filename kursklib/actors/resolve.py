""":mod:`kursklib.actors.resolve`: resolve metonyms and short forms in their context."""

from __future__ import annotations

import re

import numpy as np

from ..characters import BULLETS
from .compile import FORM_CODES, CompiledGazetteer, Listed
from .cues import NameCues, reversed_lead

# After a dateline's place: ", Feb. 27", ", 27 February", ", 22 августа", " (Reuters)", or
# its country and a dash or a bracket (", South Africa –", ", Kenya (AP)").
_DATELINE_AFTER = re.compile(r",\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\d{1,2}\s+[A-Z][a-z]{2,8}\b"
                             r"|\d{1,2}\s+[а-яё]{3,8}\b"
                             r"|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}\s*(?:\(|[–—-]\s))|\s*\(")
# Two places sharing a dateline: "Киев/Москва. 13 января.", "NAIROBI/ADDIS ABABA, Nov 4".
_PAIRED_DATELINE = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+)?/[^\W\d_]+(?:[ -][^\W\d_]+)?"
                              r"[.,]\s+(?:[^\W\d_]{3,9}\.?\s+)?\d")
# A place that ends a byline's line after a comma ("BBC News, Addis Ababa").
_LINE_END = re.compile(r"[ \t]*(?:\n|$)")
# A place before "-based" is where something is ("the Brussels-based International Crisis Group").
_BASED = re.compile(r"[-‐‑](?:based|headquartered)\b")
_LINE_LEAD = BULLETS + " \t"  # what may open a line before a dateline
# The verb after a capital, past an auxiliary or adverb ("Kigali has long denied").
_ACT_AFTER = re.compile(r"\s+(?:(?:has|had|have|will|would|also|again|quickly|long|"
                        r"repeatedly|on \w+day)\s+)*(\w+)")
_NEXT_WORD = re.compile(r"\s+([a-z]+)")


def read_metonyms(texts: list[str], listed: Listed, compiled: CompiledGazetteer,
                  cues: NameCues) -> Listed:
    """Read a metonym where the place is meant ("in Pyongyang") as the place it names.

    A metonym with a place reading is the place after a locative or a place word ("in
    Pyongyang", "the battle for Khartoum", "southern Khartoum"), before a place noun
    ("Khartoum airport"), in a dateline ("SEOUL, Feb. 27 (Yonhap) --") and coordinated with a
    place ("in Kursk and Moscow"), unless the government acts: before an act verb ("Cairo
    said") or after an act word ("pressure from Beijing"). A possessive ("Moscow's") and
    every other use stay the state.
    """
    place = compiled.candidates.place[listed.phrase]
    metonym = listed.form == FORM_CODES.index("metonym")
    rows = np.flatnonzero(metonym & (place >= 0))
    if not rows.size:
        return listed
    # A short form counts as its first owner here ("Kursk" is Kursk Oblast, a place).
    actor = first_owners(listed, compiled)
    as_place = metonym | ((actor >= 0) & compiled.is_place[actor])
    positions = np.arange(len(as_place))
    previous = np.concatenate(([-1], np.maximum.accumulate(np.where(as_place, positions, -1))[:-1]))
    as_place &= ~metonym  # metonyms are read in order below
    docs, ends = listed.doc.tolist(), listed.end.tolist()
    for row, doc, start, end, before in zip(rows.tolist(), listed.doc[rows].tolist(),
                                            listed.start[rows].tolist(), listed.end[rows].tolist(),
                                            previous[rows].tolist()):
        text = texts[doc]
        if text.startswith(("’s", "'s"), end):
            continue
        coordinated = before >= 0 and docs[before] == doc and as_place[before] and bool(
            cues.coordination.fullmatch(text, ends[before], start)) or _after_placed_conjunct(
            text, start, cues)
        lead = reversed_lead(text, start)
        following = _ACT_AFTER.match(text, end)
        after = following.group(1).lower() if following else ""
        locative = bool(cues.locative_before.match(lead))
        placed = coordinated or _is_dateline(text, start, end) or locative or bool(
            _BASED.match(text, end)) or _ends_byline(text, start, end) or bool(
            cues.place_before.match(lead)
            or _NEXT_WORD.match(text, end) and _NEXT_WORD.match(text, end).group(1)
            in cues.place_designators)
        as_place[row] = placed and not (cues.act_before.match(lead) or (
            after in cues.act_verbs_after and not (locative and cues.locative_wins)))
    read = as_place & metonym
    return listed._replace(actor=np.where(read, place, listed.actor),
                           form=np.where(read, FORM_CODES.index("name"), listed.form))


def _after_placed_conjunct(text: str, start: int, cues: NameCues) -> bool:
    """Whether a name coordinated before this one follows a locative ("in Mekelle and")."""
    last = None
    for run in cues.capitalised_run.finditer(text, max(0, start - 80), start):
        last = run
    return last is not None and bool(cues.coordination.fullmatch(text, last.end(), start)) and (
        bool(cues.locative_before.match(reversed_lead(text, last.start()))))


def _ends_byline(text: str, start: int, end: int) -> bool:
    """A place after a comma at the end of a short line ("By A. Writer, BBC News, Nairobi")."""
    line = text.rfind("\n", 0, start) + 1
    return text[line:start].rstrip().endswith(",") and start - line < 120 and bool(
        _LINE_END.match(text, end))


def _is_dateline(text: str, start: int, end: int) -> bool:
    """A place opening its line in capitals, or before a date or an agency in brackets, or
    two places joined by a slash before a date."""
    line = text.rfind("\n", 0, start) + 1
    lead = text[line:start]
    paired = _PAIRED_DATELINE.match(text, line + len(lead) - len(lead.lstrip(_LINE_LEAD)))
    if paired and start < paired.end():
        return True
    if lead.strip(_LINE_LEAD):
        return False
    return text[start:end].isupper() or bool(_DATELINE_AFTER.match(text, end))


def first_owners(listed: Listed, compiled: CompiledGazetteer) -> np.ndarray:
    """The mentions' actors, a short form counted as its first owner."""
    short = listed.form == FORM_CODES.index("short")
    return np.where(short, compiled.candidates.short_owners[listed.phrase, 0], listed.actor)


def resolve_short_forms(listed: Listed, compiled: CompiledGazetteer) -> Listed:
    """Resolve short forms against the actors already named in full in their document.

    A short form takes the one owner named earlier in the document; when none was, its
    only owner, or the one owner the document names later (a headline's "Kim" before
    "Kim Jong Un"); when the document names none, the one owner whose demonym it uses
    ("корейцы" in a text that says "северокорейские" only); else actor -1 (ambiguous).
    """
    short = listed.form == FORM_CODES.index("short")
    if not short.any():
        return listed
    owners = compiled.candidates.short_owners
    actor = first_owners(listed, compiled)
    shared = np.flatnonzero(short & (owners[listed.phrase, 1] >= 0))
    if not shared.size:
        return listed._replace(actor=actor)  # every short form here has one owner
    n_actors = len(compiled.actor_ids)

    def first_mentions(forms: list[str]) -> dict[int, int]:
        """(document × actors + actor) → the start of its first mention in these forms."""
        rows = np.flatnonzero(np.isin(listed.form, [FORM_CODES.index(form) for form in forms]))
        pairs, first = np.unique(listed.doc[rows] * n_actors + listed.actor[rows],
                                 return_index=True)
        return dict(zip(pairs.tolist(), listed.start[rows][first].tolist()))

    first_named, first_demonym = first_mentions(["name", "abbrev"]), first_mentions(["demonym"])
    for row, doc, start, phrase in zip(shared.tolist(), listed.doc[shared].tolist(),
                                       listed.start[shared].tolist(),
                                       listed.phrase[shared].tolist()):
        candidates = [owner for owner in owners[phrase].tolist() if owner >= 0]
        named_at = {owner: first_named[doc * n_actors + owner] for owner in candidates
                    if doc * n_actors + owner in first_named}
        seen = [owner for owner, at in named_at.items() if at < start] or list(named_at) or [
            owner for owner in candidates if doc * n_actors + owner in first_demonym]
        actor[row] = seen[0] if len(seen) == 1 else -1
    return listed._replace(actor=actor)
