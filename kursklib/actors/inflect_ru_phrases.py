""":mod:`kursklib.actors.inflect_ru_phrases`: every case form of a Russian noun phrase or
demonym (build time, ``inflect_ru``)."""

from __future__ import annotations

from .inflect_ru_endings import (
    ACRONYM,
    CASES,
    ORDINAL_DIGITS,
    is_fixed,
    match_case,
    morph,
    noun_rules,
    with_ye,
)

# The second locative ("в полку", "в году", "в Крыму") exists for some nouns; added when found.
EXTRA_CASES = ("loc2",)
# Abbreviated head nouns that never inflect, with the gender their adjective agrees with.
ABBREVIATED_HEADS = {"обл.": "femn", "р-н": "masc", "г.": "masc", "пос.": "masc", "с.": "neut",
                     "ул.": "femn", "пр-т": "masc", "респ.": "femn"}


def noun_parse(word: str, prefer: tuple[str, ...]):
    """The best nominative noun parse of a word, or None."""
    candidates = [p for p in morph().parse(word.lower()) if p.tag.POS == "NOUN"
                  and p.tag.case == "nomn"]
    if not candidates:
        return None

    def rank(p):
        return (sum(g in p.tag.grammemes for g in prefer), "inan" in p.tag.grammemes, p.score)
    return max(candidates, key=rank)


def _acronym_parse(word: str):
    """pymorphy3's parse of an acronym (its gender: МИД masc, ФСБ femn), or None."""
    parses = [p for p in morph().parse(word.lower()) if p.tag.POS == "NOUN"]
    return parses[0] if parses else None


def _is_adjectival(word: str) -> bool:
    return any(p.tag.POS in ("ADJF", "PRTF") and p.tag.case == "nomn"
               for p in morph().parse(word.lower()))


def _adjective_parse(word: str, gender: str | None, number: str):
    candidates = [p for p in morph().parse(word.lower()) if p.tag.POS in ("ADJF", "PRTF")
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
        if ORDINAL_DIGITS.match(word):
            continue  # "528-й": agrees like an adjective
        if is_fixed(word):
            if index and (ACRONYM.match(word) or word in ABBREVIATED_HEADS):
                # "российский МИД", "Курская обл.": the acronym or abbreviation is the head
                head_index, head = index, _acronym_parse(word)
            break
        parse = noun_parse(word, prefer)
        # A word that can be an adjective, followed by an adjective or a noun, is a modifier.
        following = words[index + 1] if index + 1 < len(words) else ""
        if _is_adjectival(word) and following and (
                ACRONYM.match(following) or following in ABBREVIATED_HEADS
                or not is_fixed(following) and (
                    _is_adjectival(following) or noun_parse(following, prefer) is not None)):
            continue
        head_index, head = index, parse
        break
    if head_index is None:
        return with_ye({phrase})
    head_word = words[head_index]
    if ACRONYM.match(head_word) or head_word in ABBREVIATED_HEADS:
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
            rest_parse = noun_parse(rest, prefer)
            if rest_parse is not None:
                for case in CASES:
                    form = rest_parse.inflect({case, number})
                    if form:
                        head_forms[case].add(f"{first}-{form.word}")
    else:  # no dictionary noun: the rule table (foreign names)
        last = head_word.lower()[-1]
        gender = "femn" if last in "ая" else "neut" if last in "oое" else "masc"
        number = "sing"
        head_forms = noun_rules(head_word, gender, animate=False)
    animate = head is not None and "anim" in head.tag.grammemes and kind not in (
        "place", "state", "org")
    out = set()
    for case in CASES:
        modifiers = []
        for word in words[:head_index]:
            if ORDINAL_DIGITS.match(word):
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
                    tails.add(match_case(form.word, words[-1]))
        for combo in combos:
            for head_form in head_forms.get(case, {head_word.lower()}):
                for tail in tails:
                    out.add(" ".join(x for x in (combo, head_form, tail) if x))
    models = words
    restored = set()
    for form in out:
        parts = form.split()
        restored.add(" ".join(part if i >= head_index + 1 else match_case(part, models[i])
                              for i, part in enumerate(parts)))
    return with_ye(restored)


def inflect_demonym(word: str) -> set[str]:
    """Every form of a demonym: an adjective's full lexeme, or a noun in both numbers.

    Example:
        >>> "северокорейских" in inflect_demonym("северокорейский")
        True
    """
    if " " in word:
        return inflect_phrase(word, kind="org")
    parses = morph().parse(word.lower())
    adjective = [p for p in parses if p.tag.POS == "ADJF" and p.tag.case == "nomn"]
    noun = [p for p in parses if p.tag.POS == "NOUN" and p.tag.case == "nomn"]
    chosen = adjective[0] if adjective else (noun[0] if noun else None)
    if chosen is None:
        return with_ye({word})
    forms = {f.word for f in chosen.lexeme
             if f.tag.POS in ("ADJF", "NOUN") and "Supr" not in f.tag.grammemes
             and "Cmp2" not in f.tag.grammemes}
    return with_ye({match_case(form, word) for form in forms})
