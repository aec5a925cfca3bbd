#!/usr/bin/env python3
"""Builds DossierText's tables of known people and organisations from the Phoenix actor dictionaries.

  Scripts/make-known-actors.py [--phoenix DIR] [--report]
  Scripts/build-gazetteer-snapshot        (afterwards: the snapshot loaded at start-up)

Reads the PETRARCH2/Phoenix actor dictionaries (MIT licence, © 2014 Open Event Data Alliance;
default DIR: ../shared/lexicons/petrarch2 next to the repository) and writes, into
Sources/DossierText/Resources/Gazetteers/:

  known-people.tsv         named persons (heads of state and government, ministers, leaders of
                           international organisations and armed groups): canonical<TAB>aliases
  known-organizations.tsv  international organisations, NGOs, armed non-state groups, companies and
                           national institutions: canonical<TAB>aliases
  known-first-names.tsv    first names of those persons that the census list lacks ("Vladimir", "Ahmed")

The dictionaries are written for an event coder, not for a name finder, so the script is
conservative about what it keeps:

- A record is a primary phrase, its `+` synonyms and its code lines; primary phrases that follow one
  another before any code share those codes (the dictionaries list spellings of one person that way).
- Country records (a bare country code such as `[AFG]`) are skipped: their synonyms are cities,
  provinces and misspellings, which the place gazetteers cover.
- Titles, demonyms and country names before a name are stripped from aliases ("PRESIDENT_VLADIMIR_PUTIN",
  "RUSSIAN_PRESIDENT_VLADIMIR_PUTIN" are "Vladimir Putin"); aliases that still hold a title, a head
  word of an organisation ("OBAMA_ADMINISTRATION") or digits are dropped.
- A person is a record whose codes are a country's government or elite (`GOV`, `ELI`, …) or an
  international organisation's, whose name has two to five words, none of them a head word of an
  organisation, a title, a function word (particles such as "al", "bin", "van der" aside), a country
  or a demonym.
- A one-word alias of a person (a surname: "PUTIN") is kept only when it is that person's last
  name word, no other person has it, and it is no word the other gazetteers know (a first name, a
  common US surname, a place, a title, a function word).
- Spellings of one person in separate records ("DMITRY_MEDVEDEV", "DMITRI_MEDVEDEV") are joined
  when they differ in one name word by at most two letters and share the country.
- A name that stands for several people ("George Bush") is kept as a person of its own name, so it is
  still typed as a person but resolves to none of them.
- An organisation is a record that is no person and no role, whose name has a head word of an
  organisation or comes from the international or non-state dictionaries with two words or more;
  acronyms are kept as aliases when the name's initials spell them.

Names are written in title case with particles and connectors in lower case ("Bashar al-Assad",
"Economic Community of West African States"), "Mc" names as "McCain".
"""
import argparse
import collections
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "Sources", "DossierText", "Resources", "Gazetteers")
DEFAULT_PHOENIX = os.path.join(ROOT, "..", "shared", "lexicons", "petrarch2")

