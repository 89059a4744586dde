""":mod:`kursklib.lang`: load a language's resources (``data/lang/<code>.yaml``) once."""

from __future__ import annotations

import importlib.resources
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

import yaml

from .errors import LanguageError

# The sections a language file may have; each engine reads its own.
SECTIONS = ("calendar", "sentences", "tokens", "actors", "dates")


@dataclass(frozen=True)
class Language:
    """One language's resources: a raw mapping per section, compiled by each engine.

    Attributes:
        code: ISO 639-1 code ("en").
        name: English name of the language.
        script: Its script, as the first word of its letters' Unicode names ("Latin").
        sections: Section name → its mapping (empty when the file lacks it).
    """

    code: str
    name: str
    script: str
    sections: Mapping[str, Mapping[str, object]]

    def words(self, section: str, key: str, *, lower: bool = True) -> tuple[str, ...]:
        """Return one word list of a section, in file order (lower-cased unless told).

        A list is taken item by item; a string is split at whitespace.

        Example:
            >>> load_language("en").words("actors", "articles")
            ('the',)
        """
        value = self.sections.get(section, {}).get(key, ())
        items = value.split() if isinstance(value, str) else list(value)
        if not all(isinstance(item, str) for item in items):
            raise LanguageError(f"language {self.code!r}: {section}.{key} must be a list of "
                                "strings")
        return tuple(dict.fromkeys(item.lower() if lower else item for item in items))

    @property
    def months(self) -> tuple[tuple[str, ...], ...]:
        """Each month's names (full name first, then abbreviations), January first."""
        months = self.sections.get("calendar", {}).get("months", ())
        return tuple(tuple(names) for names in months)

    @property
    def weekdays(self) -> tuple[str, ...]:
        """The weekday names, Monday first."""
        return self.words("calendar", "weekdays", lower=False)


@lru_cache(maxsize=1)
def available_languages() -> tuple[str, ...]:
    """Return the codes of every packaged language, sorted.

    Example:
        >>> "en" in available_languages()
        True
    """
    folder = importlib.resources.files("kursklib") / "data" / "lang"
    return tuple(sorted(entry.name.removesuffix(".yaml") for entry in folder.iterdir()
                        if entry.name.endswith(".yaml")))


@lru_cache(maxsize=None)
def load_language(code: str) -> Language:
    """Load the packaged resources of a language, once per process.

    Example:
        >>> load_language("en").name
        'English'
    """
    if not isinstance(code, str) or code not in available_languages():
        raise LanguageError(f"no language resources for {code!r} "
                            f"(available: {', '.join(available_languages())})")
    resource = importlib.resources.files("kursklib") / "data" / "lang" / f"{code}.yaml"
    data = yaml.safe_load(resource.read_text(encoding="utf-8"))
    sections = {name: data.get(name) or {} for name in SECTIONS}
    return Language(code=code, name=str(data.get("name", code)),
                    script=str(data.get("script", "")), sections=sections)
