#!/usr/bin/env python3
"""Builds the demo corpus that ships in Sources/DossierDemoCorpus/Resources/Corpus from ../shared.

The Wikinews articles (CC BY 2.5) are converted as follows, as NOTICE.md records: runs of blank
lines become one blank line between paragraphs, and trailing spaces are removed. Nothing else
changes: every article keeps its URL (its attribution), date, title and dateline.
"""
import csv
import pathlib
import re
import shutil
import sys

root = pathlib.Path(__file__).resolve().parent.parent
shared = root.parent / "shared"
target = root / "Sources" / "DossierDemoCorpus" / "Resources" / "Corpus"


def tidy(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def main() -> int:
    source = shared / "corpus" / "wikinews-2019.csv"
    if not source.exists():
        print(f"missing {source}", file=sys.stderr)
        return 1
    target.mkdir(parents=True, exist_ok=True)
    with source.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    with (target / "wikinews-2019.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=["url", "date", "title", "text"], lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({"url": row["url"], "date": row["date"], "title": row["title"].strip(), "text": tidy(row["text"])})
    seeds = target / "seeds"
    seeds.mkdir(exist_ok=True)
    for seed in sorted((shared / "seeds").glob("*.txt")):
        shutil.copyfile(seed, seeds / seed.name)
    print(f"wrote {len(rows)} Wikinews articles and the seeds to {target.relative_to(root)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
