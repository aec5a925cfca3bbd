#!/usr/bin/env python3
"""Derives Dossier's relation verb lexicon from PETRARCH2's CAMEO verb dictionary (MIT licence).

  python3 Scripts/make-relation-lexicon.py [PATH/TO/CAMEO.2.0.txt]
  (default: ../shared/lexicons/petrarch2/CAMEO.2.0.txt)

Writes Sources/DossierText/Resources/Relations/cameo-verbs.tsv: one row per verb lemma with the
Dossier predicate it signals, the prepositions that introduce its target, its irregular forms,
and the CAMEO block and code it came from.

How: CAMEO groups verbs in blocks (WordNet-style synonym sets) under a default event code, with
patterns that refine the code by what follows the verb ("- * (TO) [042]": the verb followed by
"to" is a visit). BLOCKS below maps the blocks whose sense is one of Dossier's predicates
(ANNOTATIONS.md; by their CAMEO code where the table gives one) to that predicate and its default
target; patterns of the form "- * (PREP) [code]" whose code maps to the same predicate add PREP
as a target. Synonym sets are broad ("SEE" sits under "make a statement"), so EXCLUDED names the
members whose usual news sense is another, with the reason; OVERRIDES moves verbs that carry their
own code in a block ("ACCUSE [112]" among the blame verbs) or belong to another predicate.
"""
import os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SOURCE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "lexicons", "petrarch2", "CAMEO.2.0.txt")
OUTPUT = os.path.join(ROOT, "Sources", "DossierText", "Resources", "Relations", "cameo-verbs.tsv")

# CAMEO block → (predicate, default targets). Targets: "obj" (direct object; passive subject),
# "ccomp" (a reported clause), or prepositions.
BLOCKS = {
    # 04 consult: 040 consult, 042 visit, 043 host, 036 invite
    "MEET_PEOPLE": ("meet", "obj with"), "ASSEMBLE": ("meet", "with"), "CONFER": ("meet", "with"),
    "VISIT": ("visit", "obj"), "GO_SOMEWHERE": ("visit", "to"), "ARRIVE": ("visit", "in at to"),
    "HOST": ("host", "obj"), "INVITE": ("invite", "obj"),
    # 05 diplomatic cooperation: 051 praise or endorse, 057 agreements
    "ACCLAIM": ("praise", "obj"), "LAUD": ("praise", "obj"), "THANK": ("praise", "obj"), "SUPPORT": ("praise", "obj"),
    "APPRECIATE": ("praise", "obj"), "COLLABORATE": ("cooperate", "with"),
    # 06 material cooperation: 061 economic (trade), 060/062/070 aid
    "AID": ("cooperate", "obj with"), "MERGE": ("cooperate", "with"), "PURCHASE": ("trade", "obj from"),
    "IMPORT": ("trade", "obj from"), "TRADE": ("trade", "with obj"), "ARM": ("trade", "obj"), "FINANCE": ("cooperate", "obj"),
    # 11 disapprove: 111 criticize or denounce, 112 accuse
    "DENIGRATE": ("criticize", "obj"), "DENOUNCE": ("criticize", "obj"), "DEPLORE": ("criticize", "obj"),
    "JEER": ("criticize", "obj at"), "SAVAGE": ("criticize", "obj"), "DISAPPROVE": ("criticize", "obj"),
    "REBUFF": ("criticize", "obj"), "BLAME": ("criticize", "obj"),
    # 16-17 reduce relations, coerce: 163 sanctions and embargoes, 172 bans and fines, 173 legal action
    "EXCLUDE": ("sanction", "obj on against"), "PROHIBIT": ("sanction", "obj"), "FINE": ("sanction", "obj"),
    "PUNISH": ("sanction", "obj"), "APPREHEND": ("charge", "obj"), "PROSECUTE": ("charge", "obj"), "SUE": ("charge", "obj"),
    "RE_ARREST": ("charge", "obj"), "SENTENCE": ("charge", "obj"), "CONFINE": ("charge", "obj"),
    # 18-20 assault, fight, mass violence
    "PHYSICAL_CONFLICT": ("attack", "obj on against"), "KILL": ("attack", "obj"), "SHOOT": ("attack", "obj at"),
    "EXPLOSIVE_DESTRUCTION": ("attack", "obj"), "AMBUSH": ("attack", "obj"), "RAID": ("attack", "obj"),
    "INVADE": ("attack", "obj"), "BESIEGE": ("attack", "obj"), "TARGET": ("attack", "obj"), "KIDNAP": ("attack", "obj"),
    "ASSASSINATE": ("attack", "obj"), "STAB": ("attack", "obj"), "GUNFIRE": ("attack", "obj"), "POUND": ("attack", "obj"),
    "RANSACK": ("attack", "obj"), "TORTURE": ("attack", "obj"), "RAPE": ("attack", "obj"),
    # 01 public statements: 010 make a statement, 016 deny
    "EXPLAIN_VERBAL": ("state", "ccomp"), "DECREE": ("state", "ccomp"), "EMPHASIZE": ("state", "ccomp"),
    "QUOTE": ("state", "ccomp"), "REFUTE": ("state", "ccomp"), "ALLEGE": ("state", "ccomp"),
}