# Words before a name that say who the person is, beyond titles.tsv: honorifics, qualifiers, and
# the abbreviations the dictionaries write.
EXTRA_TITLE_WORDS = {
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "former", "ex", "acting", "late", "the", "then",
    "us", "u.s.", "un", "u.n.", "uk", "eu", "nato", "mullah", "mawlawi", "maulana", "hajji", "haji",
    "gen", "gen.", "col", "col.", "lt", "lt.", "maj", "maj.", "capt", "capt.", "sgt", "adm", "adm.",
    "brig", "brig.", "chief", "head", "deputy", "vice", "interim", "de-facto", "caretaker", "new", "elected",
    "president-elect", "prime-minister", "secretary-general", "under-secretary", "foreign", "defense", "defence",
    "finance", "interior", "minister", "sen", "sen.", "rep", "rep.", "gov", "gov.", "senator", "united", "states",
    "nations", "american", "soviet", "russian", "party", "leader", "commander", "general", "supreme",
}
# Words that make an entry a role or a collective, not a named person or organisation.
ROLE_WORDS = {
    "chief", "head", "leader", "leaders", "spokesman", "spokesmen", "spokeswoman", "official", "officials",
    "delegation", "delegate", "delegates", "envoy", "representative", "representatives", "member", "members",
    "troops", "soldiers", "soldier", "officer", "officers", "people", "citizens", "residents", "staff",
    "peacekeeper", "peacekeepers", "monitors", "inspectors", "observers", "chairman", "president", "minister",
    "secretary", "secretary-general", "director", "commissioner", "ambassador", "administration", "regime",
    "government", "cabinet", "forces", "military", "army", "police", "rebels", "militants", "insurgents",
    "supporters", "loyalists", "fighters", "gunmen",
}
# Name particles, written in lower case inside a name ("Bashar al-Assad", "Ursula von der Leyen").
PARTICLES = {"al", "el", "bin", "ibn", "bint", "abu", "van", "von", "der", "den", "de", "da", "di", "du", "del",
             "della", "dos", "das", "la", "le", "ter", "ten", "y", "e", "zu", "af"}
# Particles that prefix a word with a hyphen ("al-Assad") or an apostrophe ("d'Estaing").
HYPHEN_PARTICLES = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "ath", "ud", "ul"}
# Words kept in lower case inside organisation names.
CONNECTORS = {"of", "the", "for", "and", "in", "on", "to", "at", "a", "an", "against", "with", "by", "from", "de", "des",
              "du", "la", "le", "les", "del", "della", "di", "da", "et", "pour", "y", "e", "el", "al", "fur", "und", "fi",
              "wa"}
# Codes after the country code that a person's record carries (government, elite, opposition, …).
PERSON_SECTORS = ("GOV", "ELI", "OPP", "REB", "LEG", "JUD", "SPY", "MIL", "UNR", "PRI")
# Sector codes: a six-letter code ending in one is a country's sector ("RUSGOV"), others name a
# territory ("DNKGRL").
SECTORS = {"GOV", "ELI", "MIL", "OPP", "REB", "LEG", "JUD", "SPY", "COP", "BUS", "MED", "EDU", "HLH", "DEV",
           "LAB", "ENV", "HRI", "REL", "REF", "AGR", "CVL", "UNR", "PRI", "OCC", "MUS", "CHR", "UAF", "SEP",
           "INS", "CRM", "RAD", "MOD", "JEW", "HIN", "BUD", "IGO", "NGO", "NGM", "IMG", "MNC", "ATG", "FRM"}
ENGLISH_WORDS = "/usr/share/dict/american-english"
# The ordinary English words (filled from ENGLISH_WORDS): a short word of an organisation's name that
# is none is an acronym.
ENGLISH = set()


def read_table(name):
    """The first column of a hand-written gazetteer table, folded to lower case."""
    words = set()
    with open(os.path.join(OUT, name), encoding="utf-8") as table:
        for line in table:
            if line.startswith("#") or not line.strip():
                continue
            columns = line.rstrip("\n").split("\t")
            words.add(columns[0].lower())
            if len(columns) > 1 and name not in ("organization-heads.tsv",):
                words.update(alias.lower() for alias in columns[1].split("|") if alias)
    return words


def read_cased(name):
    """The first column of a hand-written gazetteer table, as written."""
    with open(os.path.join(OUT, name), encoding="utf-8") as table:
        return [line.split("\t")[0].strip() for line in table if not line.startswith("#") and line.strip()]


