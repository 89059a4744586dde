""":mod:`kursklib.actors.inflect_ru`: every case form of the Russian names in the gazetteer.

Build time only (needs pymorphy3 and its dictionary, the ``test`` extra): ``python -m
kursklib.actors.inflect_ru`` reads the dictionary forms in ``data/gazetteer_ru.yaml`` and
writes every form to ``data/gazetteer_ru_forms.yaml``, the layer ``load_gazetteer`` adds to
the packaged actors; a test checks that the file is what this module generates. Tagging
never inflects: the matcher finds the generated forms in its one pass.

* Noun phrases (places, organisations, states): the head is the first noun in the
  nominative; adjectives and participles before it agree with it in gender, number and
  animacy; everything after it (genitive complements "обороны Российской Федерации",
  appositions "Республика Корея") stays as written. Acronyms, Latin words, quoted words,
  words ending in "." ("обл.") and digits never change. pymorphy3 inflects the words;
  when it has no noun parse for the head (foreign names) a rule table by ending does.
* Person names: pymorphy3's first parse is unreliable on surnames (Лапин → plural of
  "лапина", Алаудинов → "алаудин"), so rules by ending and gender come first and pymorphy3
  only gives Russian given names and patronymics it knows (fleeting vowels: Павел → Павла).
  East Asian names decline only their last syllable, and only for men whose name ends in
  a consonant (Ким Чен Ын → Ким Чен Ына; Ким Ё Чжон never changes). Both the
  all-words-declined and the surname-only-declined forms are kept ("Джей Ди Вэнса").
* Demonyms: an adjective gives its full lexeme (every case, gender, number); a noun every
  case in both numbers.
* Every form with "ё" is also given with "е" (Кремлём / Кремлем): news mostly prints "е".
"""

from __future__ import annotations

import importlib.resources
import re
import sys
from functools import lru_cache

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
# The second locative ("в полку", "в году", "в Крыму") exists for some nouns; added when found.
EXTRA_CASES = ("loc2",)
EAST_ASIAN = frozenset({"PRK", "KOR", "CHN", "VNM", "TWN", "MNG_SYLLABIC"})
_VOWELS = set("аеёиоуыэюя")
_HUSHING = set("жшчщц")
_VELAR_HUSHING = set("гкхжшчщ")
_ACRONYM = re.compile(r"^(?:[A-ZА-ЯЁ0-9]\.?){2,8}$")
_LATIN = re.compile(r"[A-Za-z]")
# Abbreviated head nouns that never inflect, with the gender their adjective agrees with.
ABBREVIATED_HEADS = {"обл.": "femn", "р-н": "masc", "г.": "masc", "пос.": "masc", "с.": "neut",
                     "ул.": "femn", "пр-т": "masc", "респ.": "femn"}
_GLUED_INITIALS = re.compile(r"^((?:[А-ЯЁA-Z]\.)+)([А-ЯЁA-Z][^.\s]+)$")
_ORDINAL_DIGITS = re.compile(r"^(\d+)-(й|я|е|го|му|м|ю|х|ми|е)$")


@lru_cache(maxsize=1)
def _morph():
    """pymorphy3's analyser with its Russian dictionary, loaded once."""
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


# --------------------------------------------------------------------------- casing

def _match_case(form: str, model: str) -> str:
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


def _with_ye(forms: set[str]) -> set[str]:
    return forms | {form.replace("ё", "е").replace("Ё", "Е") for form in forms}


# --------------------------------------------------------------------------- words

def _is_fixed(word: str) -> bool:
    """Words that never inflect inside a name."""
    return (bool(_ACRONYM.match(word)) or bool(_LATIN.search(word)) or word.endswith(".")
            or any(char in word for char in "«»\"“”„()") or word[:1].isdigit()
            and not _ORDINAL_DIGITS.match(word) or word in {"—", "-", "–"})


def _noun_rules(word: str, gender: str, animate: bool) -> dict[str, set[str]]:
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
    elif last in _VOWELS:  # о е и у ю э ы: indeclinable, except neuter place names in -о/-е
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


def _surname_rules(word: str, gender: str) -> dict[str, set[str]]:
    low = word.lower()
    if "-" in low:  # a double surname declines each part
        parts = [_surname_rules(part, gender) for part in low.split("-")]
        return {case: {"-".join(sorted(p[case])[0] for p in parts)} for case in CASES}
    if gender == "femn":
        if low.endswith(("ова", "ева", "ёва", "ина", "ына")):
            stem = low[:-1]
            return {"nomn": {low}, "gent": {stem + "ой"}, "datv": {stem + "ой"},
                    "accs": {stem + "у"}, "ablt": {stem + "ой"}, "loct": {stem + "ой"}}
        if low.endswith(("ая", "яя")):
            return _adjective_rules(low, "femn", True)
        if low[-1] in "ая" and not low.endswith(("иа",)):
            return _noun_rules(low, "femn", True)
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
    return _noun_rules(low, "masc", True)