# Members of those blocks whose usual sense in news is not the block's, and why.
EXCLUDED = {
    "talk": "needs 'with' to be a meeting: listed by hand", "speak": "needs 'with' to be a meeting: listed by hand",
    "utter": "speech, not a meeting", "verbalise": "speech, not a meeting", "verbalize": "speech, not a meeting",
    "converse": "rare", "brave": "not a meeting", "face": "to face charges, crises: not a meeting",
    "confront": "hostile, not a meeting", "encounter": "mostly problems, not people", "run into": "mostly problems",
    "amass": "troops, not a meeting", "cluster": "things", "conglomerate": "things", "constellate": "things",
    "conjoin": "things", "flock": "crowds", "converge": "crowds, not parties", "congregate": "crowds",
    "leave": "departing is not visiting", "depart": "departing is not visiting", "egress": "departing",
    "pull out": "withdrawal", "walk out": "protest", "go away": "departing", "go forth": "departing",
    "leave behind": "departing", "embark": "mostly 'embark on' a plan", "attend": "attend is its own predicate: listed by hand",
    "approach": "mostly figurative", "come": "too general", "go": "too general: 'go to' is listed by hand",
    "elicit": "not an invitation", "ask for": "a request, not an invitation", "reinvite": "rare",
    "celebrate": "events, not parties", "commemorate": "events", "clap": "literal", "greet": "mostly a welcome, not praise",
    "admire": "mostly weak", "cheer": "crowds", "bless": "religious", "prize": "mostly a noun", "value": "mostly a noun",
    "esteem": "rare", "respect": "mostly 'in respect of'", "advertise": "commerce", "advertize": "commerce",
    "promote": "mostly products and causes", "favor": "mostly policies", "favour": "mostly policies", "prefer": "policies",
    "associate": "mostly 'associated with' things", "concert": "noun", "side with": "listed by hand",
    "serve": "serving a term, a sentence", "benefit": "mostly things", "assist": "kept", "compound": "things",
    "blend": "things", "coalesce": "things", "conflate": "things", "fuse": "things", "unify": "things", "combine": "things",
    "compensate": "damages, not trade", "pay": "too general", "invest": "'invest in' things", "stock": "things",
    "render": "too general", "tender": "offers", "outfit": "things", "gear": "things", "attire": "clothes", "furnish": "things",
    "equip": "things", "swap": "things", "exchange": "fire, words: too general",
    "chain": "things", "cane": "literal", "chasten": "rare", "dress down": "rare", "pillory": "rare", "crucify": "literal",
    "scoff": "weak", "jeer": "crowds", "slight": "rare", "defer": "delay, not blame", "delay": "delay, not blame",
    "forestall": "delay", "hamper": "hinder, not blame", "implicate": "reported links, not blame", "fault": "mostly a noun",
    "condemn": "kept", "cordon off": "police", "vote down": "votes", "segregate": "things", "ostracise": "rare",
    "ostracize": "rare", "bar": "mostly a noun", "block": "too general", "exclude": "too general",
    "censor": "media", "disallow": "rules", "interdict": "rare", "criminalise": "acts, not parties",
    "criminalize": "acts, not parties", "illegalise": "acts", "illegalize": "acts", "proscribe": "acts", "tax": "taxes",
    "penalize": "kept", "punish": "kept", "take": "too general", "grab": "too general", "catch": "too general",
    "snatch": "too general", "seize": "property, territory", "capture": "territory in war", "hold": "too general",
    "contain": "things", "enclose": "things", "restrict": "things", "withhold": "things", "cage": "animals",
    "confine": "things", "imprison": "kept", "incarcerate": "kept", "jail": "kept", "detain": "kept",
    "battle": "mostly illness, fires", "altercate": "rare", "assail": "mostly verbal", "blitz": "sports",
    "fight back": "defence", "fight down": "rare", "square off": "contests", "hang": "too general", "string up": "rare",
    "stamp out": "problems", "wipe out": "things", "fire": "employment", "blow": "too general", "pelt": "rare",
    "blast": "mostly verbal criticism", "torch": "things", "explode": "things explode", "detonate": "devices",
    "dynamite": "rare", "bombard": "kept", "ram": "vehicles", "thump": "literal", "pound": "mostly currency",
    "foray": "rare", "despoil": "rare", "reave": "rare", "loot": "property", "pillage": "property", "plunder": "property",
    "ransack": "property", "aim": "aims and goals", "infest": "pests", "inhabit": "living, not invading",
    "reside": "living", "overrun": "mostly figurative", "occupy": "mostly posts and buildings",
    "articulate": "weak", "cite": "sources", "clarify": "weak", "communicate": "weak", "convey": "things", "define": "things",
    "depict": "things", "describe": "things", "detail": "things", "elucidate": "weak", "explain": "weak",
    "explicate": "rare", "expound": "rare", "express": "feelings: weak", "impart": "rare", "inform": "weak",
    "mention": "weak", "narrate": "stories", "rationalize": "rare", "refer": "weak", "remark": "kept",
    "clear up": "rare", "proclaim": "kept", "ordain": "religious", "pronounce": "words", "decree": "kept",
    "accentuate": "things", "enunciate": "words", "highlight": "things", "impress": "feelings", "pinpoint": "things",
    "punctuate": "things", "spotlight": "things", "underline": "kept", "underscore": "kept", "restate": "kept",
    "retell": "stories", "swear": "oaths", "aver": "rare", "avow": "rare", "quote": "quoting a source",
    "describe": "things", "emphasise": "kept",
    # The blame block runs on into verbs of obstruction (CAMEO 16x/12x, not criticism).
    "hinder": "obstruction", "impede": "obstruction", "inhibit": "obstruction", "obstruct": "obstruction",
    "override": "decisions", "overrule": "decisions", "postpone": "delay", "prevent": "obstruction",
    "procrastinate": "delay", "remit": "delay", "retard": "delay", "shelve": "delay", "stall": "delay",
    "stymie": "obstruction", "table": "delay", "lecture": "teaching", "flog": "literal", "reprobate": "rare",
    "remonstrate": "rare", "scorn": "weak", "deride": "weak",
    "join": "joining is its own predicate", "unite": "things", "huddle": "rare", "touring": "a form of tour",
    "match": "sports", "pit": "contests", "kick": "sports", "hit": "too general", "hammer": "figurative",
    "stone": "rare", "conflict": "things", "struggle": "figurative", "wrestle": "figurative", "duel": "contests",
    "grapple": "figurative", "quarrel": "verbal", "clobber": "figurative", "pummel": "figurative",
    "bludgeon": "rare", "siege": "noun", "skirmish": "kept", "combat": "mostly problems", "fight": "kept",
    "storm": "mostly weather", "strike": "kept", "retaliate": "kept", "dishonor": "rare", "dishonour": "rare",
    "recognise": "diplomatic recognition, not praise", "recognize": "diplomatic recognition, not praise",
    "reward": "things", "toast": "literal", "exalt": "rare", "glorify": "rare", "felicitate": "rare",
    "shun": "weak", "veto": "legislation", "forbid": "acts", "blow up": "things", "intrude on": "rare",
    "pay for": "purchases of things", "arm": "mostly 'armed'", "assemble": "things", "get together": "informal",
}