class Lexicon:
    """What the other gazetteer tables say about words."""

    def __init__(self):
        self.titles = read_table("titles.tsv")
        self.title_words = {word for title in self.titles for word in title.split()} | EXTRA_TITLE_WORDS
        # Heads written in capitals ("XI", "FC", "AG") are acronyms: as words of a name in the
        # dictionaries' capitals they say nothing ("XI Jinping").
        self.heads = {w.lower() for w in read_cased("organization-heads.tsv") if not (w.isupper() and len(w) <= 3)}
        self.function_words = read_table("function-words.tsv")
        self.not_person = read_table("not-person-words.tsv")
        self.first_names = read_table("first-names.tsv")
        self.surnames = read_table("surnames.tsv")
        places = set()
        for table in ("countries.tsv", "cities.tsv", "regions.tsv", "places.tsv"):
            places |= read_table(table)
        self.places = places
        self.countries = read_table("countries.tsv")
        demonyms = set()
        with open(os.path.join(OUT, "demonyms.tsv"), encoding="utf-8") as table:
            for line in table:
                if line.startswith("#") or not line.strip():
                    continue
                columns = line.rstrip("\n").split("\t")
                demonyms.add(columns[0].lower())
                if len(columns) > 1:
                    demonyms.update(d.lower() for d in columns[1].split("|"))
        self.demonyms = demonyms
        self.organizations = read_table("organizations.tsv")
        if not os.path.exists(ENGLISH_WORDS):
            sys.exit(f"missing {ENGLISH_WORDS}: apt-get install wamerican")
        with open(ENGLISH_WORDS, encoding="utf-8") as words:
            # Lower-case entries are ordinary words; capitalised ones are names.
            self.english = {line.strip() for line in words if line[:1].islower()}
        ENGLISH.update(self.english)

    def is_head(self, word):
        word = word.lower()
        return word in self.heads or (word.endswith("s") and word[:-1] in self.heads)

    def is_known_word(self, word):
        word = word.lower()
        return (word in self.english or word in self.first_names or word in self.places or word in self.title_words
                or word in self.function_words or word in self.demonyms or word in self.not_person or self.is_head(word))


# MARK: Reading the dictionaries

class Record:
    def __init__(self, source):
        self.source = source
        self.names = []      # raw phrases, the primary first
        self.codes = []      # (code, dated)
        self.comments = []

    @property
    def primary(self):
        return self.names[0]


CODE = re.compile(r"\[([^\]]*)\]")


def split_comment(line):
    position = line.find("#")
    if position < 0:
        return line, ""
    return line[:position], line[position + 1:]


def read_records(path, source):
    records = []
    current = None
    seen_codes = False
    with open(path, encoding="utf-8", errors="replace") as dictionary:
        for raw in dictionary:
            line, comment = split_comment(raw.rstrip("\n"))
            if not line.strip():
                if raw.strip() == "" and current is not None:
                    current, seen_codes = None, False  # a blank line ends a record
                continue
            body = line.strip()
            if line[0] in " \t" and body.startswith("["):
                if current is not None:
                    current.codes += parse_codes(body)
                    seen_codes = True
                continue
            if body.startswith("+"):
                if current is not None:
                    name = CODE.sub("", body[1:]).strip()
                    if name:
                        current.names.append(name)
                continue
            # A primary phrase, maybe with codes on the same line.
            name = CODE.sub("", body).strip()
            codes = parse_codes(body)
            if current is None or seen_codes or codes:
                current = Record(source)
                records.append(current)
                seen_codes = False
            current.names.append(name)
            if comment:
                current.comments.append(comment)
            if codes:
                current.codes += codes
                seen_codes = True
    return [record for record in records if record.names and record.names[0]]


def parse_codes(text):
    codes = []
    for inside in CODE.findall(text):
        parts = inside.split()
        if not parts:
            continue
        codes.append((parts[0], len(parts) > 1))
    return codes


# MARK: Names

def words_of(phrase):
    phrase = phrase.replace("_", " ").strip()
    phrase = re.sub(r"\s+", " ", phrase)
    return [word for word in phrase.split(" ") if word]


def acronyms_in(phrase):
    """Acronyms in parentheses ("ANIMAL_LIBERATION_FRONT_(ALF)_") and the phrase without them."""
    found = re.findall(r"\(([A-Za-z0-9.]{2,8})\)", phrase)
    return found, re.sub(r"\([^)]*\)", " ", phrase)


