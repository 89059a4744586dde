""":mod:`kursklib.languages`: each document's language, and a corpus cut by language.

A document's language comes from its ``language`` metadata when given, else from the
caller's default, else it is detected: among the packaged languages, those whose script
(``script`` in ``data/lang/<code>.yaml``) the text's letters are written in, and where
several share it, py3langid restricted to them (its model is loaded on first need only).
A document in a language kursklib has no resources for keeps its code and is tagged with
the fallback language's (``resources_for``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache

from .errors import LanguageError
from .lang import available_languages, load_language

# The language of a text without letters.
FALLBACK_LANGUAGE = "en"
_CODE = re.compile(r"[A-Za-z]{2,3}")
# Letters read per text to find its scripts: the first few thousand decide.
_SAMPLE_CHARS = 4000
# Share of a text's letters a script needs to count (a Latin acronym in Russian text does not).
_SCRIPT_SHARE = 0.2


def detect_language(text: str) -> str:
    """The packaged language a text is written in (see the module's docstring).

    Example:
        >>> detect_language("Пхеньян подтвердил отправку войск."), detect_language("Kim met.")
        ('ru', 'en')
    """
    candidates = _candidates(text)
    if len(candidates) == 1:
        return candidates[0]
    if not candidates:  # no letters: numbers, symbols
        return FALLBACK_LANGUAGE
    return _identifier(tuple(candidates)).classify(text[:20 * _SAMPLE_CHARS])[0]


def check_language(code: object, *, where: str) -> str:
    """A language code given in metadata or as an argument (ISO 639-1 or 639-3), checked
    and lower-cased; ``where`` names it in the error."""
    if not isinstance(code, str) or not _CODE.fullmatch(code.strip()):
        raise LanguageError(f"{where}: language {code!r} is not an ISO 639 code such as "
                            f"{' or '.join(available_languages())}")
    return code.strip().lower()


def resources_for(code: str) -> str:
    """The packaged language whose resources tag a document in ``code``: its own, else the
    fallback's.

    Example:
        >>> resources_for("ru"), resources_for("uk")
        ('ru', 'en')
    """
    return code if code in available_languages() else FALLBACK_LANGUAGE


def document_languages(texts: Iterable[str], given: Iterable[object],
                       default: str | None) -> list[str]:
    """Each text's language: the given one where present, else ``default``, else detected."""
    return [str(code) if isinstance(code, str) and code else default or detect_language(text)
            for text, code in zip(texts, given, strict=True)]


def _script(char: str) -> str:
    """A letter's script: the first word of its Unicode name ("CYRILLIC", "LATIN")."""
    return unicodedata.name(char, " ").split(" ", 1)[0]


def _candidates(text: str) -> list[str]:
    letters = Counter(_script(char) for char in text[:_SAMPLE_CHARS] if char.isalpha())
    total = sum(letters.values())
    scripts = {script for script, count in letters.items() if count >= _SCRIPT_SHARE * total}
    return [code for code in available_languages()
            if load_language(code).script.upper() in scripts]


@lru_cache(maxsize=4)
def _identifier(languages: tuple[str, ...]):
    """py3langid's model restricted to some languages, loaded once (it takes a second)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    try:
        identifier.set_languages(list(languages))
    except ValueError as error:
        raise LanguageError(f"py3langid cannot identify {languages}: {error}") from None
    return identifier