# Verbs that carry their own sense inside a block: lemma → (predicate, targets).
OVERRIDES = {
    "accuse": ("criticize", "obj"), "charge": ("charge", "obj"), "convict": ("charge", "obj"), "indict": ("charge", "obj"),
    "condemn": ("criticize", "obj"), "arrest": ("charge", "obj"), "apprehend": ("charge", "obj"), "nab": ("charge", "obj"),
    "rearrest": ("charge", "obj"), "re-arrest": ("charge", "obj"), "go to": ("visit", "obj"), "boycott": ("sanction", "obj"),
    "embargo": ("sanction", "obj"), "blockade": ("sanction", "obj"), "blacklist": ("sanction", "obj"),
    "say": ("state", "ccomp"), "tell": ("state", "ccomp obj"), "state": ("state", "ccomp"), "announce": ("state", "ccomp"),
    "report": ("state", "ccomp"), "assert": ("state", "ccomp"), "comment": ("state", "ccomp on"), "declare": ("state", "ccomp"),
    "stress": ("state", "ccomp"), "emphasize": ("state", "ccomp"), "reiterate": ("state", "ccomp"), "refute": ("state", "ccomp"),
    "allege": ("state", "ccomp"), "claim": ("state", "ccomp"), "note": ("state", "ccomp"),
}

