#!/usr/bin/env python3
"""Scores Dossier's relations against the frozen relation test gold (Evaluation/RelationTestGold).

  Scripts/score-relations.py [--dossier PATH] [--errors]          # the frozen test gold
  Scripts/score-relations.py --dev [--errors]                     # the development gold (Wikinews)

The gold holds whole TimeBank and AQUAINT documents annotated by hand (offsets and names only: the
texts stay in ../shared/eval/timeml-dev, whose licence does not let the project ship them). The
script rebuilds the documents with ../shared/eval/timeml.py, runs `dossier annotate --format jsonl`
on them, and pairs found relations with gold ones in the same document: the same predicate,
modality and negation, the same arguments by name (a gold name, one of its `_also` names, a name the
document's mentions resolved to it, or the same name without a first name or title; either order
for meet and cooperate), and evidence sentences that overlap. Pairing is one to one, greedy in text
order. It prints precision, recall and F1, the same without modality and negation, the share of
correct relations with the gold time, and figures per predicate.
"""
import argparse, collections, json, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SHARED = os.path.join(ROOT, "..", "shared")
GOLD = os.path.join(ROOT, "Evaluation", "RelationTestGold", "gold.jsonl")
DEV_GOLD = os.path.join(ROOT, "Tests", "DossierTests", "RelationGold", "documents.jsonl")
DEMO_CSV = os.path.join(ROOT, "Sources", "DossierDemoCorpus", "Resources", "Corpus", "wikinews-2019.csv")
SYMMETRIC = {"meet", "cooperate"}


def names_match(found, gold_names, aliases):
    found = found.lower()
    for gold in gold_names:
        gold = gold.lower()
        if found == gold or aliases.get(gold) == found:
            return True
        if gold.endswith(" " + found) or found.endswith(" " + gold) or gold.startswith(found + " ") or found.startswith(gold + " "):
            return True
    return False


def matches(found, gold, aliases, strict=True):
    if found["predicate"] != gold["predicate"]:
        return False
    if strict and (found["modality"] != gold["modality"] or found["negated"] != gold["negated"]):
        return False
    fs, fe = found["sentence"]
    gs, ge = gold["evidence"]
    if not (fs < ge and gs < fe):
        return False
    subjects = [gold["subject"]] + gold.get("subject_also", [])
    objects = [gold["object"]] + gold.get("object_also", [])
    if names_match(found["subject"], subjects, aliases) and names_match(found["object"], objects, aliases):
        return True
    return gold["predicate"] in SYMMETRIC and names_match(found["subject"], objects, aliases) and names_match(found["object"], subjects, aliases)