def case_word(word, first, organization=False):
    lower = word.lower()
    if lower in PARTICLES or organization and lower in CONNECTORS:
        return lower.capitalize() if first else lower
    if "-" in word:
        parts = word.split("-")
        head = parts[0].lower()
        if head in HYPHEN_PARTICLES and len(parts) == 2 and parts[1]:
            return (head.capitalize() if first else head) + "-" + case_word(parts[1], True, organization)
        return "-".join(case_word(part, True, organization) if part else part for part in parts)
    if "'" in word and 0 < word.index("'") < len(word) - 1:
        cut = word.index("'")
        prefix = word[:cut].lower()
        if prefix in ("o", "d", "l"):
            rest = case_word(word[cut + 1:], True, organization)
            return (prefix if prefix in ("d", "l") and not first else prefix.capitalize()) + "'" + rest  # O'Brien, d'Estaing
        return lower.capitalize()  # "Qa'ida"
    if lower.startswith("mc") and len(lower) > 3:
        return "Mc" + lower[2].upper() + lower[3:]
    if re.fullmatch(r"([a-z]\.)+", lower):
        return lower.upper()  # initials: "W.", "H.W."
    if organization and (not re.search(r"[aeiouy]", lower) or "&" in lower or len(lower) <= 3 and lower not in ENGLISH):
        return word.upper()  # "RPM", "H&R", "CAI International"
    return lower[:1].upper() + lower[1:]


def is_acronym(word):
    """Whether a one-word name in capitals reads as an acronym ("SAARC", "UNDP") rather than a word
    ("REUTERS", "XINHUA"): five letters or fewer, no vowel, or a start no English word has."""
    lower = word.lower()
    if len(lower) <= 5 or not re.search(r"[aeiouy]", lower):
        return True
    onset = re.match(r"[^aeiouy]*", lower).group(0)
    return lower.startswith("un") and lower[2] not in "aeiouy" or len(onset) >= 2 and onset not in ENGLISH_ONSETS


ENGLISH_ONSETS = {"bl", "br", "ch", "cl", "cr", "dr", "fl", "fr", "gl", "gr", "kh", "ph", "pl", "pr", "sc", "sh", "sk", "sl",
                  "sm", "sn", "sp", "st", "sw", "th", "tr", "tw", "wh", "wr", "sch", "str", "spr", "scr", "thr", "shr"}


def cased(words, organization=False):
    return " ".join(case_word(word, index == 0, organization) for index, word in enumerate(words))


def person_spellings(words):
    """A person's name as news writes it, "al-" and "el-" joined to the word after them ("Bashar
    al-Assad", "Abdel Fattah el-Sisi"), then the name with them apart when that differs."""
    joined = []
    for index, word in enumerate(words):
        if joined and joined[-1].lower() in HYPHEN_PARTICLES and len(joined) > 1 and "-" not in joined[-1]:
            joined[-1] = joined[-1] + "-" + word
        else:
            joined.append(word)
    spellings = [cased(joined), cased(words)]
    return list(dict.fromkeys(spellings))


def fold(words):
    """A name's identity: lower case, hyphens as spaces ("al-Assad" is "al Assad")."""
    return " ".join(word.lower() for word in words).replace("-", " ")


def strip_title(words, lexicon):
    """Drops titles, honorifics, demonyms and country names before a name."""
    index = 0
    while index < len(words) - 1:
        word = words[index].lower().rstrip(",")
        if word in lexicon.title_words or word in lexicon.demonyms or word in lexicon.countries and index + 2 < len(words):
            index += 1
            continue
        # "PRESIDENT_OF_THE_RUSSIAN_FEDERATED_REPUBLIC,_BORIS_N._YELTSIN": everything up to a comma.
        break
    words = words[index:]
    for cut, word in enumerate(words):
        if word.endswith(","):
            return words[cut + 1:] if cut + 1 < len(words) else []
    return words