def _given_name_forms(word: str, gender: str) -> dict[str, set[str]]:
    """A given name or patronymic: the rule forms, plus pymorphy3's Name/Patr lexeme."""
    low = word.lower()
    if "-" in low:  # Юнус-Бек: both parts decline
        parts = [_given_name_forms(part, gender) for part in low.split("-")]
        return {case: {"-".join(sorted(p[case])[0] for p in parts)} for case in CASES}
    if gender == "femn" and low[-1] not in "ая" and not low.endswith("ь"):
        forms = {case: {low} for case in CASES}  # Кэролайн, Санаэ
    elif gender == "femn" and low.endswith("ь"):
        forms = _noun_rules(low, "femn", True)  # Любовь -> Любови (rare in the cast)
    else:
        forms = _noun_rules(low, gender, True)
    for parse in _morph().parse(low):
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


# --------------------------------------------------------------------------- persons

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
        if g == "femn" or last[-1].lower() in _VOWELS or _is_fixed(last):
            return _with_ye({name})
        tables = [{case: {w.lower()} for case in CASES} for w in words[:-1]]
        tables.append(_noun_rules(last, "masc", True))
        surname_at = len(words) - 1
    else:
        tables = []
        initial = re.compile(r"[А-ЯЁA-Z]\.(?:[А-ЯЁA-Z]\.)?")
        # The surname is the last word that is not an initial ("Путин В. В." too).
        surname_at = max(i for i, w in enumerate(words) if not initial.fullmatch(w))
        for index, word in enumerate(words):
            if _is_fixed(word) or initial.fullmatch(word):
                tables.append({case: {word.lower()} for case in CASES})
            elif index == surname_at:
                tables.append(_surname_rules(word, g))
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
    return _with_ye({_restore(form, name) for form in out})


def _restore(form: str, model: str) -> str:
    models = model.split()
    parts = form.split()
    return " ".join(_match_case(part, models[min(i, len(models) - 1)])
                    for i, part in enumerate(parts))


# --------------------------------------------------------------------------- phrases

def _noun_parse(word: str, prefer: tuple[str, ...]):
    """The best nominative noun parse of a word, or None."""
    candidates = [p for p in _morph().parse(word.lower()) if p.tag.POS == "NOUN"
                  and p.tag.case == "nomn"]
    if not candidates:
        return None

    def rank(p):
        return (sum(g in p.tag.grammemes for g in prefer), "inan" in p.tag.grammemes, p.score)
    return max(candidates, key=rank)


def _acronym_parse(word: str):
    """pymorphy3's parse of an acronym (its gender: МИД masc, ФСБ femn), or None."""
    parses = [p for p in _morph().parse(word.lower()) if p.tag.POS == "NOUN"]
    return parses[0] if parses else None


def _is_adjectival(word: str) -> bool:
    return any(p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "nomn"
               for p in _morph().parse(word.lower()))


def _adjective_parse(word: str, gender: str | None, number: str):
    candidates = [p for p in _morph().parse(word.lower()) if p.tag.POS in ("ADJF", "PRTF")
                  and p.tag.case == "nomn" and p.tag.number == number
                  and (number == "plur" or p.tag.gender == gender)]
    return max(candidates, key=lambda p: p.score) if candidates else None


def _ordinal_digits(word: str, gender: str | None, number: str, case: str, animate: bool
                    ) -> str:
    """"11-й" agreeing with its noun: 11-го, 11-му, 11-м..."""
    digits = word.split("-")[0]
    if number == "plur":
        suffix = {"nomn": "е", "gent": "х", "datv": "м", "accs": "х" if animate else "е",
                  "ablt": "ми", "loct": "х"}[case]
    elif gender == "femn":
        suffix = {"nomn": "я", "gent": "й", "datv": "й", "accs": "ю", "ablt": "й",
                  "loct": "й"}[case]
    else:
        suffix = {"nomn": "й" if gender == "masc" else "е", "gent": "го", "datv": "му",
                  "accs": ("го" if animate else "й") if gender == "masc" else "е",
                  "ablt": "м", "loct": "м"}[case]
    return f"{digits}-{suffix}"