WORD = re.compile(r"^[A-Z][A-Z'-]*(?:_[A-Z'-]+)*$")


def blocks(path):
    lines = open(path, encoding="latin-1").read().split("\n")
    start = next(i for i, line in enumerate(lines) if "VERB PATTERNS" in line)
    current = None
    for line in lines[start + 1:]:
        header = re.match(r"^---\s+(\S+)\s+\[([^\]]*)\]\s+---", line)
        if header:
            current = {"name": header.group(1), "code": header.group(2), "verbs": [], "patterns": []}
            yield current
            continue
        if current is None:
            continue
        text = line.split("#")[0].strip()
        if not text:
            continue
        if text.startswith("-"):
            pattern = re.match(r"^-\s*(.*?)\s*\[([^\]]*)\]", text)
            if pattern:
                current["patterns"].append((pattern.group(1).strip(), pattern.group(2)))
            continue
        # A synonym line: "HURRY {HURRIES HURRYING HURRIED }", "+MEET_WITH {...}", "ACCUSE [112]".
        verb = re.match(r"^\+?([A-Z][A-Z'_-]*)\s*(\{([^}]*)\})?", text)
        if verb:
            forms = [f.lstrip("+") for f in (verb.group(3) or "").split()]
            current["verbs"].append((verb.group(1), forms))


def main():
    rows = {}
    for block in list(blocks(SOURCE)):
        if block["name"] not in BLOCKS:
            continue
        predicate, targets = BLOCKS[block["name"]]
        # Prepositions that patterns of the block attach to the same predicate.
        extra = []
        for pattern, code in block["patterns"]:
            m = re.fullmatch(r"\*\s+\((TO|WITH|AGAINST|ON|IN|AT|FROM|INTO|FOR)\)", pattern)
            if m and BLOCKS.get(block["name"], ("",))[0] == predicate and code.split(":")[0][:3] == block["code"][:3]:
                preposition = m.group(1).lower()
                if preposition not in targets.split() and preposition not in extra:
                    extra.append(preposition)
        for verb, forms in block["verbs"]:
            lemma = verb.lower().replace("_", " ")
            if lemma in EXCLUDED and EXCLUDED[lemma] != "kept":
                continue
            row_predicate, row_targets = OVERRIDES.get(lemma, (predicate, " ".join(targets.split() + extra)))
            words = lemma.split()
            # Fragments of longer patterns ("killed and", "arrest and") are no lemmas.
            if len(words) > 2 or words[-1] in ("and", "or"):
                continue
            irregular = sorted({f.lower().replace("_", " ") for f in forms if "_" not in f})
            key = (lemma, row_predicate)
            if key not in rows:
                rows[key] = (row_targets, irregular, f"{block['name']} [{block['code']}]")
    with open(OUTPUT, "w", encoding="utf-8") as out:
        out.write("# Verbs that signal a relation, derived from PETRARCH2's CAMEO verb dictionary (MIT licence,\n")
        out.write("# openeventdata/petrarch2) by Scripts/make-relation-lexicon.py; do not edit.\n")
        out.write("# lemma <TAB> predicate <TAB> targets (obj, ccomp, prepositions) <TAB> irregular forms <TAB> CAMEO block [code]\n")
        for (lemma, predicate), (targets, irregular, source) in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
            out.write(f"{lemma}\t{predicate}\t{targets.replace(' ', ',')}\t{','.join(irregular) or '-'}\t{source}\n")
    counts = {}
    for (_, predicate) in rows:
        counts[predicate] = counts.get(predicate, 0) + 1
    print(f"wrote {len(rows)} verbs to {os.path.relpath(OUTPUT, ROOT)}: {dict(sorted(counts.items()))}")


if __name__ == "__main__":
    main()