def is_initial(word):
    return re.fullmatch(r"([A-Za-z]\.)+", word) is not None


def person_shape(words, lexicon):
    """Whether a title-stripped name looks like a person's: two to five words of letters, besides
    particles and initials."""
    real = [w for w in words if w.lower() not in PARTICLES and not is_initial(w)]
    if not 2 <= len(words) <= 8 or not 1 <= len(real) <= 5 or len(real) == 1 and words[0].lower() in PARTICLES:
        return False
    for position, word in enumerate(words):
        lower = word.lower()
        if not re.fullmatch(r"[A-Za-z][A-Za-z.'\-]*", word):
            return False
        if lower in PARTICLES or is_initial(word):
            continue
        # A title word inside a name is a surname ("Julie Bishop"); first, it is a title.
        is_title = lower in lexicon.titles and (position == 0 or lower in ROLE_WORDS)
        if (lexicon.is_head(lower) or lower in ROLE_WORDS or is_title or lower in lexicon.not_person
                or lower in lexicon.demonyms or lower in ("republic", "kingdom", "state", "states", "islands")):
            return False
        if lower in lexicon.function_words and lower not in lexicon.first_names:
            return False
    if words[-1].lower() in PARTICLES or is_initial(words[-1]):
        return False
    if fold(words) in lexicon.places or fold(words) in lexicon.organizations:
        return False
    return True


def country_of(record):
    for code, _ in record.codes:
        if len(code) >= 3 and code[:3].isalpha() and code[:3] not in ("IGO", "NGO", "MNC", "IMG"):
            return code[:3]
    return None


def is_person_record(record):
    """Whether the codes say person: CountryInfo's rulers, a country's government or elite, a dated
    post in an international organisation."""
    if "CountryInfo" in " ".join(record.comments) or "IGOrulers" in " ".join(record.comments):
        return True
    for code, dated in record.codes:
        if len(code) > 3 and code[3:].startswith(PERSON_SECTORS) and code[:3] not in SECTORS:
            return True
        if code == "ELI" or code.startswith("IGO") and dated:
            return True
    return False


def is_bare_country_code(code):
    return re.fullmatch(r"[A-Z]{3}", code) is not None and code not in SECTORS \
        or re.fullmatch(r"[A-Z]{6}", code) is not None and code[3:] not in SECTORS and code[:3] not in SECTORS


def is_country_record(record, lexicon):
    """A country or territory: its codes are bare country codes ("[AFG]", "[DNKGRL]"), dated or not,
    or while unrecognised or occupied ("[HRVUNR …]"); or its name is a place."""
    if fold(words_of(record.primary)) in lexicon.places:
        return True
    return bool(record.codes) and all(is_bare_country_code(code) or code[3:] in ("UNR", "OCC") for code, _ in record.codes)


def edit_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def spelling_variants(a, b):
    """Two names of as many words that differ in one word of four letters or more by at most two letters."""
    if len(a) != len(b) or a == b:
        return False
    differing = [(x, y) for x, y in zip(a, b) if x != y]
    if len(differing) != 1:
        return False
    x, y = differing[0]
    return min(len(x), len(y)) >= 4 and x[0] == y[0] and edit_distance(x, y) <= 2


# MARK: Building the tables

def is_from_country_info(record):
    comments = " ".join(record.comments)
    return "CountryInfo" in comments or "IGOrulers" in comments


def person_name(record, lexicon):
    """The record's primary phrase as a person's name without titles, or `None` when it is none."""
    words = strip_title(words_of(acronyms_in(record.primary)[1]), lexicon)
    return words if person_shape(words, lexicon) else None