def inflect_phrase(phrase: str, *, kind: str = "place") -> set[str]:
    """Every case form of a noun phrase: head noun with its agreeing adjectives.

    Args:
        kind: "place", "org" or "state" (all inanimate); decides which noun parse wins.

    Example:
        >>> sorted(inflect_phrase("Курская область"))[:3]
        ['Курская область', 'Курской области', 'Курской областью']
    """
    words = phrase.split()
    prefer = {"place": ("Geox",), "state": ("Geox",), "org": ("Orgn",)}.get(kind, ())
    head_index, head = None, None
    for index, word in enumerate(words):
        if _ORDINAL_DIGITS.match(word):
            continue  # "528-й": agrees like an adjective
        if _is_fixed(word):
            if index and (_ACRONYM.match(word) or word in ABBREVIATED_HEADS):
                # "российский МИД", "Курская обл.": the acronym or abbreviation is the head
                head_index, head = index, _acronym_parse(word)
            break
        parse = _noun_parse(word, prefer)
        # A word that can be an adjective, followed by an adjective or a noun, is a modifier.
        following = words[index + 1] if index + 1 < len(words) else ""
        if _is_adjectival(word) and following and (
                _ACRONYM.match(following) or following in ABBREVIATED_HEADS
                or not _is_fixed(following) and (
                    _is_adjectival(following) or _noun_parse(following, prefer) is not None)):
            continue
        head_index, head = index, parse
        break
    if head_index is None:
        return _with_ye({phrase})
    head_word = words[head_index]
    if _ACRONYM.match(head_word) or head_word in ABBREVIATED_HEADS:
        head_forms = {case: {head_word} for case in CASES}
        gender = ABBREVIATED_HEADS.get(head_word) or (
            head.tag.gender if head is not None else None) or "masc"
        number = "sing"
        head = None
    elif head is not None and "Fixd" in head.tag.grammemes:
        head_forms = {case: {head_word.lower()} for case in CASES}
        gender, number = head.tag.gender or "neut", head.tag.number or "sing"
    elif head is not None:
        gender, number = head.tag.gender, head.tag.number
        head_forms = {}
        for case in CASES + EXTRA_CASES:
            form = head.inflect({case, number})
            if form:
                head_forms.setdefault("loct" if case == "loc2" else
                                      "gent" if case == "gen2" else case, set()).add(form.word)
        if kind == "place" and head.tag.gender == "neut" and head_word.lower()[-1] == "о":
            for case in CASES:  # Коренево, Тёткино: indeclinable in most news
                head_forms[case].add(head_word.lower())
        if "-" in head_word and kind == "place":  # Николаево-Дарьино: only the last part too
            first, rest = head_word.lower().split("-", 1)
            rest_parse = _noun_parse(rest, prefer)
            if rest_parse is not None:
                for case in CASES:
                    form = rest_parse.inflect({case, number})
                    if form:
                        head_forms[case].add(f"{first}-{form.word}")
    else:  # no dictionary noun: the rule table (foreign names)
        last = head_word.lower()[-1]
        gender = "femn" if last in "ая" else "neut" if last in "oое" else "masc"
        number = "sing"
        head_forms = _noun_rules(head_word, gender, animate=False)
    animate = head is not None and "anim" in head.tag.grammemes and kind not in (
        "place", "state", "org")
    out = set()
    for case in CASES:
        modifiers = []
        for word in words[:head_index]:
            if _ORDINAL_DIGITS.match(word):
                modifiers.append({_ordinal_digits(word, gender, number, case, animate)})
                continue
            parse = _adjective_parse(word, gender, number)
            if parse is None:
                modifiers.append({word.lower()})
                continue
            grammemes = {case, number} | ({gender} if number == "sing" else set())
            if case == "accs" and (number == "plur" or gender == "masc"):
                grammemes.add("anim" if animate else "inan")
            form = parse.inflect(grammemes)
            modifiers.append({form.word} if form else {word.lower()})
        combos = [""]
        for options in modifiers:
            combos = [f"{c} {o}".strip() for c in combos for o in sorted(options)]
        tails = {" ".join(words[head_index + 1:])}
        if head_index + 2 == len(words) and number == "sing":
            # "река Туманная" -> "реке Туманной"; "космодром Восточный" also stays as is.
            postposed = _adjective_parse(words[-1], gender, number)
            if postposed is not None:
                form = postposed.inflect({case, number, gender} | (
                    {"inan"} if case == "accs" and gender == "masc" else set()))
                if form:
                    tails.add(_match_case(form.word, words[-1]))
        for combo in combos:
            for head_form in head_forms.get(case, {head_word.lower()}):
                for tail in tails:
                    out.add(" ".join(x for x in (combo, head_form, tail) if x))
    models = words
    restored = set()
    for form in out:
        parts = form.split()
        restored.add(" ".join(part if i >= head_index + 1 else _match_case(part, models[i])
                              for i, part in enumerate(parts)))
    return _with_ye(restored)


