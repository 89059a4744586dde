""":mod:`kursklib.actors.inflect_ru_endings`: Russian case forms by ending, where no dictionary
knows the word, and the word tests every inflector shares (build time, ``inflect_ru``)."""

from __future__ import annotations

import re
from functools import lru_cache

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
VOWELS = set("аеёиоуыэюя")
_HUSHING = set("жшчщц")
_VELAR_HUSHING = set("гкхжшчщ")
ACRONYM = re.compile(r"^(?:[A-ZА-ЯЁ0-9]\.?){2,8}$")
LATIN = re.compile(r"[A-Za-z]")
ORDINAL_DIGITS = re.compile(r"^(\d+)-(й|я|е|го|му|м|ю|х|ми|е)$")


@lru_cache(maxsize=1)
def morph():
    """pymorphy3's analyser with its Russian dictionary, loaded once."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


# --------------------------------------------------------------------------- casing

def match_case(form: str, model: str) -> str:
    """Give ``form`` the capitalisation of ``model``, hyphen part by hyphen part."""
    parts, models = form.split("-"), model.split("-")
    out = []
    for index, part in enumerate(parts):
        pattern = models[min(index, len(models) - 1)]
        if pattern.isupper() and len(pattern) > 1:
            out.append(part.upper())
        elif pattern[:1].isupper():
            out.append(part[:1].upper() + part[1:])
        else:
            out.append(part)
    return "-".join(out)


def with_ye(forms: set[str]) -> set[str]:
    """The forms, and each with "ё" written "е" (news mostly prints "е")."""
    return forms | {form.replace("ё", "е").replace("Ё", "Е") for form in forms}


# --------------------------------------------------------------------------- words

def is_fixed(word: str) -> bool:
    """Words that never inflect inside a name."""
    return (bool(ACRONYM.match(word)) or bool(LATIN.search(word)) or word.endswith(".")
            or any(char in word for char in "«»\"“”„()") or word[:1].isdigit()
            and not ORDINAL_DIGITS.match(word) or word in {"—", "-", "–"})


def noun_rules(word: str, gender: str, animate: bool) -> dict[str, set[str]]:
    """Case forms of a singular noun by its ending (the fallback paradigm)."""
    low = word.lower()
    last, stem = low[-1], low[:-1]
    forms: dict[str, set[str]]
    if last == "а" or last == "я":
        soft = last == "я"
        if low.endswith("ия"):
            gen = dat = loc = stem + "и"
        else:
            gen = stem + ("и" if soft or stem[-1:] in _VELAR_HUSHING else "ы")
            dat = loc = stem + "е"
        ins = stem + ("ей" if soft or stem[-1:] in _HUSHING else "ой")
        acc = stem + ("ю" if soft else "у")
        forms = {"nomn": {low}, "gent": {gen}, "datv": {dat}, "accs": {acc}, "ablt": {ins},
                 "loct": {loc}}
    elif last in VOWELS:  # о е и у ю э ы: indeclinable, except neuter place names in -о/-е
        forms = {case: {low} for case in CASES}
        if gender == "neut" and last in "oо" and not animate:
            forms["gent"].add(stem + "а")
            forms["datv"].add(stem + "у")
            forms["ablt"].add(stem + "ом")
            forms["loct"].add(stem + "е")
    elif gender == "femn":
        if last == "ь":  # Горналь, Тюмень: third declension
            forms = {"nomn": {low}, "gent": {stem + "и"}, "datv": {stem + "и"},
                     "accs": {low}, "ablt": {stem + "ью"}, "loct": {stem + "и"}}
        else:  # a woman's foreign surname in a consonant: indeclinable
            forms = {case: {low} for case in CASES}
    else:
        if last == "й":
            base, gen, dat, ins = stem, stem + "я", stem + "ю", stem + "ем"
            loc = stem + ("и" if low.endswith("ий") else "е")
        elif last == "ь":
            base, gen, dat, ins, loc = stem, stem + "я", stem + "ю", stem + "ем", stem + "е"
        else:
            base, gen, dat, loc = low, low + "а", low + "у", low + "е"
            ins = low + ("ем" if last in _HUSHING else "ом")
        del base
        forms = {"nomn": {low}, "gent": {gen}, "datv": {dat},
                 "accs": {gen} if animate else {low}, "ablt": {ins}, "loct": {loc}}
    return forms


def _adjective_rules(word: str, gender: str, animate: bool) -> dict[str, set[str]]:
    """Case forms of an adjectival surname or name word (Зеленский, Захарова is not)."""
    low = word.lower()
    if low.endswith(("ий", "ый", "ой")):
        stem, soft = low[:-2], low.endswith("ий") and low[-3:-2] not in "кгхжшчщц"
        o = "е" if soft or low[-3:-2] in "жшчщц" and low.endswith("ий") else "о"
        y = "и" if low.endswith("ий") or low[-3:-2] in "кгхжшчщ" else "ы"
        gen = stem + o + "го"
        return {"nomn": {low}, "gent": {gen}, "datv": {stem + o + "му"},
                "accs": {gen if animate else low}, "ablt": {stem + y + "м"},
                "loct": {stem + o + "м"}}
    if low.endswith(("ая", "яя")):
        stem = low[:-2]
        soft = low.endswith("яя")
        ending = "ей" if soft else "ой"
        return {"nomn": {low}, "gent": {stem + ending}, "datv": {stem + ending},
                "accs": {stem + ("юю" if soft else "ую")}, "ablt": {stem + ending},
                "loct": {stem + ending}}
    return {case: {low} for case in CASES}


def surname_rules(word: str, gender: str) -> dict[str, set[str]]:
    """Case forms of a surname by its ending and its bearer's gender ("masc", "femn")."""
    low = word.lower()
    if "-" in low:  # a double surname declines each part
        parts = [surname_rules(part, gender) for part in low.split("-")]
        return {case: {"-".join(sorted(p[case])[0] for p in parts)} for case in CASES}
    if gender == "femn":
        if low.endswith(("ова", "ева", "ёва", "ина", "ына")):
            stem = low[:-1]
            return {"nomn": {low}, "gent": {stem + "ой"}, "datv": {stem + "ой"},
                    "accs": {stem + "у"}, "ablt": {stem + "ой"}, "loct": {stem + "ой"}}
        if low.endswith(("ая", "яя")):
            return _adjective_rules(low, "femn", True)
        if low[-1] in "ая" and not low.endswith(("иа",)):
            return noun_rules(low, "femn", True)
        return {case: {low} for case in CASES}
    if low.endswith(("ко", "их", "ых", "аго", "яго")) or low[-1] in "оеиуюэы":
        return {case: {low} for case in CASES}
    if low.endswith(("ов", "ев", "ёв", "ин", "ын")):
        forms = {"nomn": {low}, "gent": {low + "а"}, "datv": {low + "у"}, "accs": {low + "а"},
                 "ablt": {low + "ым"}, "loct": {low + "е"}}
        if low.endswith(("ин", "ын")):  # foreign -ин takes -ом (Остином, not Остиным)
            forms["ablt"].add(low + "ом")
        return forms
    if low.endswith(("ский", "цкий", "ской", "цкой", "ный", "ний", "ой", "ый")) or (
            low.endswith("ий") and len(low) > 4):
        return _adjective_rules(low, "masc", True)
    return noun_rules(low, "masc", True)