def people(records, lexicon, report):
    candidates = [record for record in records
                  if record.source != "nonstate" and not is_country_record(record, lexicon) and is_person_record(record)]
    # First names: the census's, and the first words of the rulers CountryInfo lists, twice or more.
    first_words = collections.Counter()
    for record in candidates:
        name = person_name(record, lexicon) if is_from_country_info(record) else None
        if name:
            first_words[name[0].lower()] += 1
    first_names = lexicon.first_names | {word for word, count in first_words.items() if count >= 2}

    found = []  # (country, canonical words, [alias words])
    for record in candidates:
        canonical = person_name(record, lexicon)
        if canonical is None:
            if report is not None:
                report["no person's name"].append(record.primary)
            continue
        # Records added by hand without dates ("SHIN_BET [ISRSPY]") name agencies as often as people.
        if not is_from_country_info(record) and not any(dated for _, dated in record.codes) \
                and canonical[0].lower() not in first_names:
            if report is not None:
                report["undated, no first name"].append(record.primary)
            continue
        names = []
        for phrase in record.names:
            _, phrase = acronyms_in(phrase)
            words = strip_title(words_of(phrase), lexicon)
            if person_shape(words, lexicon):
                names.append(words)
            elif len(words) == 1 and re.fullmatch(r"[A-Za-z][A-Za-z'\-]+", words[0]):
                names.append(words)  # a surname; checked below
            elif report is not None:
                report["dropped person alias"].append(phrase)
        found.append((country_of(record), canonical, names))

    # Join records that spell one person differently.
    parent = list(range(len(found)))

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_name = {}
    for index, (_, canonical, _) in enumerate(found):
        first = by_name.setdefault(fold(canonical), index)  # one name, one person, wherever listed
        if first != index:
            parent[root(index)] = root(first)
    by_key = collections.defaultdict(list)
    for index, (country, canonical, _) in enumerate(found):
        by_key[(country, canonical[-1].lower(), len(canonical))].append(index)
    for indices in by_key.values():
        for i in indices:
            for j in indices:
                if i < j:
                    a = [w.lower() for w in found[i][1]]
                    b = [w.lower() for w in found[j][1]]
                    if a == b or spelling_variants(a, b):
                        parent[root(j)] = root(i)
    groups = collections.defaultdict(list)
    for index in range(len(found)):
        groups[root(index)].append(index)

    persons = []
    for indices in groups.values():
        canonical = found[indices[0]][1]
        aliases = []
        for index in indices:
            aliases += found[index][2]
        persons.append((canonical, aliases))

    # Who claims each folded name: a name claimed by two people names neither.
    claims = collections.defaultdict(set)
    for number, (canonical, aliases) in enumerate(persons):
        for words in [canonical] + aliases:
            claims[fold(words)].add(number)
    surnames_of = collections.defaultdict(set)
    for number, (canonical, aliases) in enumerate(persons):
        for words in [canonical] + aliases:
            if len(words) >= 2:
                surnames_of[words[-1].lower()].add(number)

    rows = {}
    ambiguous = set()
    for number, (canonical, aliases) in enumerate(persons):
        name, *others = person_spellings(canonical)
        if len(claims[fold(canonical)]) > 1:
            ambiguous.update([name] + others)
            continue
        kept = list(others)
        for words in aliases:
            if len(words) == 1:
                # A surname alone ("PUTIN"): only a real surname of this person that is no ordinary word or
                # other name; when other people have it too, it is a person of its own name.
                word = words[0].lower()
                if word != canonical[-1].lower() or lexicon.is_known_word(word) or len(word) < 4:
                    if report is not None:
                        report["dropped surname"].append(f"{words[0]} ({name})")
                elif len(claims[word]) > 1 or surnames_of[word] != {number}:
                    ambiguous.add(cased(words))
                else:
                    kept.append(cased(words))
            elif len(claims[fold(words)]) > 1:
                ambiguous.update(person_spellings(words))
            else:
                kept += person_spellings(words)
        key = name.lower()
        if key in rows:
            continue
        rows[key] = (name, kept)
    for name in ambiguous:
        rows.setdefault(name.lower(), (name, []))
    return sorted(rows.values(), key=lambda row: row[0])