def pair(found, gold, aliases, strict):
    """Greedy one-to-one pairing; returns (pairs, unmatched gold, unmatched found)."""
    used = set()
    pairs, missed = [], []
    for g in sorted(gold, key=lambda r: r["evidence"][0]):
        candidates = [i for i, f in enumerate(found) if i not in used and matches(f, g, aliases, strict)]
        # Of candidates that differ only in time, take the one with the gold time.
        chosen = next((i for i in candidates if found[i].get("time") == g.get("time")), candidates[0] if candidates else None)
        if chosen is None:
            missed.append(g)
        else:
            used.add(chosen)
            pairs.append((found[chosen], g))
    spurious = [f for i, f in enumerate(found) if i not in used]
    return pairs, missed, spurious


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dossier", default=os.path.join(ROOT, ".build", "release", "dossier"))
    parser.add_argument("--gold", default=None)
    parser.add_argument("--dev", action="store_true", help="score the development gold: whole Wikinews articles of the demo corpus")
    parser.add_argument("--errors", action="store_true", help="list every miss and every spurious relation")
    args = parser.parse_args()

    gold_path = args.gold or (DEV_GOLD if args.dev else GOLD)
    gold = [json.loads(line) for line in open(gold_path, encoding="utf-8")]
    wanted = {g["document"] for g in gold}
    if args.dev:
        import csv
        docs = {row["url"]: {"id": row["url"], "date": row["date"], "text": row["text"]}
                for row in csv.DictReader(open(DEMO_CSV, encoding="utf-8")) if row["url"] in wanted}
    else:
        docs_text = subprocess.run([sys.executable, os.path.join(SHARED, "eval", "timeml.py"), "docs", os.path.join(SHARED, "eval", "timeml-dev")],
                                   check=True, capture_output=True, text=True).stdout
        docs = {d["id"]: d for d in map(json.loads, docs_text.splitlines()) if d["id"] in wanted}
    missing = wanted - docs.keys()
    if missing:
        sys.exit(f"documents not found: {sorted(missing)}")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "docs.jsonl")
        with open(path, "w", encoding="utf-8") as out:
            for g in gold:
                d = docs[g["document"]]
                out.write(json.dumps({"id": d["id"], "date": (d["date"] or "")[:10] or None, "text": d["text"]}) + "\n")
        result = subprocess.run([args.dossier, "annotate", "--format", "jsonl", path], check=True, capture_output=True, text=True)
    system = {d["id"]: d for d in map(json.loads, result.stdout.splitlines())}

    totals = collections.Counter()
    per_predicate = collections.defaultdict(collections.Counter)
    errors = []
    for g in gold:
        out = system.get(g["document"], {})
        found = out.get("relations", [])
        aliases = {e["text"].lower(): e["entity"].lower() for e in out.get("entities", [])}
        strict_pairs, missed, spurious = pair(found, g["relations"], aliases, strict=True)
        loose_pairs, _, _ = pair(found, g["relations"], aliases, strict=False)
        totals["gold"] += len(g["relations"]); totals["found"] += len(found)
        totals["correct"] += len(strict_pairs); totals["loose"] += len(loose_pairs)
        totals["timed"] += sum(1 for f, r in strict_pairs if f.get("time") == r.get("time"))
        for r in g["relations"]: per_predicate[r["predicate"]]["gold"] += 1
        for f in found: per_predicate[f["predicate"]]["found"] += 1
        for f, r in strict_pairs: per_predicate[r["predicate"]]["correct"] += 1
        text = docs[g["document"]]["text"]
        for r in missed:
            s, e = r["evidence"]
            errors.append(f"missed   {g['document']}: {r['subject']} —{r['predicate']}→ {r['object']} [{r['modality']}{', negated' if r['negated'] else ''}]\n         in: {text[s:e].strip()}")
        for f in spurious:
            s, e = f["sentence"]
            errors.append(f"spurious {g['document']}: {f['subject']} —{f['predicate']}→ {f['object']} [{f['modality']}{', negated' if f['negated'] else ''}]\n         in: {text[s:e].strip()}")

    def prf(correct, found, gold):
        p = correct / found if found else 0.0
        r = correct / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    p, r, f = prf(totals["correct"], totals["found"], totals["gold"])
    lp, lr, lf = prf(totals["loose"], totals["found"], totals["gold"])
    print(f"{'relation development gold' if args.dev else 'relation test gold'}: {len(gold)} documents, {totals['gold']} gold relations, {totals['found']} found")
    print(f"  strict (arguments, predicate, modality, negation): precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}  ({totals['correct']} correct)")
    print(f"  without modality and negation:                    precision {lp:.3f}  recall {lr:.3f}  F1 {lf:.3f}")
    print(f"  correct relations with the gold time: {totals['timed']} of {totals['correct']}")
    print("  per predicate (gold / found / correct):")
    for predicate, c in sorted(per_predicate.items(), key=lambda kv: -kv[1]["gold"]):
        print(f"    {predicate:10} {c['gold']:4} {c['found']:4} {c['correct']:4}")
    if args.errors:
        print("\n".join(errors))


if __name__ == "__main__":
    main()
