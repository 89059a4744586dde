""":mod:`kursklib.actors.inflect_ru_persons`: every case form of a Russian person's name
(build time, ``inflect_ru``)."""

from __future__ import annotations

import re

from .inflect_ru_endings import (
    CASES,
    VOWELS,
    is_fixed,
    match_case,
    morph,
    noun_rules,
    surname_rules,
    with_ye,
)

_GLUED_INITIALS = re.compile(r"^((?:[А-ЯЁA-Z]\.)+)([А-ЯЁA-Z][^.\s]+)$")


def _given_name_forms(word: str, gender: str) -> dict[str, set[str]]:
    """A given name or patronymic: the rule forms, plus pymorphy3's Name/Patr lexeme."""
    low = word.lower()
    if "-" in low:  # Юнус-Бек: both parts decline
        parts = [_given_name_forms(part, gender) for part in low.split("-")]
        return {case: {"-".join(sorted(p[case])[0] for p in parts)} for case in CASES}
    if gender == "femn" and low[-1] not in "ая" and not low.endswith("ь"):
        forms = {case: {low} for case in CASES}  # Кэролайн, Санаэ
    elif gender == "femn" and low.endswith("ь"):
        forms = noun_rules(low, "femn", True)  # Любовь -> Любови (rare in the cast)
    else:
        forms = noun_rules(low, gender, True)
    for parse in morph().parse(low):
        tag = parse.tag
        if ({"Name", "Patr"} & set(tag.grammemes) and tag.case == "nomn" and tag.number == "sing"
                and tag.gender == gender and parse.word == low):
            forms = {case: set() for case in CASES}
            for case in CASES:
                form = parse.inflect({case, "sing"})
                if form:
                    forms[case].add(form.word)
            break
    return forms


def inflect_person(name: str, *, gender: str, east_asian: bool = False) -> set[str]:
    """Every case form of a person's name (or of a lone surname, a short form).

    Args:
        gender: "m" or "f".
        east_asian: Korean, Chinese or Vietnamese name in separate syllables.

    Example:
        >>> sorted(inflect_person("Ким Чен Ын", gender="m", east_asian=True))[:3]
        ['Ким Чен Ын', 'Ким Чен Ына', 'Ким Чен Ыне']
    """
    g = {"m": "masc", "f": "femn"}[gender]
    glued = _GLUED_INITIALS.match(name)
    if glued:  # "В.Путин", "В.В.Путин": inflect the surname, keep the initials glued
        return {glued.group(1) + form
                for form in inflect_person(glued.group(2), gender=gender)}
    words = name.split()
    if east_asian:
        last = words[-1]
        if g == "femn" or last[-1].lower() in VOWELS or is_fixed(last):
            return with_ye({name})
        tables = [{case: {w.lower()} for case in CASES} for w in words[:-1]]
        tables.append(noun_rules(last, "masc", True))
        surname_at = len(words) - 1
    else:
        tables = []
        initial = re.compile(r"[А-ЯЁA-Z]\.(?:[А-ЯЁA-Z]\.)?")
        # The surname is the last word that is not an initial ("Путин В. В." too).
        surname_at = max(i for i, w in enumerate(words) if not initial.fullmatch(w))
        for index, word in enumerate(words):
            if is_fixed(word) or initial.fullmatch(word):
                tables.append({case: {word.lower()} for case in CASES})
            elif index == surname_at:
                tables.append(surname_rules(word, g))
            else:
                tables.append(_given_name_forms(word, g))
    out = set()
    for case in CASES:
        # All words declined in step.
        combos = [""]
        for table in tables:
            combos = [f"{c} {f}".strip() for c in combos for f in sorted(table[case])]
        out.update(combos)
        # Only the surname declined ("Джей Ди Вэнса", "Антониу Гутерриша").
        out.update(" ".join([w.lower() for w in words[:surname_at]] + [f]
                            + [w.lower() for w in words[surname_at + 1:]])
                   for f in tables[surname_at][case])
    return with_ye({_restore(form, name) for form in out})


def _restore(form: str, model: str) -> str:
    models = model.split()
    parts = form.split()
    return " ".join(match_case(part, models[min(i, len(models) - 1)])
                    for i, part in enumerate(parts))


def initials_variants(name: str) -> list[str]:
    """Initialled spellings of a Russian full name ("Владимир Владимирович Путин").

    Example:
        >>> initials_variants("Владимир Владимирович Путин")[:2]
        ['В. Путин', 'В.Путин']
    """
    words = name.split()
    if len(words) < 2:
        return []
    surname, given = words[-1], words[:-1]
    first = given[0][0] + "."
    # Kremlin transcripts print "В.Путин:" without a space.
    out = [f"{first} {surname}", f"{first}{surname}"]
    if len(given) >= 2:
        second = given[1][0] + "."
        out += [f"{first} {second} {surname}", f"{first}{second} {surname}",
                f"{first}{second}{surname}", f"{surname} {first} {second}",
                f"{surname} {first}{second}"]
    return out