def initials(words):
    return "".join(word[0] for word in words if word.lower() not in CONNECTORS and word[0].isalpha()).upper()


COMPANY_SUFFIXES = {"inc", "inc.", "corp", "corp.", "corporation", "co", "co.", "ltd", "ltd.", "plc", "llc", "l", "sa",
                    "s.a.", "nv", "n.v.", "ag", "se", "lp", "l.p.", "limited", "holdings", "holding", "company"}


def is_company(record):
    return any(code.startswith("MNC") for code, _ in record.codes)


def organizations(records, lexicon, report):
    rows = {}
    for record in records:
        if is_country_record(record, lexicon):
            continue
        names, acronyms = [], []
        for phrase in record.names:
            found, phrase = acronyms_in(phrase)
            acronyms += [a.replace(".", "").upper() for a in found]
            words = [w.rstrip(",") for w in words_of(phrase)]
            if words and words[0].lower() == "the":
                words = words[1:]
            if not words or any(re.search(r"\d", w) for w in words):
                continue
            names.append(words)
        if not names:
            continue
        multi = [w for w in names if len(w) >= 2]
        primary = names[0]
        if len(primary) == 1:
            # A one-word organisation ("HAMAS", "SAARC"), when that is no ordinary word or other name,
            # and no person (whose records have dated posts: "HAMMARSKJOLD").
            single = primary[0]
            if len(single) >= 4 and not any(dated for _, dated in record.codes) and re.fullmatch(r"[A-Za-z][A-Za-z\-]+", single) \
                    and not lexicon.is_known_word(single) and single.lower() not in lexicon.surnames:
                name = single.upper() if is_acronym(single) else case_word(single, True, organization=True)
                aliases = [single.upper() if is_acronym(words[0]) else case_word(words[0], True, organization=True)
                           for words in names[1:] if len(words) == 1 and not lexicon.is_known_word(words[0])]
                aliases += [cased(words, organization=True) for words in multi
                            if words[0].lower() not in lexicon.titles and not person_shape(words, lexicon)]
                rows.setdefault(name.lower(), (name, []))[1].extend(aliases)
            continue
        canonical = primary
        lowered = [w.lower() for w in canonical]
        has_head = any(lexicon.is_head(w) for w in lowered)
        company = is_company(record)
        if not company and not has_head and person_shape(strip_title(canonical, lexicon), lexicon):
            continue  # a person listed among organisations ("Kofi Annan")
        if any(w in ROLE_WORDS and not lexicon.is_head(w) for w in lowered) or lowered[0] in lexicon.titles and lowered[0] != "general":
            if report is not None:
                report["role, not organisation"].append(" ".join(canonical))
            continue
        if record.source == "countries" and not has_head:
            continue  # national records without a head word are places, roles and nicknames
        if fold(canonical) in lexicon.places:
            continue
        name = cased(canonical, organization=True)
        # Armed groups list their leaders among their names ("Anwar al-Awlaki"): those are no aliases.
        aliases = [cased(w, organization=True) for w in multi[1:] if w[0].lower() not in lexicon.titles
                   and (any(lexicon.is_head(x) for x in w) or not person_shape(w, lexicon) and w[0].lower() not in ("abu", "bin", "ibn"))]
        if company:
            # "Honeywell International Inc" also goes by "Honeywell International", or "Honeywell"
            # when that is no ordinary word or other name.
            bare = list(canonical)
            while len(bare) > 1 and bare[-1].lower() in COMPANY_SUFFIXES:
                bare.pop()
            if len(bare) >= 2 or len(bare) == 1 and len(bare[0]) >= 4 and not lexicon.is_known_word(bare[0]) \
                    and bare[0].lower() not in lexicon.surnames:
                aliases.append(cased(bare, organization=True))
        spelled = initials(canonical)
        for words in names:
            if len(words) == 1 and words[0].upper() == spelled and len(spelled) >= 3:
                acronyms.append(spelled)
        aliases += [a for a in acronyms if len(a) >= 3 and a == spelled]
        key = name.lower()
        if key in rows:
            rows[key][1].extend(aliases)
        else:
            rows[key] = (name, aliases)
    # An alias two organisations claim names neither.
    claims = collections.Counter()
    for name, aliases in rows.values():
        for alias in set(aliases) | {name}:
            claims[alias.lower()] += 1
    result = []
    for name, aliases in rows.values():
        if name.lower() in lexicon.organizations:
            continue  # organizations.tsv, written by hand, has it
        kept = [a for a in dict.fromkeys(aliases)
                if claims[a.lower()] == 1 and a.lower() not in lexicon.places and a.lower() not in lexicon.organizations]
        result.append((name, kept))
    return sorted(result)