def inflect_demonym(word: str) -> set[str]:
    """Every form of a demonym: an adjective's full lexeme, or a noun in both numbers.

    Example:
        >>> "северокорейских" in inflect_demonym("северокорейский")
        True
    """
    if " " in word:
        return inflect_phrase(word, kind="org")
    parses = _morph().parse(word.lower())
    adjective = [p for p in parses if p.tag.POS == "ADJF" and p.tag.case == "nomn"]
    noun = [p for p in parses if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
    chosen = adjective[0] if adjective else (noun[0] if noun else None)
    if chosen is None:
        return _with_ye({word})
    forms = {f.word for f in chosen.lexeme
             if f.tag.POS in ("ADJF", "NOUN") and "Supr" not in f.tag.grammemes
             and "Cmp2" not in f.tag.grammemes}
    return _with_ye({_match_case(form, word) for form in forms})


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


def inflect_entry(entry: dict) -> dict[str, set[str]]:
    """All surface forms of one gazetteer_ru.yaml entry, by gazetteer field.

    Persons need ``gender``; ``country`` in EAST_ASIAN selects last-syllable declension.
    ``fixed`` lists aliases that must not be inflected.
    """
    fixed = set(entry.get("fixed") or [])
    kind = entry.get("type", "place")
    out: dict[str, set[str]] = {}
    for field in ("aliases", "short"):
        forms: set[str] = set()
        for alias in entry.get(field) or []:
            if alias in fixed or _ACRONYM.match(alias) or _LATIN.search(alias):
                forms |= {alias}
            elif " " not in alias and alias.islower():  # "корейский", "кореец": every form
                forms |= inflect_demonym(alias)
            elif kind == "person":
                east = entry.get("country") in EAST_ASIAN and entry.get("east_asian", True)
                forms |= inflect_person(alias, gender=entry["gender"], east_asian=east)
                if field == "aliases" and not east and len(alias.split()) >= 2:
                    for variant in initials_variants(alias):
                        forms |= inflect_person(variant, gender=entry["gender"])
            elif " " not in alias and kind in ("org",) and alias[:1].isupper() and \
                    _noun_parse(alias, ("Orgn",)) is None:
                forms |= inflect_phrase(alias, kind="org")
            else:
                forms |= inflect_phrase(alias, kind=kind if kind != "person" else "place")
        if forms:
            out[field] = forms
    for field in ("demonyms",):
        forms = set()
        for word in entry.get(field) or []:
            forms |= {word} if word in fixed else inflect_demonym(word)
        if forms:
            out[field] = forms
    for field in ("metonyms",):
        forms = set()
        for word in entry.get(field) or []:
            forms |= {word} if word in fixed or _ACRONYM.match(word) else inflect_phrase(
                word, kind="place")
        if forms:
            out[field] = forms
    return out


SOURCE = "data/gazetteer_ru.yaml"
FORMS = "data/gazetteer_ru_forms.yaml"
_HEADER = ("# Every form of the Russian names in gazetteer_ru.yaml, generated by\n"
           "# `python -m kursklib.actors.inflect_ru`: do not edit (a test regenerates it).\n")


def build_forms(source: str) -> str:
    """The generated gazetteer layer (YAML text) for a source file's dictionary forms.

    Each source entry extends the packaged actor of its id; its type and country come from
    the packaged gazetteer. ``compound_stems`` become demonyms ("российско" in
    "российско-северокорейский"); ``ignore`` phrases are inflected like places.
    """
    import yaml

    from .gazetteer import DEFAULT_GAZETTEER, _packaged

    packaged = {entry["id"]: entry for _, entry in _packaged(DEFAULT_GAZETTEER)[0]}
    data = yaml.safe_load(source)
    stems = data.get("compound_stems") or {}
    actors = []
    for entry in data["actors"]:
        base = packaged[entry["id"]]
        forms = inflect_entry({**entry, "type": base["type"],
                               "country": base.get("country", "")})
        if entry["id"] in stems:
            forms["demonyms"] = forms.get("demonyms", set()) | set(stems[entry["id"]])
        actors.append({"id": entry["id"], **{field: sorted(forms[field]) for field in (
            "aliases", "short", "demonyms", "metonyms") if forms.get(field)}})
    ignore = sorted({form for phrase in data.get("ignore") or []
                     for form in inflect_phrase(phrase, kind="place")})
    return _HEADER + yaml.safe_dump({"ignore": ignore, "actors": actors}, allow_unicode=True,
                                    sort_keys=False, width=100)


def main() -> None:
    """Regenerate ``data/gazetteer_ru_forms.yaml`` from ``data/gazetteer_ru.yaml``."""
    root = importlib.resources.files("kursklib")
    text = build_forms(root.joinpath(SOURCE).read_text(encoding="utf-8"))
    with open(str(root.joinpath(FORMS)), "w", encoding="utf-8") as out:
        out.write(text)
    print(f"wrote {FORMS} ({text.count(chr(10))} lines)", file=sys.stderr)


if __name__ == "__main__":
    main()