def world_first_names(records, lexicon):
    """First names the census list lacks ("Vladimir", "Ahmed", "Wang"): the first words of two persons'
    names or more, when they are no ordinary word, title, demonym or head word; a place only when
    five persons or more bear it."""
    counts = collections.Counter()
    for record in records:
        if record.source == "nonstate" or is_country_record(record, lexicon) or not is_person_record(record):
            continue
        name = person_name(record, lexicon)
        if name and name[0].lower() not in PARTICLES and not is_initial(name[0]):
            counts[name[0].lower()] += 1
    found = []
    for word, count in counts.items():
        if count < 2 or len(word) < 3 or word in lexicon.first_names or not re.fullmatch(r"[a-z][a-z'\-]*", word):
            continue
        if (word in lexicon.english or word in lexicon.title_words or word in lexicon.function_words or word in lexicon.demonyms
                or lexicon.is_head(word) or word in lexicon.not_person or word in lexicon.places and count < 5):
            continue
        found.append((case_word(word, True), []))
    return sorted(found)


def write(name, header, rows):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as out:
        for line in header:
            out.write(f"# {line}\n")
        for canonical, aliases in rows:
            extra = [a for a in dict.fromkeys(aliases) if a != canonical]
            out.write(canonical + ("\t" + "|".join(extra) if extra else "") + "\n")
    print(f"{name}: {len(rows)} entries")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--phoenix", default=DEFAULT_PHOENIX, help="the folder with the Phoenix .actors.txt files")
    parser.add_argument("--report", action="store_true", help="print what was dropped and why")
    arguments = parser.parse_args()
    files = {"countries": "Phoenix.Countries.actors.txt", "international": "Phoenix.International.actors.txt",
             "nonstate": "Phoenix.MilNonState.actors.txt"}
    records = []
    for source, file in files.items():
        path = os.path.join(arguments.phoenix, file)
        if not os.path.exists(path):
            sys.exit(f"missing {path}: pass --phoenix DIR")
        records += read_records(path, source)
    lexicon = Lexicon()
    report = collections.defaultdict(list) if arguments.report else None
    attribution = [
        "Derived from the Phoenix actor dictionaries of PETRARCH2 (MIT licence, (c) 2014 Open Event Data Alliance,",
        "https://github.com/openeventdata/petrarch2) by Scripts/make-known-actors.py; do not edit.",
    ]
    write("known-people.tsv", ["Named persons: canonical<TAB>alias|alias (titles stripped; a surname only when it is unique)."]
          + attribution, people(records, lexicon, report))
    write("known-first-names.tsv", ["First names of the persons named in the dictionaries that first-names.tsv lacks."]
          + attribution, world_first_names(records, lexicon))
    write("known-organizations.tsv", ["Organisations, armed groups and national institutions: canonical<TAB>alias|acronym."]
          + attribution, organizations(records, lexicon, report))
    if report is not None:
        for reason, items in report.items():
            print(f"\n## {reason}: {len(items)}")
            for item in items[:60]:
                print("  ", item)


if __name__ == "__main__":
    main()
